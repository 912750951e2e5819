"""The regional co-operation network through the API (R-SP-9, R-INT-3): members and meetings of a trial area,
read with `cooperation.view` and written with `cooperation.manage`, for every demo role (R-X-1: a refused area
is the same 404 as a missing one), refusals as localised 400s naming the field that write nothing (R-X-3)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users
from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.cooperation.models import NetworkMeeting, NetworkMember
from kuntakokeilu.regions.models import Municipality, TrialArea

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)
USERNAMES = sorted(row[0] for row in DEMO_USERS)
# (Helsinki's area 20, Kainuu's area 7): who reads the network
READERS = {
    "aino.virtanen": (200, 404),  # Helsinki case worker
    "mikko.korhonen": (200, 404),  # Helsinki approver
    "linnea.lindqvist": (404, 404),  # Porvoo case worker: area 22
    "juha.heikkinen": (404, 200),  # Kainuu area manager
    "ville.hyvonen": (404, 200),  # Kajaani case workers
    "emma.kinnunen": (404, 200),
    "sanna.makinen": (200, 404),  # Uusimaa TE office
    "kaisa.jarvinen": (200, 404),  # Uusimaa ELY centre
    "elina.laine": (200, 200),  # the ministry
    "heikki.kemppainen": (404, 200),  # Kainuu ELY centre (issue 18 items 3 and 5)
    "antti.pulkkinen": (404, 200),  # Kajaani approver (issue 18 item 2)
    "ulrika.holmstrom": (404, 404),  # Porvoo approver: area 22
}


@pytest.fixture
def api(settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    return APIClient()


def as_user(api, username):
    api.force_authenticate(get_user_model().objects.get(username=username))
    return api


def member(area: int, **kw) -> NetworkMember:
    kw.setdefault("kind", "other")
    kw.setdefault("name", "Kela")
    return NetworkMember.objects.create(
        trial_area=TrialArea.objects.get(number=area), member_from=dt.date(2021, 3, 1), **kw
    )


def test_an_anonymous_caller_gets_401(api):
    for response in (
        api.get("/api/v1/trial-areas/7/network/members/"),
        api.post("/api/v1/trial-areas/7/network/members/", {}, format="json"),
        api.get("/api/v1/trial-areas/7/network/meetings/"),
        api.post("/api/v1/trial-areas/7/network/meetings/", {}, format="json"),
    ):
        assert response.status_code == 401
    assert not NetworkMember.objects.exists()


@pytest.mark.parametrize("username", USERNAMES)
def test_every_role_reads_only_the_networks_it_may_see(api, username):
    """R-X-1: the area's staff, the ELY centre's and TE office's officials of the area, the ministry."""
    member(20)
    member(7)
    as_user(api, username)
    missing = api.get("/api/v1/trial-areas/99/network/members/")
    assert missing.status_code == 404
    got = []
    for area in (20, 7):
        for resource in ("members", "meetings"):
            response = api.get(f"/api/v1/trial-areas/{area}/network/{resource}/")
            if response.status_code == 404:
                assert response.json() == missing.json()
            got.append(response.status_code)
    expected = READERS.get(username, (404, 404))
    assert tuple(got) == (expected[0], expected[0], expected[1], expected[1])
    assert not AccessLogEntry.objects.exists()  # no person's data


@pytest.mark.parametrize("username", USERNAMES)
def test_only_the_area_manager_of_the_area_adds_members(api, username):
    as_user(api, username)
    body = {"kind": "skills_service_provider", "name": "Kainuun ammattiopisto", "member_from": "2022-08-01"}
    response = api.post("/api/v1/trial-areas/7/network/members/", body, format="json")
    if username == "juha.heikkinen":
        assert response.status_code == 201, response.json()
        assert response.json()["display_name"] == "Kainuun ammattiopisto"
        assert NetworkMember.objects.count() == 1
    else:
        assert response.status_code == 404
        assert not NetworkMember.objects.exists()


def test_members_on_a_date_and_by_code(api):
    as_user(api, "juha.heikkinen")
    for body in (
        {"kind": "municipality", "municipality": "205", "member_from": "2021-03-01"},
        {"kind": "ely_centre", "ely": "14", "member_from": "2021-03-01", "member_to": "2021-12-31"},
        {
            "kind": "te_office",
            "te_office": "14",
            "member_from": "2021-03-01",
            "contact_email": "te@example.fi",
        },
    ):
        assert api.post("/api/v1/trial-areas/7/network/members/", body, format="json").status_code == 201
    rows = api.get("/api/v1/trial-areas/7/network/members/?on=2022-06-01").json()
    assert [(r["kind"], r["municipality"], r["te_office"]) for r in rows] == [
        ("municipality", "205", None),
        ("te_office", None, "14"),
    ]
    assert len(api.get("/api/v1/trial-areas/7/network/members/").json()) == 3
    assert api.get("/api/v1/trial-areas/7/network/members/?on=2022-13-01").status_code == 400


@pytest.mark.parametrize(
    ("lang", "body", "field", "text"),
    [
        (
            "fi",
            {"kind": "municipality", "municipality": "091"},
            "municipality",
            "Helsinki ei ole kokeilualueen",
        ),
        (
            "sv",
            {"kind": "municipality", "municipality": "091"},
            "municipality",
            "Helsingfors är inte en kommun",
        ),
        ("fi", {"kind": "ely_centre", "ely": "01"}, "ely", "ei ole kokeilualueen ELY-keskus"),
        ("sv", {"kind": "te_office", "te_office": "01"}, "te_office", "är inte försöksområdets TE-byrå"),
        ("fi", {"kind": "other", "name": "X", "member_from": "2020-12-31"}, "member_from", "ennen kokeilun"),
    ],
)
def test_refusals_are_localised_400s_naming_the_field(api, lang, body, field, text):
    as_user(api, "juha.heikkinen")
    body = {"member_from": "2021-03-01", **body}
    response = api.post(
        "/api/v1/trial-areas/7/network/members/", body, format="json", HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "member_refused"
    assert text in error["fields"][field][0]
    assert not NetworkMember.objects.exists()


def test_meetings_are_recorded_and_listed_in_a_period(api):
    kajaani = member(7, kind="municipality", name="", municipality=Municipality.objects.get(code="205"))
    later = member(7, name="Opisto")
    later.member_from = dt.date(2022, 8, 1)
    later.save()
    as_user(api, "juha.heikkinen")
    body = {"date": "2022-05-10", "channel": "remote", "agenda": "1. Avaus", "participants": [kajaani.pk]}
    created = api.post("/api/v1/trial-areas/7/network/meetings/", body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["participants"] == [kajaani.pk]
    refused = api.post(
        "/api/v1/trial-areas/7/network/meetings/",
        {**body, "participants": [kajaani.pk, later.pk]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert refused.status_code == 400
    assert refused.json()["error"]["fields"]["participants"] == [
        "Opisto var inte medlem i nätverket den 10.5.2022."
    ]
    assert NetworkMeeting.objects.count() == 1
    as_user(api, "ville.hyvonen")
    assert len(api.get("/api/v1/trial-areas/7/network/meetings/?from=2022-01-01&to=2022-12-31").json()) == 1
    assert api.get("/api/v1/trial-areas/7/network/meetings/?from=2023-01-01").json() == []
    assert api.get("/api/v1/trial-areas/7/network/meetings/?from=x").status_code == 400
    assert api.post("/api/v1/trial-areas/7/network/meetings/", body, format="json").status_code == 404
    assert NetworkMeeting.objects.count() == 1
