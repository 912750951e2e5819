# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""The service process through the API (issue 16 item 5): a person's deadlines (R-SP-1), meetings
(R-SP-3), the caller's worklist (R-SP-2) and a trial area's service points (R-PREM-1), with the permissions
of every role (R-X-1: a refused object is the same 404 as a missing one), refusals as localised 400s that
change nothing (R-X-3) and the access log written in the read's or write's transaction (R-X-2)."""

import datetime as dt
import uuid

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.service_process import services
from kuntakokeilu.service_process.explanations import ITEM_LABELS
from kuntakokeilu.service_process.models import DueItem, Meeting, ServicePoint
from kuntakokeilu.service_process.queries import deadlines_for
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    TODAY,
    demo,
    demo_customers,
    user,
)
from tests.customers.test_pages import PERSON_PAGE_ROLES

pytestmark = pytest.mark.django_db
HETUS = (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
STAFF_WITH_A_WORKLIST = {
    "aino.virtanen",
    "mikko.korhonen",
    "linnea.lindqvist",
    "juha.heikkinen",
    "ville.hyvonen",
}
# who records meetings for (Helsinki person, Porvoo person, Kajaani person): the municipality's case
# workers and approvers only (R-SP-3, R-X-1); everyone else the same 404 as for a missing person
RECORDERS = {
    "aino.virtanen": (201, 404, 404),
    "mikko.korhonen": (201, 404, 404),
    "linnea.lindqvist": (404, 201, 404),
    "ville.hyvonen": (404, 404, 201),
}
# the service points of (Helsinki's area 20, Kainuu's area 7): the staff who record meetings in one of
# the area's municipalities and the area's manager
POINT_READERS = {
    "aino.virtanen": (200, 404),
    "mikko.korhonen": (200, 404),
    "juha.heikkinen": (404, 200),
    "ville.hyvonen": (404, 200),
}


@pytest.fixture
def api():
    return APIClient()


def logged(username: str, what: str) -> int:
    return AccessLogEntry.objects.filter(user__username=username, what=what).count()


def point(area: int, code: str, name: str, active: bool = True) -> ServicePoint:
    return ServicePoint.objects.create(
        trial_area=TrialArea.objects.get(number=area),
        municipality=Municipality.objects.get(code=code),
        name_fi=name,
        name_sv=f"{name} (sv)",
        street_address="Demokatu 1",
        postal_code="00100",
        opening_hours="ma–pe 9–16",
        organisations=["municipality", "kela"],
        active=active,
    )


def meeting(**changes) -> dict:
    return {"type": "job_search_discussion", "date": "2023-05-15", "channel": "phone", **changes}


def written() -> tuple[int, int, int]:
    return Meeting.objects.count(), DueItem.objects.count(), AccessLogEntry.objects.count()


# --- permissions of every role --------------------------------------------------------------------


def test_an_anonymous_caller_gets_401_from_every_endpoint(demo_customers, api):
    """R-X-1: no credentials, no answer — before anything is looked up."""
    person = demo_customers[HELSINKI_HETU]
    for response in (
        api.get(f"/api/v1/persons/{person.pk}/deadlines/"),
        api.get(f"/api/v1/persons/{person.pk}/meetings/"),
        api.post(f"/api/v1/persons/{person.pk}/meetings/", meeting(), format="json"),
        api.get("/api/v1/service/worklist/"),
        api.get("/api/v1/trial-areas/20/service-points/"),
    ):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_authenticated"
    assert written() == (0, 0, 0)


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_deadlines_and_meetings_are_read_as_the_person_page_and_logged(demo_customers, api, user, username):
    """R-X-1: the person's deadlines and meetings as the person page (the municipality's staff, the area
    manager's area, the TE office of the place; ELY, ministry, applicants, researchers and admins none);
    a refused person is the same 404 as a missing one; R-X-2: each read logged, a refusal not."""
    api.force_authenticate(user(username))
    missing = api.get(f"/api/v1/persons/{uuid.UUID(int=1)}/deadlines/").json()
    got = []
    for code in HETUS:
        base = f"/api/v1/persons/{demo_customers[code].pk}"
        deadlines, meetings = api.get(f"{base}/deadlines/"), api.get(f"{base}/meetings/")
        assert deadlines.status_code == meetings.status_code
        if deadlines.status_code == 404:
            assert deadlines.json() == missing and missing["error"]["code"] == "person_not_found"
        got.append(deadlines.status_code)
    assert tuple(got) == PERSON_PAGE_ROLES[username]
    for what in ("api:person-deadlines", "api:person-meetings"):
        assert logged(username, what) == got.count(200)
    assert all(e.purpose == Purpose.CUSTOMER_SERVICE for e in AccessLogEntry.objects.all())


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_only_the_municipality_s_case_workers_and_approvers_record_meetings(
    demo_customers, api, user, username
):
    """R-SP-3, R-X-1: a meeting is recorded by the customer's municipality's case workers and approvers;
    anyone else gets the same 404 as for a missing person and nothing is written."""
    api.force_authenticate(user(username))
    got = []
    for code in HETUS:
        before = written()
        response = api.post(f"/api/v1/persons/{demo_customers[code].pk}/meetings/", meeting(), format="json")
        got.append(response.status_code)
        if response.status_code == 404:
            assert response.json()["error"]["code"] == "person_not_found"
            assert written() == before
    assert tuple(got) == RECORDERS.get(username, (404, 404, 404))
    assert Meeting.objects.count() == logged(username, "api:person-meetings") == got.count(201)


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_the_worklist_is_for_the_staff_who_handle_deadlines(demo_customers, api, user, username):
    """R-SP-2, R-X-1: case workers, approvers and area managers; the TE office, ELY, ministry, applicants,
    researchers and admins are refused (403)."""
    api.force_authenticate(user(username))
    response = api.get("/api/v1/service/worklist/")
    assert response.status_code == (200 if username in STAFF_WITH_A_WORKLIST else 403)
    if response.status_code == 403:
        assert response.json()["error"]["code"] == "permission_denied"


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_service_points_are_the_area_staff_s(demo_customers, api, user, username):
    """R-X-1, least privilege: those who record meetings in one of the area's municipalities and the
    area's manager; a refused area is the same 404 as a missing one."""
    point(20, "091", "Kalasatama")
    point(7, "205", "Kajaani")
    api.force_authenticate(user(username))
    missing = api.get("/api/v1/trial-areas/99/service-points/")
    assert missing.status_code == 404
    got = []
    for area in (20, 7):
        response = api.get(f"/api/v1/trial-areas/{area}/service-points/")
        got.append(response.status_code)
        if response.status_code == 404:
            assert response.json() == missing.json()
    assert tuple(got) == POINT_READERS.get(username, (404, 404))


