"""Job seekers in the browser (R-TG-1, R-X-1, R-X-2): a Helsinki case worker finds and opens a Helsinki
person, cannot open a Porvoo person by URL or API, and the admin's access-request page lists every view."""

import datetime as dt

import pytest

from kuntakokeilu.customers.demo import demo_csv
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import Person
from kuntakokeilu.customers.transfers import initial
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

WARSAME = make_henkilotunnus(dt.date(1985, 9, 2), 902)  # demo: Helsinki, Somali mother tongue
NYSTROM = make_henkilotunnus(dt.date(1988, 4, 19), 908)  # demo: Porvoo


@pytest.fixture
def job_seekers(site, settings):
    settings.KUNTAKOKEILU_TODAY = "2022-01-10"
    import_job_seekers(demo_csv(), source="demo")
    initial(dt.date(2021, 3, 1))  # municipal staff see their customers (R-X-1): Warsame is Helsinki's
    return site


def test_a_helsinki_case_worker_finds_and_opens_a_helsinki_person(page, job_seekers):
    sign_in(page, "aino.virtanen")
    page.get_by_role("navigation").get_by_role("link", name="Työnhakijat").click()
    page.wait_for_load_state()
    check_accessibility(page)
    page.get_by_label("Nimi tai henkilötunnus").fill("Warsame")
    page.get_by_role("button", name="Hae").click()
    page.wait_for_load_state()
    assert "/job-seekers/" in page.url and WARSAME not in page.url
    check_accessibility(page)
    page.get_by_role("link", name="Warsame, Hodan").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Hodan Warsame"
    assert WARSAME not in page.url
    assert "kuuluu kokeilun kohderyhmään" in page.locator(".verdict").inner_text()
    assert "työtön" in page.locator("table.fact-history").filter(has_text="Työmarkkina-asema").inner_text()
    check_accessibility(page)

    page.get_by_role("textbox", name="Päivämäärä:").fill("2020-06-01")
    page.get_by_role("button", name="Näytä").click()
    page.wait_for_load_state()
    assert "Rekisterissä ei ole työmarkkina-asemaa" in page.locator("main").inner_text()
    check_accessibility(page)

    page.get_by_role("link", name="Korjaa").first.click()
    page.wait_for_load_state()
    check_accessibility(page)
    page.get_by_role("button", name="Tallenna korjaus").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").count() == 1  # no reason, no change: nothing saved
    check_accessibility(page)

    # Issue 14 item 5: the day the change was reported; a day after today is refused and nothing is saved.
    page.get_by_label("Ilmoitettu TE-toimistolle (tyhjä: tänään)").fill("2022-01-11")
    page.get_by_label("Korjauksen syy").fill("Ilmoitettu myöhässä")
    page.get_by_role("button", name="Tallenna korjaus").click()
    page.wait_for_load_state()
    assert "Ilmoituspäivä ei voi olla tulevaisuudessa." in page.locator("main").inner_text()
    check_accessibility(page)


def test_a_porvoo_person_does_not_open_by_url_or_api(page, job_seekers):
    nystrom = Person.objects.get(henkilotunnus=NYSTROM)
    sign_in(page, "aino.virtanen")
    response = page.goto(f"/job-seekers/{nystrom.pk}/")
    assert response.status == 404  # R-X-2: as for a person who does not exist
    assert page.get_by_role("heading", level=1).inner_text() == "Sivua ei löytynyt"
    check_accessibility(page)
    api = page.request.get(f"/api/v1/persons/{nystrom.pk}/")
    assert api.status == 404 and api.json()["error"]["code"] == "person_not_found"
    page.goto("/job-seekers/")
    page.get_by_label("Nimi tai henkilötunnus").fill("Nyström")
    page.get_by_role("button", name="Hae").click()
    page.wait_for_load_state()
    assert "Kukaan heistä ei vastannut hakua" in page.locator("main").inner_text()
    check_accessibility(page)


def test_every_opened_page_is_in_the_access_log(browser, page, job_seekers):
    warsame = Person.objects.get(henkilotunnus=WARSAME)
    sign_in(page, "aino.virtanen")
    page.goto(f"/job-seekers/{warsame.pk}/")
    page.goto(f"/job-seekers/{warsame.pk}/?on=2023-01-02")
    check_accessibility(page)

    admin_context = browser.new_context(locale="fi-FI", base_url=job_seekers.url)
    try:
        _the_admin_sees_the_views(admin_context.new_page())
    finally:
        admin_context.close()


def _the_admin_sees_the_views(admin):
    sign_in(admin, "admin")
    admin.get_by_role("navigation").get_by_role("link", name="Tarkastuspyynnöt").click()
    admin.wait_for_load_state()
    check_accessibility(admin)
    admin.get_by_label("Henkilötunnus").fill(WARSAME)
    admin.get_by_role("button", name="Näytä").click()
    admin.wait_for_load_state()
    log = admin.locator("table").filter(has_text="Ketkä ovat katsoneet tietoja").inner_text()
    assert log.count("aino.virtanen") == 2 and log.count("customers:person") == 2
    assert "Hodan Warsame" in admin.get_by_role("heading", level=2).inner_text()
    assert WARSAME not in admin.url
    check_accessibility(admin)

    admin.get_by_role("navigation").get_by_role("link", name="Käyttöloki").click()
    admin.wait_for_load_state()
    admin.get_by_label("Henkilötunnus").fill("020985-902X")  # a typing error
    admin.get_by_role("button", name="Hae").click()
    admin.wait_for_load_state()
    assert "Henkilötunnus" in admin.get_by_role("alert").inner_text()  # nothing searched, nothing logged
    assert admin.locator("table").count() == 0
    check_accessibility(admin)


def test_the_admin_imports_a_file_and_sees_every_error(page, job_seekers):
    """R-X-3: a bad file lists line, field and reason and stores nothing; a re-import changes nothing."""
    sign_in(page, "admin")
    page.get_by_role("navigation").get_by_role("link", name="Tuo työnhakijoita").click()
    page.wait_for_load_state()
    check_accessibility(page)
    bad = demo_csv().replace(b",so,", b",somali,")
    page.get_by_label("Työnhakijoiden CSV-tiedosto").set_input_files(
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    page.get_by_role("button", name="Tuo", exact=True).click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").inner_text()
    assert (
        "Mitään ei tuotu: 1 virhe." in alert and "mother_tongue" in alert and "Tuntematon äidinkieli" in alert
    )
    check_accessibility(page)
    page.get_by_label("Työnhakijoiden CSV-tiedosto").set_input_files(
        files=[{"name": "demo.csv", "mimeType": "text/csv", "buffer": demo_csv()}]
    )
    page.get_by_role("button", name="Tuo", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text() == "Ei muutoksia: jokainen rivi oli jo rekisterissä."
    check_accessibility(page)
