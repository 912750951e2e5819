"""The initial transfer's two baselines, on the rows the product wrote (issue 6, item 8), outside the ORM.

(a) `insert_rows`: the raw bulk insert of the customership rows into an empty copy of the table (same
    columns, indexes, unique, check and foreign-key constraints): PostgreSQL COPY through psycopg,
    SQLite `executemany`, one transaction.
(b) `plain_rows` + `insert_rows`: the persons' facts in one plain SQL query, the same rule (the pure
    `target_group.decide`, its outcome stored as the compact record `rules.records.compact` gives) evaluated
    in a plain loop, then (a).

Both work on Django's database connection's DB-API connection (`connection.connection`); the ORM is not
used. Table and column names are constants of this module, never input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone

from kuntakokeilu.customers.target_group import decide
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.records import compact
from kuntakokeilu.rules.registry import get_rule

TABLE = "customers_customership"
COPY = "bench_customership_copy"
COLUMNS = (
    "person_id",
    "responsible",
    "municipality_id",
    "te_office_id",
    "valid_from",
    "valid_to",
    "ground",
    "request_reason",
    "accepted_on",
    "rule_version",
    "decision",
    "recorded_at",
    "recorded_by_id",
)
INITIAL = "initial_transfer"


def _raw():
    connection.ensure_connection()
    return connection.connection


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def product_rows() -> list[tuple]:
    """The customership rows the product's initial transfer wrote, as stored (the decision as JSON text)."""
    cols = ", ".join("decision::text" if c == "decision" and _postgres() else c for c in COLUMNS)
    cur = _raw().cursor()
    cur.execute(f"SELECT {cols} FROM {TABLE} WHERE ground = {_mark()} ORDER BY id", [INITIAL])  # noqa: S608
    return cur.fetchall()


def _mark() -> str:
    return "%s" if _postgres() else "?"


def create_copy() -> None:
    """An empty table shaped like the customership table: columns, indexes, constraints, foreign keys."""
    drop_copy()
    cur = _raw().cursor()
    if _postgres():
        cur.execute(f"CREATE TABLE {COPY} (LIKE {TABLE} INCLUDING ALL)")
        cur.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [TABLE],
        )
        for name, definition in cur.fetchall():
            cur.execute(f"ALTER TABLE {COPY} ADD CONSTRAINT bench_{name} {definition}")
        return
    cur.execute("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL", [TABLE])
    statements = cur.fetchall()
    for kind, name, sql in sorted(statements, key=lambda s: s[0] != "table"):
        sql = sql.replace(f'"{TABLE}"', f'"{COPY}"')
        if kind == "index":
            sql = sql.replace(f'"{name}"', f'"bench_{name}"', 1)
        cur.execute(sql)


def drop_copy() -> None:
    _raw().cursor().execute(f"DROP TABLE IF EXISTS {COPY}")


def copy_count() -> int:
    cur = _raw().cursor()
    cur.execute(f"SELECT count(*) FROM {COPY}")  # noqa: S608
    return cur.fetchone()[0]


