"""Meetings, service points and the area's first-contact target (R-SP-1, R-SP-3, R-PREM-1; issue 16 items
3 and 7): recording a meeting changes the deadlines at once; bad input gets a localised refusal and
changes nothing. The demo's real job seekers: Mikael Lahtinen (Helsinki), Johan Nyström (Porvoo)."""

import datetime as dt

import pytest
from django.utils import translation

from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.service_process import services
from kuntakokeilu.service_process.models import Meeting, ServicePoint
from kuntakokeilu.service_process.queries import deadlines_for, face_to_face_share
from tests.customers.conftest import HELSINKI_HETU, PORVOO_HETU, TODAY

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def helsinki_point():
    return ServicePoint.objects.create(
        trial_area=TrialArea.objects.get(number=20),
        municipality=Municipality.objects.get(code="091"),
        name_fi="Työllisyyspalvelut, Kalasatama",
        name_sv="Sysselsättningstjänster, Fiskehamnen",
        street_address="Työpajankatu 8",
        postal_code="00580",
        opening_hours="ma–pe 9–16",
        organisations=["municipality", "kela"],
    )


def due(person, on, kind):
    return next(d for d in deadlines_for(person, on).result["due"] if d["type"] == kind)


def test_recording_a_meeting_updates_the_deadlines_at_once(demo_customers, user):
    """R-SP-1/R-SP-3: the job-search discussion of 15.5.2023 moves the next one to 15.8.2023."""
    person = demo_customers[HELSINKI_HETU]
    before = deadlines_for(person, TODAY)
    assert before.result["regime"] == "transition"
    services.record_meeting(
        user("aino.virtanen"),
        person,
        type="job_search_discussion",
        date=D("2023-05-15"),
        channel="face_to_face",
        service_point=helsinki_point(),
        participants="Aino Virtanen",
        notes="Työnhaku etenee.",
        today=TODAY,
    )
    assert due(person, TODAY, "job_search_discussion")["due_date"] == D("2023-08-15")
    assert due(person, TODAY, "first_interview")["state"] == "done"


def test_a_no_show_satisfies_no_deadline(demo_customers, user):
    person = demo_customers[HELSINKI_HETU]
    before = due(person, TODAY, "first_interview")
    services.record_meeting(
        user("aino.virtanen"),
        person,
        type="job_search_discussion",
        date=D("2023-05-15"),
        channel="phone",
        no_show=True,
        today=TODAY,
    )
    assert due(person, TODAY, "first_interview") == before
    assert Meeting.objects.get().no_show


@pytest.mark.parametrize(
    ("username", "hetu", "change", "field", "fi", "sv"),
    [
        ("aino.virtanen", HELSINKI_HETU, {"date": D("2023-06-02")}, "date", "tämän päivän", "efter i dag"),
        ("aino.virtanen", HELSINKI_HETU, {"date": D("2020-10-30")}, "date", "työnhakua", "arbetssökande"),
        ("aino.virtanen", PORVOO_HETU, {}, None, "ei kuulu", "hör inte"),
        ("linnea.lindqvist", HELSINKI_HETU, {}, None, "ei kuulu", "hör inte"),
        (
            "aino.virtanen",
            HELSINKI_HETU,
            {"channel": "face_to_face"},
            "service_point",
            "palvelupiste",
            "servicestället",
        ),
    ],
)
def test_bad_input_is_refused_in_fi_and_sv_and_changes_nothing(
    demo_customers, user, username, hetu, change, field, fi, sv
):
    """Issue 16 item 7: before the job search, after today, outside the grants → a localised error."""
    meeting = {"type": "initial_interview", "date": D("2023-05-15"), "channel": "phone", **change}
    with pytest.raises(services.Refused) as refused:
        services.record_meeting(user(username), demo_customers[hetu], today=TODAY, **meeting)
    assert refused.value.field == field
    with translation.override("fi"):
        assert fi in str(refused.value.message)
    with translation.override("sv"):
        assert sv in str(refused.value.message)
    assert not Meeting.objects.exists()


