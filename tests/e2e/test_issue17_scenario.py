"""Issue 17's Done-when scenario in the browser, end to end (R-SP-5, R-SP-6, R-SP-7, R-SP-8; R-X-7).

"Browser scenario (Chromium, injected clock, autumn 2022, in Finnish; one step repeated in Swedish): a
customer misses a job-search discussion → no-show recorded → written reminder produced (first failure) → a
second missed discussion within 12 months → a notice to the TE office (sanctions of TTL ch. 2 a stayed with
the TE office: law notes §3.7) with the ladder step (7 days) shown and 'without delay' on the worklist; a
customer starts and then interrupts a work trial agreed in the plan → the municipality's own statement to
Kela (participation in a service, s. 12) due in 7 days; a job offer refused more than 6 months after the
initial interview shows that it counts, one refused earlier that it does not."

One Helsinki case worker (aino.virtanen) runs the whole story for Hodan Warsame, the clock moved forward
between the steps: her plan with a work trial (arranged through `plans.services`), the two no-shows, the
work trial referred (choosing that plan version), started and interrupted on the services page, and two
refused job offers. The interruption is repeated in Swedish by Porvoo's case worker for Johan Nyström.
"""

import datetime as dt
import re

import pytest

from kuntakokeilu.employers.models import JobOffer
from kuntakokeilu.referrals.models import Referral
from kuntakokeilu.statements.models import BenefitEvent, Reminder, Statement, TeOfficeNotice
from tests.e2e.conftest import check_accessibility, porvoo_customer_since_the_start, sign_in
from tests.e2e.test_job_search_obligation import warsame_after_her_discussion

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def plan_with_a_work_trial(person, username: str, agreed_on: dt.date, step: str):
    """An employment plan of `agreed_on` agreeing a work trial (made through the plans app's services)."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.plans.services import create_plan

    return create_plan(
        get_user_model().objects.get(username=username),
        person,
        "employment",
        today=agreed_on,
        agreed_on=agreed_on,
        goals=step,
        steps=[{"text": step, "due_on": agreed_on + dt.timedelta(days=60), "responsible": "job_seeker"}],
        services=[
            {"kind": "work_trial", "starts_on": dt.date(2022, 10, 10), "ends_on": dt.date(2022, 12, 30)}
        ],
    )


def initial_interview(person, on: dt.date):
    from kuntakokeilu.regions.models import Municipality
    from kuntakokeilu.service_process.models import Meeting

    Meeting.objects.create(
        person=person,
        type="initial_interview",
        date=on,
        channel="phone",
        municipality=Municipality.objects.get(code="091"),
    )


def go(page, settings, today: str, url: str):
    settings.KUNTAKOKEILU_TODAY = today
    page.goto(url)
    page.wait_for_load_state()


def submit(form, button: str):
    form.get_by_role("button", name=button).click()
    form.page.wait_for_load_state()


def no_show(page, day: str):
    page.locator("select[name=type]").select_option("job_search_discussion")
    page.locator("input[name=date]").fill(day)
    page.locator("select[name=channel]").select_option("phone")
    page.locator("input[name=no_show]").check()
    page.get_by_role("button", name="Tallenna tapaaminen").click()
    page.wait_for_load_state()


def work_trial_interrupted(page, version, labels: dict, *, referred: str, started: str, interrupted: str):
    """Refer to a work trial agreed in `version`, start it and interrupt it, on the services page."""
    refer = page.locator("form[aria-labelledby=refer]")
    refer.locator("select[name=kind]").select_option("work_trial")
    refer.get_by_label(labels["provider"]).fill(labels["provider_name"])
    refer.get_by_label(labels["referred"]).fill(referred)
    refer.locator("select[name=plan_version]").select_option(str(version.pk))
    submit(refer, labels["refer"])
    start = page.locator("form[data-event=start]")
    start.get_by_label(labels["started"]).fill(started)
    start.get_by_label(labels["planned_end"]).fill("2022-12-30")
    submit(start, labels["start"])
    assert labels["under_way"] in page.locator("#service-list td.state").inner_text()
    interrupt = page.locator("form[data-event=interrupt]")
    interrupt.get_by_label(labels["interrupted"]).fill(interrupted)
    interrupt.get_by_label(labels["reason"]).select_option("own_decision")
    submit(interrupt, labels["interrupt"])
    assert labels["interrupted_state"] in page.locator("#service-list td.state").inner_text()


FI = {
    "provider": "palvelun tuottaja",
    "provider_name": "Helsingin kaupunki, Kallion kirjasto",
    "referred": "ohjattu",
    "refer": "Ohjaa",
    "started": "alkoi",
    "planned_end": "suunniteltu päättyminen",
    "start": "Aloita palvelu",
    "under_way": "käynnissä",
    "interrupted": "keskeytyi",
    "reason": "keskeytyksen syy",
    "interrupt": "Keskeytä palvelu",
    "interrupted_state": "keskeytynyt",
}
SV = {
    "provider": "tjänsteproducent",
    "provider_name": "Borgå stad, stadsbiblioteket",
    "referred": "hänvisad",
    "refer": "Hänvisa",
    "started": "började",
    "planned_end": "planerat slut",
    "start": "Börja tjänsten",
    "under_way": "pågår",
    "interrupted": "avbröts",
    "reason": "orsak till avbrottet",
    "interrupt": "Avbryt tjänsten",
    "interrupted_state": "avbruten",
}


def label(page, text: str):
    """The field whose label is exactly `text` (with or without the form's colon)."""
    return page.get_by_label(re.compile("^" + re.escape(text) + ":?$"))


def offer_refused(page, job: str, *, offered_on: str, apply_by: str, refused_on: str, reason: str):
    page.get_by_label("työ (jos ei yllä oleva avoin työpaikka)").fill(job)
    label(page, "tarjottu").fill(offered_on)
    label(page, "haettava viimeistään").fill(apply_by)
    label(page, "tarjoaja").select_option("authority")
    page.get_by_role("button", name="Kirjaa työtarjous").click()
    page.wait_for_load_state()
    label(page, "tulos").select_option("refused")
    label(page, "tuloksen päivä").fill(refused_on)
    label(page, "kieltäytymisen ilmoitettu syy").fill(reason)
    page.get_by_role("button", name="Kirjaa tulos").click()
    page.wait_for_load_state()


def test_the_whole_scenario_in_finnish(page, site, settings):
    person = warsame_after_her_discussion(settings)
    initial_interview(person, dt.date(2022, 2, 1))
    version = plan_with_a_work_trial(
        person, "aino.virtanen", dt.date(2022, 9, 1), "Työkokeilu kirjastossa ja työnhaku."
    )
    statements_page = f"/job-seekers/{person.pk}/service/statements/"
    settings.KUNTAKOKEILU_TODAY = "2022-09-06"
    sign_in(page, "aino.virtanen")

    # 1. a missed job-search discussion → the written reminder (first failure)
    go(page, settings, "2022-09-06", f"/job-seekers/{person.pk}/service/")
    no_show(page, "2022-09-05")
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
    assert Reminder.objects.get().event.date == dt.date(2022, 9, 5)

    # 2. a second within 12 months → a notice to the TE office, 7 days on the ladder, "without delay"
    go(page, settings, "2022-10-04", f"/job-seekers/{person.pk}/service/")
    no_show(page, "2022-10-03")
    page.goto(statements_page)
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
    notice = TeOfficeNotice.objects.get()
    assert (notice.event.kind, notice.event.date) == ("discussion_missed", dt.date(2022, 10, 3))

    # 3. a work trial agreed in the plan, started and interrupted → the statement to Kela due in 7 days
    go(page, settings, "2022-10-18", f"/job-seekers/{person.pk}/service/services/")
    check_accessibility(page)
    work_trial_interrupted(
        page, version, FI, referred="2022-10-05", started="2022-10-10", interrupted="2022-10-18"
    )
    check_accessibility(page)
    referral = Referral.objects.get()
    assert referral.plan_version == version
    statement = Statement.objects.get(event__kind="service_interrupted")
    page.goto(statements_page)
    statement_row = page.locator(f"tr[data-event='{statement.event.pk}'][data-handling='statement']")
    text = statement_row.inner_text()
    assert "Työvoimapoliittinen lausunto" in text and "Kela" in text and "määräaika 25.10.2022" in text
    check_accessibility(page)
    assert statement.due_by == dt.date(2022, 10, 18) + dt.timedelta(days=7)
    assert (statement.recipient, statement.event.kind) == ("kela", "service_interrupted")
    assert statement.event.source == f"referral:{referral.pk}"
    assert list(
        BenefitEvent.objects.filter(source=f"referral:{referral.pk}")
        .order_by("date")
        .values_list("kind", "date")
    ) == [("service_started", dt.date(2022, 10, 10)), ("service_interrupted", dt.date(2022, 10, 18))]
    statement_row.get_by_role("link", name="Työvoimapoliittinen lausunto").click()
    page.wait_for_load_state()
    letter = page.locator("article").inner_text()
    assert "Sovittu 1.9.2022 laaditussa suunnitelmassa (versio 1)" in letter
    assert "Hodan Warsame" in letter
    check_accessibility(page)

    # 4. a job offer refused more than 6 months after the initial interview (1.2.2022) counts ...
    go(page, settings, "2022-10-20", f"/job-seekers/{person.pk}/service/job-offers/")
    offer_refused(
        page,
        "Varastotyöntekijä, Demo Oy",
        offered_on="2022-10-12",
        apply_by="2022-10-26",
        refused_on="2022-10-19",
        reason="Ei kiinnosta.",
    )
    late = JobOffer.objects.get(person=person, offered_on=dt.date(2022, 10, 12))
    row = page.locator(f"tr[data-offer='{late.pk}']").inner_text()
    assert "lasketaan laiminlyönniksi" in row and "ei lasketa" not in row and "1.2.2022" in row
    check_accessibility(page)
    # ... and one refused earlier, within the 6 months, does not
    offer_refused(
        page,
        "Kirjastovirkailija, Helsingin kaupunki",
        offered_on="2022-06-01",
        apply_by="2022-06-10",
        refused_on="2022-06-03",
        reason="Työmatka liian pitkä.",
    )
    early = JobOffer.objects.get(person=person, offered_on=dt.date(2022, 6, 1))
    row = page.locator(f"tr[data-offer='{early.pk}']").inner_text()
    assert "ei lasketa laiminlyönniksi" in row and "1.8.2022" in row
    check_accessibility(page)

    counted = BenefitEvent.objects.get(source=f"job_offer:{late.pk}")
    assert (counted.kind, counted.date, counted.facts["counts"]) == (
        "job_offer_refused",
        dt.date(2022, 10, 19),
        True,
    )
    assert counted.counts_as_failure and counted.handling == "notice"
    assert TeOfficeNotice.objects.filter(event=counted).exists()
    not_counted = BenefitEvent.objects.get(source=f"job_offer:{early.pk}")
    assert (not_counted.kind, not_counted.facts["counts"]) == ("job_offer_refused", False)
    assert not not_counted.counts_as_failure
    page.goto(statements_page)
    event_row = page.locator(f"tr[data-event='{counted.pk}']").inner_text()
    assert "Ilmoitus TE-toimistolle" in event_row and "viipymättä" in event_row
    check_accessibility(page)


def test_the_interrupted_work_trial_in_swedish(page, site, settings):
    person = porvoo_customer_since_the_start(settings, "2022-10-18")
    version = plan_with_a_work_trial(
        person, "linnea.lindqvist", dt.date(2022, 9, 1), "Arbetsprövning vid biblioteket."
    )
    sign_in(page, "linnea.lindqvist")
    go(page, settings, "2022-10-18", f"/job-seekers/{person.pk}/service/services/")
    work_trial_interrupted(
        page, version, SV, referred="2022-10-05", started="2022-10-10", interrupted="2022-10-18"
    )
    check_accessibility(page)
    statement = Statement.objects.get(event__kind="service_interrupted")
    page.goto(f"/job-seekers/{person.pk}/service/statements/")
    row = page.locator(f"tr[data-event='{statement.event.pk}'][data-handling='statement']")
    text = row.inner_text()
    assert "Arbetskraftspolitiskt utlåtande" in text and "FPA" in text and "tidsfrist 25.10.2022" in text
    check_accessibility(page)
    assert statement.due_by == dt.date(2022, 10, 25) and statement.recipient == "kela"
    assert statement.event.source == f"referral:{Referral.objects.get().pk}"
    row.get_by_role("link", name="Arbetskraftspolitiskt utlåtande").click()
    page.wait_for_load_state()
    assert "Överenskommen i planen av 1.9.2022 (version 1)" in page.locator("article").inner_text()
    check_accessibility(page)
