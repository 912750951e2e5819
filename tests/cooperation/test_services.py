"""Keeping a trial area's co-operation network (R-SP-9; L1269 s. 21): what is refused, with which message,
and that a refusal writes nothing."""

import datetime as dt

import pytest
from django.utils import translation

from kuntakokeilu.cooperation import queries, services
from kuntakokeilu.cooperation.models import NetworkMeeting, NetworkMember
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)
D = dt.date


def add(user, area, **kw):
    kw.setdefault("member_from", D(2021, 3, 1))
    return services.add_member(user, area, today=TODAY, **kw)


def refused(fn, *args, **kw) -> services.Refused:
    with pytest.raises(services.Refused) as caught:
        fn(*args, **kw)
    return caught.value


def test_the_area_manager_adds_the_statutory_members_and_others(users, kainuu):
    """R-SP-9: Kainuu's municipalities, its ELY centre and TE office (code 14), a skills-service provider
    and the education administration, grouped by kind on a date."""
    juha = users["juha.heikkinen"]
    add(juha, kainuu, kind="municipality", municipality=Municipality.objects.get(code="205"))
    add(juha, kainuu, kind="ely_centre", ely=ElyCentre.objects.get(code="14"))
    add(juha, kainuu, kind="te_office", te_office=TeOffice.objects.get(code="14"))
    add(juha, kainuu, kind="skills_service_provider", name="Kainuun ammattiopisto", member_from=D(2022, 1, 1))
    add(juha, kainuu, kind="education_administration", name="Kajaanin kaupungin opetuspalvelut")
    groups = queries.members_by_kind(kainuu, D(2021, 6, 1))
    assert [g.kind for g in groups] == ["municipality", "ely_centre", "te_office", "education_administration"]
    later = queries.members_by_kind(kainuu, D(2022, 6, 1))
    assert "skills_service_provider" in [g.kind for g in later]


def test_a_municipality_outside_the_area_is_refused(users, kainuu):
    """L1269 s. 3: Helsinki is not a municipality of the Kainuu trial area."""
    with translation.override("fi"):
        error = refused(
            add,
            users["juha.heikkinen"],
            kainuu,
            kind="municipality",
            municipality=Municipality.objects.get(code="091"),
        )
        assert error.field == "municipality"
        assert str(error.message) == "Helsinki ei ole kokeilualueen Kainuu kunta."
    assert not NetworkMember.objects.exists()


def test_another_ely_centre_or_te_office_is_refused_naming_the_competent_one(users, kainuu):
    """L1269 s. 21: the member is the competent ELY centre (Kainuu's, code 14), not Uusimaa's."""
    juha = users["juha.heikkinen"]
    with translation.override("sv"):
        error = refused(add, juha, kainuu, kind="ely_centre", ely=ElyCentre.objects.get(code="01"))
        assert error.field == "ely"
        assert "Kajanaland" in str(error.message) and "21 §" in str(error.message)
        error = refused(add, juha, kainuu, kind="te_office", te_office=TeOffice.objects.get(code="01"))
        assert error.field == "te_office"
    # another ELY centre taking part by agreement is recorded by its name
    add(juha, kainuu, kind="other", name="Pohjois-Pohjanmaan ELY-keskus")
    assert NetworkMember.objects.count() == 1


@pytest.mark.parametrize(
    ("member_from", "member_to", "field"),
    [
        (D(2021, 2, 28), None, "member_from"),  # before the pilot (pilot.start_date)
        (D(2021, 3, 1), D(2025, 1, 1), "member_to"),  # after the pilot (pilot.end_date 31.12.2024)
        (D(2022, 3, 1), D(2022, 2, 1), "member_to"),  # ends before it begins
    ],
)
def test_dates_outside_the_pilot_or_reversed_are_refused(users, kainuu, member_from, member_to, field):
    error = refused(
        add,
        users["juha.heikkinen"],
        kainuu,
        kind="skills_service_provider",
        name="Opisto",
        member_from=member_from,
        member_to=member_to,
    )
    assert error.field == field
    assert not NetworkMember.objects.exists()


def test_the_same_organisation_twice_in_overlapping_periods_is_refused(users, kainuu):
    juha = users["juha.heikkinen"]
    add(juha, kainuu, kind="skills_service_provider", name="Opisto", member_to=D(2021, 12, 31))
    with translation.override("fi"):
        error = refused(
            add, juha, kainuu, kind="skills_service_provider", name="opisto", member_from=D(2021, 6, 1)
        )
    assert "on jo verkoston jäsen 1.3.2021 alkaen" in str(error.message)
    add(juha, kainuu, kind="skills_service_provider", name="Opisto", member_from=D(2022, 1, 1))
    assert NetworkMember.objects.count() == 2


def test_only_the_area_manager_of_the_area_keeps_the_network(users, kainuu, helsinki):
    """R-X-1: the Kajaani case worker sees Kainuu's network but may not change it; the Kainuu area manager
    may not change Helsinki's."""
    for user, area in ((users["ville.hyvonen"], kainuu), (users["juha.heikkinen"], helsinki)):
        error = refused(add, user, area, kind="skills_service_provider", name="Opisto")
        assert error.field is None
    assert not NetworkMember.objects.exists()


