"""Export → import into an empty database → export gives the same bytes (R-INT-1, R-INT-2), on the demo
data; primary keys and recorded times come back as they were."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers.models import Fact, Person
from kuntakokeilu.exchange import schemas, services

from .conftest import empty_records, files_of

ON = dt.date(2024, 5, 31)


@pytest.fixture
def demo(db, settings):
    """The demo's reference data, users and job seekers (the exchange's records are the customers app's)."""
    settings.KUNTAKOKEILU_TODAY = "2022-09-01"
    settings.DEMO_STEPS = [
        "kuntakokeilu.regions.demo",
        "kuntakokeilu.access.demo",
        "kuntakokeilu.customers.demo",
    ]
    call_command("demo", "--i-know-this-is-not-production", stdout=io.StringIO())


def test_demo_round_trip_gives_the_same_bytes(demo, tmp_path):
    counts = {name: model.objects.count() for name, model in services.MODELS.items()}
    assert all(counts.values()), counts  # the demo has records of every type
    first = tmp_path / "first"
    call_command("export", "--out", str(first), "--as-of", ON.isoformat(), "--csv", stdout=io.StringIO())
    for name in schemas.TYPES:  # every record valid against its published schema
        for line in (first / f"{name}.jsonl").read_text().splitlines():
            assert schemas.record_errors(name, 1, json.loads(line)) == []
    assert (first / "persons.csv").read_text().startswith("id,henkilotunnus,birth_date,first_name,last_name")
    manifest = json.loads((first / "manifest.json").read_text())
    assert manifest["exported_on"] == "2024-05-31"
    # R-X-2: the command's export is in the access log, every exported person once
    logged = AccessLogEntry.objects.filter(what="exchange:export-command", purpose=Purpose.DATA_EXCHANGE)
    assert sorted(logged.values_list("person_id", flat=True)) == sorted(
        Person.objects.values_list("pk", flat=True)
    )
    assert {f["type"]: f["count"] for f in manifest["files"] if f["form"] == "jsonl"} == counts
    helsinki = Person.objects.get(first_name="Mikael", last_name="Lahtinen")
    stamp = helsinki.created_at

    empty_records()
    assert not Person.objects.exists() and not Fact.objects.exists()
    out = io.StringIO()
    call_command("import", str(first), stdout=out)
    assert f"persons: {counts['persons']}" in out.getvalue()
    assert Person.objects.get(pk=helsinki.pk).created_at == stamp

    second = tmp_path / "second"
    call_command("export", "--out", str(second), "--as-of", ON.isoformat(), "--csv", stdout=io.StringIO())
    assert files_of(first) == files_of(second)
    # the sequences follow the restored ids: a new row takes the next free id
    assert Fact.objects.order_by("-pk").values_list("pk", flat=True).first() == max(
        json.loads(line)["id"] for line in (first / "facts.jsonl").read_text().splitlines()
    )


def test_an_anonymised_person_and_their_records_are_not_in_format_1(demo, tmp_path):
    """R-X-4 with R-INT-1: a person anonymised by retention has no identity code or names the v1 schema would
    accept; they and every record hanging on them stay out of the export, and the rest still round-trips."""
    person = Person.objects.filter(customerships__isnull=False).order_by("henkilotunnus").first()
    Person.objects.filter(pk=person.pk).update(anonymised_at=dt.datetime(2024, 1, 2, tzinfo=dt.UTC))
    out = tmp_path / "out"
    call_command("export", "--out", str(out), "--as-of", ON.isoformat(), stdout=io.StringIO())
    text = "".join((out / f"{name}.jsonl").read_text() for name in schemas.TYPES)
    assert str(person.pk) not in text and person.henkilotunnus not in text
    manifest = json.loads((out / "manifest.json").read_text())
    counts = {f["type"]: f["count"] for f in manifest["files"]}
    assert counts["persons"] == Person.objects.count() - 1
    assert counts["facts"] == Fact.objects.exclude(person=person).count() < Fact.objects.count()
