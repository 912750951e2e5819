"""Monitoring's reads (issue 19): a trial area's months, a month's indicator table, what a correction
changed."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.customers.models import Ground
from kuntakokeilu.decisions.models import Instrument
from kuntakokeilu.referrals.models import ServiceKind
from kuntakokeilu.regions.models import TrialArea
from kuntakokeilu.service_process.models import Channel, EndReason

from . import rules
from .declarations import Indicator, indicators
from .models import IndicatorValue, Level, MonthVersion

# The words of a breakdown's values: each from the app whose records are counted.
BREAKDOWN_VALUES = {
    "ground": dict(Ground.choices) | {"ended": _("no one after it")},
    "channel": dict(Channel.choices),
    "kind": dict(ServiceKind.choices),
    "reason": dict(EndReason.choices),
    "instrument": dict(Instrument.choices),
}
CERTAINTY = {
    "own_records": _("the system's own records"),
    "verified": _("verified"),
    "partly_verified": _("partly verified"),
    "inferred": _("inferred"),
}


def breakdown_label(key: str) -> str:
    """ "ground=new_registration" → the ground's words; "" (the total) → ""."""
    if not key:
        return ""
    name, _sep, value = key.partition("=")
    return str(BREAKDOWN_VALUES.get(name, {}).get(value, value))


def months_of(area: TrialArea) -> list[MonthVersion]:
    """The current (highest) version of each of the area's months, newest month first."""
    latest = MonthVersion.objects.filter(trial_area=area).values("month").annotate(v=Max("version"))
    wanted = {(r["month"], r["v"]) for r in latest}
    rows = MonthVersion.objects.filter(trial_area=area).order_by("-month")
    return [m for m in rows if (m.month, m.version) in wanted]


def figures(version: MonthVersion | None) -> dict[rules.Key, rules.Figures]:
    if version is None:
        return {}
    return {
        (v.indicator, v.level, v.unit, v.breakdown): (v.numerator, v.denominator)
        for v in IndicatorValue.objects.filter(month_version=version)
    }


def previous(version: MonthVersion) -> MonthVersion | None:
    return (
        MonthVersion.objects.filter(
            trial_area=version.trial_area, month=version.month, version__lt=version.version
        )
        .order_by("-version")
        .first()
    )


def changes(version: MonthVersion) -> list[rules.Change]:
    """What differs from the version before (none for a first version)."""
    before = previous(version)
    return [] if before is None else rules.differences(figures(before), figures(version))


@dataclass(frozen=True)
class Line:
    indicator: Indicator
    breakdown: str
    numerator: int | None
    denominator: int | None
    value: float | None
    old: tuple[int, int | None] | None  # the previous version's figures when they differ
    changed: bool
    lang: str = "fi"

    @property
    def name(self) -> str:
        return self.indicator.label(self.lang)

    @property
    def definition(self) -> str:
        return self.indicator.explained(self.lang)

    @property
    def label(self) -> str:
        return breakdown_label(self.breakdown)

    @property
    def certainty(self) -> str:
        return str(CERTAINTY[self.indicator.certainty_level])


def table(version: MonthVersion, lang: str = "fi") -> list[Line]:
    """The area's indicator table: every declared indicator (with no source: a row without figures), the
    area's total and its breakdowns; a value the correction changed carries the old figures."""
    unit = str(version.trial_area.number) if version.trial_area else ""
    level = Level.TRIAL_AREA if version.trial_area else Level.PILOT
    mine = figures(version)
    before = figures(previous(version)) if version.version > 1 else None
    lines = []
    for ind in indicators():
        if not ind.has_source:
            lines.append(Line(ind, "", None, None, None, None, False, lang))
            continue
        keys = sorted(k for k in mine if k[0] == ind.code and k[1] == level and k[2] == unit)
        for key in keys:
            n, d = mine[key]
            old = before.get(key) if before is not None else None
            changed = before is not None and old != (n, d)
            lines.append(Line(ind, key[3], n, d, ind.value(n, d), old if changed else None, changed, lang))
    return lines
