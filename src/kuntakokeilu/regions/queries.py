"""Read models of the reference data for rules, pages and reports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch

from .models import (
    EmploymentAreaMember,
    Municipality,
    Population,
    RegionalMembership,
    TeOffice,
    TrialArea,
    TrialAreaMember,
    valid_on_q,
)


@dataclass(frozen=True)
class Named:
    code: str
    name_fi: str
    name_sv: str

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}


@dataclass(frozen=True)
class MembershipPeriod:
    valid_from: dt.date
    valid_to: dt.date | None
    maakunta: Named
    ely: Named
    te_office: Named | None

    def holds_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True)
class TrialMembership:
    area_no: int
    area_names: dict[str, str]
    joined_in_round: str


@dataclass(frozen=True)
class MunicipalityHistory:
    """Everything the reference data say about one municipality over time (a plain snapshot)."""

    code: str
    name_fi: str
    name_sv: str
    language_status: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    merged_into: Named | None
    periods: tuple[MembershipPeriod, ...]
    trial: TrialMembership | None

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}

    def exists_on(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


def _named(obj) -> Named:
    return Named(obj.code, obj.name_fi, obj.name_sv)


def _named_or_none(obj) -> Named | None:
    return _named(obj) if obj is not None else None


def municipality_history(code: str) -> MunicipalityHistory | None:
    return municipality_histories([code]).get(code)


def municipality_histories(codes: list[str] | None = None) -> dict[str, MunicipalityHistory]:
    """The histories of the given municipalities (all if None), in four queries whatever their number."""
    municipalities = Municipality.objects.select_related("merged_into").prefetch_related(
        Prefetch(
            "memberships", queryset=RegionalMembership.objects.select_related("maakunta", "ely", "te_office")
        ),
        Prefetch("trial_memberships", queryset=TrialAreaMember.objects.select_related("trial_area")),
    )
    if codes is not None:
        municipalities = municipalities.filter(code__in=codes)
    return {mun.code: _history(mun) for mun in municipalities}


def _history(mun: Municipality) -> MunicipalityHistory:
    trial = next(iter(mun.trial_memberships.all()), None)
    return MunicipalityHistory(
        code=mun.code,
        name_fi=mun.name_fi,
        name_sv=mun.name_sv,
        language_status=mun.language_status,
        valid_from=mun.valid_from,
        valid_to=mun.valid_to,
        merged_into=_named_or_none(mun.merged_into),
        periods=tuple(
            MembershipPeriod(
                m.valid_from, m.valid_to, _named(m.maakunta), _named(m.ely), _named_or_none(m.te_office)
            )
            for m in mun.memberships.all()
        ),
        trial=TrialMembership(trial.trial_area.number, trial.trial_area.names(), trial.joined_in_round)
        if trial
        else None,
    )


def known_municipality_codes() -> set[str]:
    return set(Municipality.objects.values_list("code", flat=True))


def trial_areas_with_members(on: dt.date, numbers: list[int] | None = None) -> list[TrialArea]:
    """The trial areas with their members and each member's population at the latest year-end before
    `on` (the shipped figures end in 2022) — for the trial-area pages and the home pages."""
    areas_qs = TrialArea.objects.select_related("ely", "te_office").prefetch_related(
        Prefetch("members", queryset=TrialAreaMember.objects.select_related("municipality"))
    )
    if numbers is not None:
        areas_qs = areas_qs.filter(number__in=numbers)
    areas = list(areas_qs)
    mun_ids = [m.municipality_id for a in areas for m in a.members.all()]
    population: dict[int, Population] = {}
    for p in Population.objects.filter(municipality_id__in=mun_ids, year__lt=on.year).order_by("year"):
        population[p.municipality_id] = p  # the latest year wins
    for area in areas:
        area.member_rows = [(m, population.get(m.municipality_id)) for m in area.members.all()]
        area.population = sum(p.population for _m, p in area.member_rows if p)
        area.population_years = sorted({p.year for _m, p in area.member_rows if p})
    return areas


def latest_population_year(areas: list[TrialArea]) -> int | None:
    return max((y for a in areas for y in a.population_years), default=None)


def municipality_page(municipality: Municipality) -> dict:
    """A municipality's population history and its memberships over time."""
    return {
        "municipality": municipality,
        "populations": list(municipality.populations.order_by("-year")),
        "memberships": list(
            municipality.memberships.select_related("maakunta", "ely", "te_office").order_by("valid_from")
        ),
        "trial_membership": TrialAreaMember.objects.select_related("trial_area")
        .filter(municipality=municipality)
        .first(),
        "merged_from": list(municipality.merged_from.all()),
    }


def te_office_of(kunta_code: str | None, on: dt.date) -> TeOffice | None:
    """The TE office whose area holds the municipality on the date (None: no code, or no office)."""
    if kunta_code is None:
        return None
    membership = (
        RegionalMembership.objects.valid_on(on)
        .filter(municipality__code=kunta_code)
        .select_related("te_office")
        .first()
    )
    return membership.te_office if membership else None


def employment_area_of(kunta_code: str, on: dt.date):
    """The employment area (Act 380/2023) the municipality is a member of on the date, or None."""
    member = (
        EmploymentAreaMember.objects.filter(
            valid_on_q(on), valid_on_q(on, "area__"), municipality__code=kunta_code
        )
        .select_related("area")
        .first()
    )
    return member.area if member else None