# --- deadlines ------------------------------------------------------------------------------------


def test_the_deadlines_are_the_rule_s_with_explanations_in_the_request_language(demo_customers, api, user):
    """R-SP-1: the regime and the next item of every type, as `queries.deadlines_for` gives them; the
    explanations in Finnish, in Swedish by Accept-Language, and by `lang` over it."""
    person = demo_customers[HELSINKI_HETU]
    outcome = deadlines_for(person, TODAY)
    api.force_authenticate(user("aino.virtanen"))
    url = f"/api/v1/persons/{person.pk}/deadlines/"
    fi = api.get(url, HTTP_ACCEPT_LANGUAGE="fi").json()
    sv = api.get(url, HTTP_ACCEPT_LANGUAGE="sv").json()
    asked = api.get(url, {"lang": "sv"}, HTTP_ACCEPT_LANGUAGE="fi").json()
    assert fi["person"] == str(person.pk) and fi["on"] == TODAY.isoformat()
    assert (fi["rule"], fi["rule_version"], fi["regime"]) == (
        "service-deadlines",
        outcome.rule_version,
        "transition",
    )
    assert [i["type"] for i in fi["items"]] == [d["type"] for d in outcome.result["due"]]
    first = next(i for i in fi["items"] if i["type"] == "first_interview")
    due = next(d for d in outcome.result["due"] if d["type"] == "first_interview")
    assert (first["state"], first["due_date"], first["reference"]) == (
        "overdue",
        due["due_date"].isoformat(),
        due["reference"],
    )
    checks = {c.code: c for c in outcome.checks}
    assert first["explanation"] == checks["due_first_interview"].message.render("fi")
    assert first["state_label"] == "myöhässä"
    assert fi["regime_explanation"] == checks["regime"].message.render("fi")
    assert [i["explanation"] for i in sv["items"]] == [
        checks[f"due_{i['type']}"].message.render("sv") for i in sv["items"]
    ]
    assert asked["items"] == sv["items"] and fi["items"] != sv["items"]
    assert logged("aino.virtanen", "api:person-deadlines") == 3


