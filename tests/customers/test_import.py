"""Importing job seekers from CSV (R-TG-1, R-X-3): every row validated, every error with line, field and
reason in the user's language, all or nothing, and a re-import changes nothing."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, OPTIONAL_COLUMNS, ImportRejected, import_job_seekers
from kuntakokeilu.customers.models import Fact, FactKind, Person

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
KORHONEN = make_henkilotunnus(dt.date(1991, 10, 3), 921)
HOLM = make_henkilotunnus(dt.date(2001, 2, 27), 922)


def row(**values) -> str:
    base = {
        "henkilotunnus": KORHONEN,
        "last_name": "Korhonen",
        "first_name": "Sari Annikki",
        "service_language": "fi",
        "valid_from": "2021-03-01",
        "kotikunta": "205",
        "mother_tongue": "fi",
        "immigrant": "false",
        "status": "unemployed",
        "earnings_related_entitlement": "true",
        "job_search_start": "2021-02-15",
    }
    base.update(values)
    return ",".join(base.get(c, "") for c in COLUMNS)


def csv_of(*rows, header=HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


GOOD = csv_of(
    row(),
    row(valid_from="2022-05-02", status="at_risk", kotikunta="", mother_tongue="", immigrant="",
        earnings_related_entitlement="", job_search_start=""),
    row(henkilotunnus=HOLM, last_name="Holm", first_name="Elsa", service_language="sv", kotikunta="638",
        mother_tongue="sv", earnings_related_entitlement="false", change_security_55="false"),
)  # fmt: skip


def rejected(data: bytes, lang: str = "en") -> list[tuple[int, str, str]]:
    with translation.override(lang), pytest.raises(ImportRejected) as caught:
        import_job_seekers(data, source="test.csv")
    assert not Person.objects.filter(henkilotunnus__in=[KORHONEN, HOLM]).exists()  # nothing stored
    return [(e.line, e.field, e.reason) for e in caught.value.errors]


def test_a_good_file_is_imported_and_a_reimport_changes_nothing():
    report = import_job_seekers(GOOD, source="good.csv")
    assert (report.persons_created, report.facts_created) == (2, 14)
    korhonen = Person.objects.get(henkilotunnus=KORHONEN)
    assert korhonen.birth_date == dt.date(1991, 10, 3)
    statuses = korhonen.facts.current().filter(kind=FactKind.STATUS).order_by("valid_from")
    assert [(f.valid_from, f.code) for f in statuses] == [
        (dt.date(2021, 3, 1), "unemployed"),
        (dt.date(2022, 5, 2), "at_risk"),
    ]
    count = Fact.objects.count()
    again = import_job_seekers(GOOD, source="good.csv")
    assert not again.changed and again.facts_unchanged == 14 and Fact.objects.count() == count


def test_a_changed_value_on_the_same_date_is_a_correction_with_history():
    import_job_seekers(GOOD, source="good.csv")
    report = import_job_seekers(csv_of(row(status="laid_off")), source="fixed.csv")
    assert (report.facts_corrected, report.facts_created) == (1, 0)
    rows = Fact.objects.filter(
        person__henkilotunnus=KORHONEN, kind=FactKind.STATUS, valid_from=dt.date(2021, 3, 1)
    )
    assert sorted((f.code, f.superseded) for f in rows) == [("laid_off", False), ("unemployed", True)]
    assert "fixed.csv" in rows.get(superseded=False).reason


def test_the_command_reports_and_says_when_nothing_changed(tmp_path, capsys):
    path = tmp_path / "job_seekers.csv"
    path.write_bytes(GOOD)
    call_command("import_job_seekers", str(path), "--lang", "en")
    assert "2 persons created" in capsys.readouterr().out
    call_command("import_job_seekers", str(path), "--lang", "fi")
    assert "Ei muutoksia" in capsys.readouterr().out


def test_the_command_lists_every_error_in_swedish_and_stores_nothing(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_of(row(kotikunta="999"), row(henkilotunnus=HOLM, valid_from="2021-13-01")))
    with pytest.raises(CommandError, match="2"):
        call_command("import_job_seekers", str(path), "--lang", "sv")
    err = capsys.readouterr().err
    assert "rad 2, kotikunta: Det finns ingen kommun med kommunnumret 999." in err
    assert "rad 3, valid_from:" in err
    assert not Person.objects.exists()


def test_a_bad_header_is_rejected():
    errors = rejected(csv_of(row(), header=HEADER.replace("kotikunta", "municipality")))
    assert (1, "kotikunta", "The column is missing from the header.") in errors
    assert (1, "municipality", "Unknown column.") in errors


@pytest.mark.parametrize(
    ("values", "field", "reason"),
    [
        ({"henkilotunnus": KORHONEN[:-1] + "X"}, "henkilotunnus", "The check character does not match"),
        ({"henkilotunnus": "310291-921K"}, "henkilotunnus", "not a real date"),
        ({"status": "retired"}, "status", "Unknown labour-market status"),
        ({"mother_tongue": "Finnish"}, "mother_tongue", "Unknown mother tongue"),
        ({"valid_from": "1.3.2021"}, "valid_from", "Not a date"),
        ({"kotikunta": "000"}, "kotikunta", "No municipality has the code 000."),
        ({"kotikunta": "099", "valid_from": "2021-03-01"}, "kotikunta", "did not exist on 2021-03-01"),
        ({"immigrant": "yes"}, "immigrant", "Give true or false."),
        ({"service_language": "en"}, "service_language", "fi or sv"),
        ({"last_name": ""}, "last_name", "required"),
        (
            {"change_security_notice_date": "2023-02-01"},
            "change_security_notice_date",
            "needs change_security_55",
        ),
        ({"job_search_end": "2021-01-01"}, "job_search_end", "cannot end before it starts"),
    ],
)
def test_every_bad_value_is_named_with_line_and_field(values, field, reason):
    errors = rejected(csv_of(row(henkilotunnus=HOLM, last_name="Holm"), row(**values)))
    assert [(line, f) for line, f, _r in errors] == [(3, field)]
    assert reason in errors[0][2]


def test_duplicate_rows_and_conflicting_names_are_rejected():
    errors = rejected(csv_of(row(), row(), row(valid_from="2022-01-01", first_name="Sari")))
    assert (3, "valid_from", "The same person and date are already on line 2.") in errors
    assert [e[:2] for e in errors if e[0] == 4] == [(4, "last_name")]


def test_malformed_files_are_rejected_in_finnish():
    assert rejected(b"\xff\xfe" + GOOD, lang="fi")[0][2] == "Tiedosto ei ole UTF-8-tekstiä."
    assert rejected(csv_of(), lang="en") == [(1, "file", "The file has no rows.")]
    assert rejected(csv_of(row() + ",extra"))[0][:2] == (2, "row")


def test_the_documented_format_is_the_one_read():
    """R-X-3: docs/formats/job_seekers.md names exactly the columns read (the required ones and the optional
    `reported_on`, issue 14), and its example imports."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "formats" / "job_seekers.md").read_text()
    documented = [line.split("`")[1] for line in doc.splitlines() if line.startswith("| `")]
    assert documented == [*COLUMNS, *OPTIONAL_COLUMNS]
    example = doc.split("```csv\n")[1].split("```")[0].encode()
    report = import_job_seekers(example, source="example.csv")
    assert (report.persons_created, report.facts_created) == (2, 13)


