"""Monitoring's use cases (issue 19): compute a month (R-MON-1, R-MON-2), close it (R-MON-3), correct it
after approval as a new version, and the full recompute on the job queue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.jobs import services as jobs
from kuntakokeilu.regions.models import TrialArea
from kuntakokeilu.rules.calendar import add_months

from . import rules
from .computations import COMPUTATIONS, Row
from .declarations import indicators
from .models import IndicatorValue, Level, Locked, MonthEvent, MonthVersion, State
from .orgunits import Units, units

PILOT_FIRST_MONTH = dt.date(2021, 3, 1)
PILOT_LAST_MONTH = dt.date(2024, 12, 1)

NOT_ALLOWED = _("The month's state does not allow this.")
REASON_NEEDED = _("Give the reason for the correction.")
LOCKED = _("An approved month does not change: correct it as a new version.")
NOT_APPROVED = _("Only an approved month is corrected as a new version; recompute a month not yet approved.")


class CloseError(Exception):
    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


def first_of(month: dt.date) -> dt.date:
    return month.replace(day=1)


def last_of(month: dt.date) -> dt.date:
    return add_months(first_of(month), 1) - dt.timedelta(days=1)


Figures = dict[
    tuple[str, str, str, str], list
]  # (indicator, level, unit, breakdown) → [numerator, denominator]


def live_rows(month: dt.date) -> dict[str, list[Row]]:
    """Every computed indicator's rows per municipality for the month, from the records as they are now."""
    first, last = first_of(month), last_of(month)
    return {i.code: list(COMPUTATIONS[i.code](first, last)) for i in indicators() if i.has_source}


def _add(figures: Figures, key, numerator: int, denominator: int | None) -> None:
    cell = figures.setdefault(key, [0, None])
    cell[0] += numerator
    if denominator is not None:
        cell[1] = (cell[1] or 0) + denominator


def area_figures(live: dict[str, list[Row]], number: int, org: Units) -> Figures:
    """A trial area's values: its members' rows and their sum for the area."""
    figures: Figures = {}
    for code, rows in live.items():
        for row in rows:
            if org.area_of.get(row.municipality) != number:
                continue
            _add(
                figures,
                (code, Level.MUNICIPALITY, row.municipality, row.breakdown),
                row.numerator,
                row.denominator,
            )
            _add(
                figures, (code, Level.TRIAL_AREA, str(number), row.breakdown), row.numerator, row.denominator
            )
        # every computed indicator has an area total, zero when nothing happened
        figures.setdefault((code, Level.TRIAL_AREA, str(number), ""), [0, None])
    return figures


def pilot_figures(area_versions: Iterable[MonthVersion], live: dict[str, list[Row]], org: Units) -> Figures:
    """The ELY areas and the whole pilot added up from the municipality rows of each trial area's current
    version (an approved month counts as approved), and the rest of mainland Finland from the records."""
    figures: Figures = {}
    stored = IndicatorValue.objects.filter(month_version__in=list(area_versions), level=Level.MUNICIPALITY)
    for indicator, unit, breakdown, n, d in stored.values_list(
        "indicator", "unit", "breakdown", "numerator", "denominator"
    ):
        area = org.area_of.get(unit)
        if area is None:
            continue
        _add(figures, (indicator, Level.ELY, org.ely_of[area], breakdown), n, d)
        _add(figures, (indicator, Level.PILOT, "", breakdown), n, d)
    for code, rows in live.items():
        figures.setdefault((code, Level.PILOT, "", ""), [0, None])
        figures.setdefault((code, Level.REST, "", ""), [0, None])
        for row in rows:
            if org.is_rest(row.municipality):
                _add(figures, (code, Level.REST, "", row.breakdown), row.numerator, row.denominator)
    return figures


def _write(version: MonthVersion, figures: Figures) -> bool:
    """Replace a version's values by `figures`; True when anything changed."""
    old = {
        (v.indicator, v.level, v.unit, v.breakdown): (v.numerator, v.denominator)
        for v in version.values.all()
    }
    new = {k: (n, d) for k, (n, d) in figures.items()}
    if old == new:
        return False
    version.values.all().delete()
    IndicatorValue.objects.bulk_create(
        IndicatorValue(
            month_version=version,
            indicator=k[0],
            level=k[1],
            unit=k[2],
            breakdown=k[3],
            numerator=n,
            denominator=d,
        )
        for k, (n, d) in sorted(new.items())
    )
    return True


def current(area: TrialArea | None, month: dt.date) -> MonthVersion | None:
    return MonthVersion.objects.filter(trial_area=area, month=first_of(month)).order_by("-version").first()


def _recompute(version: MonthVersion, figures: Figures, by, created: bool) -> None:
    changed = _write(version, figures)
    if created or changed or version.state != State.COMPUTED:
        version.state = State.COMPUTED
        version.computed_at = timezone.now()
        version.save(update_fields=["state", "computed_at"])
        MonthEvent.objects.create(month_version=version, state=State.COMPUTED, by=by)


