"""The Kainuu area manager follows the area's customers over time (issue 6): from the navigation and
from the trial-area page to the monthly table and chart, small counts hidden (R-X-1, R-X-7)."""

import datetime as dt

import pytest

from tests.customers.helpers import START, bulk_customers

from .conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_area_manager_sees_the_customer_counts_of_kainuu(page, settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2021, 7, 15)
    bulk_customers("205", [(START, None)] * 8, first_number=100)  # Kajaani
    bulk_customers("765", [(START, None)] * 3, first_number=300)  # Sotkamo: a small count
    sign_in(page, "juha.heikkinen")

    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Asiakasmäärät").click()
    page.wait_for_load_state()
    assert page.url.endswith("/transfers/areas/7/counts/")
    assert page.get_by_role("heading", level=1).inner_text() == "Asiakkaat kuukausittain: Kainuu"
    assert page.get_by_role("img", name="Asiakkaat yhteensä kunkin kuukauden lopussa").is_visible()
    table = page.get_by_role("table")
    march = table.locator("tbody tr").nth(0)
    assert march.locator("th").inner_text() == "31.3.2021"
    assert "8" in march.inner_text() and "<5" in march.inner_text() and "11" in march.inner_text()
    assert table.locator("tbody tr").count() == 4  # 3/2021–6/2021
    check_accessibility(page)

    page.goto("/trial-areas/7/")
    page.get_by_role("link", name="Asiakkaat kuukausittain").click()
    page.wait_for_load_state()
    assert page.url.endswith("/transfers/areas/7/counts/")
