"""Each role's home page shows its scope today and the trial areas in it (R-X-1), in the user's
language with the glossary's terms (R-X-8), and passes the accessibility check (R-X-7)."""

import datetime as dt

import pytest

from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

# username: (the scope heading, trial areas listed, a link only this role has or None)
HOMES = {
    "aino.virtanen": ("Työllisyyspalvelujen asiantuntija: Helsinki (091)", ["20 Helsinki"], None),
    "mikko.korhonen": ("Hyväksyjä: Helsinki (091)", ["20 Helsinki"], None),
    "juha.heikkinen": ("Kokeilualueen vastuuhenkilö: kokeilualue 7 Kainuu", ["7 Kainuu"], "Henkilöstö"),
    "sanna.makinen": (
        "TE-toimiston virkailija: Uudenmaan TE-toimisto",
        ["19 Espoo", "20 Helsinki", "21 Vantaa–Kerava", "22 Porvoo", "23 Hanko–Raasepori"],
        None,
    ),
    "kaisa.jarvinen": (
        "ELY-keskuksen virkailija: Uudenmaan ELY-keskus",
        ["19 Espoo", "23 Hanko–Raasepori"],
        None,
    ),
    "pekka.nieminen": ("Hakija (kunta): Loviisa (434)", [], None),
    "elina.laine": ("Ministeriön virkailija: koko maa", ["1 Seinäjoki–Ilmajoki", "25 Turku–Laitila"], None),
    "tuomas.koskinen": ("Tutkija: koko maa", ["11 Pirkanmaa"], None),
    "admin": ("Pääkäyttäjä: koko maa", ["7 Kainuu"], "Ylläpito"),
}


@pytest.mark.parametrize("username", sorted(HOMES))
def test_home_page_of_each_role(page, settings, username):
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)
    heading, areas, own_link = HOMES[username]
    sign_in(page, username)
    assert page.locator("html").get_attribute("lang") == "fi"
    assert "Roolisi 1.9.2022." in page.locator(".lead").inner_text()
    assert " ".join(page.locator("main h2").first.inner_text().split()) == heading
    scope = page.locator("section.scope").first.inner_text()
    for area in areas:
        assert area in scope
    if own_link:
        assert page.get_by_role("navigation").get_by_role("link", name=own_link).count() == 1
    if username == "pekka.nieminen":  # Loviisa is in no trial area: shown with its ELY area
        assert "Loviisa" in scope and "Uudenmaan ELY-keskus" in scope and "Kokeilualue" not in scope
    check_accessibility(page)


def test_the_porvoo_case_worker_works_in_swedish(page):
    sign_in(page, "linnea.lindqvist")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Välkommen, Linnea Lindqvist"
    heading = " ".join(page.locator("main h2").first.inner_text().split())
    assert heading == "Sakkunnig inom sysselsättningstjänster: Borgå (638)"
    scope = page.locator("section.scope").first.inner_text()
    assert "22 Borgå" in scope and "NTM-centralen i Nyland" in scope and "Försöksområde" in scope
    check_accessibility(page)
    page.get_by_role("link", name="22 Borgå").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Försöksområde 22: Borgå"
    assert "Tvåspråkig, majoritetsspråket finska".lower() in page.locator("tbody").inner_text().lower()
    check_accessibility(page)


def test_a_signed_in_language_choice_is_kept_for_the_next_sign_in(page):
    sign_in(page, "linnea.lindqvist")
    page.get_by_label("Språk").select_option("fi")
    page.get_by_role("button", name="Byt").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Tervetuloa, Linnea Lindqvist"
    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.context.clear_cookies()
    sign_in(page, "linnea.lindqvist")
    assert page.locator("html").get_attribute("lang") == "fi"
