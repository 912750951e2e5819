# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""Benefit decisions through the API (issue 18 item 2: R-BEN-1; R-X-1 every role, R-X-2 the access log):
a person's decisions and preparing one, a decision, accepting (never by the preparer), cancelling and
correcting; a person or decision one may not see is the same 404 as a missing one; bad input a localised 400
that changes nothing."""

import uuid

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS
from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.decisions.models import Decision, Status
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
from tests.decisions.conftest import ON, WAGE_FACTS
from tests.funding.quotas import give_quotas

pytestmark = pytest.mark.django_db
PERSONS = (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
# username: per person (Helsinki, Porvoo, Kajaani) the answer to GET
SEES = {
    "aino.virtanen": (200, 404, 404),  # Helsinki case worker
    "mikko.korhonen": (200, 404, 404),  # Helsinki approver
    "linnea.lindqvist": (404, 200, 404),  # Porvoo case worker
    "ulrika.holmstrom": (404, 200, 404),  # Porvoo approver
    "juha.heikkinen": (404, 404, 200),  # Kainuu area manager
    "ville.hyvonen": (404, 404, 200),  # Kajaani case workers and approver
    "emma.kinnunen": (404, 404, 200),
    "antti.pulkkinen": (404, 404, 200),
}
PREPARERS = {"aino.virtanen": 0, "linnea.lindqvist": 1, "ville.hyvonen": 2, "emma.kinnunen": 2}
BODY = {
    "instrument": "wage-subsidy",
    "facts": WAGE_FACTS,
    "amount": "9000.00",
    "percent": 50,
    "start": "2023-10-01",
    "end": "2024-07-31",
}


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def persons(demo_customers, settings):
    settings.KUNTAKOKEILU_TODAY = ON.isoformat()
    give_quotas(10_000_000)  # accepting commits to the ledger (R-RES-2)
    return [demo_customers[code] for code in PERSONS]


def _url(person) -> str:
    return f"/api/v1/persons/{person.pk}/decisions/"


@pytest.mark.parametrize("username", sorted(name for name, *_rest in DEMO_USERS))
def test_every_role_reads_and_prepares(persons, api, user, username):
    """R-X-1: who sees a person's decisions and who prepares one; R-X-2: each read logged."""
    api.force_authenticate(user(username))
    missing = api.get(f"/api/v1/persons/{uuid.uuid4()}/decisions/")
    assert missing.status_code == 404
    expected = SEES.get(username, (404, 404, 404))
    for person, status in zip(persons, expected, strict=True):
        answer = api.get(_url(person))
        assert answer.status_code == status
        if status == 404:
            assert answer.json() == missing.json()
    assert AccessLogEntry.objects.filter(user__username=username, what="api:person-decisions").count() == (
        expected.count(200)
    )
    for index, person in enumerate(persons):
        answer = api.post(_url(person), BODY, format="json")
        if PREPARERS.get(username) == index:
            assert answer.status_code == 201, answer.json()
            assert answer.json()["status"] == "draft" and answer.json()["explanation"]
        else:
            assert answer.status_code == 404
    assert Decision.objects.count() == (1 if username in PREPARERS else 0)


def test_bad_input_is_a_localised_400_and_changes_nothing(persons, api, user):
    """Issue 18 item 7: a percentage beyond the rule; a period beyond it; in Finnish and Swedish."""
    api.force_authenticate(user("ville.hyvonen"))
    answer = api.post(_url(persons[2]), {**BODY, "percent": 70}, format="json", HTTP_ACCEPT_LANGUAGE="fi")
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "decision_refused"
    assert "enintään 50 prosenttia" in answer.json()["error"]["fields"]["percent"][0]
    answer = api.post(
        _url(persons[2]), {**BODY, "end": "2024-09-30"}, format="json", HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert "högst 10 månader" in answer.json()["error"]["fields"]["end"][0]
    answer = api.post(_url(persons[2]), {**BODY, "amount": "x"}, format="json")
    assert answer.status_code == 400
    assert not Decision.objects.exists()


def test_accept_cancel_correct(persons, api, user):
    """R-BEN-1: maker–checker through the API; the letter's checksum; cancellation and correction linked."""
    api.force_authenticate(user("ville.hyvonen"))
    made = api.post(_url(persons[2]), BODY, format="json").json()
    url = f"/api/v1/decisions/{made['id']}/"
    refused = api.post(url + "accept/", HTTP_ACCEPT_LANGUAGE="fi")
    assert refused.status_code == 404  # a case worker may not accept at all
    api.force_authenticate(user("mikko.korhonen"))  # Helsinki's approver: not Kajaani's decision
    assert api.post(url + "accept/").status_code == 404
    assert api.get(url).status_code == 404
    api.force_authenticate(user("antti.pulkkinen"))
    accepted = api.post(url + "accept/")
    assert accepted.status_code == 200, accepted.json()
    assert accepted.json()["status"] == "accepted" and len(accepted.json()["letter"]["checksum"]) == 64
    assert api.post(url + "accept/").status_code == 400
    api.force_authenticate(user("emma.kinnunen"))
    fixed = api.post(url + "correct/", {**BODY, "percent": 40, "reason": "Prosentti"}, format="json")
    assert fixed.status_code == 201, fixed.json()
    assert fixed.json()["replaces"] == made["id"] and fixed.json()["kind"] == "correction"
    assert api.post(url + "cancel/", {"reason": "Ei"}, format="json").status_code == 400  # one pending
    api.force_authenticate(user("antti.pulkkinen"))
    assert api.post(f"/api/v1/decisions/{fixed.json()['id']}/accept/").status_code == 200
    assert Decision.objects.get(pk=made["id"]).status == Status.CORRECTED


def test_the_preparer_holding_the_approver_role_cannot_accept(persons, api, user):
    """R-BEN-1 maker–checker: the same person can never do both, whatever roles they hold."""
    import datetime as dt

    from kuntakokeilu.access.models import RoleAssignment
    from kuntakokeilu.access.roles import Role, ScopeKind
    from kuntakokeilu.regions.models import Municipality

    ville = user("ville.hyvonen")
    RoleAssignment.objects.create(
        user=ville,
        role=Role.APPROVER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="205"),
        valid_from=dt.date(2021, 1, 1),
    )
    api.force_authenticate(ville)
    made = api.post(_url(persons[2]), BODY, format="json").json()
    answer = api.post(f"/api/v1/decisions/{made['id']}/accept/", HTTP_ACCEPT_LANGUAGE="fi")
    assert answer.status_code == 400
    assert "toisen henkilön" in answer.json()["error"]["message"]
    assert Decision.objects.get(pk=made["id"]).status == Status.DRAFT


def test_anonymous_callers_are_refused(persons, api):
    assert api.get(_url(persons[0])).status_code == 401
    assert api.post(_url(persons[0]), BODY, format="json").status_code == 401
    assert not Decision.objects.exists()
