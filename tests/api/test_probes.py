"""Nothing for a prober (issue 12; R-X-1, R-X-2): an anonymous caller gets 401 on every staff API path
before any lookup — the same for an object that exists and one that does not — and no response with
personal data may be kept by a cache."""

import uuid

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from tests.customers.conftest import HELSINKI_HETU, demo, demo_customers, user  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_anonymous_gets_401_whether_the_person_exists_or_not(demo_customers, client):  # noqa: F811
    real = demo_customers[HELSINKI_HETU].pk
    for person in (real, uuid.uuid4()):
        for path in (
            f"/api/v1/persons/{person}/",
            f"/api/v1/persons/{person}/customerships/",
            f"/api/v1/persons/{person}/notices/",
            f"/api/v1/persons/{person}/notices/1/",
            f"/api/v1/persons/{person}/notices/1/pdf/",
        ):
            response = client.get(path)
            assert response.status_code == 401, path
            assert response.json()["error"]["code"] == "not_authenticated"
    for path in ("/api/v1/transfers/due/999999/complete/", "/api/v1/transfer-requests/999999/decide/"):
        assert client.post(path, {}, content_type="application/json").status_code == 401
    assert not AccessLogEntry.objects.exists()


def test_personal_data_is_never_cached(demo_customers, client, user):  # noqa: F811
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    for path in (
        reverse("customers:person", args=[person.pk]),
        f"/api/v1/persons/{person.pk}/",
        reverse("web:home"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert {"no-store", "private"} <= {v.strip() for v in response["Cache-Control"].split(",")}, path


def test_the_public_pages_stay_cacheable_for_anonymous_visitors(client):
    response = client.get(reverse("web:trial-area-list"))
    assert "no-store" not in response.get("Cache-Control", "")
