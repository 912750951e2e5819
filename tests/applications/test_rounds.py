"""The application rounds and their recorded outcomes (R-APP-1), and the application history (R-APP-2)."""

import datetime as dt

import pytest

from kuntakokeilu.applications.demo import DEMO_ROUND, ensure_open_round
from kuntakokeilu.applications.models import (
    Application,
    ApplicationEvent,
    EventKind,
    Round,
    RoundState,
    Selection,
    UnemployedJobSeekers,
)
from kuntakokeilu.applications.rounds import load_rounds
from kuntakokeilu.regions.models import Municipality, TrialArea

pytestmark = pytest.mark.django_db


def test_the_two_real_rounds_have_their_dates(rounds):
    """R-APP-1: main-2019 8.10.–19.11.2019 (population 31.12.2018, statistics 2019-09) and supplementary-2020
    12.5.–26.6.2020 (population 31.12.2019, statistics 2020-04), both planning the start 1.3.2021."""
    main = Round.objects.get(code="main-2019")
    supplementary = Round.objects.get(code="supplementary-2020")
    assert (main.opens, main.closes, main.population_date, main.statistics_month) == (
        dt.date(2019, 10, 8),
        dt.date(2019, 11, 19),
        dt.date(2018, 12, 31),
        "2019-09",
    )
    assert (supplementary.opens, supplementary.closes, supplementary.population_date) == (
        dt.date(2020, 5, 12),
        dt.date(2020, 6, 26),
        dt.date(2019, 12, 31),
    )
    assert supplementary.statistics_month == "2020-04"
    assert {main.planned_pilot_start, supplementary.planned_pilot_start} == {dt.date(2021, 3, 1)}
    assert {main.state, supplementary.state} == {RoundState.DECIDED}


def test_outcomes_follow_the_trial_area_data(rounds):
    """R-APP-1: 20 areas / 90 municipalities in the main round; in the supplementary round 5 new areas of the
    Act and the 4 enlargements (Mikkeli, Kokkola, Pori, Salo); no trial area is created."""
    main = Selection.objects.filter(round__code="main-2019")
    supplementary = Selection.objects.filter(round__code="supplementary-2020")
    assert main.count() == 20
    assert sum(s.municipalities.count() for s in main) == 90
    assert supplementary.count() == 9
    assert sorted(supplementary.filter(enlarges=True).values_list("trial_area__number", flat=True)) == [
        3,
        12,
        18,
        24,
    ]
    kokkola = supplementary.get(trial_area__number=12)
    assert sorted(kokkola.municipalities.values_list("code", flat=True)) == sorted(
        ["217", "584", "236", "924", "074", "849", "421"]
    )
    assert TrialArea.objects.count() == 25


def test_load_rounds_is_idempotent(rounds):
    """R-APP-1: a second run changes nothing."""
    report = load_rounds()
    assert not report.changed
    assert Round.objects.count() >= 2


def test_the_statistics_months_are_loaded(rounds):
    """R-APP-4: Helsinki's unemployed job seekers of the rounds' statistics months are held."""
    helsinki = UnemployedJobSeekers.objects.filter(municipality__code="091")
    assert set(helsinki.values_list("month", flat=True)) >= {"2019-09", "2020-04", "2020-10"}
    assert all(row.unemployed > 20_000 for row in helsinki)


def test_the_demo_round_opens_today_with_the_latest_population(rounds):
    """R-APP-1: the demo's open round opens on the injected clock's day, with the population of 2022."""
    today = dt.date(2026, 11, 28)
    round_, created = ensure_open_round(today)
    assert created and round_.code == DEMO_ROUND
    assert (round_.opens, round_.population_date, round_.state) == (today, dt.date(2022, 12, 31), "open")
    assert round_.is_open_on(today)
    assert ensure_open_round(today) == (round_, False)


def test_the_history_is_append_only(rounds):
    """R-APP-2: an application's history is kept; an event cannot be changed or deleted."""
    application = Application.objects.create(
        round=Round.objects.get(code="supplementary-2020"),
        name="Loviisa",
        lead=Municipality.objects.get(code="434"),
    )
    event = ApplicationEvent.objects.create(
        application=application, on=dt.date(2020, 6, 1), kind=EventKind.CREATED
    )
    event.note = "changed"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
