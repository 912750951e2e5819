"""The demo never touches a production database (R-X-1): with DEBUG off it refuses unless told the
database is not a production one, and it never resets an existing account's password."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kuntakokeilu.access.demo import DEMO_PASSWORD, ensure_demo_users

pytestmark = pytest.mark.django_db


def test_with_debug_off_the_demo_refuses_and_changes_nothing(settings):
    settings.DEBUG = False
    users = get_user_model().objects.count()
    with pytest.raises(CommandError, match="production"):
        call_command("demo", stdout=io.StringIO())
    assert get_user_model().objects.count() == users


def test_an_existing_admin_keeps_its_password(settings):
    admin = get_user_model().objects.create_user("admin", password="Oma-vahva-salasana-42")
    rows = {r[0]: r[1] for r in ensure_demo_users()}
    admin.refresh_from_db()
    assert admin.check_password("Oma-vahva-salasana-42")
    assert not admin.check_password(DEMO_PASSWORD)
    assert "its own password kept" in rows["admin"]
    created = get_user_model().objects.get(username="aino.virtanen")
    assert created.check_password(DEMO_PASSWORD)


def test_with_the_explicit_flag_the_demo_runs_with_debug_off(settings, monkeypatch):
    settings.DEBUG = False
    settings.DEMO_STEPS = ["kuntakokeilu.access.demo"]
    out = io.StringIO()
    call_command("demo", "--i-know-this-is-not-production", stdout=out)
    assert "Demo users" in out.getvalue()
    assert get_user_model().objects.filter(username="aino.virtanen").exists()
