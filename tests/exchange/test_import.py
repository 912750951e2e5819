"""The import (R-INT-2): a frozen version-1 export still imports and exports again to its own bytes; an
unknown version is refused with a clear message; every error is named by file, line and field in the
user's language, and nothing is imported; the published schemas are the ones the import reads."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers.models import Customership, Fact, Notice, Person, TransferRequest
from kuntakokeilu.exchange import schemas, services

from .conftest import files_of, rewrite_line

pytestmark = pytest.mark.django_db
FROZEN = Path(__file__).parent / "data" / "v1"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def frozen(tmp_path):
    """A copy of the frozen version-1 export (its users exist: the demo's)."""
    ensure_demo_users()
    copy = tmp_path / "frozen"
    shutil.copytree(FROZEN, copy)
    return copy


def nothing_imported() -> bool:
    return not any(m.objects.exists() for m in (Person, Fact, Customership, Notice, TransferRequest))


def test_a_frozen_version_1_export_imports_and_exports_to_the_same_bytes(frozen, tmp_path):
    out = io.StringIO()
    call_command("import", str(frozen), stdout=out)
    assert "persons: 11" in out.getvalue() and "transfer_requests: 1" in out.getvalue()
    request = TransferRequest.objects.get()
    assert (request.decided_by.username, request.customership.te_office.code) == ("sanna.makinen", "01")
    again = tmp_path / "again"
    call_command("export", "--out", str(again), "--as-of", "2022-09-05", stdout=io.StringIO())
    assert files_of(again) == files_of(FROZEN)


def test_an_unknown_schema_version_is_refused_with_a_clear_message(frozen):
    manifest = json.loads((frozen / "manifest.json").read_text())
    manifest["files"][0]["version"] = 2
    (frozen / "manifest.json").write_text(json.dumps(manifest))
    result = services.import_from(frozen)
    assert [(e.file, e.line, e.field) for e in result.errors] == [("manifest.json", 0, "version")]
    assert services.render(result.errors[0], "en") == (
        "Version 2 of the format persons is not supported; this system reads version(s) 1."
    )
    assert services.render(result.errors[0], "fi") == (
        "Muodon persons versiota 2 ei tueta; tämä järjestelmä lukee versiot 1."
    )
    assert nothing_imported()


def test_every_error_is_reported_by_file_line_and_field_and_nothing_is_imported(frozen):
    rewrite_line(frozen, "persons", 2, lambda r: r.update(birth_date="1900-01-01"))
    rewrite_line(frozen, "facts", 5, lambda r: r.update(extra=1, kind="home"))
    rewrite_line(frozen, "facts", 6, lambda r: r.pop("valid_from"))
    rewrite_line(frozen, "customerships", 1, lambda r: r.update(valid_to="2020-01-01"))
    rewrite_line(frozen, "transfer_requests", 1, lambda r: r.update(recorded_by="no.such.user"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="6 errors; nothing was imported"):
        call_command("import", str(frozen), "--lang", "sv", stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "persons.jsonl:2: birth_date: Födelsedatumet stämmer inte med personbeteckningen.",
        "facts.jsonl:5: extra: Okänt fält.",
        "facts.jsonl:5: kind: Inte något av de tillåtna värdena: "
        "'kotikunta', 'residence', 'mother_tongue', 'immigrant', 'status', 'earnings_related_entitlement', "
        "'temporary_protection', 'change_security', 'job_search'.",
        "facts.jsonl:6: valid_from: Fältet saknas.",
        "customerships.jsonl:1: valid_to: Slutet är före början.",
        "transfer_requests.jsonl:1: recorded_by: Okänd användare: no.such.user.",
    ]
    assert nothing_imported()


def test_the_domain_rules_report_every_error_once_the_records_are_well_formed(frozen):
    rewrite_line(frozen, "persons", 2, lambda r: r.update(birth_date="1900-01-01"))
    facts = [json.loads(t) for t in (FROZEN / "facts.jsonl").read_text().splitlines()]
    kotikunta = next(i for i, r in enumerate(facts, start=1) if r["kind"] == "kotikunta")
    rewrite_line(frozen, "facts", kotikunta, lambda r: r.update(municipality="999"))
    rewrite_line(frozen, "customerships", 1, lambda r: r.update(valid_to="2020-01-01"))
    rewrite_line(frozen, "transfer_requests", 1, lambda r: r.update(recorded_by="no.such.user"))
    result = services.import_from(frozen)
    found = {(e.file, e.line, e.field, services.render(e, "en")) for e in result.errors}
    assert found == {
        ("persons.jsonl", 2, "birth_date", "The date of birth does not match the personal identity code."),
        ("facts.jsonl", kotikunta, "municipality", "Unknown municipality code: 999."),
        ("customerships.jsonl", 1, "valid_to", "The end is before the start."),
        ("transfer_requests.jsonl", 1, "recorded_by", "Unknown user: no.such.user."),
    }
    assert nothing_imported()


def test_a_changed_file_and_a_second_import_are_refused(frozen):
    path = frozen / "persons.jsonl"
    path.write_bytes(path.read_bytes().replace(b'"fi"', b'"sv"', 1))
    result = services.import_from(frozen)
    assert (result.errors[0].file, result.errors[0].message) == (
        "persons.jsonl",
        "The file's SHA-256 does not match the manifest: the file has changed.",
    )
    assert nothing_imported()
    shutil.copy(FROZEN / "persons.jsonl", path)
    assert services.import_from(frozen).ok
    again = services.import_from(frozen)
    assert {(e.file, e.field, e.message) for e in again.errors} >= {
        ("persons.jsonl", "id", "Already in the database."),
        ("persons.jsonl", "henkilotunnus", "Already in the database."),
        ("facts.jsonl", "id", "Already in the database."),
    }
    assert Person.objects.count() == 11


MUTATIONS = [
    lambda r: r.update(id="x"),
    lambda r: r.update(id=1.5),
    lambda r: r.update(id=True),
    lambda r: r.update(id=0),
    lambda r: r.pop(next(iter(r))),
    lambda r: r.update(unknown=None),
    lambda r: r.update(dict.fromkeys(list(r)[:1], 7)),
    lambda r: r.update(dict.fromkeys(r)),
    lambda r: r.update(dict.fromkeys(r, "x" * 300)),
    lambda r: r.update(dict.fromkeys(r, "")),
    lambda r: r.update(dict.fromkeys(r, True)),
    lambda r: None,
]


@pytest.mark.parametrize("name", schemas.TYPES)
def test_the_quick_check_agrees_with_the_library(name):
    """`record_errors` asks the library only when the compiled check says no: never a "yes" it would not
    give (every record of the frozen export, and each mutated)."""
    library = Draft202012Validator(schemas.schema(name, 1))
    for text in (FROZEN / f"{name}.jsonl").read_text().splitlines():
        for mutate in MUTATIONS:
            record = json.loads(text)
            mutate(record)
            assert (schemas.record_errors(name, 1, record) == []) == library.is_valid(record)
            if schemas.fast_check(name, 1)(record):
                assert library.is_valid(record)


def test_the_published_schemas_are_the_ones_the_import_reads():
    for name, version in schemas.published():
        file = schemas.file_name(name, version)
        assert (ROOT / "docs" / "formats" / "schemas" / file).read_bytes() == (
            schemas.DIRECTORY / file
        ).read_bytes()
        Draft202012Validator.check_schema(schemas.schema(name, version))
