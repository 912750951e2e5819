"""Read models of the applications app: the plain snapshot the screening rule decides on, and page data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from kuntakokeilu.regions.models import Population
from kuntakokeilu.regions.queries import MembershipPeriod, MunicipalityHistory, Named, municipality_histories

from .models import Round, Selection, UnemployedJobSeekers

POPULATION_SOURCE = "Statistics Finland (population 31.12.)"
STATISTICS_SOURCE = "TEM / Statistics Finland, employment service statistics, table 1001 (2020 division)"


@dataclass(frozen=True)
class RoundFacts:
    code: str
    name_fi: str
    name_sv: str
    opens: dt.date
    population_date: dt.date
    pilot_start: dt.date
    statistics_month: str

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}


@dataclass(frozen=True)
class MunicipalityFacts:
    code: str
    name_fi: str
    name_sv: str
    bilingual: bool
    population: int | None
    population_source: str | None  # regions.PopulationSource code
    unemployed: int | None
    ely_on_reference: Named
    ely_at_start: Named
    reference_approximated: bool  # the reference date is before the first shipped division
    moved_on: dt.date | None  # the day the ELY area changed between the reference date and the pilot start

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}


@dataclass(frozen=True)
class SelectedArea:
    number: int
    names: dict[str, str]
    members: tuple[str, ...]
    ely_code: str


@dataclass(frozen=True)
class ScreeningData:
    round: RoundFacts
    municipalities: dict[str, MunicipalityFacts]
    earlier_areas: dict[int, SelectedArea]
    ely_unemployed: dict[str, int]
    ely_names: dict[str, dict[str, str]]


def _period_on(history: MunicipalityHistory, on: dt.date) -> tuple[MembershipPeriod, bool]:
    """The division holding on `on`; before the first one its approximation, after the last (a merged
    municipality) its last one."""
    for period in history.periods:
        if period.holds_on(on):
            return period, False
    if on < history.periods[0].valid_from:
        return history.periods[0], True
    return history.periods[-1], False


def round_facts(round_: Round) -> RoundFacts:
    return RoundFacts(
        round_.code,
        round_.name_fi,
        round_.name_sv,
        round_.opens,
        round_.population_date,
        round_.planned_pilot_start,
        round_.statistics_month,
    )


def screening_data(round_code: str) -> ScreeningData:
    """Everything the screening of one round reads, in a handful of queries whatever the number of items."""
    round_ = Round.objects.get(code=round_code)
    facts = round_facts(round_)
    histories = municipality_histories()
    populations = {
        p.municipality.code: p
        for p in Population.objects.filter(year=round_.population_date.year).select_related("municipality")
    }
    unemployed = dict(
        UnemployedJobSeekers.objects.filter(month=round_.statistics_month).values_list(
            "municipality__code", "unemployed"
        )
    )
    municipalities: dict[str, MunicipalityFacts] = {}
    ely_unemployed: dict[str, int] = defaultdict(int)
    ely_names: dict[str, dict[str, str]] = {}
    for code, history in histories.items():
        if not history.periods:
            continue
        before, approximated = _period_on(history, facts.population_date)
        after, _approx = _period_on(history, facts.pilot_start)
        moved_on = None
        if before.ely.code != after.ely.code:
            moved_on = next(
                (
                    p.valid_from
                    for p in history.periods
                    if p.valid_from > facts.population_date and p.ely == after.ely
                ),
                None,
            )
        population = populations.get(code)
        municipalities[code] = MunicipalityFacts(
            code=code,
            name_fi=history.name_fi,
            name_sv=history.name_sv,
            bilingual=history.language_status.startswith("bilingual"),
            population=population.population if population else None,
            population_source=population.source if population else None,
            unemployed=unemployed.get(code),
            ely_on_reference=before.ely,
            ely_at_start=after.ely,
            reference_approximated=approximated,
            moved_on=moved_on,
        )
        ely_unemployed[after.ely.code] += unemployed.get(code) or 0
        ely_names[after.ely.code] = after.ely.names()
        ely_names.setdefault(before.ely.code, before.ely.names())
    return ScreeningData(facts, municipalities, earlier_areas(round_), dict(ely_unemployed), ely_names)


def earlier_areas(round_: Round) -> dict[int, SelectedArea]:
    """The trial areas selected in rounds that opened before this one, with all their members so far."""
    members: dict[int, list[str]] = defaultdict(list)
    areas = {}
    selections = (
        Selection.objects.filter(round__opens__lt=round_.opens)
        .select_related("trial_area", "trial_area__ely")
        .prefetch_related("municipalities")
        .order_by("round__opens", "trial_area__number")
    )
    for selection in selections:
        area = selection.trial_area
        areas[area.number] = area
        members[area.number].extend(m.code for m in selection.municipalities.all())
    return {
        number: SelectedArea(number, area.names(), tuple(sorted(set(members[number]))), area.ely.code)
        for number, area in areas.items()
    }


def known_round_codes() -> set[str]:
    return set(Round.objects.values_list("code", flat=True))
