"""The employer side in the browser (R-SP-7, R-X-7; issue 17 item 4 and its done-when, item 9): the Helsinki
case worker, in Finnish, on 15.9.2022 (injected clock), adds a vacancy from the employer's assignment, tries
to present Hodan Warsame, who is not offered without her consent (the page says why), records her written
consent and presents her; records a job offer she refused more than 6 months after her initial interview
(shown as counting) and one Mikael Lahtinen refused earlier than that (shown as not counting). In Swedish,
the Porvoo case worker records Johan Nyström's refused offer."""

import datetime as dt
import re

import pytest

from kuntakokeilu.employers.models import JobOffer, Presentation, PresentationConsent, Vacancy
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2022, 9, 15)


def world(settings):
    """The demo job seekers with the initial transfer of 1.3.2021; a Helsinki employer; initial interviews
    of Hodan Warsame (1.2.2022) and Mikael Lahtinen (1.6.2022), test data; Mikael Lahtinen (Helsinki) and
    Johan Nyström (Porvoo) customers of their municipality from 1.3.2021."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.customers import customerships
    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Ground, Person
    from kuntakokeilu.customers.transfers import initial
    from kuntakokeilu.employers import services
    from kuntakokeilu.regions.models import Municipality
    from kuntakokeilu.service_process.models import Meeting

    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    import_job_seekers(demo_csv(), source="e2e")
    initial(dt.date(2021, 3, 1))
    helsinki = Municipality.objects.get(code="091")
    employer = services.add_employer(
        get_user_model().objects.get(username="aino.virtanen"),
        business_id="1618033-3",
        name="Kahvila Esimerkki Oy",
        municipality=helsinki,
        today=TODAY,
    )
    people = {}
    for key, number, born, interview in (
        ("warsame", 902, dt.date(1985, 9, 2), dt.date(2022, 2, 1)),
        ("lahtinen", 901, dt.date(1978, 5, 14), dt.date(2022, 6, 1)),
    ):
        person = Person.objects.get(henkilotunnus=make_henkilotunnus(born, number))
        Meeting.objects.create(
            person=person, type="initial_interview", date=interview, channel="phone", municipality=helsinki
        )
        people[key] = person
    people["nystrom"] = Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1988, 4, 19), 908))
    for key, code in (("lahtinen", "091"), ("nystrom", "638")):  # customers of their municipality
        if customerships.municipal_customership(people[key], TODAY) is None:
            customerships.start(
                people[key],
                on=dt.date(2021, 3, 1),
                ground=Ground.INITIAL_TRANSFER,
                outcome=None,
                responsible={"type": "municipality", "kunta_code": code},
            )
    return employer, people


def label(page, text: str):
    """The field whose label is exactly `text` (with or without the form's colon)."""
    return page.get_by_label(re.compile("^" + re.escape(text) + ":?$"))


def offer_refused(page, job: str, reason: str, labels: dict):
    page.get_by_label(labels["job"]).fill(job)
    label(page, labels["offered_on"]).fill("2022-09-01")
    label(page, labels["apply_by"]).fill("2022-09-12")
    label(page, labels["offered_by"]).select_option("authority")
    page.get_by_role("button", name=labels["record_offer"]).click()
    page.wait_for_load_state()
    label(page, labels["outcome"]).select_option("refused")
    label(page, labels["outcome_on"]).fill("2022-09-05")
    label(page, labels["reason"]).fill(reason)
    page.get_by_role("button", name=labels["record_outcome"]).click()
    page.wait_for_load_state()


FI = {
    "job": "työ (jos ei yllä oleva avoin työpaikka)",
    "offered_on": "tarjottu",
    "apply_by": "haettava viimeistään",
    "offered_by": "tarjoaja",
    "record_offer": "Kirjaa työtarjous",
    "outcome": "tulos",
    "outcome_on": "tuloksen päivä",
    "reason": "kieltäytymisen ilmoitettu syy",
    "record_outcome": "Kirjaa tulos",
}
SV = {
    "job": "arbete (om inte ett ledigt arbete ovan)",
    "offered_on": "erbjudet",
    "apply_by": "sök senast",
    "offered_by": "erbjudet av",
    "record_offer": "Registrera jobberbjudandet",
    "outcome": "utfall",
    "outcome_on": "datum för utfallet",
    "reason": "uppgivet skäl för vägran",
    "record_outcome": "Registrera utfallet",
}


def test_the_case_worker_presents_only_with_consent_and_sees_which_refusals_count(page, site, settings):
    employer, people = world(settings)
    warsame, lahtinen = people["warsame"], people["lahtinen"]
    sign_in(page, "aino.virtanen")

    # a vacancy from the employer's assignment
    page.goto("/employers/")
    assert page.get_by_role("heading", level=1).inner_text() == "Työnantajat ja avoimet työpaikat"
    check_accessibility(page)
    page.get_by_role("link", name="Kahvila Esimerkki Oy").click()
    page.wait_for_load_state()
    label(page, "tehtävänimike").fill("myyjä-barista")
    label(page, "julkaistu").fill("2022-09-12")
    label(page, "haettava viimeistään").fill("2022-09-30")
    label(page, "työnantajan toimeksiannon päivä").fill("2022-09-09")
    label(page, "työnantajan toimeksianto").fill("Välitä paikka ja esittele sopivia hakijoita.")
    page.get_by_role("button", name="Lisää työpaikka").click()
    page.wait_for_load_state()
    vacancy = Vacancy.objects.get(employer=employer)
    assert page.get_by_role("heading", level=1).inner_text() == "myyjä-barista: Kahvila Esimerkki Oy"
    check_accessibility(page)

    # without a written consent she is not offered for presenting, and the page says why
    assert page.get_by_label("Hodan Warsame").count() == 0
    assert "kirjallista suostumusta" in page.locator("#no-candidates").inner_text()
    assert not Presentation.objects.exists()
    check_accessibility(page)

    # the written consent, from the service-process page's link
    page.goto(f"/job-seekers/{warsame.pk}/service/")
    page.get_by_role("link", name="Työtarjoukset").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Työtarjoukset: Hodan Warsame"
    label(page, "annettu").fill("2022-09-14")
    label(page, "kirjallinen suostumus (asiakirjaviite tai teksti)").fill("Allekirjoitettu lomake 14.9.2022")
    label(page, "suostumuksen laajuus").select_option("all")
    page.get_by_role("button", name="Kirjaa suostumus").click()
    page.wait_for_load_state()
    assert PresentationConsent.objects.filter(person=warsame).count() == 1
    assert "Allekirjoitettu lomake 14.9.2022" in page.locator("#consent-list").inner_text()

    # now she is presented
    page.goto(f"/employers/vacancies/{vacancy.pk}/")
    page.get_by_label("Hodan Warsame").check()
    page.get_by_role("button", name="Esittele", exact=True).click()
    page.wait_for_load_state()
    assert "Hodan Warsame" in page.locator("#presentations").inner_text()
    assert Presentation.objects.get().person == warsame

    # a refusal more than 6 months after the initial interview (1.2.2022) counts
    page.goto(f"/job-seekers/{warsame.pk}/service/job-offers/")
    offer_refused(page, "Varastotyöntekijä, Demo Oy", "Ei kiinnosta.", FI)
    row = page.locator(f"tr[data-offer='{JobOffer.objects.get(person=warsame).pk}']")
    assert "lasketaan laiminlyönniksi" in row.inner_text() and "ei lasketa" not in row.inner_text()
    assert "1.2.2022" in row.inner_text()
    check_accessibility(page)

    # one refused earlier (initial interview 1.6.2022) does not
    page.goto(f"/job-seekers/{lahtinen.pk}/service/job-offers/")
    offer_refused(page, "Kirjastovirkailija, Helsingin kaupunki", "Työmatka liian pitkä.", FI)
    row = page.locator(f"tr[data-offer='{JobOffer.objects.get(person=lahtinen).pk}']")
    assert "ei lasketa laiminlyönniksi" in row.inner_text() and "1.12.2022" in row.inner_text()
    check_accessibility(page)


def test_the_porvoo_case_worker_records_a_refused_offer_in_swedish(page, site, settings):
    _employer, people = world(settings)
    nystrom = people["nystrom"]
    sign_in(page, "linnea.lindqvist")
    page.goto(f"/job-seekers/{nystrom.pk}/service/job-offers/")
    assert page.get_by_role("heading", level=1).inner_text() == "Jobberbjudanden: Johan Nyström"
    offer_refused(page, "Lagerarbetare, Borgå Demo Ab", "Inget intresse.", SV)
    row = page.locator(f"tr[data-offer='{JobOffer.objects.get(person=nystrom).pk}']")
    assert "räknas inte som en försummelse" in row.inner_text() and "inledande intervju" in row.inner_text()
    assert JobOffer.objects.get(person=nystrom).outcome == "refused"
    check_accessibility(page)
