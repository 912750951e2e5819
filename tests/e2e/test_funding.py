"""Quotas and own funding in the browser (issue 18 items 3, 5, 6 and 7; R-RES-1, R-RES-4, R-X-7), on 1.9.2022
(injected clock), in Finnish with one view in Swedish: the ministry allocates to the Kainuu ELY centre and
downloads the table; the Kainuu ELY official computes trial area 7's quota by customer volume, and an
adjustment that breaks the sum shows the localised error and saves nothing; the Uusimaa ELY official (five
trial areas) computes and adjusts one quota with a reason; the Kainuu area manager sees the own funding
with the shortfall."""

import datetime as dt

import pytest

from kuntakokeilu.funding.models import MinistryAllocation, Quota
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2022, 9, 1)


def world(settings):
    """The demo job seekers with the initial transfer of 1.3.2021 (the customer volumes), Uusimaa's
    allocation of the start-up grant, Kajaani's 2018 expenditure and own resourcing of 2022."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.transfers import initial
    from kuntakokeilu.funding import services
    from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea

    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    import_job_seekers(demo_csv(), source="e2e")
    initial(dt.date(2021, 3, 1))
    users = get_user_model().objects
    services.allocate(
        users.get(username="elina.laine"),
        ely=ElyCentre.objects.get(code="01"),
        year=2022,
        instrument="start_up_grant",
        amount=1_000_000,
        decided_on=dt.date(2022, 1, 20),
        reference="TEM/1/2022",
        today=TODAY,
    )
    kainuu = TrialArea.objects.get(number=7)
    manager = users.get(username="juha.heikkinen")
    services.import_expenditure(
        manager, area=kainuu, data=b"kunta_code,form,amount_eur\n205,share_300,2000000\n", today=TODAY
    )
    services.record_own_resourcing(
        manager,
        area=kainuu,
        municipality=Municipality.objects.get(code="205"),
        year=2022,
        planned_eur=320_000,
        planned_person_years=3,
        realised_eur=250_000,
        realised_person_years=None,
        today=TODAY,
    )


def switch_user(page, username):
    page.context.clear_cookies()
    sign_in(page, username)


def test_allocate_compute_adjust_and_own_funding(page, settings):
    world(settings)

    # the ministry allocates the wage subsidy to the Kainuu ELY centre
    sign_in(page, "elina.laine")
    page.get_by_role("navigation").get_by_role("link", name="Kiintiöt ja rahoitus").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Määrärahat ELY-keskuksille 2022"
    page.locator("#id_ely").select_option(label="Kainuun ELY-keskus")
    page.locator("#id_instrument").select_option("wage_subsidy")
    page.locator("#id_amount").fill("4200000")
    page.locator("#id_decided_on").fill("20.1.2022")
    page.locator("#id_reference").fill("TEM/2/2022")
    page.get_by_role("button", name="Tallenna määräraha").click()
    page.wait_for_load_state()
    table = page.locator("table.allocations").inner_text()
    assert "Kainuun ELY-keskus" in table and "4\u00a0200\u00a0000" in table and "palkkatuki" in table
    assert MinistryAllocation.objects.get(ely__code="14").amount == 4_200_000
    check_accessibility(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa CSV-tiedostona").click()
    with open(download.value.path(), encoding="utf-8") as file:
        content = file.read()
    assert content.splitlines()[0].startswith("year,ely_code,ely,instrument,amount_eur")
    assert "2022,14,Kainuun ELY-keskus,wage_subsidy,4200000,2022-01-20,TEM/2/2022" in content
    with page.expect_download() as xlsx:
        page.get_by_role("link", name="Lataa Excel-tiedostona").click()
    assert xlsx.value.suggested_filename == "allocations-2022.xlsx"

    # the Kainuu ELY official computes trial area 7's quota by customer volume
    switch_user(page, "heikki.kemppainen")
    page.get_by_role("navigation").get_by_role("link", name="Kiintiöt ja rahoitus").click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Kokeilualueiden kiintiöt: Kainuun ELY-keskus 2022"
    )
    page.locator("#id_instrument").select_option("wage_subsidy")
    page.locator("#id_volume_date").fill("31.1.2022")
    page.get_by_role("button", name="Laske", exact=True).click()
    page.wait_for_load_state()
    quotas = page.locator("table[data-instrument=wage_subsidy]").inner_text()
    assert "Kainuu" in quotas and "4\u00a0200\u00a0000" in quotas
    assert "Asiakasmäärän mukaan 31.1.2022" in quotas
    check_accessibility(page)

    # an adjustment that breaks the sum: the localised error, nothing saved
    page.locator("details summary").first.click()
    page.locator("#id_wage_subsidy-area_7").fill("4300000")
    page.locator("#id_wage_subsidy-reason").fill("Lisää tarvetta")
    page.get_by_role("button", name="Tallenna muutos").click()
    page.wait_for_load_state()
    error = page.locator(".error-summary").inner_text()
    assert "Kiintiöiden summa on 4\u00a0300\u00a0000 €, mutta määräraha on 4\u00a0200\u00a0000 €" in error
    assert "Mitään ei tallennettu." in error
    assert not Quota.objects.exclude(adjusted_amount=None).exists()
    check_accessibility(page)

    # the Uusimaa ELY official computes the start-up grant's quotas and moves 10 000 € with a reason
    switch_user(page, "kaisa.jarvinen")
    page.goto("/funding/ely/01/?year=2022")
    page.locator("#id_instrument").select_option("start_up_grant")
    page.locator("#id_volume_date").fill("31.1.2022")
    page.get_by_role("button", name="Laske", exact=True).click()
    page.wait_for_load_state()
    helsinki = Quota.objects.get(trial_area__number=20, instrument="start_up_grant")
    porvoo = Quota.objects.get(trial_area__number=22, instrument="start_up_grant")
    page.locator("details summary").first.click()
    page.locator("#id_start_up_grant-area_20").fill(str(helsinki.amount - 10_000))
    page.locator("#id_start_up_grant-area_22").fill(str(porvoo.amount + 10_000))
    page.locator("#id_start_up_grant-reason").fill("Porvoon starttirahakysyntä")
    page.get_by_role("button", name="Tallenna muutos").click()
    page.wait_for_load_state()
    assert "Kiintiöitä on muutettu." in page.locator("main").inner_text()
    porvoo.refresh_from_db()
    assert porvoo.current == porvoo.amount + 10_000 and porvoo.reason == "Porvoon starttirahakysyntä"
    assert sum(q.current for q in Quota.objects.filter(instrument="start_up_grant")) == 1_000_000
    assert "Porvoon starttirahakysyntä" in page.locator("table[data-instrument=start_up_grant]").inner_text()
    check_accessibility(page)

    # one view in Swedish
    page.locator("#lang-select").select_option("sv")
    page.locator("form.lang-switch button").click()
    page.wait_for_load_state()
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Försöksområdenas kvoter: NTM-centralen i Nyland 2022"
    )
    assert (
        "Enligt antalet kunder 31.1.2022"
        in page.locator("table[data-instrument=start_up_grant]").inner_text()
    )
    check_accessibility(page)

    # the Kainuu area manager sees the own funding with the shortfall (15 % of 2 000 000 = 300 000; 250 000)
    switch_user(page, "juha.heikkinen")
    page.goto("/funding/")
    assert page.get_by_role("heading", level=1).inner_text() == "Omarahoitus ja henkilöstö: Kainuu 2022"
    kajaani = page.locator("table.own-funding tr", has_text="Kajaani")
    assert kajaani.locator("td.shortfall").inner_text() == "50\u00a0000"
    assert "vajaus 50\u00a0000 €" in kajaani.inner_text()
    assert "4\u00a0200\u00a0000" in page.locator("table.area-quotas").inner_text()
    check_accessibility(page)
