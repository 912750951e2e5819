"""Bulk reads and inserts for the batch paths (the initial transfer, the pilot's end, the synthetic job
seekers; issue 6).

`read_persons`: a chunk's persons and current facts as plain rows (no model instances), which
`queries.facts_on` reads as it reads models. `insert`: unsaved model instances stored as
`QuerySet.bulk_create` would store them (each field's `pre_save` and database value), in one PostgreSQL
COPY or one `executemany` elsewhere.

Why not `bulk_create`: it compiles SQL for every value, and on PostgreSQL quotes each JSON value
client-side; in the initial transfer of 300,000 job seekers that was most of the run (benchmarks/README.md).
Only the `varying` fields are read from every instance; the others are taken from the first one, which the
caller promises are the same in every row (so one recorded time per insert). A string, or a dict or list
value object, is prepared once per field. No ids are returned.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, connection, connections

from kuntakokeilu.access import request_cache

try:
    from psycopg.types.json import Json, Jsonb

    JSON_WRAPPERS: tuple[type, ...] = (Json, Jsonb)
except ImportError:  # no psycopg: no PostgreSQL, no COPY
    JSON_WRAPPERS = ()

from .models import Fact, Person

PERSON_COLUMNS = ("pk", "henkilotunnus", "birth_date", "service_language")
FACT_COLUMNS = (
    "person_id",
    "kind",
    "valid_from",
    "municipality_id",
    "code",
    "flag",
    "date_value",
    "end_date",
)


class PersonRow:
    """What `queries.facts_on` reads of a person."""

    __slots__ = PERSON_COLUMNS

    def __init__(self, values):
        self.pk, self.henkilotunnus, self.birth_date, self.service_language = values  # PERSON_COLUMNS


class FactRow:
    """A current fact with what `queries.facts_on` reads."""

    __slots__ = (*FACT_COLUMNS, "municipality")
    superseded = False
    value = Fact.value  # the model's own reading of the value columns

    def __init__(self, values, municipalities: dict):
        (
            self.person_id,
            self.kind,
            self.valid_from,
            self.municipality_id,
            self.code,
            self.flag,
            self.date_value,
            self.end_date,
        ) = values  # FACT_COLUMNS
        self.municipality = municipalities.get(self.municipality_id)


@contextlib.contextmanager
def collector_paused():
    """The cyclic garbage collector paused for a batch (the previous state restored after it). A batch
    makes some dozens of short-lived containers per person (facts, checks, messages, records), freed by
    reference counting; the collector's passes, triggered by their number, went over the whole heap and
    took about 40 % of the initial transfer's CPU (benchmarks/README.md). What is left in reference
    cycles is collected when the collector runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def raw_rows(queryset, columns) -> list[tuple]:
    """The queryset's rows of `columns` as the database driver returns them: the ORM builds the query, but
    no per-value converters run (on SQLite they turn each person id back into a UUID)."""
    sql, params = queryset.order_by().values_list(*columns).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read_persons(ids: list, municipalities: dict) -> tuple[dict, dict[object, list[FactRow]]]:
    """The persons of `ids` (in the database's order, as `order_by("pk")` gives them) and their current
    facts, keyed by id; `municipalities` maps municipality ids to instances. Rows are read by the range
    of the ids, which the indexes serve (an IN list of 2,000 ids made PostgreSQL scan the whole fact table
    once per chunk); the rows of others in the range are skipped."""
    keys = {Person._meta.pk.get_db_prep_value(pk, connection): pk for pk in ids}  # the database's form
    in_range = Person.objects.filter(pk__gte=ids[0], pk__lte=ids[-1])
    persons = {keys[v[0]]: PersonRow(v) for v in raw_rows(in_range, PERSON_COLUMNS) if v[0] in keys}
    facts: dict = defaultdict(list)
    in_range_facts = Fact.objects.current().filter(person_id__gte=ids[0], person_id__lte=ids[-1])
    for values in raw_rows(in_range_facts, FACT_COLUMNS):
        if values[0] in keys:
            facts[keys[values[0]]].append(FactRow(values, municipalities))
    return persons, facts


def insert(model, objects: list, varying: tuple[str, ...], template=None) -> None:
    """Store `objects`: model instances, or any objects with the `varying` attributes when `template`
    (an unsaved instance) gives the other fields. A value object shared by several rows (the two notices'
    data) is prepared once."""
    if not objects:
        return
    connection = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-thread proxy
    fields = [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]
    unknown = set(varying) - {f.attname for f in fields}
    if unknown:
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    base = objects[0] if template is None else template
    copying = connection.vendor == "postgresql"
    first = [f.get_db_prep_save(f.pre_save(base, add=True), connection) for f in fields]
    if copying:
        first = [_copy_text(v) for v in first]
    slots = [
        (i, f.attname, _for_copy(f.get_db_prep_save) if copying and _is_json(f) else f.get_db_prep_save)
        for i, f in enumerate(fields)
        if f.attname in varying
    ]
    rows = []
    prepared: dict[object, object] = {}  # id of a dict or list value (they live on), or a field's string
    for obj in objects:
        row = first.copy()
        for i, attname, prepare in slots:
            value = getattr(obj, attname)
            if isinstance(value, dict | list | str):
                key = (i, value) if isinstance(value, str) else id(value)
                if key not in prepared:
                    prepared[key] = prepare(value, connection)
                row[i] = prepared[key]
            else:
                row[i] = prepare(value, connection)
        rows.append(row)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    request_cache.written(table.strip('"'))  # a COPY passes the request memo's SQL watch by
    with connection.cursor() as cursor:
        if copying:
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608


def _copy_text(value):
    """A JSON value as its text for COPY (the server parses it into `jsonb` as it would the adapter's
    output). psycopg's `Jsonb` wrapper serialises at every `write_row`; as text, a value shared by several
    rows (the notices of a customership) is serialised once."""
    if isinstance(value, JSON_WRAPPERS):
        return (value.dumps or json.dumps)(value.obj)
    return value


def _is_json(field) -> bool:
    return field.get_internal_type() == "JSONField"


def _for_copy(prepare):
    def prepared(value, connection):
        return _copy_text(prepare(value, connection))

    return prepared
