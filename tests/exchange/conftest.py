"""Helpers of the exchange tests: an export directory read back, and the database emptied of the
exchange's records and of everything that hangs on them (an "empty instance" with its reference data
and users)."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from kuntakokeilu.exchange.services import MODELS


def files_of(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def hanging_on_records() -> list:
    """The exchange's models and every model with a foreign key, directly or through others, to them."""
    found = set(MODELS.values())
    grown = True
    while grown:
        grown = False
        for model in apps.get_models():
            if model not in found and any(
                f.is_relation and f.related_model in found for f in model._meta.concrete_fields
            ):
                found.add(model)
                grown = True
    return sorted(found, key=lambda m: m._meta.db_table)


def empty_records() -> None:
    tables = [m._meta.db_table for m in hanging_on_records()]
    with connection.cursor() as cursor:
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=False):
            cursor.execute(sql)
