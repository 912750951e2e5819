# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""Benefit events, labour-policy statements and notices through the API (issue 17 item 5; R-SP-8, R-X-1,
R-X-2): every demo role's answer for a Helsinki, a Porvoo and a Kajaani customer (a refused object is the
same 404 as a missing one), the lists for the staff who handle them, status changes, the TE office's
notices, refusals as localised 400s that change nothing, and the access log."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS
from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.statements.models import BenefitEvent, Statement
from kuntakokeilu.statements.services import record_event
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)

pytestmark = pytest.mark.django_db
HETUS = (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
USERNAMES = sorted(row[0] for row in DEMO_USERS)
# (Helsinki person, Porvoo person, Kajaani person): the customer municipality's case workers and approvers
READERS = {
    "aino.virtanen": (200, 404, 404),
    "mikko.korhonen": (200, 404, 404),
    "linnea.lindqvist": (404, 200, 404),
    "ville.hyvonen": (404, 404, 200),
    "emma.kinnunen": (404, 404, 200),
    "antti.pulkkinen": (404, 404, 200),  # Kajaani's approver (issue 18 item 2)
    "ulrika.holmstrom": (404, 200, 404),  # Porvoo's approver
}
AUTUMN = "2022-10-20"


@pytest.fixture
def api(settings):
    settings.KUNTAKOKEILU_TODAY = AUTUMN
    return APIClient()


def test_an_anonymous_caller_gets_401(demo_customers, api):
    person = demo_customers[HELSINKI_HETU]
    for response in (
        api.get(f"/api/v1/persons/{person.pk}/benefit-events/"),
        api.post(f"/api/v1/persons/{person.pk}/benefit-events/", {"kind": "other", "date": "2022-10-01"}),
        api.get("/api/v1/statements/"),
        api.get("/api/v1/statement-notices/"),
        api.get("/api/v1/te-office/notices/"),
        api.post("/api/v1/statements/1/status/", {"step": "send"}),
    ):
        assert response.status_code == 401
    assert not BenefitEvent.objects.exists()


@pytest.mark.parametrize("username", USERNAMES)
def test_every_role_reads_and_records_only_its_customers(demo_customers, api, user, username):
    """R-X-1: the customer municipality's case workers and approvers read and record; every other role
    gets the 404 of a missing person; every read logged (R-X-2)."""
    api.force_authenticate(user(username))
    got_read, got_write = [], []
    for hetu in HETUS:
        person = demo_customers[hetu]
        got_read.append(api.get(f"/api/v1/persons/{person.pk}/benefit-events/").status_code)
        answer = api.post(
            f"/api/v1/persons/{person.pk}/benefit-events/",
            {"kind": "service_started", "date": "2022-10-03"},
            format="json",
        )
        got_write.append(answer.status_code)
    expected = READERS.get(username, (404, 404, 404))
    assert tuple(got_read) == expected
    assert tuple(got_write) == tuple(201 if c == 200 else c for c in expected)
    assert AccessLogEntry.objects.filter(user__username=username, what="api:benefit-events").count() == 2 * (
        expected.count(200)
    )
    lists = [api.get(url).status_code for url in ("/api/v1/statements/", "/api/v1/statement-notices/")]
    assert lists == ([200, 200] if username in READERS else [403, 403])
    te = api.get("/api/v1/te-office/notices/").status_code
    assert te == (200 if username == "sanna.makinen" else 403)


def test_an_event_its_statement_and_status_changes(demo_customers, api, user):
    person = demo_customers[HELSINKI_HETU]
    api.force_authenticate(user("aino.virtanen"))
    answer = api.post(
        f"/api/v1/persons/{person.pk}/benefit-events/?lang=sv",
        {"kind": "service_interrupted", "date": "2022-10-10", "service": "Työkokeilu"},
        format="json",
    )
    assert answer.status_code == 201
    body = answer.json()
    assert body["handling"] == "statement" and body["statement"] is not None
    assert any("härledd" in line for line in body["competence"])
    listed = api.get("/api/v1/statements/").json()
    assert [(s["id"], s["due_by"], s["status"]) for s in listed] == [
        (body["statement"], "2022-10-17", "draft")
    ]
    wrong = api.post(
        f"/api/v1/statements/{body['statement']}/status/", {"step": "acknowledge"}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert wrong.status_code == 400 and "Vain lähetetyn" in wrong.json()["error"]["message"]
    sent = api.post(f"/api/v1/statements/{body['statement']}/status/", {"step": "send"})
    assert sent.json()["status"] == "sent" and sent.json()["sent_on"] == AUTUMN
    api.force_authenticate(user("linnea.lindqvist"))
    assert (
        api.post(f"/api/v1/statements/{body['statement']}/status/", {"step": "acknowledge"}).status_code
        == 404
    )


def test_the_te_office_acknowledges_a_notice_sent_to_it(demo_customers, api, user):
    person = demo_customers[HELSINKI_HETU]
    record_event(person, "discussion_missed", dt.date(2022, 9, 1), source="", facts={}, by=None)
    event = record_event(person, "discussion_missed", dt.date(2022, 10, 3), source="", facts={}, by=None)
    api.force_authenticate(user("sanna.makinen"))
    assert api.get("/api/v1/te-office/notices/").json() == []  # a draft is the municipality's still
    assert api.post(f"/api/v1/te-office/notices/{event.notice.pk}/acknowledge/").status_code == 404
    api.force_authenticate(user("aino.virtanen"))
    notices = api.get("/api/v1/statement-notices/").json()
    assert [(n["ladder_step"], n["consequence"], n["due_by"]) for n in notices] == [
        (2, "days_7", "2022-10-03")
    ]
    api.post(f"/api/v1/statement-notices/{event.notice.pk}/status/", {"step": "send"})
    api.force_authenticate(user("sanna.makinen"))
    assert [n["id"] for n in api.get("/api/v1/te-office/notices/").json()] == [event.notice.pk]
    done = api.post(f"/api/v1/te-office/notices/{event.notice.pk}/acknowledge/")
    assert done.status_code == 200 and done.json()["status"] == "acknowledged"


def test_refusals_are_localised_and_change_nothing(demo_customers, api, user):
    person = demo_customers[HELSINKI_HETU]
    api.force_authenticate(user("aino.virtanen"))
    url = f"/api/v1/persons/{person.pk}/benefit-events/"
    future = api.post(url, {"kind": "other", "date": "2022-12-01"}, format="json", HTTP_ACCEPT_LANGUAGE="sv")
    assert future.status_code == 400 and "efter i dag" in future.json()["error"]["message"]
    fund = api.post(url, {"kind": "other", "date": "2022-10-01", "recipient": "fund"}, format="json")
    assert fund.status_code == 400
    bad = api.post(url, {"kind": "nonsense", "date": "2022-10-01"}, format="json")
    assert bad.status_code == 400
    assert not BenefitEvent.objects.exists() and not Statement.objects.exists()
