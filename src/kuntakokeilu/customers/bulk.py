"""Bulk inserts for the batch paths (the initial transfer, the synthetic job seekers; issue 6): unsaved model
instances stored as `QuerySet.bulk_create` would store them (each field's `pre_save` and database value),
in one PostgreSQL COPY or one `executemany` elsewhere.

Why not `bulk_create`: it compiles SQL for every value, and on PostgreSQL quotes each JSON value
client-side; in the initial transfer of 300,000 job seekers that was most of the run (benchmarks/README.md).
Only the `varying` fields are read from every instance; the others are taken from the first one, which the
caller promises are the same in every row (so one recorded time per insert). No ids are returned.
"""

from __future__ import annotations

from django.db import connection


def insert(model, objects: list, varying: tuple[str, ...]) -> None:
    if not objects:
        return
    fields = [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]
    unknown = set(varying) - {f.attname for f in fields}
    if unknown:
        raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
    first = [f.get_db_prep_save(f.pre_save(objects[0], add=True), connection) for f in fields]
    slots = [(i, f.attname, f.get_db_prep_save) for i, f in enumerate(fields) if f.attname in varying]
    rows = []
    for obj in objects:
        row = first.copy()
        for i, attname, prepare in slots:
            row[i] = prepare(getattr(obj, attname), connection)
        rows.append(row)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608
