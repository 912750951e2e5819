"""Quota use in the browser (issue 18 item 6; R-RES-2 read side, R-X-7), on 1.9.2022 (injected clock), with
ledger rows written in the test (the ledger's writes arrive with another branch): the Kainuu area manager
opens trial area 7's quota use from the area page and sees the table and the SVG chart (readable without
JavaScript: title, description, the same figures in a table) and downloads both exports; the Kainuu ELY
official sees committed, paid and remaining across the ELY centre's trial areas; the ministry across the ELY
centres, and downloads the table."""

import datetime as dt

import pytest

from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2022, 9, 1)


def world(settings):
    """Kainuu's 2022 wage-subsidy allocation (100 000 €, all trial area 7's quota) and a ledger of a Kajaani
    decision: 30 000 € committed in February, 50 000 € in May, 10 000 € released in June (70 000 € net),
    12 500 € paid."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.customers import customerships
    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Ground, Person
    from kuntakokeilu.funding import services
    from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea
    from tests.decisions.factories import draft_decision
    from tests.funding.ledger_factory import book

    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    import_job_seekers(demo_csv(), source="e2e")
    jari = Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1972, 8, 15), 910))
    customerships.start(
        jari,
        on=dt.date(2021, 3, 1),
        ground=Ground.INITIAL_TRANSFER,
        outcome=None,
        responsible={"type": "municipality", "kunta_code": "205"},
    )
    users = get_user_model().objects
    ely, area = ElyCentre.objects.get(code="14"), TrialArea.objects.get(number=7)
    services.allocate(
        users.get(username="elina.laine"),
        ely=ely,
        year=2022,
        instrument="wage_subsidy",
        amount=100_000,
        decided_on=dt.date(2022, 1, 20),
        reference="TEM/1/2022",
        today=TODAY,
    )
    services.compute_quotas(
        users.get(username="heikki.kemppainen"),
        ely=ely,
        year=2022,
        instrument="wage_subsidy",
        method="manual",
        amounts={7: 100_000},
        today=TODAY,
    )
    decision = draft_decision(
        jari, Municipality.objects.get(code="205"), users.get(username="ville.hyvonen"), dt.date(2022, 2, 1)
    )
    for kind, amount, on in (
        ("commitment", 30_000, dt.date(2022, 2, 10)),
        ("payment", 5_000, dt.date(2022, 4, 30)),
        ("commitment", 50_000, dt.date(2022, 5, 3)),
        ("release", 10_000, dt.date(2022, 6, 20)),
        ("payment", 7_500, dt.date(2022, 8, 1)),
    ):
        book(decision, area, 2022, "wage_subsidy", kind, amount, on)


def switch_user(page, username):
    page.context.clear_cookies()
    sign_in(page, username)


def test_the_area_manager_the_ely_official_and_the_ministry_see_the_quota_use(page, settings):
    world(settings)

    sign_in(page, "juha.heikkinen")
    page.goto("/funding/areas/7/?year=2022")
    page.get_by_role("link", name="Kiintiöiden käyttö: sidottu, maksettu, jäljellä ja ennuste").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Kiintiöiden käyttö: Kainuu 2022"
    row = page.locator("table.quota-use tbody tr[data-instrument=wage_subsidy]").inner_text()
    for figure in ("100\u00a0000", "70\u00a0000", "12\u00a0500", "30\u00a0000", "104\u00a0564"):
        assert figure in row, (figure, row)
    assert "joulukuu" in row  # at this pace the quota runs out in December
    chart = page.get_by_role("img", name="Kiintiön käyttö: palkkatuki, Kainuu 2022")
    assert chart.is_visible()
    assert page.locator("svg#chart-wage_subsidy polyline[stroke-dasharray]").count() == 1  # the forecast
    months = page.locator("table.quota-months[data-instrument=wage_subsidy]").inner_text()
    assert "Toukokuu\t80\u00a0000\t5\u00a0000" in months and "Syyskuu\t70\u00a0000\t12\u00a0500" in months
    assert "kaksitoistakertainen" in page.locator("p.forecast-formula").inner_text()
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa CSV-tiedostona").click()
    with open(download.value.path(), encoding="utf-8") as file:
        content = file.read()
    assert "2022,7,Kainuu,wage_subsidy,100000,70000.00,12500.00,30000.00,104564,12,2022-09-01" in content
    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Lataa Excel-tiedostona").click()
    assert xlsx.value.suggested_filename == "quota-use-7-2022-summary.xlsx"
    with page.expect_download() as monthly:
        page.get_by_role("link", name="Kuukausiluvut CSV-tiedostona").click()
    assert monthly.value.suggested_filename == "quota-use-7-2022-months.csv"

    # the Kainuu ELY official: the allocation across the ELY centre's trial areas
    switch_user(page, "heikki.kemppainen")
    page.goto("/funding/ely/14/?year=2022")
    table = page.locator("table[data-instrument=wage_subsidy]").inner_text()
    assert "70\u00a0000" in table and "12\u00a0500" in table and "30\u00a0000" in table
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa CSV-tiedostona").click()
    with open(download.value.path(), encoding="utf-8") as file:
        assert file.read().splitlines()[1].endswith(",70000.00,12500.00,30000.00")
    page.locator("table[data-instrument=wage_subsidy]").get_by_role("link", name="30\u00a0000").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Kiintiöiden käyttö: Kainuu 2022"

    # the ministry: the allocation across the ELY centres
    switch_user(page, "elina.laine")
    page.goto("/funding/allocations/?year=2022")
    table = page.locator("table.allocations").inner_text()
    assert "Kainuun ELY-keskus" in table and "70\u00a0000" in table and "30\u00a0000" in table
    check_accessibility(page)
    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Lataa Excel-tiedostona").click()
    assert xlsx.value.suggested_filename == "allocations-2022.xlsx"
