"""The ministry runs "age limit 25 from 1.3.2021" and sees per-area differences (issue 13; R-TG-2, R-X-7):
a bad value first gets a Finnish message at the field and starts nothing; the what-if runs on the job queue
(the immediate backend here) and its page puts the law and the what-if side by side per trial area."""

import datetime as dt
import re
from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from kuntakokeilu.applications.rounds import load_rounds
from kuntakokeilu.customers import transfers
from kuntakokeilu.customers.synthetic import generate
from kuntakokeilu.rules.overlay import Edit
from kuntakokeilu.whatif import services
from kuntakokeilu.whatif.models import Status, WhatIf
from tests.e2e.conftest import check_accessibility, sign_in
from tests.whatif.made import seeker, submit_three

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_ministry_runs_age_limit_25_and_sees_per_area_differences(page, settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)
    generate(300, seed=13)
    sign_in(page, "elina.laine")
    page.get_by_role("navigation").get_by_role("link", name="Vaihtoehtolaskelma").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaihtoehtolaskelma")
    check_accessibility(page)
    page.get_by_role("link", name="Tee vaihtoehtolaskelma").click()
    page.get_by_label("Laskelman nimi").fill("Ikäraja 25")
    page.get_by_label("Tarkastelupäivä").fill("2021-03-01")
    age = page.locator("#id_value_target_group__age_limit")
    age.fill("kaksikymmentäviisi")
    page.get_by_role("button", name="Käynnistä laskelma").click()
    expect(page.locator("form.form")).to_contain_text("kokonaisluku (vuotta)")
    assert not WhatIf.objects.exists()
    check_accessibility(page)

    page.locator("#id_value_target_group__age_limit").fill("25")
    page.locator("#id_from_target_group__age_limit").fill("2021-03-01")
    page.get_by_role("button", name="Käynnistä laskelma").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"Vaihtoehtolaskelma Ikäraja 25 #\d+")
    )
    expect(page.locator("#whatif-status")).to_have_text("valmis", timeout=60_000)
    whatif = WhatIf.objects.get()
    assert whatif.status == Status.DONE
    table = page.locator("table.whatif-areas")
    expect(table).to_contain_text("Mukana, laki")
    expect(table).to_contain_text("Poistuu")
    leaving = sum(whatif.results["snapshots"][0]["leaves"].values())
    assert leaving > 0
    expect(page.locator("main")).to_contain_text(f"({0} tulee, {leaving} poistuu)")
    check_accessibility(page)

    # the Excel export beside the CSV files: one workbook, a sheet per table, read back
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Lataa taulukot yhtenä Excel-työkirjana")).click()
    assert download.value.suggested_filename == f"whatif-{whatif.pk}.xlsx"
    book = load_workbook(BytesIO(download.value.path().read_bytes()))  # the path has no suffix
    assert book.sheetnames == ["areas", "municipalities", "criteria"]
    header, *rows = list(book["areas"].iter_rows(values_only=True))
    assert "leaves" in header and rows


def test_ministry_screens_a_round_with_a_lower_minimum_population(page, settings):
    """Issue 13 (screening what-if; R-APP-3): with a minimum population of 10,000 instead of 30,000 the
    Loviisa application of the supplementary round 2020 meets it, side by side with the law."""
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)
    load_rounds()
    submit_three()
    sign_in(page, "elina.laine")
    page.goto("/whatif/new/")
    page.get_by_role("link", name="Hakemusten esitarkastus").click()
    page.get_by_label("Laskelman nimi").fill("Asukasraja 10 000")
    page.get_by_label("Hakukierros").select_option("supplementary-2020")
    page.locator("#id_value_selection__min_population").fill("10000")
    check_accessibility(page)
    page.get_by_role("button", name="Käynnistä laskelma").click()
    expect(page.locator("#whatif-status")).to_have_text("valmis", timeout=60_000)
    table = page.locator("#whatif-applications")
    loviisa = table.get_by_role("row").filter(has_text="Loviisa kokeilu")
    expect(loviisa).to_contain_text("muuttuu")
    expect(table.get_by_role("row").filter(has_text="Hanko kokeilu")).not_to_contain_text("muuttuu")
    expect(page.locator("p.links").get_by_role("link", name="hakemukset")).to_be_visible()
    check_accessibility(page)


def test_a_helsinki_case_worker_opens_the_helsinki_persons_who_leave(page, settings):
    """Issue 13 (R-X-1, R-X-2): from the what-if page a Helsinki case worker opens the persons who would
    leave the target group — the Helsinki customers only, not the Kajaani one — and one person's page."""
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)
    start = dt.date(2021, 3, 1)
    seeker("091", "Helsinkiläinen", 951)
    seeker("205", "Kajaanilainen", 952)
    transfers.initial(start)
    whatif = services.create(
        "Ikäraja 25", "target-group", [start], [Edit("target_group.age_limit", 25)], None, "fi"
    )
    services.execute(whatif.pk)
    sign_in(page, "aino.virtanen")
    page.goto(f"/whatif/{whatif.pk}/")
    check_accessibility(page)
    page.get_by_role("link", name="Puolta vaihtavat henkilöt, joiden tietoja saat nähdä").click()
    table = page.locator("#whatif-change-list")
    expect(table).to_contain_text("Helsinkiläinen, Testi")
    expect(table).to_contain_text("poistuu kohderyhmästä")
    expect(table).not_to_contain_text("Kajaanilainen")
    check_accessibility(page)
    table.get_by_role("link", name="Helsinkiläinen, Testi").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Testi Helsinkiläinen")
