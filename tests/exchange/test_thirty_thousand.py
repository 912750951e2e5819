"""30,000 generated job seekers with the initial transfer's customerships and notices (R-INT-2): one bad
record among them imports nothing and is named by file, line and field; the good export imports whole
into an empty database and exports again to the same bytes."""

from __future__ import annotations

import datetime as dt

import pytest

from kuntakokeilu.customers import synthetic, transfers
from kuntakokeilu.customers.models import Customership, Fact, Notice, Person
from kuntakokeilu.exchange import services

from .conftest import empty_records, files_of, rewrite_line

pytestmark = pytest.mark.django_db
PERSONS = 30_000
ON = dt.date(2021, 3, 1)


def test_thirty_thousand_round_trip_and_one_bad_record(tmp_path):
    assert synthetic.generate(PERSONS, seed=20) == PERSONS
    transfers.initial(ON)
    counts = {name: model.objects.count() for name, model in services.MODELS.items()}
    assert counts["persons"] == PERSONS and counts["customerships"] > 0 and counts["notices"] > 0

    good = tmp_path / "good"
    services.export_to(good, list(services.MODELS), ON)
    empty_records()

    bad = tmp_path / "bad"
    bad.mkdir()
    for name, data in files_of(good).items():
        (bad / name).write_bytes(data)
    rewrite_line(bad, "facts", 12_345, lambda r: r.update(valid_from="2021-02-30"))
    result = services.import_from(bad)
    assert [(e.file, e.line, e.field, e.message) for e in result.errors] == [
        ("facts.jsonl", 12_345, "valid_from", "Not a valid date.")
    ]
    assert services.render(result.errors[0], "fi") == "Päivämäärä ei ole oikea."
    assert not Person.objects.exists() and not Fact.objects.exists()

    result = services.import_from(good)
    assert result.ok and result.counts == counts
    assert (
        Customership.objects.count() == counts["customerships"]
        and Notice.objects.count() == counts["notices"]
    )
    again = tmp_path / "again"
    services.export_to(again, list(services.MODELS), ON)
    assert files_of(again) == files_of(good)
