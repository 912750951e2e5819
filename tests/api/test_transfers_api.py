# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""Customerships, notices, due transfers, transfer requests and customer counts through the API (issue 6:
R-TG-3, R-TG-4, R-TG-5, R-TG-7; R-X-1 the catalogue's permissions for every role, R-X-2 the access log
in the read's transaction). Bad input is a 400 with a localised message and changes nothing."""

import csv
import datetime as dt
import io
import uuid

import pytest
from django.utils import translation
from django.utils.translation import gettext
from rest_framework.test import APIClient

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers import customerships, notice_letter
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import (
    Customership,
    DueTransfer,
    Ground,
    Notice,
    NoticeRecipient,
    RequestStatus,
    TransferRequest,
)
from kuntakokeilu.customers.queries import target_group_on
from kuntakokeilu.letters.pdf import render_pdf
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
from tests.customers.test_counts import PAGE as COUNTS_ROLES
from tests.customers.test_counts import kainuu  # noqa: F401 - fixture
from tests.customers.test_pages import PERSON_PAGE_ROLES

pytestmark = pytest.mark.django_db

START = dt.date(2021, 3, 1)
NEWCOMER = make_henkilotunnus(dt.date(2001, 2, 3), 941)


@pytest.fixture
def api():
    return APIClient()


def logged(username: str, what: str) -> int:
    return AccessLogEntry.objects.filter(user__username=username, what=what).count()


# --- customerships and notices --------------------------------------------------------------------


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_customerships_and_notices_per_role(demo_customers, api, user, username):
    """R-X-1: as the person page (a municipality's customers, the TE office of the place; ELY,
    ministry, applicants, researchers and admins none); R-X-2: each read logged."""
    api.force_authenticate(user(username))
    for code, expected in zip(
        (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU), PERSON_PAGE_ROLES[username], strict=True
    ):
        person = demo_customers[code]
        notice = Notice.objects.filter(customership__person=person).first()
        base = f"/api/v1/persons/{person.pk}"
        got = [
            api.get(f"{base}/customerships/").status_code,
            api.get(f"{base}/notices/").status_code,
            api.get(f"{base}/notices/{notice.pk}/").status_code,
            api.get(f"{base}/notices/{notice.pk}/pdf/").status_code,
        ]
        assert got == [expected] * 4
    allowed = PERSON_PAGE_ROLES[username].count(200)
    for what in ("api:person-customerships", "api:person-notices", "api:notice-detail", "api:notice-pdf"):
        assert logged(username, what) == allowed


def test_the_timeline_with_the_stored_decision_explained_in_the_request_language(demo, api, user):
    """R-TG-3: organisations as codes, the rule version, the checks as codes with their explanation in
    the request's language (the same stored decision in fi and sv)."""
    person = demo[PORVOO_HETU]
    outcome = target_group_on(person, START)
    customerships.start(person, on=START, ground=Ground.INITIAL_TRANSFER, outcome=outcome)
    api.force_authenticate(user("linnea.lindqvist"))
    url = f"/api/v1/persons/{person.pk}/customerships/"
    fi = api.get(url, HTTP_ACCEPT_LANGUAGE="fi").json()
    sv = api.get(url, HTTP_ACCEPT_LANGUAGE="sv").json()
    assert len(fi) == 1
    row = fi[0]
    assert (row["responsible"], row["municipality"], row["te_office"], row["ground"]) == (
        "municipality",
        "638",
        None,
        "initial_transfer",
    )
    assert row["valid_from"] == "2021-03-01" and row["valid_to"] is None
    assert row["rule_version"] == outcome.rule_version == row["decision"]["rule_version"]
    codes = [c["code"] for c in row["decision"]["checks"]]
    assert codes == [c.code for c in outcome.checks] == [c["code"] for c in sv[0]["decision"]["checks"]]
    assert [c["explanation"] for c in row["decision"]["checks"]] == outcome.explanation("fi")
    assert [c["explanation"] for c in sv[0]["decision"]["checks"]] == outcome.explanation("sv")
    assert outcome.explanation("fi") != outcome.explanation("sv")


