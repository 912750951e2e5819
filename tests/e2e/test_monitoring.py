"""Monthly monitoring in the browser (issue 19; R-MON-2, R-MON-3, R-X-7), on 15.9.2022 (injected clock):
the Kainuu area manager computes March 2022 for his trial area, reviews and approves it; a Kajaani record is
corrected afterwards; the correction gives version 2 with the changed values highlighted and the reason
shown, version 1 kept. Kainuu's ELY official reads the month in Finnish without the buttons; the month
page in Swedish."""

import datetime as dt

import pytest

from kuntakokeilu.monitoring.models import MonthVersion
from tests.e2e.conftest import check_accessibility, sign_in
from tests.monitoring.made import customership, person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2022, 9, 15)


def test_the_kainuu_area_manager_approves_march_2022_and_a_correction_gives_version_2(page, site, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    for code in ("205", "205", "290"):
        customership(person(), code, dt.date(2021, 3, 1))
    sign_in(page, "juha.heikkinen")
    page.get_by_role("navigation").get_by_role("link", name="Kuukausiseuranta").click()
    page.wait_for_load_state()
    check_accessibility(page)
    page.get_by_role("link", name="7 Kainuu").click()
    page.wait_for_load_state()
    page.get_by_label("Kuukausi").select_option("2022-03")
    page.get_by_role("button", name="Laske kuukausi").click()
    page.wait_for_load_state()
    assert page.url.endswith("/monitoring/areas/7/2022-03/")
    assert "laskettu" in page.locator("#month-state").inner_text()
    stock = page.locator('#indicators tr[data-indicator="customers_stock"]:not([data-breakdown])')
    assert stock.locator("td").nth(1).inner_text() == "3"
    satisfaction = page.locator('#indicators tr[data-indicator="customer_satisfaction"]')
    assert "ei lähdettä vielä" in satisfaction.inner_text()
    check_accessibility(page)

    page.get_by_role("button", name="Merkitse tarkastetuksi").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Hyväksy kuukausi").click()
    page.wait_for_load_state()
    assert "hyväksytty" in page.locator("#month-state").inner_text()
    assert page.get_by_role("button", name="Laske uudelleen").count() == 0  # locked

    # a Kajaani customer of March is recorded late: the correction is version 2
    customership(person(), "205", dt.date(2022, 3, 14))
    page.get_by_label("Korjauksen syy").fill("Kajaanin asiakkuus kirjattiin myöhässä")
    page.get_by_role("button", name="Korjaa uutena versiona").click()
    page.wait_for_load_state()
    assert "Versio 2" in page.locator("#month-state").inner_text()
    assert "Kajaanin asiakkuus kirjattiin myöhässä" in page.locator("#correction-reason").inner_text()
    changed = page.locator('#indicators tr.changed[data-indicator="customers_stock"]:not([data-breakdown])')
    assert changed.locator("mark").first.inner_text() == "4"
    assert "aiemmin: 3" in changed.inner_text()
    history = page.locator("#history").inner_text()
    assert "Kajaanin asiakkuus kirjattiin myöhässä" in history
    check_accessibility(page)
    assert list(
        MonthVersion.objects.filter(trial_area__number=7, month=dt.date(2022, 3, 1)).values_list(
            "version", "state"
        )
    ) == [(1, "approved"), (2, "computed")]

    # version 1 is kept as it was approved
    page.get_by_role("link", name="1", exact=True).click()
    page.wait_for_load_state()
    assert "hyväksytty" in page.locator("#month-state").inner_text()
    assert page.locator("#indicators tr.changed").count() == 0


def test_kainuus_ely_official_reads_the_month_and_the_swedish_page(page, site, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    from kuntakokeilu.monitoring import services
    from kuntakokeilu.regions.models import TrialArea

    customership(person(), "205", dt.date(2021, 3, 1))
    services.compute_month(dt.date(2022, 3, 1), areas=[TrialArea.objects.get(number=7)])
    sign_in(page, "heikki.kemppainen")
    page.goto("/monitoring/areas/7/2022-03/")
    assert "laskettu" in page.locator("#month-state").inner_text()
    assert page.get_by_role("button", name="Merkitse tarkastetuksi").count() == 0
    page.locator("#lang-select").select_option("sv")
    page.locator("form.lang-switch button").click()
    page.wait_for_load_state()
    assert "beräknad" in page.locator("#month-state").inner_text()
    assert "ingen källa ännu" in page.locator("#indicators").inner_text()
    check_accessibility(page)
