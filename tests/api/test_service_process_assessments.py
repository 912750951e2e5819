# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""The service-need assessment through the API (issue 16 items 4 and 5: R-SP-4, R-INT-3; R-X-1 every role,
R-X-2 the access log): GET the versions, POST a review as a new version; the special-category part only for
`service_process.view_health_needs`, logged with its own purpose; a person one may not see is the same 404
as a missing one; bad input a localised 400 that changes nothing."""

import datetime as dt
import uuid

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.service_process.models import Assessment
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
from tests.service_process.test_assessment import HEALTH, SECRET, VALUES, record

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
PERSONS = (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
# username: per person (Helsinki, Porvoo, Kajaani) "H" = 200 with the special-category part, "N" = 200
# without it, 404 = the same answer as for a missing person
GET = {
    "aino.virtanen": ("H", 404, 404),  # Helsinki case worker
    "mikko.korhonen": ("H", 404, 404),  # Helsinki approver
    "linnea.lindqvist": (404, "H", 404),  # Porvoo case worker
    "juha.heikkinen": (404, 404, "N"),  # Kainuu area manager: no special-category data
    "ville.hyvonen": (404, 404, "H"),  # Kajaani case worker
    "sanna.makinen": (
        404,
        404,
        404,
    ),  # Uusimaa TE office: the municipality's customers' assessment is not its
    "kaisa.jarvinen": (404, 404, 404),  # ELY
    "pekka.nieminen": (404, 404, 404),  # applicant
    "elina.laine": (404, 404, 404),  # ministry
    "tuomas.koskinen": (404, 404, 404),  # researcher
    "admin": (404, 404, 404),
}
RECORDERS = {"aino.virtanen": 0, "mikko.korhonen": 0, "linnea.lindqvist": 1, "ville.hyvonen": 2}
BODY = {**VALUES, "assessed_on": "2023-05-31", "health": HEALTH}


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def assessed(demo_customers, user):
    """Each of the three customers has one version, recorded by their case worker on 15.5.2023."""
    workers = ("aino.virtanen", "linnea.lindqvist", "ville.hyvonen")
    for code, username in zip(PERSONS, workers, strict=True):
        record(user(username), demo_customers[code])
    return demo_customers


def _url(person) -> str:
    return f"/api/v1/persons/{person.pk}/assessments/"


def _entries(username, purpose) -> int:
    return AccessLogEntry.objects.filter(
        user__username=username, what="api:person-assessments", purpose=purpose
    ).count()


@pytest.mark.parametrize("username", sorted(GET))
def test_reading_per_role(assessed, api, user, username):
    """R-X-1, R-SP-4: who sees the assessment and who its special-category part; R-X-2: every read logged,
    the special-category part with its own purpose, and nothing of it for those who may not see it."""
    api.force_authenticate(user(username))
    missing = api.get(f"/api/v1/persons/{uuid.uuid4()}/assessments/")
    assert missing.status_code == 404
    got = []
    for code, expected in zip(PERSONS, GET[username], strict=True):
        answer = api.get(_url(assessed[code]))
        if answer.status_code == 404:
            assert answer.json() == missing.json()  # byte for byte the answer for a missing person
            got.append(404)
            continue
        versions = answer.json()
        assert [v["version"] for v in versions] == [1]
        assert versions[0]["training_need"] == "supplementary"
        has_health = "health" in versions[0]
        assert has_health == (SECRET in answer.content.decode())
        got.append("H" if has_health else "N")
    assert tuple(got) == GET[username]
    seen = sum(1 for g in got if g != 404)
    assert _entries(username, Purpose.CUSTOMER_SERVICE) == seen
    assert _entries(username, Purpose.SPECIAL_CATEGORY) == got.count("H")


@pytest.mark.parametrize("username", sorted(GET))
def test_recording_per_role(assessed, api, user, username):
    """R-X-1: only the case workers and approvers of the customer's municipality record a review; the
    answer is the new version with its special-category part, logged with both purposes."""
    api.force_authenticate(user(username))
    for index, code in enumerate(PERSONS):
        answer = api.post(_url(assessed[code]), BODY, format="json")
        if RECORDERS.get(username) == index:
            assert answer.status_code == 201, answer.json()
            assert answer.json()["version"] == 2 and answer.json()["health"]["work_capacity"] == "reduced"
        else:
            assert answer.status_code == 404
            assert answer.json()["error"]["code"] == "person_not_found"
    recorded = 1 if username in RECORDERS else 0
    assert Assessment.objects.filter(version=2).count() == recorded
    assert _entries(username, Purpose.SPECIAL_CATEGORY) == recorded


def test_anonymous_callers_are_refused(assessed, api):
    """R-X-1: 401 before any lookup; nothing logged, nothing written."""
    person = assessed[HELSINKI_HETU]
    assert api.get(_url(person)).status_code == 401
    assert api.post(_url(person), BODY, format="json").status_code == 401
    assert not AccessLogEntry.objects.exists()
    assert Assessment.objects.count() == 3


def test_bad_requests_are_localised_400s_and_change_nothing(assessed, api, user):
    """R-SP-4, issue 16 item 7: a date after today, a value not offered, another person's meeting, a
    missing special-category part → 400 in the request's language; nothing written, nothing logged."""
    api.force_authenticate(user("linnea.lindqvist"))
    person = assessed[PORVOO_HETU]
    future = api.post(
        _url(person), {**BODY, "assessed_on": "2023-06-02"}, format="json", HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert future.status_code == 400
    error = future.json()["error"]
    assert error["code"] == "assessment_not_possible" and "efter i dag (1.6.2023)" in error["message"]
    assert error["fields"] == {"assessed_on": [error["message"]]}
    choice = api.post(
        _url(person), {**BODY, "training_need": "phd"}, format="json", HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert choice.status_code == 400 and "training_need" in choice.json()["error"]["fields"]
    no_health = api.post(_url(person), {k: v for k, v in BODY.items() if k != "health"}, format="json")
    assert no_health.status_code == 400 and "health" in no_health.json()["error"]["fields"]
    meeting = api.post(_url(person), {**BODY, "meeting": 999999}, format="json", HTTP_ACCEPT_LANGUAGE="fi")
    assert meeting.status_code == 400 and "tapaaminen" in meeting.json()["error"]["message"].lower()
    assert Assessment.objects.filter(person=person).count() == 1
    assert not AccessLogEntry.objects.exists()


def test_history_is_listed_newest_first(assessed, api, user):
    """R-SP-4: a review through the API is version 2; GET lists both, newest first."""
    api.force_authenticate(user("aino.virtanen"))
    person = assessed[HELSINKI_HETU]
    assert api.post(_url(person), {**BODY, "training_need": "degree"}, format="json").status_code == 201
    versions = api.get(_url(person)).json()
    assert [(v["version"], v["training_need"], v["assessed_on"]) for v in versions] == [
        (2, "degree", "2023-05-31"),
        (1, "supplementary", "2023-05-15"),
    ]
    assert versions[0]["recorded_by"] == "aino.virtanen" and versions[0]["municipality"] == "091"
