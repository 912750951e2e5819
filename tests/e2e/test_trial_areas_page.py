"""A ministry official opens Kuntakokeilu and sees the trial areas of the Act, in Finnish or Swedish
(R-REF-1, R-REF-2, R-X-8)."""

import datetime as dt

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_official_reads_the_trial_areas_and_switches_to_swedish(page, settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)  # the injected clock, seen by the live server too
    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("heading", level=1).inner_text() == "Kokeilualueet"
    lead = page.locator(".lead").inner_text()
    assert "Tilanne 1.9.2022" in lead
    assert (
        "Kokeilukausi 1.3.2021–31.12.2024 (L1269 23 § 1 mom. "
        "sellaisena kuin se on muutettuna lailla L287/2022)" in lead
    )
    rows = page.locator("tbody tr")
    assert rows.count() == 25
    first = rows.nth(0)
    assert first.locator("th").inner_text() == "Seinäjoki–Ilmajoki"
    assert "Seinäjoki, Ilmajoki" in first.inner_text()
    assert "Etelä-Pohjanmaan ELY-keskus" in first.inner_text()
    assert "Asukasluku 31.12.2021" in page.locator("thead").inner_text()

    page.get_by_label("Kieli").select_option("sv")
    page.get_by_role("button", name="Vaihda").click()
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Försöksområden"
    assert page.locator("tbody tr").nth(0).locator("th").inner_text() == "Seinäjoki–Ilmola"
    helsinki = page.locator("tbody tr", has_text="Helsingfors")
    assert "NTM-centralen i Nyland" in helsinki.inner_text()

    page.reload()  # the choice of language persists
    assert page.get_by_role("heading", level=1).inner_text() == "Försöksområden"
