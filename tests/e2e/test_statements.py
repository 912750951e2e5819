"""Reminders, notices to the TE office and labour-policy statements in the browser (R-SP-8, R-X-7; issue
17 item 5, the first half of the Done-when scenario), in Finnish on 20.10.2022 (injected clock): Hodan
Warsame misses a job-search discussion → the written reminder (first failure); a second within 12 months →
a notice to the TE office with the ladder's 7 days and "without delay" on the worklist; a work trial
interrupted → the municipality's own statement to Kela due in 7 days; a statement asked outside the
municipality's competence → the localised error and nothing saved. One step in Swedish (Porvoo)."""

import datetime as dt

import pytest

from kuntakokeilu.statements.models import BenefitEvent, Statement
from tests.e2e.conftest import check_accessibility, porvoo_customer_since_the_start, sign_in
from tests.e2e.test_issue17_scenario import FI as FI_SERVICES
from tests.e2e.test_issue17_scenario import plan_with_a_work_trial, work_trial_interrupted
from tests.e2e.test_job_search_obligation import warsame_after_her_discussion

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = "2022-10-20"


def no_show(page, person, day: str, labels: dict):
    page.goto(f"/job-seekers/{person.pk}/service/")
    page.locator("select[name=type]").select_option("job_search_discussion")
    page.locator("input[name=date]").fill(day)
    page.locator("select[name=channel]").select_option("phone")
    page.locator("input[name=no_show]").check()
    page.get_by_role("button", name=labels["button"]).click()
    page.wait_for_load_state()


FI = {"button": "Tallenna tapaaminen"}
SV = {"button": "Spara mötet"}


def test_reminder_notice_and_statement_in_finnish(page, site, settings):
    person = warsame_after_her_discussion(settings)
    version = plan_with_a_work_trial(person, "aino.virtanen", dt.date(2022, 9, 1), "Työkokeilu kirjastossa.")
    settings.KUNTAKOKEILU_TODAY = TODAY
    sign_in(page, "aino.virtanen")

    no_show(page, person, "2022-09-05", FI)
    page.get_by_role("link", name="Etuuteen vaikuttavat tapahtumat, lausunnot ja ilmoitukset").click()
    page.wait_for_load_state()
    first = page.locator("tr[data-handling='reminder']")
    assert "Poisjäänti haastattelusta tai työnhakukeskustelusta" in first.inner_text()
    assert "kirjallinen muistutus" in first.locator("td.ladder").inner_text()
    check_accessibility(page)
    first.get_by_role("link", name="Kirjallinen muistutus").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Kirjallinen muistutus"
    assert "Hodan Warsame" in page.locator("article").inner_text()
    check_accessibility(page)

    no_show(page, person, "2022-10-03", FI)
    page.goto(f"/job-seekers/{person.pk}/service/statements/")
    second = page.locator("tr[data-handling='notice']")
    assert "Ilmoitus TE-toimistolle" in second.inner_text() and "viipymättä" in second.inner_text()
    assert "7 päivän korvaukseton määräaika" in second.locator("td.ladder").inner_text()
    page.get_by_role("link", name="Lausunnot ja ilmoitukset").first.click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Ilmoitukset TE-toimistolle").click()
    page.wait_for_load_state()
    worklist = page.locator("table[data-worklist]").inner_text()
    assert "Warsame" in worklist and "viipymättä" in worklist
    check_accessibility(page)

    # a work trial agreed in the plan, referred, started and interrupted on the services page
    page.goto(f"/job-seekers/{person.pk}/service/services/")
    work_trial_interrupted(
        page, version, FI_SERVICES, referred="2022-10-05", started="2022-10-10", interrupted="2022-10-18"
    )
    interrupted = BenefitEvent.objects.get(kind="service_interrupted")
    page.goto(f"/job-seekers/{person.pk}/service/statements/")
    statement = page.locator(f"tr[data-event='{interrupted.pk}'][data-handling='statement']")
    assert "Työvoimapoliittinen lausunto" in statement.inner_text()
    assert "Kela" in statement.inner_text() and "määräaika 25.10.2022" in statement.inner_text()
    check_accessibility(page)
    statements = Statement.objects.count()

    # bad input: a statement on the missed discussion (TTL 2 a: the TE office's) is refused
    page.locator("tr[data-handling='notice']").get_by_role("button", name="Anna lausunto").click()
    page.wait_for_load_state()
    assert "kokeilukunta ei anna lausuntoa" in page.locator(".error-summary").inner_text()
    assert Statement.objects.count() == statements
    check_accessibility(page)


def test_a_no_show_gives_a_written_reminder_in_swedish(page, site, settings):
    person = porvoo_customer_since_the_start(settings, TODAY)
    sign_in(page, "linnea.lindqvist")
    page.goto(f"/job-seekers/{person.pk}/service/")
    no_show(page, person, "2022-10-03", SV)
    assert BenefitEvent.objects.get(person=person).date == dt.date(2022, 10, 3)
    page.get_by_role("link", name="Händelser som påverkar förmånen, utlåtanden och meddelanden").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Skriftlig påminnelse").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Skriftlig påminnelse"
    assert "Johan Nyström" in page.locator("article").inner_text()
    check_accessibility(page)
