"""Assignments, escalation and service points in the browser (R-SP-2, R-PREM-1, R-X-7; issue 16 items 2
and 3), on 1.9.2022 (a Thursday; injected clock): the Kainuu area manager sets his area's escalation
threshold, sees an item escalated by it and bulk-reassigns two customers; he edits a service point; the
Helsinki case worker works through her own customers with the keyboard only."""

import csv
import datetime as dt
import io

import pytest

from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import Ground, Person
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.service_process.models import CustomerAssignment, DueItem, ServicePoint
from kuntakokeilu.service_process.services import refresh_deadlines
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2022, 9, 1)


def customer(number, last, first, kunta, job_search_start="2022-06-01") -> Person:
    """Test data: a job seeker, a customer of the trial municipality `kunta` since 1.3.2021."""
    hetu = make_henkilotunnus(dt.date(1990, 1, 1), number)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    row = {"henkilotunnus": hetu, "last_name": last, "first_name": first, "service_language": "fi"}
    facts = {"valid_from": "2021-01-01", "kotikunta": kunta, "mother_tongue": "fi", "immigrant": "false"}
    status = {"status": "unemployed", "earnings_related_entitlement": "false"}
    writer.writerow(row | facts | status | {"job_search_start": job_search_start})
    import_job_seekers(out.getvalue().encode(), source="e2e")
    person = Person.objects.get(henkilotunnus=hetu)
    responsible = {"type": "municipality", "kunta_code": kunta}
    customerships.start(
        person, on=dt.date(2021, 3, 1), ground=Ground.INITIAL_TRANSFER, outcome=None, responsible=responsible
    )
    return person


def test_the_kainuu_area_manager_sets_the_threshold_sees_the_escalation_and_reassigns(page, site, settings):
    """R-SP-2: an item overdue for 3 working days is not escalated under the project policy (5), and is
    once Kainuu's own threshold is 2; two customers are reassigned to Emma Kinnunen in one go."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    kemppainen = customer(981, "Kemppainen", "Jari", "205")
    oikarinen = customer(982, "Oikarinen", "Tiina", "205")
    DueItem.objects.create(
        person=oikarinen,
        type="job_search_discussion",
        reference="JTYPL 2:6",
        rule_version="e2e",
        event_date=TODAY,
        due_by=dt.date(2022, 8, 29),  # Monday: 3 working days overdue on Thursday
        handler_municipality=Municipality.objects.get(code="205"),
    )
    sign_in(page, "juha.heikkinen")
    page.goto("/service/worklist/")
    page.wait_for_load_state()
    assert "5 arkipäivän jälkeen (hankkeen yhteinen käytäntö)" in page.locator("main").inner_text()
    assert "Oikarinen" not in page.locator("main").inner_text()

    page.get_by_role("navigation").get_by_role("link", name="Palvelupisteet ja tavoitteet").click()
    page.wait_for_load_state()
    assert page.url.endswith("/service/areas/7/")
    section = page.locator("section[aria-labelledby=thresholds]")
    section.get_by_label("arkipäivää").fill("2")
    section.get_by_label("voimassa alkaen").fill("2022-08-01")
    section.get_by_role("button", name="Lisää raja").click()
    page.wait_for_load_state()
    assert "2 arkipäivän jälkeen (kokeilualueen oma asetus)" in page.locator("main").inner_text()
    check_accessibility(page)

    page.goto("/service/worklist/")
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "Oikarinen, Tiina" in main and "29.8.2022" in main and "kokeilualueen oma asetus" in main
    check_accessibility(page)

    page.get_by_role("navigation").get_by_role("link", name="Omat asiakkaat").click()
    page.wait_for_load_state()
    area = page.locator("section[aria-labelledby=area-customers]")
    area.get_by_label("Valitse Jari Kemppainen").check()
    area.get_by_label("Valitse Tiina Oikarinen").check()
    area.get_by_label("Osoita valitut työnhakijat asiantuntijalle").select_option(label="Emma Kinnunen")
    area.get_by_role("button", name="Osoita").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text() == "2 työnhakijaa osoitettu asiantuntijalle Emma Kinnunen."
    rows = page.locator("section[aria-labelledby=area-customers] tbody tr")
    assert "Emma Kinnunen" in rows.filter(has_text="Kemppainen").inner_text()
    assert "Emma Kinnunen" in rows.filter(has_text="Oikarinen").inner_text()
    check_accessibility(page)
    assert set(
        CustomerAssignment.objects.filter(worker__username="emma.kinnunen").values_list(
            "person_id", flat=True
        )
    ) == {kemppainen.pk, oikarinen.pk}


def test_the_area_manager_edits_a_service_point(page, site, settings):
    """Issue 16 item 3: the area's service points are the area manager's to edit."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ServicePoint.objects.create(
        trial_area=TrialArea.objects.get(number=7),
        municipality=Municipality.objects.get(code="205"),
        name_fi="Kainuun työllisyyspalvelut, Kajaani",
        name_sv="Kajanalands sysselsättningstjänster, Kajana",
        street_address="Demokatu 3",
        postal_code="87100",
        opening_hours="ma–to 9–15",
        organisations=["municipality"],
    )
    sign_in(page, "juha.heikkinen")
    page.goto("/service/areas/7/")
    page.wait_for_load_state()
    page.get_by_role("link", name="Kainuun työllisyyspalvelut, Kajaani").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Muokkaa palvelupistettä"
    check_accessibility(page)
    page.get_by_label("postinumero").fill("871")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state()
    assert "Postinumerossa on viisi numeroa" in page.locator(".error-summary").inner_text()
    page.get_by_label("katuosoite").fill("Pohjolankatu 12")
    page.get_by_label("postinumero").fill("87100")
    page.get_by_label("Kela").check()
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_load_state()
    assert page.url.endswith("/service/areas/7/")
    row = page.locator("table.service-points tbody tr").first.inner_text()
    assert "Pohjolankatu 12, 87100" in row and "Kela" in row
    check_accessibility(page)


