"""The generated action catalogue for admins (R-X-1): every action with the roles that may take it, in
the user's language; other roles are refused."""

import pytest

from kuntakokeilu.access.actions import CATALOGUE
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_the_admin_reads_the_catalogue_from_the_home_page(page):
    sign_in(page, "admin")
    page.get_by_role("navigation").get_by_role("link", name="Toimintoluettelo").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Toimintoluettelo"
    table = page.locator("table")
    assert table.locator("tbody tr").count() == len(CATALOGUE)
    row = table.locator("tr", has=page.locator("code", has_text="customers.decide_request"))
    assert "TE-toimiston virkailija" in row.inner_text()
    assert "oman alueensa osalta" in row.inner_text()
    public = table.locator("tr", has=page.locator("code", has_text="regions.view_reference"))
    assert "kaikki, myös kirjautumatta" in public.inner_text()
    check_accessibility(page)


def test_a_case_worker_is_refused_the_catalogue(page):
    sign_in(page, "aino.virtanen")
    response = page.goto("/access/catalogue/")
    assert response.status == 403
    assert page.get_by_role("navigation").get_by_role("link", name="Toimintoluettelo").count() == 0