def insert_rows(rows: Iterable[tuple]) -> None:
    """Baseline (a): the raw bulk insert of the rows into the copy, committed."""
    with transaction.atomic():
        cur = _raw().cursor()
        if _postgres():
            with cur.copy(f"COPY {COPY} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join("?" for _ in COLUMNS)
            cur.executemany(f"INSERT INTO {COPY} ({', '.join(COLUMNS)}) VALUES ({marks})", rows)  # noqa: S608


FACTS = """
SELECT p.id, p.henkilotunnus, p.birth_date, f.kind, f.valid_from, m.code, f.code, f.flag, f.date_value,
       f.end_date
FROM customers_person p
JOIN customers_fact f ON f.person_id = p.id AND f.superseded = {m}
LEFT JOIN regions_municipality m ON m.id = f.municipality_id
WHERE EXISTS (SELECT 1 FROM customers_fact j WHERE j.person_id = p.id AND j.kind = 'job_search'
              AND j.superseded = {m} AND j.valid_from <= {m})
  AND NOT EXISTS (SELECT 1 FROM {copy} c WHERE c.person_id = p.id)
ORDER BY p.id, f.valid_from
"""


def _date(value) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def plain_rows(on: dt.date, params: ParameterStore | None = None) -> list[tuple]:
    """Baseline (b)'s evaluation: one SQL query for the persons' current facts (persons without a row in the
    copy, whose job search started by the registration date), the rule in a plain loop, the rows to store."""
    params = params or default_store()
    registered_by = params.get("transfers.initial_registered_by", on).value
    rule = get_rule("target-group")
    version = rule.rule_version(params)
    history = {name: list(params.history(name)) for name in rule.parameters}
    parts: dict = {}  # the records' shared parts (the product stores them once; not part of the rows)
    places = municipality_histories()
    cur = _raw().cursor()
    cur.execute("SELECT code, id FROM regions_municipality")
    municipality_ids = dict(cur.fetchall())
    cur.execute(FACTS.format(m=_mark(), copy=COPY), [False, False, registered_by])
    now = timezone.now()
    rows = []
    person, held = None, {}
    for pk, hetu, born, kind, valid_from, kunta, code, flag, date_value, end_date in cur.fetchall():
        if pk != (person and person[0]):
            if person:
                rows.extend(
                    _evaluate(
                        person, held, on, params, places, version, municipality_ids, now, history, parts
                    )
                )
            person, held = (pk, hetu, _date(born)), {}
        if _date(valid_from) <= on:  # ordered by valid_from: the last one not after `on` wins
            held[kind] = (kunta, code, flag, _date(date_value), _date(end_date))
    if person:
        rows.extend(
            _evaluate(person, held, on, params, places, version, municipality_ids, now, history, parts)
        )
    return rows


def _evaluate(
    person, held, on, params, places, version, municipality_ids, now, history, parts
) -> list[tuple]:
    pk, hetu, born = person
    none = (None, "", None, None, None)
    kotikunta, residence = held.get("kotikunta", none)[0], held.get("residence", none)[0]
    status = held.get("status", none)[1] or None
    if status is None or (kotikunta is None and residence is None):
        return []
    change = held.get("change_security", none)
    search = held.get("job_search")
    facts = {
        "henkilotunnus": hetu,
        "birth_date": born,
        "kotikunta": kotikunta,
        "residence": residence,
        "mother_tongue": held.get("mother_tongue", none)[1] or "xx",
        "immigrant": bool(held.get("immigrant", none)[2]),
        "status": status,
        "earnings_related_entitlement": bool(held.get("earnings_related_entitlement", none)[2]),
        "temporary_protection": bool(held.get("temporary_protection", none)[2]),
        "change_security_55": bool(change[2]),
        "change_security_notice_date": change[3] if change[2] else None,
        "job_search_valid": bool(search and (search[4] is None or on <= search[4])),
        "current_customership": None,
    }
    decision = decide(facts, on, params, places)
    if not decision.result["in_target_group"]:
        return []
    outcome = Outcome("target-group", version, on, decision.result, decision.status, decision.checks)
    record = compact(outcome, history, parts)
    municipality = municipality_ids[decision.result["responsible"]["kunta_code"]]
    return [
        (
            pk,
            "municipality",
            municipality,
            None,
            on,
            None,
            INITIAL,
            "",
            None,
            version,
            json.dumps(record),
            now,
            None,
        )
    ]


def differences(product: list[tuple], plain: list[tuple]) -> list[str]:
    """The persons for whom (b)'s rows and the product's differ (transferred or not, municipality,
    decision record); empty when (b) decided what the product decided. Records are compared as canonical
    JSON digests, so that 300,000 of them fit in memory."""
    person, municipality, decision = (COLUMNS.index(c) for c in ("person_id", "municipality_id", "decision"))

    def by_person(rows):
        return {str(r[person]): (r[municipality], _digest(r[decision])) for r in rows}

    ours, theirs = by_person(product), by_person(plain)
    return sorted(p for p in ours.keys() | theirs.keys() if ours.get(p) != theirs.get(p))


def _digest(text: str) -> str:
    return hashlib.sha256(json.dumps(json.loads(text), sort_keys=True).encode()).hexdigest()
