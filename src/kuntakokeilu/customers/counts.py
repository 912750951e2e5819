"""A trial area's customers over time (issue 6): on each month's last day, how many persons a member
municipality of the area is responsible for (customerships covering that day), per municipality and in
total, from the pilot's first month to its end or to `on`, whichever is earlier.

Two aggregate queries, whatever the number of persons: customerships started per municipality and day,
and ended per municipality and day. A month-end's count is the starts up to it less the ends before it
(customerships of a person never overlap, so rows count persons). The month-end sums run over these
aggregates, never over persons.

Aggregates, not personal data, but a small count could still point at a person: counts of 1–4 are
hidden (`SMALL`), and where a month hides exactly one municipality's count, the smallest other count of
that month is hidden too (`COMPLEMENTARY`) so that the total does not give the hidden one away.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db.models import Count

from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.regions.rules import pilot_period
from kuntakokeilu.rules.parameters import ParameterStore, default_store

from .models import Customership, Responsible

THRESHOLD = 5
SMALL = "small"
COMPLEMENTARY = "complementary"


@dataclass(frozen=True)
class Cell:
    """A count as shown: `count` None when hidden, `suppressed` says why ("", SMALL, COMPLEMENTARY)."""

    count: int | None
    suppressed: str = ""


@dataclass(frozen=True)
class Month:
    month: str  # "2021-03"
    on: dt.date  # the month's last day
    cells: tuple[Cell, ...]  # in the order of `AreaCounts.members`
    total: Cell


@dataclass(frozen=True)
class AreaCounts:
    area: TrialArea
    members: tuple[Municipality, ...]
    months: tuple[Month, ...]


def month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last days of the months from `first`'s month on, up to `last` (inclusive)."""
    days = []
    year, month = first.year, first.month
    while True:
        end = month_end(dt.date(year, month, 1))
        if end > last:
            return days
        days.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def period(on: dt.date, params: ParameterStore | None = None) -> list[dt.date]:
    """The month-ends shown on `on`: from the pilot's first month to its end or `on`."""
    found = pilot_period(params or default_store(), on)
    if found is None:
        return []
    start, end = found[0].value, found[1].value
    return month_ends(start, min(end, on))


def _index(first: dt.date, day: dt.date) -> int:
    return (day.year - first.year) * 12 + day.month - first.month


def raw_counts(municipality_ids: list[int], days: list[dt.date]) -> dict[int, list[int]]:
    """{municipality id: [persons it is responsible for on each of `days`]} (month-ends, ascending)."""
    counts = {pk: [0] * len(days) for pk in municipality_ids}
    if not days or not municipality_ids:
        return counts
    rows = Customership.objects.filter(
        responsible=Responsible.MUNICIPALITY, municipality_id__in=municipality_ids, valid_from__lte=days[-1]
    ).order_by()
    deltas = {pk: [0] * (len(days) + 1) for pk in municipality_ids}
    # covered on month-end d from the month of valid_from on (valid_from <= d)
    for row in rows.values("municipality_id", "valid_from").annotate(n=Count("pk")):
        deltas[row["municipality_id"]][max(0, _index(days[0], row["valid_from"]))] += row["n"]
    # no longer covered on d once valid_to < d: from valid_to's month, or the next if it is its last day
    ended = rows.filter(valid_to__isnull=False, valid_to__lt=days[-1])
    for row in ended.values("municipality_id", "valid_to").annotate(n=Count("pk")):
        day = row["valid_to"]
        index = _index(days[0], day) + (1 if day == month_end(day) else 0)
        deltas[row["municipality_id"]][max(0, index)] -= row["n"]
    for pk, delta in deltas.items():
        running = 0
        for i in range(len(days)):
            running += delta[i]
            counts[pk][i] = running
    return counts


def _small(value: int) -> Cell:
    return Cell(None, SMALL) if 0 < value < THRESHOLD else Cell(value)


def suppress(values: list[int]) -> tuple[tuple[Cell, ...], Cell]:
    """One month's member counts and total as shown (see the module's docstring)."""
    cells = [_small(v) for v in values]
    hidden = [i for i, cell in enumerate(cells) if cell.suppressed]
    if len(hidden) == 1:
        others = [i for i, cell in enumerate(cells) if not cell.suppressed]
        if others:
            j = min(others, key=lambda i: (values[i], i))
            cells[j] = Cell(None, COMPLEMENTARY)
    return tuple(cells), _small(sum(values))


def area_counts(area: TrialArea, on: dt.date, params: ParameterStore | None = None) -> AreaCounts:
    """The area's customers per month-end as shown on `on` (small counts hidden)."""
    members = tuple(m.municipality for m in area.members.select_related("municipality").order_by("position"))
    days = period(on, params)
    raw = raw_counts([m.pk for m in members], days)
    months = []
    for i, day in enumerate(days):
        cells, total = suppress([raw[m.pk][i] for m in members])
        months.append(Month(f"{day.year:04d}-{day.month:02d}", day, cells, total))
    return AreaCounts(area, members, tuple(months))


@dataclass(frozen=True)
class Bar:
    month: Month
    x: int
    y: int
    height: int
    label_x: int


def chart(counts: AreaCounts, *, height: int = 160, bar: int = 10, gap: int = 4) -> dict:
    """The bars of a simple chart of the monthly totals (hidden totals draw no bar)."""
    shown = [m.total.count for m in counts.months if m.total.count is not None]
    top = max(shown, default=0) or 1
    bars = []
    for i, month in enumerate(counts.months):
        x = 40 + i * (bar + gap)
        value = month.total.count or 0
        h = round(height * value / top)
        bars.append(Bar(month, x, 10 + height - h, h, x + bar // 2))
    return {
        "bars": bars,
        "top": max(shown, default=0),
        "width": 40 + len(counts.months) * (bar + gap) + 10,
        "height": height + 40,
        "base": 10 + height,
        "bar": bar,
    }


# --- funding: the customer volumes a quota computation divides by (issue 18 item 3, R-RES-1) ---
def municipal_customers_on(municipality_ids: list[int], on: dt.date) -> dict[int, int]:
    """{municipality id: persons the municipality is responsible for on `on`} (exact counts: an input of a
    computation by officials, not shown outside the system), zero where none. Named by
    `settings.FUNDING_VOLUME_SOURCE`."""
    counts = dict.fromkeys(municipality_ids, 0)
    rows = (
        Customership.objects.filter(
            responsible=Responsible.MUNICIPALITY, municipality_id__in=municipality_ids, valid_from__lte=on
        )
        .exclude(valid_to__lt=on)
        .order_by()
        .values("municipality_id")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["municipality_id"]] = row["n"]
    return counts
