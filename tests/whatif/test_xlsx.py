"""The what-if's Excel export (issue 13: "exports to CSV/Excel"): the page's workbook and the command's
`--format xlsx` hold the same tables as the CSV files, a sheet each, read back with openpyxl: counts as
numbers, the snapshot date as a date, counts of 1–4 hidden on the page's download (R-MON-4) and exact in the
command's; an ELY official's workbook holds only their own area's rows and no criteria sheet (R-X-1)."""

import csv
import datetime as dt
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from kuntakokeilu.whatif import export
from kuntakokeilu.whatif.models import WhatIf

FORM = {"name": "age 25", "on": "2021-03-01", "value_target_group__age_limit": "25"}
SCREENING = {"rule": "application-screening", "round": "supplementary-2020", "on": "2020-06-01"}


def _sheets(content: bytes) -> dict[str, list[tuple]]:
    """Each sheet's rows; a date cell (openpyxl reads it as a datetime at midnight) as a date."""
    book = load_workbook(BytesIO(content))
    return {
        sheet.title: [
            tuple(v.date() if isinstance(v, dt.datetime) else v for v in row)
            for row in sheet.iter_rows(values_only=True)
        ]
        for sheet in book.worksheets
    }


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(StringIO(text)))


def _as_text(value) -> str:
    """A cell as the CSV writes it (an empty cell: an empty string)."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _run(client, form, capture):
    with capture(execute=True):
        client.post("/whatif/new/", form)
    return WhatIf.objects.get()


def test_the_ministrys_workbook_holds_the_csv_tables_with_counts_of_1_to_4_hidden(
    signed_in, generated, django_capture_on_commit_callbacks
):
    client = signed_in("2022-09-01")("elina.laine")
    whatif = _run(client, FORM, django_capture_on_commit_callbacks)
    response = client.get(f"/whatif/{whatif.pk}/whatif.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="whatif-{whatif.pk}.xlsx"' in response["Content-Disposition"]
    sheets = _sheets(response.content)
    assert list(sheets) == ["areas", "municipalities", "criteria"]
    for kind, rows in sheets.items():
        text = _csv(client.get(f"/whatif/{whatif.pk}/{kind}.csv").content.decode())
        assert [[_as_text(v) for v in row] for row in rows] == text  # the same table, cell by cell
    header, *body = sheets["areas"]
    assert header[:3] == ("on", "key", "name") and body
    assert all(row[0] == dt.date(2021, 3, 1) for row in body)  # a date cell
    law_in = header.index("law_in")
    assert all(isinstance(row[law_in], int) or row[law_in] == "<5" for row in body)
    leaves = [row[header.index("leaves")] for row in body]
    assert "<5" in leaves or all(v == 0 or v >= 5 for v in leaves)
    assert not any(v in (1, 2, 3, 4) for row in body for v in row[3:])  # R-MON-4


def test_an_ely_officials_workbook_has_their_areas_rows_and_no_criteria(
    signed_in, generated, django_capture_on_commit_callbacks
):
    client = signed_in("2022-09-01")("kaisa.jarvinen")  # Uusimaa ELY centre
    whatif = _run(client, FORM, django_capture_on_commit_callbacks)
    sheets = _sheets(client.get(f"/whatif/{whatif.pk}/whatif.xlsx").content)
    assert list(sheets) == ["areas", "municipalities"]
    keys = {row[1] for row in sheets["municipalities"][1:]}
    assert "091" in keys and "564" not in keys  # Helsinki, not Oulu


@pytest.mark.parametrize("username", ["pekka.nieminen", "admin"])
def test_others_get_no_workbook(signed_in, generated, username, django_capture_on_commit_callbacks):
    whatif = _run(signed_in("2022-09-01")("elina.laine"), FORM, django_capture_on_commit_callbacks)
    client = signed_in("2022-09-01")(username)
    assert client.get(f"/whatif/{whatif.pk}/whatif.xlsx").status_code == 403


def test_the_command_writes_an_exact_workbook(generated, tmp_path):
    """`kuntakokeilu whatif … --format xlsx`: one workbook, exact counts (the operators' output)."""
    out = StringIO()
    call_command(
        "whatif",
        "--on",
        "2022-09-01",
        "--set",
        "target_group.age_limit=25",
        "--out",
        str(tmp_path),
        "--format",
        "xlsx",
        stdout=out,
    )
    assert {p.name for p in tmp_path.iterdir()} == {"whatif.xlsx"}
    assert "whatif.xlsx (areas, municipalities, criteria)" in out.getvalue()
    whatif = WhatIf.objects.get()
    sheets = _sheets((tmp_path / "whatif.xlsx").read_bytes())
    for kind in export.KINDS:
        exact = _csv(export.table(whatif.results, kind))
        assert [[_as_text(v) for v in row] for row in sheets[kind]] == exact
    header, *body = sheets["areas"]
    assert sum(row[header.index("leaves")] for row in body) == sum(
        whatif.results["snapshots"][0]["leaves"].values()
    )


def test_the_command_writes_a_screening_workbook(applications, tmp_path):
    call_command(
        "whatif",
        "--rule",
        "application-screening",
        "--round",
        "supplementary-2020",
        "--set",
        "selection.min_population=10000",
        "--out",
        str(tmp_path),
        "--format",
        "xlsx",
        stdout=StringIO(),
    )
    sheets = _sheets((tmp_path / "whatif.xlsx").read_bytes())
    header, *body = sheets["applications"]
    assert list(sheets) == ["applications"]
    assert [row[header.index("name")] for row in body if row[header.index("changes")] is True] == [
        "Loviisa kokeilu"
    ]
