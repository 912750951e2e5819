"""The public comparison series (R-MON-1 last sentence, R-MON-6): pure functions over the shipped statistics.

The statistics are StatFin table 12r5 by municipality and month (`data/README.md`, SHA-256 checked when read);
the groups of municipalities (each trial area, all pilot municipalities, the rest of mainland Finland) come
from the regions app's tables through `queries.groups` and are handed in as plain sets of codes, so that
everything here is pure and testable on known answers.

A group's monthly point sums its members' published cells; its unemployment rate is computed from those
sums (100 × Σ unemployed / Σ labour force over the members with both published), never as an average of
the members' rates. Open vacancies: a cell the source did not publish is 1–4 (data/README.md), so the point
carries the sum of the published cells and the number of unpublished ones. Long-term unemployed: no shipped
source (`SERIES` marks it), nothing is estimated.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA_FILE = Path(__file__).resolve().parent / "data" / "tyonv_12r5_municipality_monthly.csv"
DATA_SHA256 = "202784423b8f1e4d81d8a8127af2cd8ba5a8ce4265fdf73437e035c1779b17be"
SOURCE = _(
    "Source: Statistics Finland / Ministry of Economic Affairs and Employment, Employment Service Statistics "
    "(table 12r5), CC BY 4.0"
)
FIRST_MONTH = "2006-01"
LAST_MONTH = "2023-10"


@dataclass(frozen=True)
class SeriesInfo:
    """One series of the comparison: its code, its name and unit, and whether a shipped source exists."""

    code: str
    label: object  # a lazy message
    unit: str  # "persons", "percent", "vacancies"
    available: bool = True
    note: object = ""


SERIES: tuple[SeriesInfo, ...] = (
    SeriesInfo("unemployment_rate", _("Unemployment rate, %"), "percent"),
    SeriesInfo("unemployed_jobseekers", _("Unemployed job seekers"), "persons"),
    SeriesInfo("open_vacancies", _("Open vacancies at the month's end"), "vacancies"),
    SeriesInfo(
        "long_term_unemployed",
        _("Long-term unemployed"),
        "persons",
        available=False,
        note=_("No source yet: the shipped statistics have no long-term unemployed by municipality."),
    ),
)
SERIES_CODES = tuple(s.code for s in SERIES)


class StatisticsFileChanged(Exception):
    """The shipped file is not the one its provenance names."""


@dataclass(frozen=True)
class Cell:
    """One municipality-month as published; None where the source published no value."""

    unemployed: int | None
    labour_force: int | None
    vacancies: int | None


# kunta_code -> month -> Cell
Statistics = Mapping[str, Mapping[str, Cell]]


def _int(text: str) -> int | None:
    return int(text) if text != "" else None


def parse(lines: Iterable[str]) -> dict[str, dict[str, Cell]]:
    """The CSV's rows (with its header) as kunta_code -> month -> Cell."""
    out: dict[str, dict[str, Cell]] = {}
    for row in csv.DictReader(lines):
        out.setdefault(row["kunta_code"], {})[row["month"]] = Cell(
            _int(row["unemployed_jobseekers"]), _int(row["labour_force"]), _int(row["open_vacancies"])
        )
    return out


@lru_cache(maxsize=1)
def read_statistics(path: Path = DATA_FILE) -> Statistics:
    """The shipped file, checked against its SHA-256 (read once per process)."""
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != DATA_SHA256:
        raise StatisticsFileChanged(f"{path}: SHA-256 differs from data/README.md")
    return parse(data.decode("utf-8").splitlines())


