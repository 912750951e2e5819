"""Services and why a job search ended in the browser (issue 17 items 3, 6 and 9; R-SP-6, R-X-7): on
3.10.2022 (injected clock) the Helsinki case worker, in Finnish, refers Hodan Warsame to a work trial,
starts it, interrupts it for employment and records that her job search ended for work on the open labour
market; a planned end and an actual end before the start show the localised error and save nothing. The
Porvoo case worker, in Swedish, gets the same refusal in Swedish."""

import datetime as dt

import pytest

from kuntakokeilu.referrals.models import Referral
from kuntakokeilu.service_process.models import JobSearchEndReason
from tests.e2e.conftest import check_accessibility, porvoo_customer_since_the_start, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = "2022-10-03"


def warsame(settings):
    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.customers.transfers import initial

    settings.KUNTAKOKEILU_TODAY = TODAY
    import_job_seekers(demo_csv(), source="e2e")
    initial(dt.date(2021, 3, 1))
    return Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1985, 9, 2), 902))


def submit(form, button: str):
    form.get_by_role("button", name=button).click()
    form.page.wait_for_load_state()


def test_a_work_trial_referred_started_and_interrupted_in_finnish(page, site, settings):
    person = warsame(settings)
    sign_in(page, "aino.virtanen")
    page.goto(f"/job-seekers/{person.pk}/service/")
    page.get_by_role("link", name="Palvelut ja ohjaukset").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Palvelut: Hodan Warsame"
    assert "Palveluja ei ole kirjattu." in page.inner_text("main")
    check_accessibility(page)

    refer = page.locator("form[aria-labelledby=refer]")
    refer.locator("select[name=kind]").select_option("work_trial")
    refer.get_by_label("palvelun tuottaja").fill("Helsingin kaupunki, Stara")
    refer.get_by_label("ohjattu").fill("2022-09-26")
    submit(refer, "Ohjaa")
    row = page.locator("#service-list tbody tr")
    assert row.count() == 1 and "työkokeilu" in row.inner_text() and "ohjattu" in row.inner_text()

    # item 9: a service planned to end before it starts — the localised error, nothing saved
    start = page.locator("form[data-event=start]")
    start.get_by_label("alkoi").fill("2022-10-03")
    start.get_by_label("suunniteltu päättyminen").fill("2022-09-30")
    submit(start, "Aloita palvelu")
    errors = page.locator(".error-summary")
    assert "Palvelu ei voi päättyä ennen kuin se alkaa (3.10.2022)." in errors.inner_text()
    assert Referral.objects.get().state == "referred"
    check_accessibility(page)

    start = page.locator("form[data-event=start]")
    start.get_by_label("alkoi").fill("2022-10-03")
    start.get_by_label("suunniteltu päättyminen").fill("2022-12-30")
    submit(start, "Aloita palvelu")
    assert "käynnissä" in page.locator("#service-list td.state").inner_text()

    end = page.locator("form[data-event=end]")
    end.get_by_label("toteutunut päättyminen").fill("2022-10-01")
    submit(end, "Päätä palvelu")
    assert (
        "Palvelu ei voi päättyä ennen kuin se alkaa (3.10.2022)."
        in page.locator(".error-summary").inner_text()
    )
    saved = Referral.objects.get()
    assert (saved.state, saved.actual_end) == ("under_way", None)

    interrupt = page.locator("form[data-event=interrupt]")
    interrupt.get_by_label("keskeytyi").fill("2022-10-03")
    interrupt.get_by_label("keskeytyksen syy").select_option("employment")
    interrupt.get_by_label("lisätietoja keskeytyksestä").fill("Sai vakituisen työn")
    submit(interrupt, "Keskeytä palvelu")
    assert "keskeytynyt" in page.locator("#service-list td.state").inner_text()
    assert "työllistyminen" in page.locator("#service-list td.outcome").inner_text()
    check_accessibility(page)

    # item 6: why the job search ended
    page.get_by_role("link", name="Palveluprosessi").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Työnhaun päättymisen syy").click()
    page.wait_for_load_state()
    form = page.locator("form[aria-labelledby=record-end]")
    form.get_by_label("työnhaku päättyi").fill("2022-10-04")
    form.get_by_label("työnhaun päättymisen syy").select_option("open_market")
    submit(form, "Kirjaa syy")
    assert "ei voi olla tämän päivän (3.10.2022) jälkeen" in page.locator(".error-summary").inner_text()
    assert not JobSearchEndReason.objects.exists()
    form = page.locator("form[aria-labelledby=record-end]")
    form.get_by_label("työnhaku päättyi").fill("2022-10-03")
    form.get_by_label("työnhaun päättymisen syy").select_option("open_market")
    submit(form, "Kirjaa syy")
    assert "työllistyminen avoimille työmarkkinoille" in page.locator("#end-reasons").inner_text()
    assert JobSearchEndReason.objects.get().reason == "open_market"
    check_accessibility(page)


def test_the_porvoo_case_worker_gets_the_refusal_in_swedish(page, site, settings):
    person = porvoo_customer_since_the_start(settings, TODAY)
    sign_in(page, "linnea.lindqvist")
    page.goto(f"/job-seekers/{person.pk}/service/services/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tjänster: Johan Nyström"
    refer = page.locator("form[aria-labelledby=refer]")
    refer.locator("select[name=kind]").select_option("work_trial")
    refer.get_by_label("tjänsteproducent").fill("Borgå stad")
    refer.get_by_label("hänvisad").fill("2022-09-26")
    submit(refer, "Hänvisa")
    start = page.locator("form[data-event=start]")
    start.get_by_label("började").fill("2022-10-03")
    start.get_by_label("planerat slut").fill("2022-09-30")
    submit(start, "Börja tjänsten")
    assert (
        "Tjänsten kan inte sluta innan den börjar (3.10.2022)." in page.locator(".error-summary").inner_text()
    )
    assert Referral.objects.get().state == "referred"
    check_accessibility(page)
