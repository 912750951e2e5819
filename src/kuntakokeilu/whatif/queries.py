"""Reads of the what-if: every person's current facts in chunks (as the initial transfer reads them), and
a stored what-if's rows as a user may see them (ELY officials: their own area's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from kuntakokeilu.customers import bulk
from kuntakokeilu.customers.customerships import CHUNK
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality, TrialArea

from .compute import OUTSIDE


def population(chunk: int = CHUNK) -> Iterator[tuple[dict, dict, int, int]]:
    """(persons, facts, done, total) per chunk of every person, by id (`customers.bulk.read_persons`)."""
    municipalities = {m.pk: m for m in Municipality.objects.all()}
    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        persons, facts = bulk.read_persons(part, municipalities)
        yield persons, facts, start + len(part), len(ids)


def side_by_side(snapshot: dict, kind: str, grants=None) -> list[dict]:
    """Rows of one snapshot per trial area (`kind` = "areas") or municipality ("municipalities"): in and
    out under the law and under the edits, those who join and leave. `grants` (ELY officials) keep only the
    places they cover; None keeps all."""
    law, alt = snapshot["law"], snapshot["whatif"]
    keys = set(law[f"{kind}_in"]) | set(law[f"{kind}_out"]) | set(alt[f"{kind}_in"]) | set(alt[f"{kind}_out"])
    names = _names(kind)
    rows = []
    for key in keys:
        if grants is not None and not _covered(kind, key, grants):
            continue
        row = {
            "key": key,
            "place": names.get(key),
            "law_in": law[f"{kind}_in"].get(key, 0),
            "law_out": law[f"{kind}_out"].get(key, 0),
            "whatif_in": alt[f"{kind}_in"].get(key, 0),
            "whatif_out": alt[f"{kind}_out"].get(key, 0),
        }
        row["difference"] = row["whatif_in"] - row["law_in"]
        if kind == "areas":
            row["joins"] = snapshot["joins"].get(key, 0)
            row["leaves"] = snapshot["leaves"].get(key, 0)
        rows.append(row)
    return sorted(
        rows, key=lambda r: (r["key"] == OUTSIDE, int(r["key"]) if r["key"].isdigit() else r["key"])
    )


def criteria(snapshot: dict) -> list[dict]:
    law, alt = snapshot["law"], snapshot["whatif"]
    rows = []
    for part, kind in (("criteria", "in"), ("failed", "out")):
        for code in sorted(set(law[part]) | set(alt[part])):
            rows.append(
                {"code": code, "kind": kind, "law": law[part].get(code, 0), "whatif": alt[part].get(code, 0)}
            )
    return rows


def _names(kind: str) -> dict[str, object]:
    """The places by key, for their names in the page's language (the `name` filter)."""
    if kind == "areas":
        return {str(a.number): a for a in TrialArea.objects.all()}
    return {m.code: m for m in Municipality.objects.all()}


def _covered(kind: str, key: str, grants) -> bool:
    if any(g.everything for g in grants):
        return True
    if kind == "areas":
        return key.isdigit() and any(int(key) in g.trial_areas for g in grants)
    return any(key in g.municipalities for g in grants)


def month_ends(on: dt.date, until: dt.date) -> list[dt.date]:
    """`on`, then every month-end after it up to `until` (a series of snapshots)."""
    dates = [on]
    year, month = on.year, on.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        end = dt.date(year, month, 1) - dt.timedelta(days=1)
        if end > until:
            return dates
        if end > on:
            dates.append(end)
