"""One form of a username (R-X-1): stored case-folded by every writer, so the unique constraint keeps one
account per name; sign-in and its throttle read the name in the same form."""

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError
from django.test import RequestFactory

from kuntakokeilu.access.demo import DEMO_PASSWORD, ensure_demo_users
from kuntakokeilu.access.usernames import axes_username, normalise

pytestmark = pytest.mark.django_db


@pytest.mark.nodb
def test_the_one_form_is_case_folded_and_unicode_normalised():
    assert normalise("  Aino.Virtanen ") == "aino.virtanen"
    assert normalise("ÅSA.STRÖM") == "åsa.ström"  # beyond ASCII, where SQLite's LOWER() stops
    assert normalise("ﬁnn") == "finn"  # NFKC


def test_every_writer_stores_the_one_form_and_the_database_refuses_a_second_case():
    get_user_model().objects.create_user("Åsa.Ström", password="x" * 12)
    assert get_user_model().objects.filter(username="åsa.ström").exists()
    with pytest.raises(IntegrityError):
        get_user_model().objects.create_user("ÅSA.STRÖM", password="x" * 12)


def test_sign_in_finds_the_account_whatever_the_case(client):
    ensure_demo_users()
    response = client.post("/sign-in/", {"username": "Aino.Virtanen", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"].username == "aino.virtanen"


@pytest.mark.nodb
def test_the_throttle_counts_every_case_as_one_name():
    request = RequestFactory().post("/sign-in/", {"username": "AINO.virtanen"})
    assert axes_username(request, {"username": "AINO.virtanen"}) == axes_username(
        request, {"username": "aino.virtanen"}
    )