def test_the_helsinki_case_worker_works_through_her_own_customers_with_the_keyboard(page, site, settings):
    """R-SP-2 in Finnish, keyboard only: "my customers" is her default; j and k move, Enter opens the job
    seeker, and back on the list the scope is kept; a Helsinki customer not hers is not listed."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    aalto = customer(983, "Aalto", "Eeva", "091")
    berg = customer(984, "Berg", "Otto", "091")
    other = customer(985, "Aaltonen", "Ilkka", "091")
    from django.contrib.auth import get_user_model

    worker = get_user_model().objects.get(username="aino.virtanen")
    for person in (aalto, berg, other):
        refresh_deadlines(person, TODAY)
    for person in (aalto, berg):
        CustomerAssignment.objects.create(person=person, worker=worker, valid_from=TODAY)
    assert DueItem.objects.filter(person=other).exists()

    sign_in(page, "aino.virtanen")
    page.goto("/service/worklist/")
    page.wait_for_load_state()
    scopes = page.get_by_role("navigation", name="Kenen määräajat")
    assert scopes.locator("[aria-current=page]").inner_text() == "Omat asiakkaat"
    assert "Aaltonen" not in page.locator("table.worklist").inner_text()
    check_accessibility(page)
    names = []
    for key in ("j", "j", "k"):
        page.keyboard.press(key)
        names.append(page.evaluate("document.activeElement.textContent"))
    assert set(names) == {"Aalto, Eeva", "Berg, Otto"} and names[0] == names[2] != names[1]
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    first, last = names[0].split(", ")[::-1]
    assert page.get_by_role("heading", level=1).inner_text() == f"Palveluprosessi: {first} {last}"
    check_accessibility(page)
    page.go_back()
    page.wait_for_load_state()
    assert page.get_by_role("navigation", name="Kenen määräajat").locator(
        "[aria-current=page]"
    ).inner_text() == ("Omat asiakkaat")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.textContent") == names[0]
    groups = page.get_by_role("navigation", name="Määräaikojen ryhmät")
    assert all("scope=mine" in a.get_attribute("href") for a in groups.get_by_role("link").all())
