"""A stored what-if as CSV or Excel (issue 13): one table per kind — trial areas, municipalities, criteria —
with every snapshot date, the counts under the law and under the edits side by side (a screening what-if:
one table of applications). `rows` gives a table's rows once; `table` writes them as CSV, `workbook` as an
.xlsx workbook (openpyxl) with one sheet per table, counts as numbers and dates as dates. `suppress` hides
counts of 1–4 (R-MON-4) in what leaves the system from the page; the command, run by the operators, writes
the exact counts."""

from __future__ import annotations

import csv
import datetime as dt
import io

from . import queries

PLACE_COLUMNS = ("on", "key", "name", "law_in", "law_out", "whatif_in", "whatif_out", "difference")
KINDS = {
    "areas": (*PLACE_COLUMNS, "joins", "leaves"),
    "municipalities": PLACE_COLUMNS,
    "criteria": ("on", "code", "kind", "law", "whatif"),
}
APPLICATION_COLUMNS = (
    "round",
    "id",
    "name",
    "lead",
    "municipalities",
    "ely",
    "law_status",
    "whatif_status",
    "law_eligible",
    "whatif_eligible",
    "changes",
)


def _count(value, suppress: bool):
    return "<5" if suppress and isinstance(value, int) and 0 < abs(value) < 5 else value


def applications(results: dict, grants=None) -> str:
    """A screening what-if: each application's status under the law and under the edits (no counts of
    persons, nothing hidden)."""
    return table(results, "applications", grants)


def _application_rows(results: dict, grants) -> list[list]:
    out = []
    for row in queries.applications(results, grants):
        law, alt = row["law"], row["whatif"]
        out.append(
            [
                results["round"],
                row["id"],
                row["name"],
                row["lead"],
                " ".join(row["municipalities"]),
                row["ely"],
                law["status"],
                alt["status"],
                law["eligible"],
                alt["eligible"],
                row["changes"],
            ]
        )
    return out


def kinds_of(results: dict) -> tuple[str, ...]:
    """The tables a stored what-if has: a screening what-if's applications, else `KINDS`."""
    return ("applications",) if "applications" in results else tuple(KINDS)


def rows(results: dict, kind: str, grants=None, suppress: bool = False) -> list[list]:
    """The table `kind` of a stored what-if, its header row first."""
    if kind == "applications":
        return [list(APPLICATION_COLUMNS), *_application_rows(results, grants)]
    columns = KINDS[kind]
    out: list[list] = [list(columns)]
    for snapshot in results["snapshots"]:
        if kind == "criteria":
            rows = queries.criteria(snapshot)
        else:
            rows = queries.side_by_side(snapshot, kind, grants)
        for row in rows:
            place = row.get("place")
            row = {**row, "on": snapshot["on"], "name": place.name_fi if place is not None else ""}
            out.append([row[c] if c in ("on", "key", "code") else _count(row[c], suppress) for c in columns])
    return out


def table(results: dict, kind: str, grants=None, suppress: bool = False) -> str:
    """The table `kind` as CSV."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows(results, kind, grants, suppress))
    return out.getvalue()


def workbook(results: dict, kinds: tuple[str, ...], grants=None, suppress: bool = False) -> bytes:
    """The tables `kinds` as one .xlsx workbook, a sheet per table named by its kind, the header row bold
    and frozen; the snapshot's date column (`on`) as dates, counts as numbers ("<5" where hidden)."""
    from openpyxl import Workbook  # only an export loads it
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for kind in kinds:
        sheet = book.create_sheet(kind)
        header, *body = rows(results, kind, grants, suppress)
        sheet.append(header)
        dates = [i for i, name in enumerate(header) if name == "on"]
        for row in body:
            for i in dates:
                row[i] = dt.date.fromisoformat(row[i]) if isinstance(row[i], str) else row[i]
            sheet.append(row)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for i in dates:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
                cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
