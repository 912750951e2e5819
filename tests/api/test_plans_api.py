# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""Plans through the API (issue 17 item 1: R-SP-5, R-X-1 every role, R-X-2 the access log): GET a person's
plans, POST a plan, a version and an approval; a person or plan one may not see is the same 404 as a
missing one; bad input a localised 400 that changes nothing."""

import datetime as dt
import uuid

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.plans import services
from kuntakokeilu.plans.models import PlanApproval, PlanVersion
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
from tests.plans.conftest import TODAY, content

pytestmark = pytest.mark.django_db
PERSONS = (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
# username: who sees (GET) and records (POST) the plans of the Helsinki, Porvoo and Kajaani customers
SEES = {
    "aino.virtanen": (1, 0, 0),
    "mikko.korhonen": (1, 0, 0),
    "linnea.lindqvist": (0, 1, 0),
    "juha.heikkinen": (0, 0, 1),  # the Kainuu area manager sees, does not record
    "ville.hyvonen": (0, 0, 1),
    "sanna.makinen": (0, 0, 0),  # TE office: the municipality's plans are not its (L1269 s. 9)
    "kaisa.jarvinen": (0, 0, 0),
    "pekka.nieminen": (0, 0, 0),
    "elina.laine": (0, 0, 0),
    "tuomas.koskinen": (0, 0, 0),
    "admin": (0, 0, 0),
}
RECORDERS = {"aino.virtanen": 0, "mikko.korhonen": 0, "linnea.lindqvist": 1, "ville.hyvonen": 2}
BODY = {
    "agreed_on": "2023-05-15",
    "goals": "Töihin logistiikka-alalle.",
    "job_search_obligation": "4 työmahdollisuutta kuukaudessa.",
    "steps": [
        {"text": "Hae neljää työpaikkaa.", "due_on": "2023-06-15", "responsible": "job_seeker"},
        {"text": "Varaa uravalmennus.", "due_on": "2023-05-29", "responsible": "case_worker"},
    ],
    "services": [{"kind": "career_guidance", "starts_on": "2023-05-15", "ends_on": "2023-07-14"}],
}


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def planned(demo_customers, user):
    """Each of the three customers has an employment plan made by their case worker on 15.5.2023."""
    for code, username in zip(PERSONS, ("aino.virtanen", "linnea.lindqvist", "ville.hyvonen"), strict=True):
        services.create_plan(user(username), demo_customers[code], "employment", today=TODAY, **content())
    return demo_customers


def _url(person) -> str:
    return f"/api/v1/persons/{person.pk}/plans/"


@pytest.mark.parametrize("username", sorted(SEES))
def test_reading_per_role(planned, api, user, username, settings):
    """R-X-1: who sees a person's plans; R-X-2: every read logged."""
    api.force_authenticate(user(username))
    missing = api.get(f"/api/v1/persons/{uuid.uuid4()}/plans/")
    assert missing.status_code == 404
    got = []
    for code in PERSONS:
        answer = api.get(_url(planned[code]))
        if answer.status_code == 404:
            assert answer.json() == missing.json()
            got.append(0)
            continue
        plans = answer.json()
        assert [p["kind"] for p in plans] == ["employment"]
        version = plans[0]["versions"][0]
        assert version["review_by"] == "2023-08-15" and len(version["steps"]) == 2
        got.append(1)
    assert tuple(got) == SEES[username]
    logged = AccessLogEntry.objects.filter(user__username=username, what="api:person-plans").count()
    assert logged == sum(got)


@pytest.mark.parametrize("username", sorted(SEES))
def test_recording_per_role(planned, api, user, username):
    """R-X-1: only the customer municipality's case workers and approvers make a plan, a version, an
    approval."""
    api.force_authenticate(user(username))
    for index, code in enumerate(PERSONS):
        person = planned[code]
        plan = person.plans.get()
        made = api.post(_url(person), {**BODY, "kind": "typ"}, format="json")
        version = api.post(
            f"{_url(person)}{plan.pk}/versions/", {**BODY, "agreed_on": "2023-05-20"}, format="json"
        )
        approval = api.post(
            f"{_url(person)}{plan.pk}/versions/1/approvals/",
            {"party": "job_seeker", "approved_on": "2023-05-15", "channel": "in_person"},
            format="json",
        )
        if RECORDERS.get(username) == index:
            assert made.status_code == 201, made.json()
            assert made.json()["number"] == 1 and made.json()["review_by"] == "2023-11-15"
            assert version.status_code == 201 and version.json()["number"] == 2
            assert approval.status_code == 201 and approval.json()["party"] == "job_seeker"
        else:
            assert {made.status_code, version.status_code, approval.status_code} == {404}
    assert PlanVersion.objects.count() == 3 + (2 if username in RECORDERS else 0)
    assert PlanApproval.objects.count() == (1 if username in RECORDERS else 0)


def test_anonymous_callers_are_refused(planned, api):
    person = planned[HELSINKI_HETU]
    assert api.get(_url(person)).status_code == 401
    assert api.post(_url(person), {**BODY, "kind": "typ"}, format="json").status_code == 401
    assert not AccessLogEntry.objects.exists()


def test_bad_requests_are_localised_400s_and_change_nothing(planned, api, user):
    """Issue 17 item 9: a step due before the plan, an approval before it, a version for another person's
    plan → 400/404 in the request's language; nothing written."""
    api.force_authenticate(user("aino.virtanen"))
    person = planned[HELSINKI_HETU]
    plan = person.plans.get()
    bad = {**BODY, "kind": "employment", "steps": [{**BODY["steps"][0], "due_on": "2023-05-01"}]}
    answer = api.post(_url(person), bad, format="json", HTTP_ACCEPT_LANGUAGE="sv")
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "plan_refused"
    assert error["fields"] == {
        "steps.0.due_on": ["Steg 1 ska vara gjort 1.5.2023, före planens datum 15.5.2023."]
    }
    answer = api.post(
        f"{_url(person)}{plan.pk}/versions/1/approvals/",
        {"party": "job_seeker", "approved_on": "2023-05-14", "channel": "in_person"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert answer.status_code == 400
    assert "ennen suunnitelman päivämäärää" in answer.json()["error"]["fields"]["approved_on"][0]
    other = planned[PORVOO_HETU].plans.get()
    answer = api.post(f"{_url(person)}{other.pk}/versions/", BODY, format="json")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "plan_not_found"
    answer = api.post(_url(person), {**BODY, "kind": "holiday"}, format="json")
    assert answer.status_code == 400 and "kind" in answer.json()["error"]["fields"]
    assert PlanVersion.objects.count() == 3 and not PlanApproval.objects.exists()
    assert dt.date(2023, 5, 15) == PlanVersion.objects.get(plan=plan).agreed_on
