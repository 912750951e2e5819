"""The network's demo step (R-SP-9): Kainuu's, Helsinki's and Porvoo's networks with the real member
municipalities and their ELY centre and TE office, five meetings in 2022 (Porvoo's in Swedish); a second run
changes nothing, and meetings after "today" are not recorded."""

import datetime as dt

import pytest

from kuntakokeilu.cooperation import demo, queries
from kuntakokeilu.cooperation.models import NetworkMeeting, NetworkMember
from kuntakokeilu.regions.models import TrialArea

pytestmark = pytest.mark.django_db


def test_the_demo_networks_and_a_second_run_changes_nothing():
    lines = list(demo.run(dt.date(2022, 9, 1)))
    assert "21 members added" in lines[1] and "5 recorded" in lines[2]
    kainuu = TrialArea.objects.get(number=7)
    on = dt.date(2022, 6, 9)
    assert queries.missing_statutory_members(kainuu, on) == []
    assert {g.kind for g in queries.members_by_kind(kainuu, on)} == {
        "municipality",
        "ely_centre",
        "te_office",
        "skills_service_provider",
        "education_administration",
    }
    assert NetworkMeeting.objects.get(trial_area__number=22).minutes.startswith("Konstaterades")
    for area in (7, 20, 22):
        for meeting in NetworkMeeting.objects.filter(trial_area__number=area):
            assert all(m.holds_on(meeting.date) for m in meeting.participants.all())
    before = (NetworkMember.objects.count(), NetworkMeeting.objects.count())
    lines = list(demo.run(dt.date(2022, 9, 1)))
    assert "0 members added" in lines[1] and "0 recorded" in lines[2]
    assert (NetworkMember.objects.count(), NetworkMeeting.objects.count()) == before


def test_meetings_after_today_are_not_recorded():
    list(demo.run(dt.date(2022, 4, 30)))
    assert sorted(NetworkMeeting.objects.values_list("date", flat=True)) == [
        dt.date(2022, 2, 10),
        dt.date(2022, 3, 15),
        dt.date(2022, 4, 7),
    ]
