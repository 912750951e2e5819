"""A stored what-if as CSV (issue 13): one table per kind — trial areas, municipalities, criteria — with
every snapshot date, the counts under the law and under the edits side by side (a screening what-if: one
table of applications). Excel: the CSV opens in it (no spreadsheet library is a dependency). `suppress`
hides counts of 1–4 (R-MON-4) in what leaves the system from the page; the command, run by the operators,
writes the exact counts."""

from __future__ import annotations

import csv
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
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(APPLICATION_COLUMNS)
    for row in queries.applications(results, grants):
        law, alt = row["law"], row["whatif"]
        writer.writerow(
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
    return out.getvalue()


def table(results: dict, kind: str, grants=None, suppress: bool = False) -> str:
    if kind == "applications":
        return applications(results, grants)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = KINDS[kind]
    writer.writerow(columns)
    for snapshot in results["snapshots"]:
        if kind == "criteria":
            rows = queries.criteria(snapshot)
        else:
            rows = queries.side_by_side(snapshot, kind, grants)
        for row in rows:
            place = row.get("place")
            row = {**row, "on": snapshot["on"], "name": place.name_fi if place is not None else ""}
            writer.writerow(
                [_count(row[c], suppress) if c not in ("on", "key", "code") else row[c] for c in columns]
            )
    return out.getvalue()
