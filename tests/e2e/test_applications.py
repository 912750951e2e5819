"""The application round in the browser (R-APP-2, R-APP-3, R-APP-5): the Loviisa applicant applies in
Swedish in the demo's open round, sees the missing items, submits and reads the screening; the ministry
ticks the application in the selection view, sees the shares change without a reload and records the
decision. Every page passes the accessibility check (R-X-7)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from kuntakokeilu.applications.demo import DEMO_ROUND, ensure_open_round
from kuntakokeilu.applications.models import Application
from kuntakokeilu.applications.rounds import load_rounds
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2026, 11, 28)


def test_apply_in_swedish_then_select_and_decide(page, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY
    load_rounds()
    ensure_open_round(TODAY)

    sign_in(page, "pekka.nieminen")
    assert page.locator("html").get_attribute("lang") == "fi"
    page.locator("#lang-select").select_option("sv")
    page.locator("form.lang-switch button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"

    page.get_by_role("navigation").get_by_role("link", name="Ansökningar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ansökningar till försöket")
    check_accessibility(page)
    page.get_by_role("link", name="Ny ansökan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ny ansökan")
    check_accessibility(page)

    page.locator("#id_name").fill("Lovisa sysselsättningsförsök")
    page.locator("#id_municipalities").select_option(["434"])
    page.locator("#id_premises").fill("   ")  # blank is missing
    page.get_by_role("button", name="Lämna in ansökan").click()
    page.wait_for_load_state()
    missing = page.locator("#missing-items")
    expect(missing).to_contain_text("Punkter som saknas")
    for item in ("den effektiviserade servicemodellen", "datum för förhandlingarna med TE-byrån", "lokaler"):
        expect(missing).to_contain_text(item)
    check_accessibility(page)

    page.locator("#id_own_resourcing_eur").fill("250000")
    page.locator("#id_own_resourcing_person_years").fill("3.5")
    page.locator("#id_service_model").fill("Snabb kontakt och individuell bedömning av servicebehovet.")
    page.locator("#id_cooperation_structure").fill(
        "Lovisa, NTM-centralen i Nyland, TE-byrån och läroanstalterna."
    )
    page.locator("#id_negotiated_with_ely_on").fill("2026-11-20")
    page.locator("#id_negotiated_with_te_office_on").fill("2026-11-21")
    page.locator("#id_premises").fill("Servicepunkt i stadshuset.")
    page.locator("#id_justification").fill("Tvåspråkig kommun; försöket behöver service på svenska.")
    page.get_by_role("button", name="Lämna in ansökan").click()
    page.wait_for_load_state()
    expect(page.locator("#application-status")).to_have_text("inlämnad")
    screening = page.locator("table.screening")
    expect(screening).to_contain_text("Förhandsgranskning mot villkoren")
    expect(screening).to_contain_text("Sammanlagt invånarantal")
    expect(screening.locator("tr[data-check='single_ely_area']")).to_contain_text("NTM-centralen i Nyland")
    check_accessibility(page)
    application = Application.objects.get(name="Lovisa sysselsättningsförsök")

    page.locator("form.sign-out button").click()
    sign_in(page, "elina.laine")
    page.goto(f"/applications/rounds/{DEMO_ROUND}/selection/")
    check_accessibility(page)
    share = page.locator("#selection-summary tr[data-ely='01'] .share")
    before = share.inner_text()
    expect(page.locator("#bilingual-count")).to_have_text("0")
    page.locator(f"#tick-{application.pk}").check()
    expect(share).not_to_have_text(before)
    expect(page.locator("#bilingual-count")).to_have_text("1")
    expect(page.locator("#selection-summary tr[data-size-class='0'] .count")).to_have_text("1")
    check_accessibility(page)

    page.locator("#id_decided_on").fill("2026-12-15")
    page.locator("#id_decision_maker").fill("Työministeri")
    page.locator("#id_grounds").fill("Kaksikielinen kunta; ehdot täyttyvät perustellusti.")
    page.get_by_role("button", name="Kirjaa päätös").click()
    page.wait_for_load_state()
    letters = page.locator(".letters")
    expect(letters).to_contain_text("Päätös kokeilualueiden valinnasta")
    expect(letters).to_contain_text("Beslut om val av försöksområden")
    expect(letters).to_contain_text("Nytt försöksområde 26")
    check_accessibility(page)
