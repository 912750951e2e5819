"""Compact decision records (R-REF-4, R-TG-3; issue 13 item 2): a stored target-group decision keeps only
the rule, version, date, result, status and per check its shape and figures, re-renders exactly as it was
decided in fi, sv and en, and is small; records stored before are converted by a reversible migration."""

import datetime as dt
import importlib
import json

import pytest
from django.apps import apps

from kuntakokeilu.customers.models import Customership, Ground, Person
from kuntakokeilu.customers.queries import facts_on
from kuntakokeilu.customers.synthetic import generate
from kuntakokeilu.customers.target_group import decide
from kuntakokeilu.customers.transfers import initial
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.models import RecordPart, RuleVersion
from kuntakokeilu.rules.outcome import LANGS, Outcome
from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.rules.records import _compact_check
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.storage import load_records, save_records

pytestmark = pytest.mark.django_db
DATES = (dt.date(2021, 3, 1), dt.date(2022, 9, 1), dt.date(2023, 6, 15))
MAX_MEAN_BYTES = 600

migration = importlib.import_module("kuntakokeilu.customers.migrations.0008_compact_decisions")


def size(record: dict) -> int:
    return len(json.dumps(record, separators=(",", ":"), ensure_ascii=False).encode())


def test_a_thousand_generated_persons_re_render_identically_from_compact_records():
    generate(1000, seed=13)
    rule, params, places = get_rule("target-group"), default_store(), municipality_histories()
    version = rule.rule_version(params)
    outcomes = []
    for person in Person.objects.prefetch_related("facts"):
        for on in DATES:
            given = facts_on(person, on, list(person.facts.all()), customerships=[])
            if given["status"] is not None:
                outcomes.append(Outcome(rule.name, version, on, *decide(given, on, params, places)))
    assert len(outcomes) > 1500
    records = save_records(outcomes)
    history = {name: list(default_store().history(name)) for name in rule.parameters}
    for outcome, record in zip(outcomes, records, strict=True):  # the memo of checks changes no record
        assert record["checks"] == [_compact_check(c, outcome.on, history, {}) for c in outcome.checks]
    for fresh, stored in zip(outcomes, load_records(records), strict=True):
        assert stored.to_json() == fresh.to_json()  # codes, figures, parameters and the texts in fi/sv/en
        assert all(stored.explanation(lang) == fresh.explanation(lang) for lang in LANGS)
    mean = sum(map(size, records)) / len(records)
    print(f"compact target-group records: mean {mean:.0f} bytes, max {max(map(size, records))}")
    assert mean <= MAX_MEAN_BYTES, f"{mean:.0f} bytes per decision"
    assert RuleVersion.objects.filter(version=outcomes[0].rule_version).count() == 1
    assert RecordPart.objects.count() < len(records) / 2  # shared, not per decision


def test_the_rule_version_is_stored_once_with_every_dated_value_of_its_parameters():
    rule = get_rule("target-group")
    generate(40, seed=2)
    initial(DATES[0])
    version = RuleVersion.objects.get()
    assert version.rule == rule.name and version.code_hash == rule.code_hash()
    assert version.modules == list(rule.code_modules())
    assert set(version.parameters) == set(rule.parameters)
    statuses = version.parameters["target_group.included_statuses"]
    assert len(statuses) >= 2 and statuses[0]["reference"]  # the whole history, not the day's value
    assert {r.rule_version for r in Customership.objects.all()} == {version.version}


def test_the_conversion_of_stored_records_is_exact_both_ways():
    """The data migration: full records become compact ones and the reverse gives them back unchanged."""
    generate(60, seed=3)
    initial(DATES[0])
    rows = list(Customership.objects.filter(ground=Ground.INITIAL_TRANSFER))
    full = {
        row.pk: o.to_record() for row, o in zip(rows, load_records([r.decision for r in rows]), strict=True)
    }
    Customership.objects.bulk_update([_with(row, full[row.pk]) for row in rows], ["decision"])

    migration.compact_all(apps, None)
    compacted = {r.pk: r.decision for r in Customership.objects.all()}
    assert all("version" in d and "rule_version" not in d for d in compacted.values())
    assert [o.to_record() for o in load_records(list(compacted.values()))] == [full[pk] for pk in compacted]

    migration.expand_all(apps, None)
    assert {r.pk: r.decision for r in Customership.objects.all()} == full


def _with(row, decision):
    row.decision = decision
    return row