@transaction.atomic
def compute_month(month: dt.date, *, areas: Iterable[TrialArea] | None = None, by=None) -> list[MonthVersion]:
    """Compute every indicator for every org unit of one month from that month's records. A trial area's
    current version is rewritten unless approved (an approved month stays as it is: a correction is
    `correct`); a re-run with the same records changes nothing (no new event). Then the whole pilot's
    month is added up from the areas' current versions."""
    month = first_of(month)
    org = units(last_of(month))
    live = live_rows(month)
    chosen = list(areas) if areas is not None else list(TrialArea.objects.all())
    done = []
    for area in chosen:
        version = current(area, month)
        created = version is None
        if version is None:
            version = MonthVersion.objects.create(trial_area=area, month=month)
        elif version.locked:
            continue
        _recompute(version, area_figures(live, area.number, org), by, created)
        done.append(version)
    _compute_pilot(month, live, org, by)
    return done


def _compute_pilot(month: dt.date, live, org: Units, by) -> None:
    latest = [current(area, month) for area in TrialArea.objects.all()]
    pilot = current(None, month)
    created = pilot is None
    if pilot is None:
        pilot = MonthVersion.objects.create(trial_area=None, month=month)
    _recompute(pilot, pilot_figures([v for v in latest if v is not None], live, org), by, created)


def _move(version: MonthVersion, action: str, by, reason: str = "") -> MonthVersion:
    version = MonthVersion.objects.select_for_update().get(pk=version.pk)
    to = rules.next_state(version.state, action)
    if to is None or version.trial_area_id is None:
        raise CloseError(NOT_ALLOWED)
    version.state = to
    version.save(update_fields=["state"])
    MonthEvent.objects.create(month_version=version, state=to, by=by, reason=reason)
    return version


@transaction.atomic
def review(version: MonthVersion, by) -> MonthVersion:
    return _move(version, "review", by)


@transaction.atomic
def approve(version: MonthVersion, by) -> MonthVersion:
    """Approval locks the month (R-MON-3); the whole pilot's month is added up again with it."""
    version = _move(version, "approve", by)
    month = version.month
    _compute_pilot(month, live_rows(month), units(last_of(month)), by)
    return version


@transaction.atomic
def recompute(version: MonthVersion, by) -> MonthVersion:
    """Recompute one trial area's month not yet approved (from computed or reviewed)."""
    version = MonthVersion.objects.select_for_update().get(pk=version.pk)
    if version.locked:
        raise Locked("an approved month never changes: correct it as a new version")
    if rules.next_state(version.state, "compute") is None:
        raise CloseError(NOT_ALLOWED)
    compute_month(version.month, areas=[version.trial_area], by=by)
    return MonthVersion.objects.get(pk=version.pk)


@transaction.atomic
def correct(version: MonthVersion, reason: str, by) -> MonthVersion:
    """A correction after approval: the next version computed from the records as they are now; the approved
    version is kept as it was. The reason is stored with the new version and in its history."""
    reason = reason.strip()
    if not reason:
        raise CloseError(REASON_NEEDED)
    version = MonthVersion.objects.select_for_update().get(pk=version.pk)
    latest = current(version.trial_area, version.month)
    if version.state != State.APPROVED or latest is None or latest.pk != version.pk:
        raise CloseError(NOT_APPROVED)
    new = MonthVersion.objects.create(
        trial_area=version.trial_area, month=version.month, version=version.version + 1, reason=reason
    )
    org = units(last_of(version.month))
    live = live_rows(version.month)
    _write(new, area_figures(live, version.trial_area.number, org))
    new.computed_at = timezone.now()
    new.save(update_fields=["computed_at"])
    MonthEvent.objects.create(month_version=new, state=State.COMPUTED, by=by, reason=reason)
    _compute_pilot(version.month, live, org, by)
    return new


def pilot_months(until: dt.date) -> list[dt.date]:
    """The months of the pilot from its first to `until`'s month (inclusive)."""
    months, month = [], PILOT_FIRST_MONTH
    while month <= min(first_of(until), PILOT_LAST_MONTH):
        months.append(month)
        month = add_months(month, 1)
    return months


@jobs.task()
def recompute_all(until: str) -> None:
    """The full recompute (every month of the pilot up to `until`) on the job queue, with its progress."""
    months = pilot_months(dt.date.fromisoformat(until))
    for done, month in enumerate(months):
        jobs.report_progress(int(100 * done / max(1, len(months))), "months")
        compute_month(month)
    jobs.report_progress(100, "months")


def start_recompute_all(until: dt.date) -> None:
    jobs.enqueue(recompute_all, until.isoformat())
