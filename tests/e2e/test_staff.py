"""Area managers manage their own area's staff (R-X-1); others cannot reach those pages by URL."""

import pytest

from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_the_kainuu_manager_adds_a_case_worker_for_kuhmo(page):
    sign_in(page, "juha.heikkinen")
    page.get_by_role("navigation").get_by_role("link", name="Henkilöstö").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Kokeilualueen 7 Kainuu henkilöstö"
    assert "Ville Hyvönen" in page.locator("table").first.inner_text()
    check_accessibility(page)

    page.get_by_label("Etunimi").fill("Outi")
    page.get_by_label("Sukunimi").fill("Kemppainen")
    page.get_by_label("Käyttäjätunnus").fill("outi.kemppainen")
    page.get_by_label("Sähköposti").fill("outi.kemppainen@kuhmo.example")
    page.get_by_label("Käyttöliittymän kieli").select_option("fi")
    page.get_by_label("Ensimmäinen salasana").fill("short")
    page.get_by_label("Rooli").select_option("case_worker")
    page.get_by_label("Alue").select_option("290")
    page.get_by_role("button", name="Lisää työntekijä").click()
    page.wait_for_load_state()
    assert "Ensimmäinen salasana" in page.get_by_role("alert").inner_text()  # too short: nothing saved
    check_accessibility(page)

    page.get_by_label("Ensimmäinen salasana").fill("Kuhmo-palvelee-2022")
    page.get_by_role("button", name="Lisää työntekijä").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Outi Kemppainen"
    assert "Työllisyyspalvelujen asiantuntija – Kuhmo" in page.locator("table").inner_text()
    check_accessibility(page)


def test_a_helsinki_case_worker_cannot_open_admin_or_staff_pages(page):
    sign_in(page, "aino.virtanen")
    assert page.get_by_role("navigation").get_by_role("link", name="Henkilöstö").count() == 0
    for url, status, heading in (
        ("/staff/", 403, "Ei käyttöoikeutta"),
        ("/staff/areas/7/", 404, "Sivua ei löytynyt"),  # R-X-2: an area's page as for a missing one
        ("/staff/areas/20/", 404, "Sivua ei löytynyt"),
    ):
        response = page.goto(url)
        assert response.status == status, url
        assert page.get_by_role("heading", level=1).inner_text() == heading
    check_accessibility(page)
    page.goto("/admin/")
    assert "/admin/login/" in page.url  # the administration site does not open


def test_anonymous_users_reach_only_public_pages(page):
    for url in ("/", "/trial-areas/", "/trial-areas/7/", "/municipalities/090/"):
        assert page.goto(url).status == 200, url
        check_accessibility(page)
    page.goto("/staff/areas/7/")
    assert "/sign-in/" in page.url
