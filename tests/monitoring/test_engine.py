"""The engine and the month's close (R-MON-2, R-MON-3; issue 19): a month computed for every org unit and
added upward, idempotent; computed → reviewed → approved; an approved month never changes; a correction is
the next version, the old one kept, with the difference and the reason."""

import pytest
from django.db import IntegrityError

from kuntakokeilu.monitoring import queries, services
from kuntakokeilu.monitoring.models import IndicatorValue, Locked, MonthEvent, MonthVersion, State
from kuntakokeilu.regions.models import TrialArea

from .made import D, customership, person, staff

pytestmark = pytest.mark.django_db
MARCH = D(2022, 3, 1)


def value(version, indicator, level, unit="", breakdown=""):
    v = IndicatorValue.objects.get(
        month_version=version, indicator=indicator, level=level, unit=unit, breakdown=breakdown
    )
    return v.numerator, v.denominator


@pytest.fixture
def records():
    for code, n in (("205", 2), ("290", 1), ("638", 3), ("091", 4)):
        for _ in range(n):
            customership(person(), code, D(2021, 3, 1))


def test_compute_month_adds_municipalities_up_to_area_ely_pilot_and_keeps_the_rest_apart(records):
    services.compute_month(MARCH)
    kainuu = services.current(TrialArea.objects.get(number=7), MARCH)
    assert value(kainuu, "customers_stock", "municipality", "205") == (2, None)
    assert value(kainuu, "customers_stock", "municipality", "290") == (1, None)
    assert value(kainuu, "customers_stock", "trial_area", "7") == (3, None)
    pilot = services.current(None, MARCH)
    assert value(pilot, "customers_stock", "ely", kainuu.trial_area.ely.code) == (3, None)
    helsinki = TrialArea.objects.get(members__municipality__code="091")
    total = 3 + 4 + (3 if TrialArea.objects.filter(members__municipality__code="638").exists() else 0)
    assert value(pilot, "customers_stock", "pilot") == (total, None)
    assert helsinki.number != 7
    rest = 0 if TrialArea.objects.filter(members__municipality__code="638").exists() else 3
    assert value(pilot, "customers_stock", "rest") == (rest, None)


def test_compute_month_is_idempotent(records):
    services.compute_month(MARCH)
    before = list(
        IndicatorValue.objects.order_by("pk").values_list("indicator", "level", "unit", "numerator")
    )
    events = MonthEvent.objects.count()
    services.compute_month(MARCH)
    after = list(IndicatorValue.objects.order_by("pk").values_list("indicator", "level", "unit", "numerator"))
    assert before == after
    assert MonthEvent.objects.count() == events
    assert MonthVersion.objects.filter(month=MARCH).count() == TrialArea.objects.count() + 1


def test_close_approve_lock_and_correct_as_a_new_version(records):
    manager = staff("juha.heikkinen")
    area = TrialArea.objects.get(number=7)
    (v1,) = services.compute_month(MARCH, areas=[area], by=manager)
    with pytest.raises(services.CloseError):
        services.approve(v1, manager)  # not reviewed yet
    v1 = services.approve(services.review(v1, manager), manager)
    assert v1.state == State.APPROVED
    customership(person(), "205", D(2022, 3, 20))  # a record corrected after the approval
    assert services.compute_month(MARCH, areas=[area]) == []  # the approved month is not recomputed
    with pytest.raises(Locked):
        services.recompute(v1, manager)
    assert value(v1, "customers_stock", "trial_area", "7") == (3, None)
    with pytest.raises(services.CloseError):
        services.correct(v1, "  ", manager)
    v2 = services.correct(v1, "Kajaani's customer recorded late", manager)
    assert (v2.version, v2.state, v2.reason) == (2, State.COMPUTED, "Kajaani's customer recorded late")
    assert value(v1, "customers_stock", "trial_area", "7") == (3, None)  # the old one kept
    assert value(v2, "customers_stock", "trial_area", "7") == (4, None)
    changes = {(c.key, c.old, c.new) for c in queries.changes(v2)}
    assert (("customers_stock", "trial_area", "7", ""), (3, None), (4, None)) in changes
    assert (("customers_stock", "municipality", "205", ""), (2, None), (3, None)) in changes
    assert services.current(area, MARCH) == v2
    states = list(
        MonthEvent.objects.filter(month_version__trial_area=area).values_list("state", "by__username")
    )
    assert states == [
        ("computed", "juha.heikkinen"),
        ("reviewed", "juha.heikkinen"),
        ("approved", "juha.heikkinen"),
        ("computed", "juha.heikkinen"),
    ]
    assert MonthEvent.objects.filter(month_version=v2).get().reason == "Kajaani's customer recorded late"


def test_the_history_is_append_only(records):
    (v1,) = services.compute_month(MARCH, areas=[TrialArea.objects.get(number=7)])
    event = MonthEvent.objects.filter(month_version=v1).get()
    with pytest.raises(Locked):
        event.save()


def test_a_version_number_is_used_once(records):
    (v1,) = services.compute_month(MARCH, areas=[TrialArea.objects.get(number=7)])
    with pytest.raises(IntegrityError):
        MonthVersion.objects.create(trial_area=v1.trial_area, month=MARCH, version=1)


def test_the_full_recompute_runs_every_month_on_the_queue(records, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend in tests: runs on commit
        services.start_recompute_all(D(2021, 5, 15))
    months = sorted(set(MonthVersion.objects.filter(trial_area__number=7).values_list("month", flat=True)))
    assert months == [D(2021, 3, 1), D(2021, 4, 1), D(2021, 5, 1)]


def test_a_breakdown_of_a_share_adds_up_over_the_areas_municipalities():
    from kuntakokeilu.service_process.models import Channel, Meeting

    from .made import kunta

    for code, channel in (("205", Channel.PHONE), ("290", Channel.FACE_TO_FACE)):
        Meeting.objects.create(
            person=person(),
            type="job_search_discussion",
            date=D(2022, 3, 9),
            channel=channel,
            municipality=kunta(code),
        )
    (v,) = services.compute_month(MARCH, areas=[TrialArea.objects.get(number=7)])
    assert value(v, "face_to_face_share", "trial_area", "7") == (1, 2)
    assert value(v, "face_to_face_share", "trial_area", "7", "channel=face_to_face") == (1, 2)
    assert value(v, "face_to_face_share", "trial_area", "7", "channel=phone") == (1, 2)


def test_the_command_queues_the_recompute_or_runs_it_here(records, django_capture_on_commit_callbacks):
    import io

    from django.core.management import CommandError, call_command

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("monitoring_recompute", "--until", "2021-04-30", stdout=out)
    assert "Queued the recompute of 2 months" in out.getvalue()
    assert MonthVersion.objects.filter(trial_area__number=7).count() == 2
    call_command("monitoring_recompute", "--until", "2021-03-31", "--now", stdout=io.StringIO())
    assert MonthVersion.objects.filter(trial_area__number=7).count() == 2
    with pytest.raises(CommandError):
        call_command("monitoring_recompute", "--until", "2020-12-31")
    with pytest.raises(CommandError):
        call_command("monitoring_recompute", "--until", "31.3.2021")
