"""The comparison as rows, one per month: the same figures for the page's table, the CSV file and the API.

Pure over a `series.Comparison`. The counts are shown as the source published them summed over the group
(published statistics, already protected by their publisher: no further suppression, see
docs/architecture.md "Public statistics"); the open vacancies say how many member cells were not published.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _

from . import series

PILOT_START = "2021-03"


def index(values: list, base_month: str, months: list[str]) -> list[Decimal | None]:
    """The values as an index, `base_month` = 100 (one decimal); all None where the base is missing."""
    base = values[months.index(base_month)] if base_month in months else None
    if not base:
        return [None] * len(values)
    return [
        None if v is None else (Decimal(100) * Decimal(v) / Decimal(base)).quantize(Decimal("0.1"))
        for v in values
    ]


def columns(comparison: series.Comparison, lang: str) -> list[tuple[str, str]]:
    """(key, heading) of the table's columns after the month, in `lang` (the caller activates it)."""
    group, rest = comparison.group.name(lang), comparison.rest.name(lang)
    out = []
    for info in series.SERIES:
        if not info.available:
            continue
        out.append((f"{info.code}:group", f"{info.label} – {group}"))
        out.append((f"{info.code}:rest", f"{info.label} – {rest}"))
    out.append(
        (
            "vacancies_unpublished:group",
            _("Unpublished vacancy cells (1–4 each) – %(group)s") % {"group": group},
        )
    )
    out.append(
        (
            "vacancies_unpublished:rest",
            _("Unpublished vacancy cells (1–4 each) – %(group)s") % {"group": rest},
        )
    )
    return out


def rows(comparison: series.Comparison) -> list[dict]:
    """One dict per month: month, then `<series>:group` and `<series>:rest` values (None: not published)."""
    out = []
    for month, group, rest in comparison.rows():
        row: dict = {"month": month}
        for info in series.SERIES:
            if info.available:
                row[f"{info.code}:group"] = group.value(info.code)
                row[f"{info.code}:rest"] = rest.value(info.code)
        row["vacancies_unpublished:group"] = group.vacancies_unpublished
        row["vacancies_unpublished:rest"] = rest.vacancies_unpublished
        out.append(row)
    return out


def to_csv(comparison: series.Comparison, lang: str) -> str:
    """The table as CSV (comma-separated, `.` as decimal mark, months YYYY-MM, an empty cell = no value), the
    headings in `lang`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    cols = columns(comparison, lang)
    writer.writerow([_("Month"), *(heading for _key, heading in cols)])
    for row in rows(comparison):
        writer.writerow([row["month"], *("" if row[key] is None else str(row[key]) for key, _h in cols)])
    return buffer.getvalue()
