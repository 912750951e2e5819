"""Issue 14's browser story, end to end (R-TG-2, R-TG-4, R-TG-5, R-X-1): the command
`reevaluate_target_group` lists the Ukrainian job seeker with temporary protection living in Helsinki
(registered 1.4.2022) on 1.3.2023; the Uusimaa TE official keeps her with the TE office for another
justified reason; the Helsinki case worker's search then says, in Finnish, that she is the TE office's
customer and why — with nothing to open — while a person outside Helsinki stays the same not-found."""

import pytest
from django.core.management import call_command

from tests.customers.helpers import load
from tests.customers.test_reevaluation import RAASEPORI_ROW, UKRAINIAN_ROW
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

REASON = "Asiakkuus jatkuu TE-toimiston kotoutumiskoulutuksessa."
NOT_FOUND = "Haku kattoi työnhakijat, joiden tietoja saat nähdä: alueesi kokeilun asiakkaat"


@pytest.fixture
def listed(site, settings):
    settings.KUNTAKOKEILU_TODAY = "2023-03-02"
    load(UKRAINIAN_ROW, RAASEPORI_ROW)
    call_command("reevaluate_target_group", "--on", "2023-03-01", "--now")
    return site


def _search(page, text):
    page.get_by_role("navigation").get_by_role("link", name="Työnhakijat").click()
    page.wait_for_load_state()
    page.get_by_label("Nimi tai henkilötunnus").fill(text)
    page.get_by_role("button", name="Hae").click()
    page.wait_for_load_state()
    return page.locator("main")


def test_the_kept_ukrainian_is_the_te_offices_in_the_helsinki_search(browser, page, listed):
    helsinki = browser.new_context(locale="fi-FI", base_url=listed.url)
    try:
        worker = helsinki.new_page()
        sign_in(worker, "aino.virtanen")
        # listed, not yet kept: nothing said (the TE office's worklist holds her)
        assert NOT_FOUND in _search(worker, "Kovalenko").inner_text()

        sign_in(page, "sanna.makinen")
        page.get_by_role("navigation").get_by_role("link", name="Siirrettävät asiakkaat").click()
        page.wait_for_load_state()
        row = page.locator("table.due-transfers tbody tr").filter(has_text="Kovalenko, Olena")
        assert "laki laajensi kohderyhmää (laki 149/2023)" in row.inner_text()
        row.locator("summary").click()
        row.get_by_role("radio", name="muu perusteltu syy").check()
        row.get_by_role("textbox", name="Perustelu (pakollinen, jos syy on muu perusteltu syy)").fill(REASON)
        row.get_by_role("button", name="Jätä TE-toimiston asiakkaaksi").click()
        page.wait_for_load_state()
        assert "Olena Kovalenko pysyy TE-toimiston asiakkaana" in page.get_by_role("status").inner_text()

        main = _search(worker, "Kovalenko")
        text = main.inner_text()
        assert "Olena Kovalenko on TE-toimiston asiakas." in text
        assert f"TE-toimisto jätti hänet asiakkaakseen: muu perusteltu syy. {REASON}" in text
        assert "Heidän tietonsa eivät ole avoinna sinulle." in text
        assert main.locator("ul.te-office-customers a").count() == 0  # nothing to open
        check_accessibility(worker)

        text = _search(worker, "Lindholm").inner_text()  # Raasepori: outside Helsinki
        assert NOT_FOUND in text and "TE-toimiston asiakas" not in text and "Lindholm" not in text
        check_accessibility(worker)
    finally:
        helsinki.close()