def test_bad_email_is_refused(users, kainuu):
    error = refused(
        add, users["juha.heikkinen"], kainuu, kind="other", name="Kela", contact_email="ei-osoite"
    )
    assert error.field == "contact_email"


@pytest.fixture
def network(users, kainuu):
    juha = users["juha.heikkinen"]
    return {
        "kajaani": add(juha, kainuu, kind="municipality", municipality=Municipality.objects.get(code="205")),
        "ely": add(juha, kainuu, kind="ely_centre", ely=ElyCentre.objects.get(code="14")),
        "opisto": add(juha, kainuu, kind="skills_service_provider", name="Opisto", member_from=D(2022, 9, 1)),
    }


def meet(user, area, **kw):
    kw.setdefault("date", D(2022, 5, 10))
    kw.setdefault("channel", "remote")
    kw.setdefault("agenda", "1. Avaus")
    return services.record_meeting(user, area, today=TODAY, **kw)


def test_a_meeting_with_its_members_present(users, kainuu, network):
    meeting = meet(users["juha.heikkinen"], kainuu, participants=[network["kajaani"], network["ely"]])
    assert set(meeting.participants.all()) == {network["kajaani"], network["ely"]}
    rows = {a.kind: (a.meetings, a.attendances) for a in queries.attendance_by_kind(kainuu)}
    assert rows["municipality"] == (1, 1) and rows["ely_centre"] == (1, 1) and rows["te_office"] == (0, 0)
    assert [m.present for m in queries.meetings_in(kainuu, D(2022, 1, 1), D(2022, 12, 31))] == [2]
    assert not queries.meetings_in(kainuu, D(2023, 1, 1), None).exists()


def test_a_participant_not_a_member_on_the_date_is_refused_and_nothing_saved(users, kainuu, network):
    """R-SP-9: the skills-service provider joined on 1.9.2022; a meeting of 10.5.2022 cannot list it."""
    with translation.override("fi"):
        error = refused(
            meet, users["juha.heikkinen"], kainuu, participants=[network["kajaani"], network["opisto"]]
        )
    assert error.field == "participants"
    assert str(error.message) == "Opisto ei ollut verkoston jäsen 10.5.2022."
    assert not NetworkMeeting.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"date": D(2022, 9, 2)}, "date"),  # after today
        ({"date": D(2021, 2, 1)}, "date"),  # before the pilot
        ({"agenda": "  "}, "agenda"),
        ({"channel": "telepathy"}, "channel"),
        ({"participants": []}, "participants"),
        ({"minutes": f"Asiakas {make_henkilotunnus(D(1990, 1, 1), 123)} käsiteltiin."}, "minutes"),
    ],
)
def test_bad_meetings_are_refused(users, kainuu, network, change, field):
    kw = {"participants": [network["kajaani"]], **change}
    error = refused(meet, users["juha.heikkinen"], kainuu, **kw)
    assert error.field == field
    assert not NetworkMeeting.objects.exists()


def test_another_areas_member_is_refused(users, kainuu, helsinki, network):
    other = NetworkMember.objects.create(
        trial_area=helsinki, kind="other", name="Muu", member_from=D(2021, 3, 1)
    )
    error = refused(meet, users["juha.heikkinen"], kainuu, participants=[other])
    assert error.field == "participants"


def test_a_number_like_an_identity_code_but_invalid_is_not_refused(users, kainuu, network):
    meeting = meet(
        users["juha.heikkinen"], kainuu, participants=[network["kajaani"]], minutes="Dnro 010190-123X"
    )
    assert meeting.minutes == "Dnro 010190-123X"


def test_ending_a_membership_before_a_meeting_attended_is_refused(users, kainuu, network):
    juha = users["juha.heikkinen"]
    meet(juha, kainuu, participants=[network["kajaani"]])
    error = refused(services.end_member, juha, network["kajaani"], member_to=D(2022, 5, 9), today=TODAY)
    assert error.field == "member_to"
    network["kajaani"].refresh_from_db()
    assert network["kajaani"].member_to is None
    services.end_member(juha, network["kajaani"], member_to=D(2022, 5, 10), today=TODAY)
    assert not queries.members_on(kainuu, D(2022, 5, 11)).filter(pk=network["kajaani"].pk).exists()
    assert queries.members_on(kainuu, D(2022, 5, 10)).filter(pk=network["kajaani"].pk).exists()


def test_the_statutory_members_missing_on_a_date(users, kainuu, network):
    """L1269 s. 21 / A153 s. 4: Kainuu's seven municipalities, its TE office and its ELY centre; Kajaani and
    the ELY centre are members, so six municipalities and the TE office are missing."""
    with translation.override("fi"):
        missing = queries.missing_statutory_members(kainuu, D(2022, 5, 10))
    assert "Kajaani" not in missing and "Kainuun ELY-keskus" not in missing
    assert "Kuhmo" in missing and "Kainuun TE-toimisto" in missing
    assert len(missing) == 7
