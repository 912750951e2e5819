"""The administration site opens only for admins (R-X-1), and shows the reference data read-only."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.regions.models import Municipality

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
