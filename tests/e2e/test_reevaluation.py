"""Issue 14 in the browser (R-TG-2, R-TG-4, R-X-7): the Uusimaa TE official sees the 1.3.2023
re-evaluation on the worklist, with the amendment and the project's reading, and keeps the Raasepori job
seeker with the TE office for her language rights (L1269 s. 5 mom 3, mom 5 after L671/2022)."""

import pytest

from kuntakokeilu.customers import reevaluation
from kuntakokeilu.customers.models import DueTransfer
from tests.customers.helpers import load
from tests.customers.test_reevaluation import L149_DAY, RAASEPORI, RAASEPORI_ROW, UKRAINIAN_ROW
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


@pytest.fixture
def listed(site, settings):
    settings.KUNTAKOKEILU_TODAY = "2023-03-02"
    load(UKRAINIAN_ROW, RAASEPORI_ROW | {"valid_from": "2023-02-27", "job_search_start": "2023-02-27"})
    reevaluation.reevaluate(L149_DAY)
    return site


def test_the_te_office_sees_the_reevaluation_and_keeps_a_person(page, listed):
    sign_in(page, "sanna.makinen")
    page.get_by_role("navigation").get_by_role("link", name="Siirrettävät asiakkaat").click()
    page.wait_for_load_state()
    rows = page.locator("table.due-transfers tbody tr")
    widened = rows.filter(has_text="Kovalenko, Olena")
    text = widened.inner_text()
    assert "laki laajensi kohderyhmää (laki 149/2023)" in text and "8.3.2023" in text
    assert "tämän järjestelmän tulkinta" in text
    check_accessibility(page)

    kept = rows.filter(has_text="Lindholm, Emma")
    kept.locator("summary").click()
    kept.get_by_label("kielellisten oikeuksien turvaamiseksi").check()
    kept.get_by_role("button", name="Jätä TE-toimiston asiakkaaksi").click()
    page.wait_for_load_state()
    assert "Emma Lindholm pysyy TE-toimiston asiakkaana" in page.get_by_role("status").inner_text()
    done = page.locator("section").filter(has_text="Tehty viimeisten 30 päivän aikana")
    assert "Jätetty TE-toimiston asiakkaaksi: kielellisten oikeuksien turvaamiseksi" in done.inner_text()
    check_accessibility(page)
    assert DueTransfer.objects.get(person__henkilotunnus=RAASEPORI).keep_reason == "linguistic_rights"
