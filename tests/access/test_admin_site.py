"""The administration site opens only for admins (R-X-1), and shows the reference data read-only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.text import capfirst

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.regions.models import Municipality
from tests.customers.conftest import HELSINKI_HETU, demo, demo_customers, user  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def client_for(username):
    ensure_demo_users()
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_admin_sees_the_site_and_reference_data_read_only():
    client = client_for("admin")
    assert client.get("/admin/").status_code == 200
    helsinki = Municipality.objects.get(code="091")
    page = client.get(f"/admin/regions/municipality/{helsinki.pk}/change/")
    assert page.status_code == 200 and b"Helsingfors" in page.content
    assert client.get("/admin/regions/municipality/add/").status_code == 403


@pytest.mark.parametrize("username", ["aino.virtanen", "juha.heikkinen", "elina.laine"])
def test_others_do_not_get_in(username):
    response = client_for(username).get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_deleting_a_user_shows_no_personal_data_only_counts(demo_customers, user):  # noqa: F811
    """R-X-2: the delete page lists the access-log entries and facts a user made by kind and count, never the
    persons' ids or values — and deleting is refused while they exist (they are kept)."""
    person = demo_customers[HELSINKI_HETU]
    worker = user("aino.virtanen")
    viewer = Client()
    viewer.force_login(worker)
    assert viewer.get(reverse("customers:person", args=[person.pk])).status_code == 200
    assert AccessLogEntry.objects.filter(user=worker, person=person).exists()

    page = client_for("admin").get(f"/admin/auth/user/{worker.pk}/delete/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "aino.virtanen" in html
    for secret in (str(person.pk), person.henkilotunnus, person.last_name):
        assert secret not in html
    kept = page.context["protected"]
    log_entries = str(capfirst(AccessLogEntry._meta.verbose_name_plural))
    assert any(line.startswith(log_entries) for line in kept), kept
    count = AccessLogEntry.objects.filter(user=worker).count()
    assert f": {count}" in " ".join(kept)
