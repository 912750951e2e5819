"""The allocation tables as CSV or as an .xlsx workbook (openpyxl, as `whatif/export.py`): the ministry's
allocations across ELY centres of a year, and an ELY centre's quotas across its trial areas with the
computation's inputs. Amounts are whole euros (numbers in the workbook), dates as dates."""

from __future__ import annotations

import csv
import datetime as dt
import io

from . import queries

ALLOCATION_COLUMNS = ("year", "ely_code", "ely", "instrument", "amount_eur", "decided_on", "reference")
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
)


def allocation_rows(year: int, elys=None) -> list[list]:
    out: list[list] = [list(ALLOCATION_COLUMNS)]
    for a in queries.allocations(year, elys):
        out.append([a.year, a.ely.code, a.ely.name_fi, a.instrument, a.amount, a.decided_on, a.reference])
    return out


def quota_rows(ely, year: int) -> list[list]:
    out: list[list] = [list(QUOTA_COLUMNS)]
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
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
