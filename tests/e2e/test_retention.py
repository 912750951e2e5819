"""The admin's page of retention runs (issue 20 item 3, R-X-4): the period shown as the controller's choice,
a dry run and a real run started from the page go on the job queue and are listed with their counts; the
anonymised job seeker's page is then a missing one for the TE office that saw her. In Finnish and Swedish,
with the accessibility check (R-X-7)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from kuntakokeilu.customers import demo as customers_demo
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import Person
from tests.e2e.conftest import check_accessibility, sign_in
from tests.retention.conftest import OONA_HETU

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2023, 6, 1)


def test_the_admin_runs_retention_and_the_person_is_gone(page, settings, browser, site):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    import_job_seekers(customers_demo.demo_csv(TODAY), source="e2e")
    list(customers_demo.ended_customership_demo(TODAY))
    oona = Person.objects.get(henkilotunnus=OONA_HETU)

    sign_in(page, "admin")
    page.get_by_role("navigation").get_by_role("link", name="Säilytysajot").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Säilytysajot")
    expect(page.locator("#period")).to_have_text("60 kuukautta viimeisen asiakkuuden päättymisestä")
    expect(page.locator("#controller-choice")).to_contain_text("rekisterinpitäjä")
    runs = page.get_by_role("table", name="Ajot, uusin ensin")
    expect(runs).to_contain_text("Säilytysajoja ei ole vielä tehty.")
    check_accessibility(page)

    page.get_by_label("Ajopäivä").fill("1.6.2028")
    expect(page.get_by_label("Koeajo: vain lasketaan, mitään ei muuteta")).to_be_checked()
    page.get_by_role("button", name="Käynnistä ajo").click()
    first = runs.locator("tbody tr").first
    expect(first).to_contain_text("1.6.2028 (koeajo)")
    expect(first.locator("td.status")).to_have_text("valmis")
    expect(first.locator("td.num").nth(2)).to_have_text("1")  # due
    expect(first.locator("td.num").nth(3)).to_have_text("0")  # anonymised: a dry run changes nothing
    assert Person.objects.get(pk=oona.pk).anonymised_at is None

    page.get_by_label("Ajopäivä").fill("1.6.2028")
    page.get_by_label("Koeajo: vain lasketaan, mitään ei muuteta").uncheck()
    page.get_by_role("button", name="Käynnistä ajo").click()
    expect(runs.locator("tbody tr")).to_have_count(2)
    first = runs.locator("tbody tr").first
    expect(first.locator("th")).to_have_text("1.6.2028")
    expect(first.locator("td.num").nth(3)).to_have_text("1")  # anonymised
    assert Person.objects.get(pk=oona.pk).anonymised_at is not None

    page.get_by_label("Ajopäivä").fill("31.2.2028")  # a bad date: a localised message, nothing queued
    page.get_by_role("button", name="Käynnistä ajo").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(runs.locator("tbody tr")).to_have_count(2)
    check_accessibility(page)

    page.locator("#lang-select").select_option("sv")
    page.locator("form.lang-switch button").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bevarandekörningar")
    expect(page.get_by_role("table", name="Körningar, den senaste först")).to_contain_text("provkörning")
    check_accessibility(page)

    # the TE office of her place, who saw her page before, now finds a missing page
    other = browser.new_context(locale="fi-FI", base_url=site.url).new_page()
    sign_in(other, "sanna.makinen")
    response = other.goto(f"/job-seekers/{oona.pk}/")
    assert response is not None and response.status == 404