def test_the_deadlines_on_another_date_and_before_the_job_search(demo_customers, api, user):
    """R-SP-1: `on` asks the rule on that day; before any job search there is no regime and no item."""
    person = demo_customers[HELSINKI_HETU]
    api.force_authenticate(user("aino.virtanen"))
    url = f"/api/v1/persons/{person.pk}/deadlines/"
    early = api.get(url, {"on": "1990-01-01"}).json()
    assert (early["regime"], early["rule_version"], early["items"]) == (None, None, [])
    on = dt.date(2022, 1, 10)
    then = api.get(url, {"on": on.isoformat()}).json()
    assert then["regime"] == deadlines_for(person, on).result["regime"] == "pre_nordic"


@pytest.mark.parametrize(
    ("query", "lang", "code", "message"),
    [
        ({"on": "2023-02-30"}, "fi", "invalid_date", "Päivämäärä ei kelpaa."),
        ({"lang": "de"}, "sv", "invalid_language", "Språket är inte giltigt."),
        ({"lang": ""}, "fi", "invalid_language", "Kieli ei kelpaa."),
    ],
)
def test_bad_parameters_are_a_localised_400_and_not_logged(
    demo_customers, api, user, query, lang, code, message
):
    """R-X-3: a bad date or language is refused with its message in the request's language; nothing is
    written, not even the access log."""
    api.force_authenticate(user("aino.virtanen"))
    response = api.get(
        f"/api/v1/persons/{demo_customers[HELSINKI_HETU].pk}/deadlines/", query, HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 400
    assert (response.json()["error"]["code"], response.json()["error"]["message"]) == (code, message)
    assert written() == (0, 0, 0)


# --- meetings -------------------------------------------------------------------------------------


def test_a_recorded_meeting_changes_the_deadlines_at_once_and_is_listed(demo_customers, api, user):
    """R-SP-3: the job-search discussion of 15.5.2023 meets the overdue first interview; the meeting is
    listed, the next discussion is on the worklist, both the write and the reads are logged."""
    person = demo_customers[HELSINKI_HETU]
    kalasatama = point(20, "091", "Kalasatama")
    api.force_authenticate(user("aino.virtanen"))
    base = f"/api/v1/persons/{person.pk}"
    created = api.post(
        f"{base}/meetings/",
        meeting(
            channel="face_to_face",
            service_point=kalasatama.pk,
            participants="Aino Virtanen",
            notes="Työnhaku etenee.",
        ),
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    stored = Meeting.objects.get()
    assert (
        body["id"] == stored.pk and body["service_point"] == kalasatama.pk and body["municipality"] == "091"
    )
    assert (stored.type, stored.date, stored.recorded_by.username) == (
        "job_search_discussion",
        dt.date(2023, 5, 15),
        "aino.virtanen",
    )
    items = {i["type"]: i for i in api.get(f"{base}/deadlines/").json()["items"]}
    assert items["first_interview"]["state"] == "done"
    assert items["job_search_discussion"]["due_date"] == "2023-08-15"
    listed = api.get(f"{base}/meetings/").json()
    assert [m["id"] for m in listed] == [stored.pk] and listed[0]["notes"] == "Työnhaku etenee."
    assert DueItem.objects.open().get(person=person, type="job_search_discussion").due_by == dt.date(
        2023, 8, 15
    )
    assert logged("aino.virtanen", "api:person-meetings") == 2


@pytest.mark.parametrize(
    ("changes", "field", "fi", "sv"),
    [
        (
            {"date": "2023-06-02"},
            "date",
            "Tapaamista ei voi päivätä tämän päivän (1.6.2023) jälkeen.",
            "Ett möte kan inte dateras efter i dag (1.6.2023).",
        ),
        (
            {"channel": "face_to_face"},
            "service_point",
            "Kasvokkaiselle tapaamiselle on merkittävä palvelupiste, jossa se pidettiin.",
            "För ett möte ansikte mot ansikte ska servicestället där det hölls anges.",
        ),
        (
            {"channel": "face_to_face", "service_point": "kajaani"},
            "service_point",
            "Palvelupiste ei ole käytössä työnhakijan kokeilualueella.",
            "Servicestället är inte i bruk i den arbetssökandes försöksområde.",
        ),
        (
            {"channel": "face_to_face", "service_point": "closed"},
            "service_point",
            "Palvelupiste ei ole käytössä työnhakijan kokeilualueella.",
            "Servicestället är inte i bruk i den arbetssökandes försöksområde.",
        ),
    ],
)
def test_the_page_s_refusals_are_400s_naming_the_field_in_fi_and_sv(
    demo_customers, api, user, changes, field, fi, sv
):
    """R-SP-3, R-X-3: a meeting after today, face to face without a service point, at another area's
    point or at one no longer in use is refused as on the page, with the field and the message in the
    request's language; nothing is written (no meeting, no work item, no log entry)."""
    points = {
        "kajaani": point(7, "205", "Kajaani").pk,
        "closed": point(20, "091", "Suljettu", active=False).pk,
    }
    if "service_point" in changes:
        changes = {**changes, "service_point": points[changes["service_point"]]}
    person = demo_customers[HELSINKI_HETU]
    api.force_authenticate(user("aino.virtanen"))
    before = written()
    for lang, message in (("fi", fi), ("sv", sv)):
        response = api.post(
            f"/api/v1/persons/{person.pk}/meetings/",
            meeting(**changes),
            format="json",
            HTTP_ACCEPT_LANGUAGE=lang,
        )
        assert response.status_code == 400
        assert response.json() == {
            "error": {"code": "meeting_refused", "message": message, "fields": {field: [message]}}
        }
    assert written() == before


def test_a_meeting_before_the_job_search_and_a_malformed_one_are_refused(demo_customers, api, user):
    """R-X-3: a date before the job search began, an unknown type and a missing date are 400s with the
    fields named; nothing is written."""
    person = demo_customers[HELSINKI_HETU]
    api.force_authenticate(user("aino.virtanen"))
    before = written()
    early = api.post(
        f"/api/v1/persons/{person.pk}/meetings/",
        meeting(date="2000-01-03"),
        format="json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    message = "Työnhakijalla ei ollut voimassa olevaa työnhakua tapaamisen päivänä."
    assert early.status_code == 400 and early.json()["error"]["fields"] == {"date": [message]}
    bad = api.post(
        f"/api/v1/persons/{person.pk}/meetings/",
        {"type": "coffee", "channel": "phone"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert bad.status_code == 400
    assert (
        bad.json()["error"]["code"] == "invalid"
        and bad.json()["error"]["message"] == "Begäran innehåller ogiltiga värden."
    )
    assert set(bad.json()["error"]["fields"]) == {"type", "date"}
    assert written() == before


# --- the worklist ---------------------------------------------------------------------------------


def test_the_worklist_is_the_caller_s_with_counts_and_every_listed_person_logged(demo_customers, api, user):
    """R-SP-2: Helsinki's case worker sees Helsinki's items only, the counts of every group on top, the
    labels in the request's language; each person listed is logged, once per read."""
    for code in HETUS:
        services.refresh_deadlines(demo_customers[code], TODAY)
    helsinki = demo_customers[HELSINKI_HETU]
    api.force_authenticate(user("aino.virtanen"))
    body = api.get("/api/v1/service/worklist/", HTTP_ACCEPT_LANGUAGE="fi").json()
    assert body["group"] == "overdue" and body["on"] == TODAY.isoformat() and body["escalated_before"] is None
    assert {r["person"]["id"] for r in body["results"]} == {str(helsinki.pk)}
    assert all(r["overdue"] and r["handler_municipality"] == "091" for r in body["results"])
    open_items = DueItem.objects.open().filter(handler_municipality__code="091")
    assert (
        body["counts"]["all"] == open_items.count() and body["counts"]["overdue"] == len(body["results"]) >= 1
    )
    assert (body["page"], body["pages"]) == (1, 1)
    first = body["results"][0]
    assert first["label"] and first["reference"] and first["rule_version"]
    every = api.get("/api/v1/service/worklist/", {"group": "all", "lang": "sv"}).json()
    assert len(every["results"]) == every["counts"]["all"] and every["counts"] == body["counts"]
    labels = {r["type"]: r["label"] for r in every["results"]}
    assert labels["first_interview"] == Message(ITEM_LABELS["first_interview"]).render("sv")
    assert first["label"] == Message(ITEM_LABELS[first["type"]]).render("fi") != labels[first["type"]]
    entries = AccessLogEntry.objects.filter(what="api:service-worklist")
    assert {e.person_id for e in entries} == {helsinki.pk} and entries.count() == 2


def test_the_worklist_pages_are_50_rows(demo_customers, api, user):
    """R-SP-2: 51 open items are two pages of 50 and 1, soonest first; only the page's persons are logged."""
    person = demo_customers[HELSINKI_HETU]
    DueItem.objects.bulk_create(
        DueItem(
            person=person,
            type="job_search_discussion",
            reference="JTYPL 2:6",
            rule_version="test",
            event_date=TODAY,
            due_by=TODAY + dt.timedelta(days=n),
            handler_municipality=Municipality.objects.get(code="091"),
        )
        for n in range(51)
    )
    api.force_authenticate(user("mikko.korhonen"))
    first = api.get("/api/v1/service/worklist/", {"group": "all"}).json()
    second = api.get("/api/v1/service/worklist/", {"group": "all", "page": 2}).json()
    assert (len(first["results"]), len(second["results"]), first["pages"], second["page"]) == (50, 1, 2, 2)
    assert (
        first["results"][0]["due_by"] == TODAY.isoformat() and second["results"][0]["due_by"] == "2023-07-21"
    )
    assert first["counts"] == {"overdue": 0, "today": 1, "week": 4, "all": 51}  # Thursday 1.6. to Sunday 4.6.
    assert AccessLogEntry.objects.filter(what="api:service-worklist").count() == 2


@pytest.mark.parametrize(
    ("query", "lang", "code", "message"),
    [
        ({"group": "later"}, "fi", "invalid_group", "Anna overdue, today, week tai all."),
        ({"group": "later"}, "sv", "invalid_group", "Ange overdue, today, week eller all."),
        ({"page": "0"}, "fi", "invalid_page", "Anna sivun numero 1:stä sivujen määrään."),
        ({"page": "2"}, "sv", "invalid_page", "Ange ett sidnummer från 1 till antalet sidor."),
        ({"page": "x"}, "fi", "invalid_page", "Anna sivun numero 1:stä sivujen määrään."),
    ],
)
def test_a_bad_group_or_page_is_a_localised_400(demo_customers, api, user, query, lang, code, message):
    """R-X-3: an unknown group or a page that does not exist is refused, the parameter named in the
    request's language; nothing is logged."""
    services.refresh_deadlines(demo_customers[HELSINKI_HETU], TODAY)
    api.force_authenticate(user("aino.virtanen"))
    before = AccessLogEntry.objects.count()
    response = api.get("/api/v1/service/worklist/", query, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == code and error["fields"] == {code.removeprefix("invalid_"): [message]}
    assert AccessLogEntry.objects.count() == before


def test_the_area_manager_s_worklist_holds_the_escalated_items(demo_customers, api, user):
    """R-SP-2: Kainuu's area manager gets the items overdue for more than the escalation parameter's 5
    working days (before 25.5.2023), as on the page."""
    person = demo_customers[KAJAANI_HETU]
    services.refresh_deadlines(person, TODAY)
    api.force_authenticate(user("juha.heikkinen"))
    body = api.get("/api/v1/service/worklist/").json()
    assert body["escalated_before"] == "2023-05-25"
    assert body["results"] and all(r["due_by"] < "2023-05-25" for r in body["results"])
    assert {r["person"]["id"] for r in body["results"]} == {str(person.pk)}


# --- service points -------------------------------------------------------------------------------


def test_the_area_s_service_points_in_use_first(demo_customers, api, user):
    """R-PREM-1: the points of the area, in use first, with their municipality and organisations."""
    closed = point(20, "091", "Asema", active=False)
    open_ = point(20, "091", "Kalasatama")
    point(7, "205", "Kajaani")
    api.force_authenticate(user("aino.virtanen"))
    rows = api.get("/api/v1/trial-areas/20/service-points/").json()
    assert [r["id"] for r in rows] == [open_.pk, closed.pk]
    assert rows[0] | {"id": 0} == {
        "id": 0,
        "trial_area": 20,
        "municipality": "091",
        "name_fi": "Kalasatama",
        "name_sv": "Kalasatama (sv)",
        "street_address": "Demokatu 1",
        "postal_code": "00100",
        "opening_hours": "ma–pe 9–16",
        "organisations": ["municipality", "kela"],
        "active": True,
    }
