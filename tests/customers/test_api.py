"""Persons and facts through the API (R-X-1, R-X-2): the same permissions and logging as the pages."""

import uuid

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.models import AccessLogEntry, Purpose

from .conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU
from .test_pages import PERSON_PAGE_ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_person_and_facts_per_role(demo_customers, api, user, username):
    """R-X-1: the API answers exactly as the pages do; R-X-2: every read is logged."""
    api.force_authenticate(user(username))
    for code, expected in zip(
        (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU), PERSON_PAGE_ROLES[username], strict=True
    ):
        person = demo_customers[code]
        detail = api.get(f"/api/v1/persons/{person.pk}/", {"on": "2022-01-10"})
        facts = api.get(f"/api/v1/persons/{person.pk}/facts/")
        assert (detail.status_code, facts.status_code) == (expected, expected)
        if expected == 404:  # R-X-2: as for a person who does not exist
            assert detail.json()["error"]["code"] == "person_not_found"
            assert "henkilotunnus" not in detail.content.decode()
        else:
            assert detail.json()["henkilotunnus"] == code
    allowed = PERSON_PAGE_ROLES[username].count(200)
    assert AccessLogEntry.objects.filter(user__username=username, what="api:person-detail").count() == allowed
    assert AccessLogEntry.objects.filter(user__username=username, what="api:person-facts").count() == allowed


def test_the_facts_as_on_a_date_and_the_history(demo_customers, api, user):
    api.force_authenticate(user("aino.virtanen"))
    person = demo_customers[HELSINKI_HETU]
    body = api.get(f"/api/v1/persons/{person.pk}/", {"on": "2022-01-10"}).json()
    assert body["facts"]["kotikunta"] == "091" and body["facts"]["status"] == "unemployed"
    assert body["on"] == "2022-01-10"
    kinds = {row["kind"] for row in api.get(f"/api/v1/persons/{person.pk}/facts/").json()}
    assert {"kotikunta", "status", "mother_tongue", "job_search"} <= kinds
    bad = api.get(f"/api/v1/persons/{person.pk}/", {"on": "2022-02-30"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_date"


def test_an_unknown_person_is_404_and_anonymous_is_refused(demo, api, user):
    assert api.get(f"/api/v1/persons/{demo[HELSINKI_HETU].pk}/").status_code in (401, 403)
    api.force_authenticate(user("aino.virtanen"))
    missing = api.get(f"/api/v1/persons/{uuid.uuid4()}/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "person_not_found"


def test_search_is_a_post_and_asks_the_purpose_of_an_identity_code(demo_customers, api, user):
    api.force_authenticate(user("aino.virtanen"))
    assert api.get("/api/v1/persons/search/", {"query": HELSINKI_HETU}).status_code == 405
    refused = api.post("/api/v1/persons/search/", {"query": HELSINKI_HETU}, format="json")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "purpose_required"
    found = api.post(
        "/api/v1/persons/search/", {"query": HELSINKI_HETU, "purpose": "transfer"}, format="json"
    )
    assert [p["id"] for p in found.json()] == [str(demo_customers[HELSINKI_HETU].pk)]
    assert (
        api.post(
            "/api/v1/persons/search/", {"query": PORVOO_HETU, "purpose": "transfer"}, format="json"
        ).json()
        == []
    )
    assert AccessLogEntry.objects.get().purpose == Purpose.TRANSFER
    by_name = api.post("/api/v1/persons/search/", {"query": "lahtinen"}, format="json").json()
    assert [p["last_name"] for p in by_name] == ["Lahtinen"]


def test_search_is_refused_to_roles_without_personal_data(demo, api, user):
    api.force_authenticate(user("elina.laine"))
    response = api.post("/api/v1/persons/search/", {"query": "Lahtinen"}, format="json")
    assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"


def test_the_openapi_description_documents_the_person_endpoints():
    """R-INT-3 with R-X-1, R-X-2: each endpoint names its action, needs credentials and documents its refusal:
    403 where nothing is named, 404 where the path names a person (refused as if missing)."""
    from drf_spectacular.generators import SchemaGenerator

    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    for path, method, action, refusal in (
        ("/api/v1/persons/search/", "post", "customers.search", "403"),
        ("/api/v1/persons/{person_id}/", "get", "customers.view_person", "404"),
        ("/api/v1/persons/{person_id}/facts/", "get", "customers.view_person", "404"),
    ):
        operation = paths[path][method]
        assert f"Action `{action}`" in operation["description"]
        assert {} not in operation["security"] and refusal in operation["responses"]
        assert "403" not in operation["responses"] or refusal == "403"
    assert "get" not in paths["/api/v1/persons/search/"]
