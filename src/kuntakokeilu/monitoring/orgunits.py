"""Org units of monitoring, derived from the reference data (no copy): municipality → trial area → ELY
area → the whole pilot, and the rest of mainland Finland (the municipalities in no trial area, Åland left
out) as the comparison unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from kuntakokeilu.regions.models import (
    ElyCentre,
    Municipality,
    RegionalMembership,
    TrialArea,
    TrialAreaMember,
)

from .models import Level

ALAND_MAAKUNTA = "21"  # Ahvenanmaa / Åland: its own employment services, not mainland Finland


@dataclass(frozen=True)
class Units:
    area_of: dict[str, int]  # municipality code → trial area number
    ely_of: dict[int, str]  # trial area number → ELY centre code
    aland: frozenset[str]

    def members(self, number: int) -> list[str]:
        return sorted(code for code, area in self.area_of.items() if area == number)

    def is_rest(self, code: str) -> bool:
        return code not in self.area_of and code not in self.aland


def units(on: dt.date) -> Units:
    area_of = dict(TrialAreaMember.objects.values_list("municipality__code", "trial_area__number"))
    ely_of = dict(TrialArea.objects.values_list("number", "ely__code"))
    aland = RegionalMembership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on), maakunta__code=ALAND_MAAKUNTA, valid_from__lte=on
    ).values_list("municipality__code", flat=True)
    return Units(area_of, ely_of, frozenset(aland))


def unit_name(level: str, code: str, lang: str) -> str:
    """The name of an org unit in the language shown."""
    sv = lang == "sv"
    if level == Level.MUNICIPALITY:
        m = Municipality.objects.get(code=code)
        return m.name_sv if sv else m.name_fi
    if level == Level.TRIAL_AREA:
        return TrialArea.objects.get(number=int(code)).names().get(lang) or ""
    if level == Level.ELY:
        e = ElyCentre.objects.get(code=code)
        return e.name_sv if sv else e.name_fi
    return str(Level(level).label)
