"""Issue 14 through the API (R-TG-5, R-X-1, R-X-2): `POST /api/v1/persons/search/te-office-customers/`
answers, with the same domain decision as the page (`search.te_office_customers`), who of the matching job
seekers of a municipal worker's own area is the TE office's — names and keep reason, no id — for each role's
permissions: the catalogue's `customers.search` decides who may ask."""

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.models import AccessLogEntry
from tests.customers.test_search_te_office import KEEP_TEXT, TODAY, build_world

pytestmark = pytest.mark.django_db

URL = "/api/v1/persons/search/te-office-customers/"


@pytest.fixture
def world(settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    build_world()


def as_user(client, username):
    client.force_authenticate(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize(
    ("username", "query", "expected"),
    [
        ("aino.virtanen", "Kovalenko", [("Kovalenko", "other", KEEP_TEXT)]),  # Helsinki case worker
        ("mikko.korhonen", "Virta", [("Virta", "", "")]),  # Helsinki approver
        ("aino.virtanen", "Aleksi", [("Virta", "", "")]),  # Mäkelä is Helsinki's own: a plain result
        ("aino.virtanen", "Lindholm", []),  # Raasepori: outside the area, nothing said
        ("linnea.lindqvist", "Kovalenko", []),  # Porvoo's case worker: not her area
        ("ville.hyvonen", "Virta", []),  # Kajaani's case worker
        ("juha.heikkinen", "Virta", []),  # Kainuu's area manager
        ("sanna.makinen", "Kovalenko", []),  # the TE office finds its own as plain results
    ],
)
def test_each_role_hears_only_of_its_own_area(world, client, username, query, expected):
    response = as_user(client, username).post(URL, {"query": query}, format="json")
    assert response.status_code == 200
    rows = response.json()
    assert [(r["last_name"], r["keep_reason"], r["keep_text"]) for r in rows] == expected
    assert all("id" not in r for r in rows)  # nothing to open
    assert AccessLogEntry.objects.filter(what="api:person-search").count() == len(expected)


def test_the_keep_reason_is_in_the_requests_language(world, client):
    """R-X-8: the reason's label in fi and sv."""
    api = as_user(client, "aino.virtanen")
    fi = api.post(URL, {"query": "Kovalenko"}, format="json", HTTP_ACCEPT_LANGUAGE="fi").json()
    sv = api.post(URL, {"query": "Kovalenko"}, format="json", HTTP_ACCEPT_LANGUAGE="sv").json()
    assert (
        fi[0]["keep_reason_label"] == "muu perusteltu syy"
        and sv[0]["keep_reason_label"] == "ett annat motiverat skäl"
    )


@pytest.mark.parametrize(
    "username", ["elina.laine", "kaisa.jarvinen", "tuomas.koskinen", "pekka.nieminen", "admin"]
)
def test_roles_without_the_search_action_are_refused(world, client, username):
    """R-X-1: only the catalogue's `customers.search` lets one ask; the others get 403 and nothing logged."""
    response = as_user(client, username).post(URL, {"query": "Kovalenko"}, format="json")
    assert response.status_code == 403
    assert not AccessLogEntry.objects.exists()


def test_an_anonymous_caller_is_refused(world, client):
    assert client.post(URL, {"query": "Kovalenko"}, format="json").status_code in (401, 403)


def test_a_search_by_identity_code_needs_its_purpose_and_a_valid_code(world, client):
    """R-X-2, issue 15: the same checks as the search (`search.purpose_of`)."""
    api = as_user(client, "aino.virtanen")
    from tests.customers.test_reevaluation import UKRAINIAN

    refused = api.post(URL, {"query": UKRAINIAN}, format="json")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "purpose_required"
    bad = api.post(URL, {"query": "100577-234X"}, format="json")
    assert bad.json()["error"]["code"] == "invalid_identity_code"
    ok = api.post(URL, {"query": UKRAINIAN, "purpose": "customer_service"}, format="json").json()
    assert [r["last_name"] for r in ok] == ["Kovalenko"]