def test_a_service_point_of_another_area_is_refused(demo_customers, user):
    porvoo_area = TrialArea.objects.get(members__municipality__code="638")
    point = ServicePoint.objects.create(
        trial_area=porvoo_area,
        municipality=Municipality.objects.get(code="638"),
        name_fi="Porvoon työllisyyspalvelut",
        name_sv="Borgå sysselsättningstjänster",
        street_address="Rihkamatori 4",
        postal_code="06100",
        opening_hours="må–fr 9–15",
    )
    with pytest.raises(services.Refused) as refused:
        services.record_meeting(
            user("aino.virtanen"),
            demo_customers[HELSINKI_HETU],
            type="initial_interview",
            date=D("2023-05-15"),
            channel="face_to_face",
            service_point=point,
            today=TODAY,
        )
    assert refused.value.field == "service_point"
    assert not Meeting.objects.exists()


def test_the_area_target_may_not_relax_the_statutory_floor(demo, user):
    """The Kainuu area manager sets 2 working days; 6 (over the statutory 5) and an overlap are refused."""
    manager, kainuu = user("juha.heikkinen"), TrialArea.objects.get(number=7)
    target = services.set_first_contact_target(
        manager, kainuu, working_days=2, valid_from=D("2022-09-01"), valid_to=None, today=TODAY
    )
    assert target.working_days == 2
    with pytest.raises(services.Refused) as refused:
        services.set_first_contact_target(
            manager, kainuu, working_days=6, valid_from=D("2024-01-01"), valid_to=None, today=TODAY
        )
    assert refused.value.field == "working_days"
    with translation.override("sv"):
        assert "5 vardagar" in str(refused.value.message)
    with pytest.raises(services.Refused):
        services.set_first_contact_target(
            manager, kainuu, working_days=3, valid_from=D("2023-01-01"), valid_to=None, today=TODAY
        )
    with pytest.raises(services.Refused):
        services.set_first_contact_target(
            manager,
            TrialArea.objects.get(number=20),
            working_days=2,
            valid_from=D("2022-09-01"),
            valid_to=None,
            today=TODAY,
        )
    assert kainuu.first_contact_targets.count() == 1


def test_face_to_face_share_per_area_and_month(demo_customers, user):
    """R-PREM-1: face-to-face meetings of those held in the area's municipalities in a month."""
    person, worker, point = demo_customers[HELSINKI_HETU], user("aino.virtanen"), helsinki_point()
    for day, channel in (("2023-05-02", "face_to_face"), ("2023-05-09", "phone"), ("2023-05-16", "video")):
        services.record_meeting(
            worker,
            person,
            type="supplementary_discussion",
            date=D(day),
            channel=channel,
            service_point=point if channel == "face_to_face" else None,
            today=TODAY,
        )
    assert face_to_face_share(TrialArea.objects.get(number=20), 2023, 5) == (1, 3)
    assert face_to_face_share(TrialArea.objects.get(number=20), 2023, 4) == (0, 0)


def test_a_listed_item_met_by_a_meeting_is_done_on_its_day_and_the_next_one_listed(demo_customers, user):
    """R-SP-2: the worklist's job-search discussion (due 15.8.2023 after the one of 15.5.2023) is done on
    the day the next discussion is held, early — not merely no longer due — and the one after it is listed;
    a no-show meets nothing."""
    from kuntakokeilu.service_process.models import DueItem

    person = demo_customers[HELSINKI_HETU]
    meet = {"type": "job_search_discussion", "channel": "phone", "today": TODAY}
    services.record_meeting(user("aino.virtanen"), person, date=D("2023-05-15"), **meet)
    listed = DueItem.objects.open().get(person=person, type="job_search_discussion")
    assert listed.due_by == D("2023-08-15")
    services.record_meeting(user("aino.virtanen"), person, date=TODAY, no_show=True, **meet)
    assert DueItem.objects.open().get(person=person, type="job_search_discussion").pk == listed.pk
    services.record_meeting(user("aino.virtanen"), person, date=TODAY, **meet)
    listed.refresh_from_db()
    assert (listed.done_on, listed.cancelled_on) == (TODAY, None)
    assert DueItem.objects.open().get(person=person, type="job_search_discussion").due_by == D("2023-09-01")
