"""The screening what-if (issue 13; R-APP-3, R-APP-4, R-REF-3): each application of a round screened by the
rule `application-screening` under the law and under an overlay of its parameters, side by side — by the
command, on the job queue from the page, with the ELY official seeing only their area's applications."""

import csv
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kuntakokeilu.rules.overlay import Edit
from kuntakokeilu.whatif import services
from kuntakokeilu.whatif.models import Status, WhatIf

FORM = {
    "rule": "application-screening",
    "name": "min 10 000",
    "round": "supplementary-2020",
    "value_selection__min_population": "10000",
}


def _by_name(results):
    return {row["name"]: row for row in results["applications"]}


def test_a_lower_minimum_population_passes_loviisa_but_not_hanko(applications):
    """R-APP-3 (1) under an overlay: with 10,000 instead of 30,000 Loviisa (14,700) meets the minimum,
    Hanko (8,000) still does not; Kotka meets it both ways. The same rule code judges both sides."""
    rows = _by_name(
        services.compute_screening("supplementary-2020", [Edit("selection.min_population", 10000)])
    )
    assert set(rows) == {"Hanko kokeilu", "Loviisa kokeilu", "Kotka kokeilu"}
    assert rows["Loviisa kokeilu"]["law"]["checks"]["min_population"] == "fail"
    assert rows["Loviisa kokeilu"]["whatif"]["checks"]["min_population"] == "pass"
    assert rows["Hanko kokeilu"]["whatif"]["checks"]["min_population"] == "fail"
    assert rows["Kotka kokeilu"]["law"]["checks"]["min_population"] == "pass"
    assert rows["Kotka kokeilu"]["law"] == rows["Kotka kokeilu"]["whatif"]
    assert rows["Hanko kokeilu"]["ely"] == "01" and rows["Kotka kokeilu"]["ely"] != "01"


def test_an_overlay_equal_to_the_law_changes_no_application(applications):
    law = services.default_store()
    edits = [
        Edit(name, v.value, v.start)
        for name in services.editable("application-screening")
        for v in law.parameters[name].values
    ]
    rows = services.compute_screening("supplementary-2020", edits)["applications"]
    assert len(rows) == 3 and not any(row["changes"] for row in rows)
    assert all(row["law"] == row["whatif"] for row in rows)


@pytest.fixture
def client_as(signed_in, applications):
    return signed_in("2022-09-01")


def test_the_ministry_runs_a_screening_what_if_on_the_job_queue(
    client_as, django_capture_on_commit_callbacks
):
    client = client_as("elina.laine")
    assert "supplementary-2020" in client.get("/whatif/new/?rule=application-screening").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/whatif/new/", FORM, HTTP_ACCEPT_LANGUAGE="en")
    whatif = WhatIf.objects.get()
    assert response["Location"] == f"/whatif/{whatif.pk}/"
    assert whatif.status == Status.DONE and whatif.rule == "application-screening"
    assert whatif.round_code == "supplementary-2020"
    page = client.get(f"/whatif/{whatif.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    main = page[page.index("<main") :]
    assert "Loviisa kokeilu" in main and "Kotka kokeilu" in main and "(changes)" in main
    rows = list(
        csv.DictReader(StringIO(client.get(f"/whatif/{whatif.pk}/applications.csv").content.decode()))
    )
    changed = {r["name"]: r for r in rows if r["changes"] == "True"}
    assert set(changed) == {"Loviisa kokeilu"}
    assert client.get(f"/whatif/{whatif.pk}/areas.csv").status_code == 404


def test_an_ely_official_sees_only_their_areas_applications(client_as, django_capture_on_commit_callbacks):
    client = client_as("kaisa.jarvinen")  # Uusimaa ELY centre
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/whatif/new/", FORM)
    whatif = WhatIf.objects.get()
    page = client.get(f"/whatif/{whatif.pk}/").content.decode()
    assert "Hanko kokeilu" in page and "Loviisa kokeilu" in page and "Kotka kokeilu" not in page
    text = client.get(f"/whatif/{whatif.pk}/applications.csv").content.decode()
    assert "Loviisa kokeilu" in text and "Kotka kokeilu" not in text


def test_an_unknown_round_is_refused_in_the_users_language(client_as):
    client = client_as("tuomas.koskinen")
    response = client.post("/whatif/new/", {**FORM, "round": "main-2030"}, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200 and not WhatIf.objects.exists()


def test_the_command_writes_the_applications_csv(applications, tmp_path):
    out = StringIO()
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
        stdout=out,
    )
    assert "3 applications of supplementary-2020 screened, 1 screened otherwise" in out.getvalue()
    rows = list(csv.DictReader(StringIO((tmp_path / "applications.csv").read_text())))
    assert [r["name"] for r in rows if r["changes"] == "True"] == ["Loviisa kokeilu"]
    with pytest.raises(CommandError, match="Tuntematon hakukierros main-2030"):
        call_command(
            "whatif",
            "--rule",
            "application-screening",
            "--round",
            "main-2030",
            "--out",
            str(tmp_path),
            "--lang",
            "fi",
            stdout=StringIO(),
        )
