"""The job-search obligation page in the browser (R-SP-5, R-X-7; issue 17 item 2): the Helsinki case worker,
in Finnish, on 10.8.2022 (injected clock), records two applications Hodan Warsame reported and sees the
count of the review period under way change; a third, dated tomorrow, is refused with nothing written."""

import datetime as dt

import pytest

from kuntakokeilu.service_process.models import JobApplication
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def warsame_after_her_discussion(settings):
    """The demo job seekers with the initial transfer; Hodan Warsame's job-search discussion of 1.6.2022,
    where her plan took on the obligation (registered before 2.5.2022)."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.customers.transfers import initial
    from kuntakokeilu.service_process.services import record_meeting

    settings.KUNTAKOKEILU_TODAY = "2022-08-10"
    import_job_seekers(demo_csv(), source="e2e")
    initial(dt.date(2021, 3, 1))
    person = Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1985, 9, 2), 902))
    worker = get_user_model().objects.get(username="aino.virtanen")
    record_meeting(
        worker, person, type="job_search_discussion", date=dt.date(2022, 6, 1), channel="phone",
        today=dt.date(2022, 8, 10),
    )  # fmt: skip
    return person


def record(page, day: str, employer: str, title: str, kind: str = "vacancy"):
    page.get_by_label("hakupäivä").fill(day)
    page.get_by_label("työnantaja").fill(employer)
    page.get_by_label("tehtävänimike").fill(title)
    page.get_by_label("hakemuksen laji").select_option(kind)
    page.get_by_role("button", name="Kirjaa hakemus").click()
    page.wait_for_load_state()


def test_the_helsinki_case_worker_records_two_applications_in_finnish(page, site, settings):
    person = warsame_after_her_discussion(settings)
    sign_in(page, "aino.virtanen")
    page.goto(f"/job-seekers/{person.pk}/service/")
    page.get_by_role("link", name="Työnhakuvelvollisuus").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Työnhakuvelvollisuus: Hodan Warsame"
    current = page.locator("tr[data-period='3']")
    assert "2.8.2022–1.9.2022" in current.inner_text()
    assert current.locator("td.reported").inner_text() == "0"
    assert "jakso on käynnissä" in current.inner_text()
    check_accessibility(page)

    record(page, "2022-08-03", "Kahvila Demo Oy", "barista")
    assert page.locator("tr[data-period='3'] td.reported").inner_text() == "1"
    record(page, "2022-08-10", "Helsingin kaupunki", "kirjastovirkailija", kind="job_offer")
    assert page.locator("tr[data-period='3'] td.reported").inner_text() == "2"
    applications = page.locator("section[aria-labelledby=applications]").inner_text()
    assert "Kahvila Demo Oy" in applications and "viranomaisen tarjoama työ" in applications
    assert "10.8.2022" in applications
    check_accessibility(page)

    record(page, "2022-08-11", "Demo Oy", "myyjä")
    assert (
        "Hakemusta ei voi päivätä tämän päivän (10.8.2022) jälkeen."
        in page.locator(".error-summary").inner_text()
    )
    assert JobApplication.objects.filter(person=person).count() == 2
    check_accessibility(page)
