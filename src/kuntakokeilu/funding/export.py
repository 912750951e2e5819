"""The allocation tables as CSV or as an .xlsx workbook (openpyxl, as `whatif/export.py`): the ministry's
allocations across ELY centres of a year, and an ELY centre's quotas across its trial areas with the
computation's inputs, each with the ledger's committed, paid and remaining euros (R-RES-2); a trial area's
quota use per instrument (with the forecast at the current pace) and month by month. Allocations and quotas
are whole euros, the ledger's sums euros with cents (numbers in the workbook), dates as dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from . import queries

USE_COLUMNS = ("committed_eur", "paid_eur", "remaining_eur")
ALLOCATION_COLUMNS = (
    "year",
    "ely_code",
    "ely",
    "instrument",
    "amount_eur",
    "decided_on",
    "reference",
    *USE_COLUMNS,
)
QUOTA_COLUMNS = (
    "year",
    "ely_code",
    "instrument",
    "allocation_eur",
    "method",
    "volume_date",
    "trial_area",
    "trial_area_name",
    "customers",
    "computed_eur",
    "adjusted_eur",
    "quota_eur",
    "reason",
    *USE_COLUMNS,
)
SUMMARY_COLUMNS = (
    "year",
    "trial_area",
    "trial_area_name",
    "instrument",
    "quota_eur",
    "committed_eur",
    "paid_eur",
    "remaining_eur",
    "forecast_year_end_eur",
    "quota_runs_out_month",
    "as_of",
)
MONTH_COLUMNS = (
    "year",
    "trial_area",
    "instrument",
    "month",
    "committed_cumulative_eur",
    "paid_cumulative_eur",
)


def _use(row) -> list:
    if row is None:
        return [Decimal("0.00"), Decimal("0.00"), None]
    return [row.committed, row.paid, row.remaining]


def allocation_rows(year: int, elys=None) -> list[list]:
    out: list[list] = [list(ALLOCATION_COLUMNS)]
    use = {(r.place.pk, r.instrument): r for r in queries.ministry_use(year, elys)}
    for a in queries.allocations(year, elys):
        out.append(
            [
                a.year,
                a.ely.code,
                a.ely.name_fi,
                a.instrument,
                a.amount,
                a.decided_on,
                a.reference,
                *_use(use.get((a.ely_id, a.instrument))),
            ]
        )
    return out


def quota_rows(ely, year: int) -> list[list]:
    out: list[list] = [list(QUOTA_COLUMNS)]
    use = {(r.place.pk, r.instrument): r for r in queries.ely_use(ely, year)}
    for item in queries.ely_quotas(ely, year):
        c = item.computation
        for row in item.rows:
            q = row.quota
            out.append(
                [
                    year,
                    ely.code,
                    item.instrument,
                    item.allocation.amount if item.allocation else None,
                    c.method if c else "",
                    c.volume_date if c else None,
                    row.area.number,
                    row.area.name_fi,
                    row.volume,
                    q.amount,
                    q.adjusted_amount,
                    q.current,
                    q.reason,
                    *_use(use.get((row.area.pk, item.instrument))),
                ]
            )
    return out


def use_rows(area, year: int, on: dt.date, table: str = "summary") -> list[list]:
    """A trial area's quota use of `year` as of `on`: per instrument (`summary`) or by month (`months`)."""
    items = queries.quota_use(area, year, on)
    if table == "months":
        out: list[list] = [list(MONTH_COLUMNS)]
        for item in items:
            for p in item.months:
                out.append([year, area.number, item.instrument, p.month, p.committed, p.paid])
        return out
    out = [list(SUMMARY_COLUMNS)]
    for item in items:
        f = item.forecast
        out.append(
            [
                year,
                area.number,
                area.name_fi,
                item.instrument,
                item.quota,
                item.committed,
                item.paid,
                item.remaining,
                f.year_end if f else None,
                f.runs_out_in if f else None,
                on,
            ]
        )
    return out


def as_csv(rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return out.getvalue()


def as_xlsx(rows: list[list], title: str) -> bytes:
    """One sheet, the header bold and frozen, dates formatted as dates."""
    from openpyxl import Workbook  # only an export loads it
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(cell.value, Decimal):
                cell.value = float(cell.value)
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
