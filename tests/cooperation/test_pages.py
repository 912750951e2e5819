"""The network's pages (R-SP-9, R-X-1, R-X-3): who sees them, who edits, refusals shown on the form in fi/sv
with nothing written, the members on a chosen date and the navigation's entry."""

import datetime as dt

import pytest
from django.test import Client

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.cooperation.models import NetworkMeeting, NetworkMember
from kuntakokeilu.regions.models import Municipality

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def today(settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-01"


def client_of(user, lang="fi") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(user)
    return client


@pytest.fixture
def kajaani(kainuu):
    return NetworkMember.objects.create(
        trial_area=kainuu,
        kind="municipality",
        municipality=Municipality.objects.get(code="205"),
        member_from=D(2021, 3, 1),
    )


@pytest.mark.parametrize(
    ("username", "view", "edit"),
    [
        ("juha.heikkinen", 200, 200),
        ("ville.hyvonen", 200, 404),
        ("emma.kinnunen", 200, 404),
        ("elina.laine", 200, 404),
        ("aino.virtanen", 404, 404),
        ("kaisa.jarvinen", 404, 404),
        ("sanna.makinen", 404, 404),
        ("tuomas.koskinen", 404, 404),
    ],
)
def test_who_sees_and_who_edits_kainuu_s_network(users, kainuu, kajaani, today, username, view, edit):
    client = client_of(users[username])
    response = client.get("/trial-areas/7/network/")
    assert response.status_code == view
    assert client.get("/trial-areas/7/network/members/new/").status_code == edit
    assert client.get("/trial-areas/7/network/meetings/new/").status_code == edit
    assert client.get(f"/trial-areas/7/network/members/{kajaani.pk}/end/").status_code == edit
    if view == 200:
        assert "Kajaani" in response.content.decode()
        assert ("Lisää jäsen" in response.content.decode()) is (edit == 200)
    assert not AccessLogEntry.objects.exists()


def test_the_navigation_entry_opens_the_one_area_or_lists_them(users, today):
    assert client_of(users["ville.hyvonen"]).get("/network/").url == "/trial-areas/7/network/"
    listing = client_of(users["kaisa.jarvinen"]).get("/network/")  # Uusimaa's ELY centre: areas 19–23
    assert listing.status_code == 200
    assert [n for n in (19, 20, 21, 22, 23) if f"/trial-areas/{n}/network/" in listing.content.decode()] == [
        19,
        20,
        21,
        22,
        23,
    ]
    assert "/trial-areas/7/network/" not in listing.content.decode()
    assert client_of(users["tuomas.koskinen"]).get("/network/").status_code == 403


def test_members_on_a_chosen_date(users, kainuu, kajaani, today):
    NetworkMember.objects.create(trial_area=kainuu, kind="other", name="Opisto", member_from=D(2022, 8, 1))
    client = client_of(users["ville.hyvonen"])
    before = client.get("/trial-areas/7/network/?on=15.7.2022").content.decode()
    after = client.get("/trial-areas/7/network/?on=2022-08-15").content.decode()
    assert "Jäsenet 15.7.2022" in before and 'data-kind="other"' not in before
    assert 'data-kind="other"' in after
    assert client.get("/trial-areas/7/network/?on=31.2.2022").status_code == 400
    assert "Lakisääteiset jäsenet" in before and "Kuhmo" in before
    assert "Lakisääteiset jäsenet" not in client.get("/trial-areas/7/network/?on=1.1.2021").content.decode()


def test_the_area_manager_adds_a_member_and_a_refusal_writes_nothing(users, kainuu, today):
    client = client_of(users["juha.heikkinen"], "sv")
    bad = client.post(
        "/trial-areas/7/network/members/new/",
        {"kind": "ely_centre", "ely": "", "member_from": "1.3.2021"},
    )
    assert bad.status_code == 400
    assert "Välj NTM-central." in bad.content.decode()
    assert not NetworkMember.objects.exists()
    good = client.post(
        "/trial-areas/7/network/members/new/",
        {"kind": "skills_service_provider", "name": "Kainuun ammattiopisto", "member_from": "1.9.2021"},
    )
    assert good.status_code == 302
    assert NetworkMember.objects.get().name == "Kainuun ammattiopisto"


def test_a_meeting_is_recorded_and_shown_and_a_non_member_refused(users, kainuu, kajaani, today):
    later = NetworkMember.objects.create(
        trial_area=kainuu, kind="other", name="Opisto", member_from=D(2022, 8, 1)
    )
    client = client_of(users["juha.heikkinen"])
    body = {"date": "10.5.2022", "channel": "remote", "agenda": "1. Avaus", "minutes": "Sovittiin."}
    bad = client.post(
        "/trial-areas/7/network/meetings/new/", {**body, "participants": [kajaani.pk, later.pk]}
    )
    assert bad.status_code == 400
    assert "Opisto ei ollut verkoston jäsen 10.5.2022." in bad.content.decode()
    assert not NetworkMeeting.objects.exists()
    good = client.post("/trial-areas/7/network/meetings/new/", {**body, "participants": [kajaani.pk]})
    assert good.status_code == 302
    meeting = NetworkMeeting.objects.get()
    page = client_of(users["ville.hyvonen"]).get(good.url).content.decode()
    assert "Sovittiin." in page and "Kajaani" in page
    assert client_of(users["aino.virtanen"]).get(good.url).status_code == 404
    assert client.get(f"/trial-areas/20/network/meetings/{meeting.pk}/").status_code == 404


def test_ending_a_membership(users, kainuu, kajaani, today):
    client = client_of(users["juha.heikkinen"])
    response = client.post(f"/trial-areas/7/network/members/{kajaani.pk}/end/", {"member_to": "31.12.2021"})
    assert response.status_code == 302
    kajaani.refresh_from_db()
    assert kajaani.member_to == D(2021, 12, 31)
    assert client.get(f"/trial-areas/20/network/members/{kajaani.pk}/end/").status_code == 404