def test_a_notice_in_its_language_on_demand_in_another_and_as_pdf(demo_customers, api, user):
    """R-TG-7: the Porvoo person's notice is in Swedish unless `lang` asks; the PDF is the same letter
    the page prints; a bad language is a localised 400 and is not logged; another person's id: 404."""
    person = demo_customers[PORVOO_HETU]
    notice = Notice.objects.get(customership__person=person, recipient=NoticeRecipient.PERSON)
    api.force_authenticate(user("sanna.makinen"))
    base = f"/api/v1/persons/{person.pk}/notices/{notice.pk}"
    listed = api.get(f"/api/v1/persons/{person.pk}/notices/").json()
    assert {n["recipient"] for n in listed} == {"person", "organisation"}
    assert listed[0]["to_organisation"] == {
        "type": "municipality",
        "kunta_code": "638",
        "te_office_code": None,
        "area_code": None,  # an employment area's code from the pilot's end (issue 14)
    }
    own = api.get(f"{base}/").json()
    assert own["language"] == "sv" and own["text"]["lang"] == "sv" and "Borgå" in own["text"]["lines"][0]
    finnish = api.get(f"{base}/", {"lang": "fi"}).json()
    assert "Porvoo" in finnish["text"]["lines"][0]
    document = api.get(f"{base}/pdf/")
    assert document["Content-Type"] == "application/pdf"
    assert document.content == render_pdf(notice_letter.letter(notice))
    assert api.get(f"{base}/pdf/", {"lang": "fi"}).content == render_pdf(notice_letter.letter(notice, "fi"))
    before = AccessLogEntry.objects.count()
    bad = api.get(f"{base}/", {"lang": "de"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_language"
    assert bad.json()["error"]["message"] == "Språket är inte giltigt."
    assert AccessLogEntry.objects.count() == before
    empty = api.get(f"{base}/pdf/", {"lang": ""})  # R-X-3, found by schemathesis: was the notice's own
    assert empty.status_code == 400 and empty.json()["error"]["code"] == "invalid_language"
    assert AccessLogEntry.objects.count() == before
    other = demo_customers[HELSINKI_HETU]
    missing = api.get(f"/api/v1/persons/{other.pk}/notices/{notice.pk}/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "notice_not_found"
    unknown = api.get(f"/api/v1/persons/{uuid.uuid4()}/customerships/")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "person_not_found"


def test_anonymous_callers_are_refused(demo_customers, api):
    person = demo_customers[HELSINKI_HETU]
    for url in (
        f"/api/v1/persons/{person.pk}/customerships/",
        f"/api/v1/persons/{person.pk}/notices/",
        "/api/v1/transfers/due/",
        "/api/v1/transfer-requests/",
        "/api/v1/trial-areas/7/customer-counts/",
    ):
        assert api.get(url).status_code in (401, 403)
    assert not AccessLogEntry.objects.exists()


# --- due transfers ----------------------------------------------------------------------------------


def register(on: dt.date) -> None:
    """A Helsinki job seeker under 30 registers on `on` (R-TG-4: due within 7 days, Uusimaa TE office)."""
    row = {
        "henkilotunnus": NEWCOMER,
        "last_name": "Salo",
        "first_name": "Emma",
        "service_language": "fi",
        "valid_from": on.isoformat(),
        "kotikunta": "091",
        "mother_tongue": "fi",
        "immigrant": "false",
        "status": "unemployed",
        "earnings_related_entitlement": "false",
        "job_search_start": on.isoformat(),
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    import_job_seekers(out.getvalue().encode(), source="test.csv")


DUE_ROLES = {
    # username: (sees the Uusimaa TE office's due transfer, GET status, may complete it)
    "sanna.makinen": (True, 200, True),  # Uusimaa TE office
    "aino.virtanen": (False, 200, False),  # Helsinki case worker: only Helsinki's own transfers
    "mikko.korhonen": (False, 200, False),
    "juha.heikkinen": (False, 200, False),  # Kainuu area manager
    "kaisa.jarvinen": (False, 403, False),
    "pekka.nieminen": (False, 403, False),
    "elina.laine": (False, 403, False),
    "tuomas.koskinen": (False, 403, False),
    "admin": (False, 403, False),
}


@pytest.mark.parametrize("username", sorted(DUE_ROLES))
def test_the_worklist_and_completing_per_role(demo, api, user, username):
    """R-TG-4, R-X-1: the TE office that must make the transfer lists and completes it; others get an
    empty list or 403, and a refused completion gets the 404 of a missing one and changes nothing;
    R-X-2: listed persons are logged."""
    register(dt.date(2023, 5, 20))
    due = DueTransfer.objects.get(person__henkilotunnus=NEWCOMER)
    sees, status, completes = DUE_ROLES[username]
    api.force_authenticate(user(username))
    listing = api.get("/api/v1/transfers/due/")
    assert listing.status_code == status
    if status == 200:
        ids = [row["id"] for row in listing.json()]
        assert (due.pk in ids) is sees
        persons = {row["person"]["id"] for row in listing.json()}
        assert logged(username, "api:due-transfers") == len(persons)
    done = api.post(f"/api/v1/transfers/due/{due.pk}/complete/")
    assert done.status_code == (201 if completes else 404)
    assert Customership.objects.filter(person=due.person).exists() is completes


def test_a_due_transfer_completed_through_the_api(demo, api, user):
    """R-TG-4, R-TG-7: the overdue transfer is listed with its deadline and target as codes; completing
    it answers the customership and writes its notices; a second completion is a localised 400 and
    changes nothing; an unknown id is a 404."""
    register(dt.date(2023, 5, 20))
    due = DueTransfer.objects.get(person__henkilotunnus=NEWCOMER)
    api.force_authenticate(user("sanna.makinen"))
    row = next(r for r in api.get("/api/v1/transfers/due/").json() if r["id"] == due.pk)
    assert (row["ground"], row["due_by"], row["overdue"], row["handler_te_office"]) == (
        "new_registration",
        "2023-05-27",
        True,
        "01",
    )
    assert row["target"]["kunta_code"] == "091" and row["person"]["last_name"] == "Salo"
    made = api.post(f"/api/v1/transfers/due/{due.pk}/complete/")
    assert made.status_code == 201
    body = made.json()
    assert (body["municipality"], body["valid_from"], body["ground"]) == (
        "091",
        "2023-06-01",
        "new_registration",
    )
    assert [c["code"] for c in body["decision"]["checks"]]
    assert Notice.objects.filter(customership_id=body["id"]).count() == 2
    entry = AccessLogEntry.objects.get(what="api:complete-transfer")
    assert entry.person_id == due.person_id and entry.purpose == Purpose.TRANSFER
    again = api.post(f"/api/v1/transfers/due/{due.pk}/complete/", HTTP_ACCEPT_LANGUAGE="fi")
    assert again.status_code == 400 and again.json()["error"]["code"] == "transfer_not_possible"
    assert again.json()["error"]["message"] == "Tämä siirto on jo tehty."
    assert Customership.objects.filter(person=due.person).count() == 1
    assert logged("sanna.makinen", "api:complete-transfer") == 1
    missing = api.post("/api/v1/transfers/due/999999/complete/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "due_transfer_not_found"


# --- transfer requests ------------------------------------------------------------------------------

TO_HELSINKI = {"ground": "request_to_municipality", "reason": "linguistic_rights", "services_secured": True}


def ask(api, person, **changes):
    return api.post(
        "/api/v1/transfer-requests/",
        {"person": str(person.pk), **TO_HELSINKI, "municipality": "091", **changes},
        format="json",
    )


RECORDERS = {
    # username: status of recording the Porvoo customer's request (R-X-1: record_request)
    "linnea.lindqvist": 201,  # Porvoo case worker: her customer
    "sanna.makinen": 201,  # the TE office of the person's place
    "aino.virtanen": 404,  # Helsinki case worker: not her customer, as for a missing person (R-X-2)
    # no role that may record: refused before the body (and the person it names) is read
    "mikko.korhonen": 403,  # approvers answer, they do not record
    "juha.heikkinen": 403,
    "kaisa.jarvinen": 403,
    "pekka.nieminen": 403,
    "elina.laine": 403,
    "tuomas.koskinen": 403,
    "admin": 403,
}


@pytest.mark.parametrize("username", sorted(RECORDERS))
def test_recording_a_request_per_role(demo_customers, api, user, username):
    """R-TG-5, R-X-1: the customer's municipality or the TE office records; a refusal records nothing."""
    api.force_authenticate(user(username))
    response = ask(api, demo_customers[PORVOO_HETU])
    assert response.status_code == RECORDERS[username]
    assert TransferRequest.objects.count() == (1 if response.status_code == 201 else 0)
    assert logged(username, "api:transfer-request") == TransferRequest.objects.count()


def test_bad_requests_are_localised_400s_and_record_nothing(demo_customers, api, user):
    """R-TG-5: missing fields, an unknown municipality, a receiving municipality on a move back to the
    TE office: a 400 in the request's language, nothing recorded; an unknown person is a 404."""
    api.force_authenticate(user("linnea.lindqvist"))
    person = demo_customers[PORVOO_HETU]
    missing = api.post("/api/v1/transfer-requests/", {"person": str(person.pk)}, format="json")
    assert missing.status_code == 400 and {"ground", "reason", "services_secured"} <= set(
        missing.json()["error"]["fields"]
    )
    unknown = ask(api, person, municipality="999")
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "municipality_not_found"
    back = api.post(
        "/api/v1/transfer-requests/",
        {"person": str(person.pk), **TO_HELSINKI, "ground": "request_to_te_office", "municipality": "091"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert back.status_code == 400 and back.json()["error"]["code"] == "request_not_possible"
    english = "A transfer back to the TE office names no receiving municipality."
    with translation.override("fi"):
        finnish = gettext(english)
    assert back.json()["error"]["fields"]["municipality"] == [finnish] and finnish != english
    future = api.post(
        "/api/v1/transfer-requests/",
        {"person": str(person.pk), **TO_HELSINKI, "municipality": "091", "asked_on": "2023-06-02"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert future.status_code == 400 and future.json()["error"]["fields"]["asked_on"] == [
        "Begäran kan inte dateras i framtiden."
    ]
    nobody = api.post(
        "/api/v1/transfer-requests/",
        {"person": str(uuid.uuid4()), **TO_HELSINKI, "municipality": "091"},
        format="json",
    )
    assert nobody.status_code == 404 and nobody.json()["error"]["code"] == "person_not_found"
    assert not TransferRequest.objects.exists()
    assert not AccessLogEntry.objects.filter(what="api:transfer-request").exists()


STEPS = {
    # username: (GET the open requests, answer the Porvoo→Helsinki request, decide the Helsinki→TE one)
    "mikko.korhonen": (200, 200, 404),  # Helsinki approver: Helsinki answers
    "sanna.makinen": (200, 404, 200),  # Uusimaa TE office decides
    "juha.heikkinen": (200, 404, 404),  # Kainuu area manager: not Helsinki
    "aino.virtanen": (403, 404, 404),  # case workers record, they do not answer or decide
    "linnea.lindqvist": (403, 404, 404),
    "kaisa.jarvinen": (403, 404, 404),
    "pekka.nieminen": (403, 404, 404),
    "elina.laine": (403, 404, 404),
    "tuomas.koskinen": (403, 404, 404),
    "admin": (403, 404, 404),
}


@pytest.mark.parametrize("username", sorted(STEPS))
def test_answering_and_deciding_per_role(demo_customers, api, user, username):
    """R-TG-5, R-X-1: the receiving municipality answers, the TE office of the person's place decides;
    a refused step changes nothing."""
    api.force_authenticate(user("linnea.lindqvist"))
    to_helsinki = ask(api, demo_customers[PORVOO_HETU]).json()["id"]
    api.force_authenticate(user("sanna.makinen"))
    back = ask(api, demo_customers[HELSINKI_HETU], ground="request_to_te_office", municipality=None).json()[
        "id"
    ]
    api.force_authenticate(user(username))
    expected = STEPS[username]
    got = (
        api.get("/api/v1/transfer-requests/").status_code,
        api.post(
            f"/api/v1/transfer-requests/{to_helsinki}/answer/", {"accept": True}, format="json"
        ).status_code,
        api.post(f"/api/v1/transfer-requests/{back}/decide/", {"grant": False}, format="json").status_code,
    )
    assert got == expected
    statuses = (
        TransferRequest.objects.get(pk=to_helsinki).status,
        TransferRequest.objects.get(pk=back).status,
    )
    assert statuses == (
        RequestStatus.PENDING if expected[1] == 200 else RequestStatus.AWAITING_ACCEPTANCE,
        RequestStatus.REFUSED if expected[2] == 200 else RequestStatus.PENDING,
    )


def test_a_request_answered_and_decided_through_the_api(demo_customers, api, user):
    """R-TG-5, R-TG-7: Porvoo records, Helsinki's approver sees it awaiting the answer and accepts, the
    Uusimaa TE office sees it awaiting the decision and grants: the customership with Helsinki from
    today, with its notices. Steps by the wrong role are 404 (R-X-2), repeated or malformed ones 400,
    and change nothing."""
    person = demo_customers[PORVOO_HETU]
    api.force_authenticate(user("linnea.lindqvist"))
    request_id = ask(api, person).json()["id"]
    api.force_authenticate(user("mikko.korhonen"))
    listed = api.get("/api/v1/transfer-requests/").json()
    assert [(r["id"], r["awaiting"], r["municipality"]) for r in listed] == [(request_id, "answer", "091")]
    assert logged("mikko.korhonen", "api:transfer-requests") == 1
    api.force_authenticate(user("aino.virtanen"))  # a case worker does not answer for Helsinki
    assert (
        api.post(
            f"/api/v1/transfer-requests/{request_id}/answer/", {"accept": True}, format="json"
        ).status_code
        == 404
    )
    api.force_authenticate(user("mikko.korhonen"))
    bad = api.post(f"/api/v1/transfer-requests/{request_id}/answer/", {"accept": "perhaps"}, format="json")
    assert bad.status_code == 400 and "accept" in bad.json()["error"]["fields"]
    assert TransferRequest.objects.get().status == RequestStatus.AWAITING_ACCEPTANCE
    accepted = api.post(f"/api/v1/transfer-requests/{request_id}/answer/", {"accept": True}, format="json")
    assert accepted.status_code == 200 and accepted.json()["status"] == "pending"
    assert accepted.json()["accepted_on"] == "2023-06-01"
    again = api.post(f"/api/v1/transfer-requests/{request_id}/answer/", {"accept": False}, format="json")
    assert again.status_code == 400 and again.json()["error"]["code"] == "request_not_possible"
    assert TransferRequest.objects.get().status == RequestStatus.PENDING
    assert (
        api.post(
            f"/api/v1/transfer-requests/{request_id}/decide/", {"grant": True}, format="json"
        ).status_code
        == 404
    )
    api.force_authenticate(user("sanna.makinen"))
    assert [r["awaiting"] for r in api.get("/api/v1/transfer-requests/").json()] == ["decision"]
    granted = api.post(f"/api/v1/transfer-requests/{request_id}/decide/", {"grant": True}, format="json")
    assert granted.status_code == 200 and granted.json()["status"] == "transferred"
    made = Customership.objects.get(pk=granted.json()["customership"])
    assert (made.municipality.code, made.ground, made.valid_from) == (
        "091",
        "request_to_municipality",
        dt.date(2023, 6, 1),
    )
    assert (
        made.notices.count() == 3
    )  # the person, the receiving and the losing municipality (L421 s. 5 mom 6)
    assert logged("sanna.makinen", "api:transfer-request-decide") == 1
    missing = api.post("/api/v1/transfer-requests/999999/decide/", {"grant": True}, format="json")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "transfer_request_not_found"


# --- customer counts --------------------------------------------------------------------------------


@pytest.mark.parametrize("username", sorted(COUNTS_ROLES))
def test_customer_counts_per_role(kainuu, demo, api, user, username, settings):
    """R-X-1: as the page: the area's manager, the ministry, the area's ELY centre and TE office;
    aggregates, so nothing is logged."""
    settings.KUNTAKOKEILU_TODAY = "2021-07-15"
    api.force_authenticate(user(username))
    got = tuple(api.get(f"/api/v1/trial-areas/{n}/customer-counts/").status_code for n in (7, 20))
    assert got == COUNTS_ROLES[username]
    assert not AccessLogEntry.objects.exists()


def test_customer_counts_with_small_counts_hidden(kainuu, demo, api, user, settings):
    settings.KUNTAKOKEILU_TODAY = "2021-07-15"
    api.force_authenticate(user("juha.heikkinen"))
    body = api.get("/api/v1/trial-areas/7/customer-counts/").json()
    assert body["trial_area"] == 7 and body["threshold"] == 5 and "205" in body["municipalities"]
    assert [m["month"] for m in body["months"]] == ["2021-03", "2021-04", "2021-05", "2021-06"]
    assert [m["total"]["count"] for m in body["months"]] == [11, 12, 12, 9]
    cells = {c["municipality"]: c for c in body["months"][0]["municipalities"]}
    assert cells["205"] == {"municipality": "205", "count": 8, "suppressed": ""}
    assert cells["765"] == {"municipality": "765", "count": None, "suppressed": "small"}
    missing = api.get("/api/v1/trial-areas/99/customer-counts/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "trial_area_not_found"
