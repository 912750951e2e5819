"""Helpers of the exchange tests: an export directory read back, and the database emptied of the
exchange's records and of everything that hangs on them (an "empty instance" with its reference data
and users)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from kuntakokeilu.exchange.services import MODELS


def files_of(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def rewrite_line(directory, name: str, number: int, change) -> None:
    """Change one record of a file and keep the manifest true to it (so only the record is at fault)."""
    path = directory / f"{name}.jsonl"
    lines = path.read_bytes().splitlines(keepends=True)
    record = json.loads(lines[number - 1])
    change(record)
    lines[number - 1] = (json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n").encode()
    path.write_bytes(b"".join(lines))
    manifest_path = directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for entry in manifest["files"]:
        if entry["file"] == path.name:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest))


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
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:  # TRUNCATE refuses a table with deferred checks pending in the test's transaction
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for sql in connection.ops.sql_flush(no_style(), tables, allow_cascade=False):
            cursor.execute(sql)
        if postgres:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


# --- a small world: the customers app's demo job seekers, two customerships and a granted request ---

import datetime as dt  # noqa: E402

import pytest  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402

from kuntakokeilu.access.demo import ensure_demo_users  # noqa: E402
from kuntakokeilu.customers import customerships, transfer_requests  # noqa: E402
from kuntakokeilu.customers.identity import make_henkilotunnus  # noqa: E402
from kuntakokeilu.customers.importer import import_job_seekers  # noqa: E402
from kuntakokeilu.customers.models import Ground, Person, RequestReason  # noqa: E402

HELSINKI_HETU = make_henkilotunnus(dt.date(1978, 5, 14), 901)  # demo: Mikael Lahtinen, Helsinki
PORVOO_HETU = make_henkilotunnus(dt.date(1988, 4, 19), 908)  # demo: Johan Nyström, Porvoo


@pytest.fixture
def small_world(db, settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-01"
    from kuntakokeilu.customers.demo import demo_csv

    ensure_demo_users()
    import_job_seekers(demo_csv(), source="demo")
    helsinki = Person.objects.get(henkilotunnus=HELSINKI_HETU)
    porvoo = Person.objects.get(henkilotunnus=PORVOO_HETU)
    for person, kunta in ((helsinki, "091"), (porvoo, "638")):
        customerships.start(
            person,
            on=dt.date(2021, 3, 1),
            ground=Ground.INITIAL_TRANSFER,
            outcome=None,
            responsible={"type": "municipality", "kunta_code": kunta},
        )
    te_official = get_user_model().objects.get(username="sanna.makinen")
    asked = transfer_requests.ask(
        helsinki,
        actor=te_official,
        asked_on=dt.date(2022, 9, 1),
        ground=Ground.REQUEST_TO_TE_OFFICE,
        reason=RequestReason.LINGUISTIC_RIGHTS,
        services_secured=True,
    )
    settings.KUNTAKOKEILU_TODAY = "2022-09-05"
    transfer_requests.decide(asked, actor=te_official, on=dt.date(2022, 9, 5), grant=True)
    return {"helsinki": helsinki, "porvoo": porvoo}
