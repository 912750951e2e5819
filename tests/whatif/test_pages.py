"""The what-if pages and command (issue 13; R-X-1): the ministry, researchers and ELY officials run what-ifs
on the job queue (the immediate backend in tests) and read them side by side, ELY officials only their own
area's rows; bad edits get a localised message at the field and start nothing; the command writes CSV."""

import csv
import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation

from kuntakokeilu.access.scope import grants
from kuntakokeilu.whatif.models import Status, WhatIf

TODAY = dt.date(2022, 9, 1)
FORM = {"name": "age 25", "on": "2021-03-01", "value_target_group__age_limit": "25"}


@pytest.fixture
def client_as(signed_in, generated):
    return signed_in(TODAY)


def test_the_ministry_runs_age_limit_25_and_sees_per_area_differences(
    client_as, django_capture_on_commit_callbacks
):
    client = client_as("elina.laine")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/whatif/new/", FORM, HTTP_ACCEPT_LANGUAGE="en")
    whatif = WhatIf.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/whatif/{whatif.pk}/"
    assert whatif.status == Status.DONE and whatif.created_by.username == "elina.laine"
    page = client.get(f"/whatif/{whatif.pk}/").content.decode()
    assert "Helsinki" in page and "target_group.age_limit" in page
    rows = list(csv.DictReader(StringIO(client.get(f"/whatif/{whatif.pk}/areas.csv").content.decode())))
    assert any(r["difference"] == "<5" or int(r["difference"]) < 0 for r in rows)  # R-MON-4: 1–4 hidden
    assert not any(r["leaves"] in {"1", "2", "3", "4"} for r in rows)
    assert sum(whatif.results["snapshots"][0]["leaves"].values()) > 0
    assert client.get(f"/whatif/{whatif.pk}/criteria.csv").status_code == 200


def test_an_ely_official_sees_only_the_rows_of_their_area(client_as, django_capture_on_commit_callbacks):
    client = client_as("kaisa.jarvinen")  # Uusimaa ELY centre
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/whatif/new/", FORM)
    whatif = WhatIf.objects.get()
    rows = list(
        csv.DictReader(StringIO(client.get(f"/whatif/{whatif.pk}/municipalities.csv").content.decode()))
    )
    user = get_user_model().objects.get(username="kaisa.jarvinen")
    uusimaa = set().union(*(g.municipalities for g in grants(user, TODAY)))
    assert rows and {r["key"] for r in rows} <= uusimaa and "091" in {r["key"] for r in rows}
    assert client.get(f"/whatif/{whatif.pk}/criteria.csv").status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "lang", "message"),
    [
        ("value_target_group__age_limit", "kaksikymmentä", "fi", "kokonaisluku"),
        ("value_target_group__age_limit", "twenty", "sv", "heltal"),
        ("value_target_group__included_statuses", "retired", "en", "not a known code"),
        ("on", "2020-06-01", "fi", "kokeilun (1.3.2021–31.12.2024) ulkopuolella"),
        ("from_target_group__age_limit", "2025-06-01", "sv", "utanför försöket"),
    ],
)
def test_bad_edits_are_refused_in_the_users_language(client_as, field, value, lang, message):
    client = client_as("tuomas.koskinen")
    with translation.override(lang):
        response = client.post("/whatif/new/", {**FORM, field: value}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200 and message in response.content.decode()
    assert not WhatIf.objects.exists()


@pytest.mark.parametrize("username", ["pekka.nieminen", "admin"])
def test_other_roles_may_not(client_as, username):
    client = client_as(username)
    assert client.get("/whatif/").status_code == 403
    assert client.post("/whatif/new/", FORM).status_code == 403


@pytest.mark.parametrize("username", ["aino.virtanen", "juha.heikkinen", "sanna.makinen"])
def test_municipal_and_te_office_staff_read_what_ifs_but_run_none(client_as, username):
    """They see the what-ifs (the rows of their own scope; tests/whatif/test_changes.py), run none."""
    client = client_as(username)
    assert client.get("/whatif/").status_code == 200
    assert client.get("/whatif/new/").status_code == 403
    assert client.post("/whatif/new/", FORM).status_code == 403 and not WhatIf.objects.exists()


def test_the_command_writes_csv(generated, tmp_path):
    out = StringIO()
    call_command(
        "whatif",
        "--rule",
        "target-group",
        "--on",
        "2022-09-01",
        "--set",
        "target_group.age_limit=25",
        "--out",
        str(tmp_path),
        stdout=out,
    )
    assert "2022-09-01: 400 persons" in out.getvalue()
    areas = list(csv.DictReader(StringIO((tmp_path / "areas.csv").read_text())))
    assert sum(int(r["leaves"]) for r in areas) > 0
    assert {p.name for p in tmp_path.iterdir()} == {"areas.csv", "municipalities.csv", "criteria.csv"}


@pytest.mark.parametrize(
    ("args", "lang", "message"),
    [
        (["--set", "target_group.age=25"], "en", "Unknown parameter target_group.age"),
        (["--set", "target_group.age_limit"], "fi", "NIMI=ARVO"),
        (["--on", "2025-03-01"], "sv", "utanför försöket"),
    ],
)
def test_the_command_refuses_bad_input_in_the_language_asked(
    generated, settings, tmp_path, args, lang, message
):
    settings.KUNTAKOKEILU_TODAY = TODAY  # the default date of --on
    with pytest.raises(CommandError, match=message):
        call_command("whatif", "--out", str(tmp_path), "--lang", lang, *args, stdout=StringIO())
