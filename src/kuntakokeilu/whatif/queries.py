"""Reads of the what-if: every person's facts held on a date, streamed by one SQL query (`held_on`), and a
stored what-if's rows as a user may see them (ELY officials: their own area's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from django.db import connection

from kuntakokeilu.customers import visibility
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.regions.models import Municipality, TrialArea

from .compute import OUTSIDE
from .models import Change

BATCH = 5000  # rows fetched at a time (a server-side cursor on PostgreSQL)


def _latest(kind: str, expression: str) -> str:
    return f"MAX(CASE WHEN f.kind = '{kind}' THEN {expression} END)"


SEARCH_VALID = "CASE WHEN f.end_date IS NULL OR f.end_date >= %(on)s THEN 1 ELSE 0 END"

# One row per person: the value of each kind's current fact held on the date (%(on)s): the latest
# `valid_from` not after it (`customers.queries._current_on`); only the columns the rule reads. The flags
# are read as integers (PostgreSQL has no MAX of a boolean); the job search's validity on the date, and the
# notice date of a change security that is on, are judged here as `facts_on` judges them.
HELD_ON = f"""
SELECT p.id, CASE WHEN p.anonymised_at IS NULL THEN p.henkilotunnus END, p.birth_date,
    {_latest(FactKind.KOTIKUNTA.value, "f.municipality_id")},
    {_latest(FactKind.RESIDENCE.value, "f.municipality_id")},
    {_latest(FactKind.MOTHER_TONGUE.value, "f.code")},
    {_latest(FactKind.IMMIGRANT.value, "CAST(f.flag AS INTEGER)")},
    {_latest(FactKind.STATUS.value, "f.code")},
    {_latest(FactKind.EARNINGS_RELATED.value, "CAST(f.flag AS INTEGER)")},
    {_latest(FactKind.TEMPORARY_PROTECTION.value, "CAST(f.flag AS INTEGER)")},
    {_latest(FactKind.CHANGE_SECURITY.value, "CAST(f.flag AS INTEGER)")},
    {_latest(FactKind.CHANGE_SECURITY.value, "CASE WHEN f.flag THEN f.date_value END")},
    {_latest(FactKind.JOB_SEARCH.value, SEARCH_VALID)}
FROM {Person._meta.db_table} p
LEFT JOIN {Fact._meta.db_table} f ON f.person_id = p.id AND NOT f.superseded AND f.valid_from <= %(on)s
    AND NOT EXISTS (
        SELECT 1 FROM {Fact._meta.db_table} g
        WHERE g.person_id = f.person_id AND g.kind = f.kind AND NOT g.superseded
            AND g.valid_from <= %(on)s AND g.valid_from > f.valid_from
    )
GROUP BY p.id, p.henkilotunnus, p.birth_date, p.anonymised_at
"""  # noqa: S608 (table names and constants; the date is a parameter)


def held_on(
    on: dt.date, batch: int = BATCH, between: Callable[[int], None] | None = None
) -> Iterator[tuple[object, dict]]:
    """(person id, the rule's input) for every person: what `customers.queries.facts_on` gives for `on`
    with no customership (the what-if judges as the initial transfer does), read by one streamed query
    without model instances. `tests/whatif/test_held_on.py` proves the two equal. The ids are the
    database's form (on SQLite the UUID's hex): `person_id` turns one into a `Person` key.
    `between(n)` is called after every batch with the persons read so far (the progress)."""
    codes = dict(Municipality.objects.values_list("pk", "code"))
    date = dt.date.fromisoformat
    for rows in _batches(HELD_ON, {"on": on}, batch, between):
        for pk, hetu, born, kotikunta, residence, tongue, imm, status, er, tp, cs, notice, search in rows:
            yield (
                pk,
                {
                    "henkilotunnus": hetu,
                    "birth_date": born,
                    "kotikunta": codes.get(kotikunta),
                    "residence": codes.get(residence),
                    "mother_tongue": tongue or "xx",
                    "immigrant": bool(imm),
                    "status": status,
                    "earnings_related_entitlement": bool(er),
                    "temporary_protection": bool(tp),
                    "change_security_55": bool(cs),
                    "change_security_notice_date": (date(notice) if type(notice) is str else notice)
                    if cs
                    else None,
                    "job_search_valid": bool(search),
                    "current_customership": None,
                },
            )


def _batches(sql: str, params: dict, batch: int, between) -> Iterator[list[tuple]]:
    """The query's rows in batches from a streamed cursor (server-side on PostgreSQL); `between(n)` after
    each batch the caller has taken. A thread fetching a batch ahead was tried: no faster on the shared
    2-core machine (benchmarks/README.md)."""
    read = 0
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(batch):
            yield rows
            read += len(rows)
            if between is not None:
                between(read)


def person_id(value):
    """A person's key from the database's form of it (`held_on`'s ids)."""
    return Person._meta.pk.to_python(value)


def persons() -> int:
    return Person.objects.count()


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
        else:  # stored since the what-ifs of municipal staff (none in older results)
            row["joins"] = snapshot.get("municipality_joins", {}).get(key, 0)
            row["leaves"] = snapshot.get("municipality_leaves", {}).get(key, 0)
        rows.append(row)
    return sorted(
        rows, key=lambda r: (r["key"] == OUTSIDE, int(r["key"]) if r["key"].isdigit() else r["key"])
    )


def applications(results: dict, grants=None) -> list[dict]:
    """A screening what-if's applications, each under the law and under the edits (`grants`: an ELY
    official's, keeping the applications with a municipality they cover; None keeps all)."""
    return [
        row
        for row in results.get("applications", [])
        if grants is None or any(_covered("municipalities", code, grants) for code in row["municipalities"])
    ]


MAX_LISTED = 500  # persons listed on one page of changes


def changes_in_scope(whatif, relevant, on: dt.date) -> list:
    """The what-if's persons who change side (`Change` rows with their persons, by date, municipality and
    name) whom the grants `relevant` of `customers.view_person` reach on `on`: the change's municipality
    among the grants' (unless the whole country), and the person in scope by the catalogue's own rule
    (`customers.visibility.person_in_scope`; `within` narrows the candidates in the database first)."""
    changes = Change.objects.filter(whatif=whatif).select_related("person")
    if not any(g.everything for g in relevant):
        codes = set().union(*(g.municipalities for g in relevant)) if relevant else set()
        changes = changes.filter(kunta_code__in=codes)
    candidates = visibility.within(relevant, Person.objects.filter(pk__in=changes.values("person_id")))
    reachable = set(candidates.values_list("pk", flat=True))
    seen: dict = {}
    rows = []
    for change in changes.order_by("on", "kunta_code", "person__last_name", "person__first_name", "pk"):
        if change.person_id not in reachable:
            continue
        if change.person_id not in seen:
            seen[change.person_id] = visibility.person_in_scope(relevant, change.person, on)
        if seen[change.person_id]:
            rows.append(change)
            if len(rows) == MAX_LISTED:
                break
    return rows


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