def months_between(first: str, last: str) -> list[str]:
    """'2021-01', '2021-03' -> ['2021-01', '2021-02', '2021-03'] (inclusive)."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def rate(unemployed: int, labour_force: int) -> Decimal | None:
    """100 × unemployed / labour force, rounded half up to 0.1 (as the table's own TYOTOSUUS)."""
    if labour_force <= 0:
        return None
    return (Decimal(100 * unemployed) / Decimal(labour_force)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Point:
    """A group's month: sums over its members' published cells and the rate computed from the sums."""

    month: str
    members: int  # municipalities in the group with a row in the statistics
    unemployed_jobseekers: int | None  # None: no member published a value
    labour_force: int | None
    unemployment_rate: Decimal | None
    open_vacancies: int | None  # the sum of the published cells
    vacancies_unpublished: int  # member cells not published (each 1–4 vacancies)
    unemployed_unpublished: int

    def value(self, code: str):
        return None if code == "long_term_unemployed" else getattr(self, code)


def point(stats: Statistics, codes: Iterable[str], month: str) -> Point:
    """The group of `codes` in `month`. The rate counts only members with both figures published, so that
    numerator and denominator cover the same municipalities."""
    unemployed = labour = rate_u = rate_l = vacancies = 0
    members = unemployed_missing = vacancies_missing = 0
    any_unemployed = any_vacancies = False
    for code in codes:
        cell = stats.get(code, {}).get(month)
        if cell is None:
            continue
        members += 1
        if cell.unemployed is None:
            unemployed_missing += 1
        else:
            unemployed += cell.unemployed
            any_unemployed = True
        if cell.labour_force is not None:
            labour += cell.labour_force
        if cell.unemployed is not None and cell.labour_force is not None:
            rate_u += cell.unemployed
            rate_l += cell.labour_force
        if cell.vacancies is None:
            vacancies_missing += 1
        else:
            vacancies += cell.vacancies
            any_vacancies = True
    return Point(
        month=month,
        members=members,
        unemployed_jobseekers=unemployed if any_unemployed else None,
        labour_force=labour if members else None,
        unemployment_rate=rate(rate_u, rate_l) if rate_l else None,
        open_vacancies=vacancies if any_vacancies else None,
        vacancies_unpublished=vacancies_missing,
        unemployed_unpublished=unemployed_missing,
    )


def series(stats: Statistics, codes: Iterable[str], first: str, last: str) -> list[Point]:
    """The group's points for every month from `first` to `last` (inclusive) that the statistics hold."""
    codes = sorted(set(codes))
    last = min(last, LAST_MONTH)
    first = max(first, FIRST_MONTH)
    return [point(stats, codes, month) for month in months_between(first, last)] if first <= last else []


@dataclass(frozen=True)
class Group:
    """A set of municipalities compared: a trial area, all pilot municipalities, or the rest of the
    mainland. `key` is stable ("area-7", "pilot", "rest"); names are fi/sv."""

    key: str
    name_fi: str
    name_sv: str
    codes: frozenset[str]

    def name(self, lang: str) -> str:
        return self.name_sv if lang == "sv" else self.name_fi


@dataclass(frozen=True)
class Comparison:
    """A group's series beside the rest of mainland Finland's, month by month."""

    group: Group
    rest: Group
    months: tuple[str, ...]
    group_points: tuple[Point, ...]
    rest_points: tuple[Point, ...]

    def rows(self):
        return zip(self.months, self.group_points, self.rest_points, strict=True)


def compare(stats: Statistics, group: Group, rest: Group, first: str, last: str) -> Comparison:
    group_points = series(stats, group.codes, first, last)
    rest_points = series(stats, rest.codes, first, last)
    return Comparison(
        group, rest, tuple(p.month for p in group_points), tuple(group_points), tuple(rest_points)
    )


def mainland_groups(
    mainland: Iterable[str], areas: Mapping[int, tuple[str, str, Iterable[str]]]
) -> tuple[dict[int, Group], Group, Group]:
    """From the mainland municipalities (Åland left out by the caller) and the trial areas (number ->
    (name_fi, name_sv, member codes)): each area's group, all pilot municipalities, and the rest of the
    mainland (every mainland municipality in no trial area)."""
    mainland = frozenset(mainland)
    by_area = {
        number: Group(f"area-{number}", fi, sv, frozenset(codes) & mainland)
        for number, (fi, sv, codes) in sorted(areas.items())
    }
    pilot_codes = frozenset().union(*(g.codes for g in by_area.values())) if by_area else frozenset()
    pilot = Group("pilot", "Kaikki kokeilukunnat", "Alla försökskommuner", pilot_codes)
    rest = Group("rest", "Muu Manner-Suomi", "Övriga Fastlandsfinland", mainland - pilot_codes)
    return by_area, pilot, rest
