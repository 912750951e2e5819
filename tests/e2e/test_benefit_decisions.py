"""Benefit decisions in the browser (issue 18 item 2, R-BEN-1, R-X-7), on 15.9.2023 (injected clock; the
wage subsidy of 371/2023): a Kajaani case worker prepares a wage-subsidy decision from the customer's service
page in Finnish (a percentage above the rule's maximum shows the localised error and saves nothing), the
Kainuu approver accepts it, and the PDF shows the grounds and the rectification instructions in Finnish; a
Porvoo decision prints in Swedish. The preparer cannot accept (also tested through the service and the API:
tests/decisions/test_services.py, tests/api/test_decisions_api.py)."""

import datetime as dt
from decimal import Decimal

import pytest

from kuntakokeilu.decisions.models import Decision, Status
from tests.decisions.factories import WAGE_FACTS
from tests.decisions.pdf import stored_text
from tests.e2e.conftest import check_accessibility, sign_in
from tests.funding.quotas import give_quotas

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = "2023-09-15"


def customers(settings):
    """The demo job seekers; Jari Kemppainen Kajaani's and Johan Nyström (service in Swedish) Porvoo's
    customer from the initial transfer of 1.3.2021."""
    from kuntakokeilu.customers import customerships
    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Ground, Person

    settings.KUNTAKOKEILU_TODAY = TODAY
    import_job_seekers(demo_csv(), source="e2e")
    give_quotas(10_000_000)  # accepting commits to the ledger (R-RES-2)
    found = {}
    for key, born, number, code in (
        ("jari", dt.date(1972, 8, 15), 910, "205"),
        ("johan", dt.date(1988, 4, 19), 908, "638"),
    ):
        person = Person.objects.get(henkilotunnus=make_henkilotunnus(born, number))
        customerships.start(
            person,
            on=dt.date(2021, 3, 1),
            ground=Ground.INITIAL_TRANSFER,
            outcome=None,
            responsible={"type": "municipality", "kunta_code": code},
        )
        found[key] = person
    return found


def test_a_kainuu_wage_subsidy_prepared_accepted_and_printed_in_finnish(page, site, settings, browser):
    jari = customers(settings)["jari"]
    sign_in(page, "ville.hyvonen")
    page.goto(f"/job-seekers/{jari.pk}/service/")
    page.get_by_role("link", name="Etuuspäätökset", exact=True).click()
    page.wait_for_load_state()
    check_accessibility(page)
    page.get_by_role("link", name="Valmistele päätös").click()
    page.get_by_role("link", name="Palkkatuki").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Valmistele päätös: palkkatuki"
    page.get_by_label("Työnantaja").select_option("company")
    page.get_by_label("Työttömyyskuukaudet viimeisten 14").fill("13")
    page.get_by_label("Työttömyyskuukaudet viimeisten 28").fill("20")
    page.get_by_label("Alentunut työkyky").select_option("false")
    page.get_by_label("Ikä").fill("51")
    page.get_by_label("Työsuhde alkanut ennen päätöstä").select_option("false")
    page.get_by_label("jakson alku").fill("2023-10-01")
    page.get_by_role("button", name="Tarkista sääntöjä vasten").click()
    page.wait_for_load_state()
    rules = page.locator("section[aria-labelledby=rules]").inner_text()
    assert "50 prosenttia" in rules
    assert page.get_by_label("prosenttiosuus").input_value() == "50"  # pre-filled from the rule's result
    assert page.get_by_label("jakson loppu").input_value() == "2024-07-31"
    check_accessibility(page)

    page.get_by_label("prosenttiosuus").fill("70")
    page.get_by_label("määrä (euroa)").fill("9000")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state()
    assert "enintään 50 prosenttia" in page.locator(".error-summary").inner_text()
    assert not Decision.objects.exists()
    check_accessibility(page)

    page.get_by_label("prosenttiosuus").fill("50")
    page.get_by_role("button", name="Tallenna luonnos").click()
    page.wait_for_load_state()
    decision = Decision.objects.get()
    assert page.locator("#status").inner_text() == "Luonnos"
    assert page.get_by_role("button", name="Hyväksy päätös").count() == 0  # not the preparer's to accept
    check_accessibility(page)

    approver = browser.new_context(locale="fi-FI", base_url=site.url).new_page()
    sign_in(approver, "antti.pulkkinen")
    approver.goto("/decisions/")
    check_accessibility(approver)
    approver.get_by_role("link", name=decision.diary_number).click()
    approver.wait_for_load_state()
    approver.get_by_role("button", name="Hyväksy päätös").click()
    approver.wait_for_load_state()
    assert approver.locator("#status").inner_text() == "Hyväksytty"
    letter = approver.locator("article.letter").inner_text()
    assert "Perustelut" in letter and "Oikaisuvaatimusohje" in letter
    assert "Tämänpäiväiset säännöt johtaisivat samoilla tiedoilla samaan ratkaisuun." in approver.content()
    check_accessibility(approver)
    pdf = approver.request.get(f"/decisions/{decision.pk}/letter.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = stored_text(pdf.body())
    assert "Päätös: palkkatuki" in text and "Perustelut" in text
    assert "Oikaisuvaatimusohje" in text and "oikaisua" in text and "Kajaani" in text
    decision.refresh_from_db()
    assert decision.status == Status.ACCEPTED and decision.approved_by.username == "antti.pulkkinen"


def test_a_porvoo_decision_prints_in_swedish(browser, site, settings):
    from django.contrib.auth import get_user_model

    from kuntakokeilu.decisions import services

    johan = customers(settings)["johan"]
    users = get_user_model().objects
    draft = services.prepare(
        johan,
        "wage-subsidy",
        {**WAGE_FACTS, "unemployed_months_last_14": 3},
        Decimal("6000"),
        50,
        dt.date(2023, 10, 1),
        dt.date(2024, 2, 29),
        users.get(username="linnea.lindqvist"),
        dt.date(2023, 9, 15),
    )
    page = browser.new_context(locale="sv-FI", base_url=site.url).new_page()
    sign_in(page, "ulrika.holmstrom")
    page.goto(f"/decisions/{draft.pk}/")
    page.get_by_role("button", name="Godkänn beslutet").click()
    page.wait_for_load_state()
    assert page.locator("#status").inner_text() == "Godkänt"
    check_accessibility(page)
    text = stored_text(page.request.get(f"/decisions/{draft.pk}/letter.pdf").body())
    assert "Beslut: lönesubvention" in text and "Motivering" in text
    assert "Anvisning om begäran om omprövning" in text and "Borgå" in text
