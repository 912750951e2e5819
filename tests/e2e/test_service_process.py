"""The service-process page in the browser (R-SP-1, R-SP-3, R-X-7; issue 16's done-when, in part): the
Porvoo case worker, in Swedish, on 1.9.2022 (injected clock), sees Johan Nyström's first interview
overdue, records a job-search discussion with its channel and service point, and the deadlines update."""

import pytest

from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.service_process.models import Meeting, ServicePoint
from tests.e2e.conftest import check_accessibility, porvoo_customer_since_the_start, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_the_porvoo_case_worker_records_a_meeting_in_swedish(page, site, settings):
    person = porvoo_customer_since_the_start(settings, "2022-09-01")
    ServicePoint.objects.create(
        trial_area=TrialArea.objects.get(members__municipality__code="638"),
        municipality=Municipality.objects.get(code="638"),
        name_fi="Porvoon työllisyyspalvelut (demo)",
        name_sv="Borgå sysselsättningstjänster (demo)",
        street_address="Demogatan 2",
        postal_code="06100",
        opening_hours="må–fr 9–15",
        organisations=["municipality"],
    )
    sign_in(page, "linnea.lindqvist")
    page.goto(f"/job-seekers/{person.pk}/service/")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Serviceprocess: Johan Nyström"
    first = page.locator("tr[data-type=first_interview]")
    assert "försenad" in first.inner_text()
    check_accessibility(page)

    page.get_by_label("typ").select_option("job_search_discussion")
    page.get_by_label("datum").fill("2022-09-01")
    page.get_by_label("kanal").select_option("face_to_face")
    page.get_by_label("serviceställe").select_option(label="Borgå sysselsättningstjänster (demo)")
    page.get_by_label("anteckningar").fill("Jobbsökningen framskrider.")
    page.get_by_role("button", name="Spara mötet").click()
    page.wait_for_load_state()

    assert Meeting.objects.filter(person=person, channel="face_to_face").count() == 1
    assert "gjord 1.9.2022" in page.locator("tr[data-type=first_interview]").inner_text()
    assert "1.12.2022" in page.locator("tr[data-type=job_search_discussion]").inner_text()
    assert (
        "Borgå sysselsättningstjänster (demo)"
        in page.locator("section[aria-labelledby=meetings]").inner_text()
    )
    check_accessibility(page)


def test_a_meeting_dated_tomorrow_is_refused_in_swedish(page, site, settings):
    """Issue 16 item 7 in the browser: a clear localised error, nothing recorded."""
    person = porvoo_customer_since_the_start(settings, "2022-09-01")
    sign_in(page, "linnea.lindqvist")
    page.goto(f"/job-seekers/{person.pk}/service/")
    page.get_by_label("datum").fill("2022-09-02")
    page.get_by_label("kanal").select_option("phone")
    page.get_by_role("button", name="Spara mötet").click()
    page.wait_for_load_state()
    assert "Ett möte kan inte dateras efter i dag (1.9.2022)." in page.locator(".error-summary").inner_text()
    assert not Meeting.objects.exists()
    check_accessibility(page)


def test_the_helsinki_case_worker_works_through_her_list_with_the_keyboard(page, site, settings):
    """R-SP-2 in Finnish, keyboard only: Tab to the list, j to the first row, Enter opens the job seeker."""
    import datetime as dt

    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.customers.transfers import initial
    from kuntakokeilu.service_process.services import refresh_deadlines

    settings.KUNTAKOKEILU_TODAY = "2022-09-01"
    import_job_seekers(demo_csv(), source="e2e")
    initial(dt.date(2021, 3, 1))
    warsame = Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1985, 9, 2), 902))
    refresh_deadlines(warsame, dt.date(2022, 9, 1))
    sign_in(page, "aino.virtanen")
    page.goto("/service/worklist/")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Määräajat"
    assert "Myöhässä (" in page.get_by_role("navigation", name="Määräaikojen ryhmät").inner_text()
    check_accessibility(page)
    page.keyboard.press("j")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Warsame, Hodan"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Palveluprosessi: Hodan Warsame"
    check_accessibility(page)