def test_the_admin_imports_through_the_page_and_others_cannot(client, db):
    """R-X-3 and R-X-1: the import page is the admin's; a bad file lists its errors and stores nothing."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kuntakokeilu.access.demo import ensure_demo_users

    ensure_demo_users()
    users = get_user_model().objects
    client.force_login(users.get(username="aino.virtanen"))
    assert client.get("/job-seekers/import/").status_code == 403
    client.force_login(users.get(username="admin"))
    bad = SimpleUploadedFile("bad.csv", csv_of(row(status="retired")), content_type="text/csv")
    response = client.post("/job-seekers/import/", {"file": bad}, HTTP_ACCEPT_LANGUAGE="en")
    assert [(e.line, e.field) for e in response.context["errors"]] == [(2, "status")]
    assert not Person.objects.exists()
    good = SimpleUploadedFile("good.csv", GOOD, content_type="text/csv")
    response = client.post("/job-seekers/import/", {"file": good}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.context["summary"].startswith("Imported good.csv: 2 persons created")
    assert Fact.objects.filter(recorded_by__username="admin").count() == 14


def test_an_oversized_upload_is_refused_before_it_is_read(client, db, monkeypatch):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kuntakokeilu.access.demo import ensure_demo_users
    from kuntakokeilu.customers import forms

    ensure_demo_users()
    monkeypatch.setattr(forms, "IMPORT_MAX_BYTES", len(GOOD) - 1)
    client.force_login(get_user_model().objects.get(username="admin"))
    upload = SimpleUploadedFile("good.csv", GOOD, content_type="text/csv")
    response = client.post("/job-seekers/import/", {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    assert "file" in response.context["form"].errors and not Person.objects.exists()


# --- bad input never gives a traceback (issue 12; R-X-3, R-INT-2): the same refusal on both databases ---


def test_a_field_over_the_csv_module_s_limit_is_reported_with_line_and_field():
    errors = rejected(csv_of(row(), row(henkilotunnus=HOLM, last_name="x" * 200_000)))
    assert errors == [(3, "last_name", "At most 100 characters.")]


def test_a_nul_byte_is_reported_where_it_is():
    errors = rejected(csv_of(row(first_name="Sari\x00Annikki")))
    assert errors == [(2, "first_name", "The field contains a NUL character.")]


def test_a_name_longer_than_the_register_holds_is_refused_before_the_database():
    """PostgreSQL would refuse it with a DataError and SQLite would store it: the domain refuses it."""
    errors = rejected(csv_of(row(last_name="K" * 101)), lang="sv")
    assert errors == [(2, "last_name", "Högst 100 tecken.")]


def test_a_file_name_longer_than_the_register_holds_is_refused():
    with translation.override("fi"), pytest.raises(ImportRejected) as caught:
        import_job_seekers(GOOD, source="t" * 201 + ".csv")
    [error] = caught.value.errors
    assert (error.line, error.field) == (1, "tiedoston nimi")
    assert not Person.objects.filter(henkilotunnus__in=[KORHONEN, HOLM]).exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2100-01-01"])
def test_an_absurd_date_is_refused_with_the_plausible_range(day):
    errors = rejected(csv_of(row(valid_from=day)))
    assert errors == [(2, "valid_from", "The date must be between 1900-01-01 and 2099-12-31.")]
