"""Reads for the public comparison series: the groups of municipalities from the regions app's tables.

The statistics are on the 2023 regional division (data/README.md), so the mainland is the municipalities
that exist on `DIVISION_DATE` with an ELY area other than Åland's (16); the trial areas are the Act's
(regions.TrialArea and its members). `comparison(key, first, last)` is what the pages and the API show.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.regions.models import Municipality, RegionalMembership, TrialArea

from . import series

ALAND_ELY = "16"
# The 2023 division, as the statistics (after the 2021 changes; the same date the evaluation's panel uses).
DIVISION_DATE = dt.date(2021, 6, 1)


def groups() -> tuple[dict[int, series.Group], series.Group, series.Group]:
    """(each trial area's group by number, all pilot municipalities, the rest of mainland Finland)."""
    existing = set(Municipality.objects.valid_on(DIVISION_DATE).values_list("code", flat=True))
    mainland = {
        code
        for code, ely in RegionalMembership.objects.valid_on(DIVISION_DATE).values_list(
            "municipality__code", "ely__code"
        )
        if ely != ALAND_ELY and code in existing
    }
    areas = {
        area.number: (area.name_fi, area.name_sv, [m.municipality.code for m in area.members.all()])
        for area in TrialArea.objects.prefetch_related("members__municipality")
    }
    return series.mainland_groups(mainland, areas)


def group(key: str) -> series.Group | None:
    """The group named by `key`: "pilot" or an area's number as text; None if there is none."""
    by_area, pilot, _rest = groups()
    if key == "pilot":
        return pilot
    if key.isascii() and key.isdigit() and len(key) <= 3:
        return by_area.get(int(key))
    return None


def comparison(key: str, first: str, last: str) -> series.Comparison | None:
    """The group's series beside the rest of the mainland's; None for an unknown group."""
    by_area, pilot, rest = groups()
    chosen = pilot if key == "pilot" else None
    if key.isascii() and key.isdigit() and len(key) <= 3:
        chosen = by_area.get(int(key))
    if chosen is None:
        return None
    return series.compare(series.read_statistics(), chosen, rest, first, last)


def area_choices(lang: str) -> list[tuple[str, str]]:
    """(key, label) of every choice of the page: all pilot municipalities first, then the areas in the Act's
    order."""
    by_area, pilot, _rest = groups()
    return [(pilot.key, pilot.name(lang))] + [(str(n), f"{n} {g.name(lang)}") for n, g in by_area.items()]
