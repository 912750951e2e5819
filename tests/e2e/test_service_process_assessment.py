"""The service-need assessment in the browser (R-SP-4, R-SP-2, R-SP-3, R-X-7; issue 16's done-when): the
Porvoo case worker, in Swedish, on 1.9.2022 (injected clock), sees a new customer's initial interview due on
her worklist, records it (face to face, at the service point), records the service-need assessment, and the
worklist no longer holds the initial interview."""

import csv
import datetime as dt
import io
import re

import pytest

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import Ground, Person
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.service_process.models import Assessment, Meeting, ServicePoint
from kuntakokeilu.service_process.services import refresh_deadlines
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

TODAY = "2022-09-01"
HOLMSTRÖM = make_henkilotunnus(dt.date(1996, 6, 11), 963)


def new_porvoo_customer(settings) -> Person:
    """Ella Holmström registers in Porvoo on 29.8.2022 (service in Swedish) and becomes Porvoo's customer:
    the initial interview is due within 5 working days (JTYPL 2:5 §1), on 5.9.2022."""
    settings.KUNTAKOKEILU_TODAY = TODAY
    row = {
        "henkilotunnus": HOLMSTRÖM,
        "last_name": "Holmström",
        "first_name": "Ella",
        "service_language": "sv",
        "valid_from": "2022-08-29",
        "kotikunta": "638",
        "mother_tongue": "sv",
        "immigrant": "false",
        "status": "unemployed",
        "earnings_related_entitlement": "false",
        "job_search_start": "2022-08-29",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    import_job_seekers(out.getvalue().encode(), source="e2e")
    person = Person.objects.get(henkilotunnus=HOLMSTRÖM)
    customerships.start(
        person,
        on=dt.date(2022, 8, 29),
        ground=Ground.NEW_REGISTRATION,
        outcome=None,
        responsible={"type": "municipality", "kunta_code": "638"},
    )
    refresh_deadlines(person, dt.date(2022, 9, 1))
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
    return person


def _worklist_row(page):
    page.goto("/service/worklist/?group=all")
    page.wait_for_load_state()
    return page.locator("table.worklist tbody tr").filter(has_text="Holmström, Ella")


def test_the_porvoo_case_worker_records_the_initial_interview_and_the_assessment(page, site, settings):
    person = new_porvoo_customer(settings)
    sign_in(page, "linnea.lindqvist")
    rows = _worklist_row(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Tidsfrister"
    initial = rows.filter(has=page.get_by_role("cell", name="Inledande intervju", exact=True))
    assert initial.count() == 1 and "5.9.2022" in initial.inner_text()
    check_accessibility(page)

    initial.get_by_role("link", name="Holmström, Ella").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Serviceprocess: Ella Holmström"
    section = page.locator("section[aria-labelledby=assessment]")
    assert "Ingen bedömning av servicebehovet har registrerats." in section.inner_text()
    page.get_by_label("typ").select_option("initial_interview")
    page.get_by_label("datum").fill("2022-09-01")
    page.get_by_label("kanal").select_option("face_to_face")
    page.get_by_label("serviceställe").select_option(label="Borgå sysselsättningstjänster (demo)")
    page.get_by_role("button", name="Spara mötet").click()
    page.wait_for_load_state()
    meeting = Meeting.objects.get(person=person)
    assert (meeting.type, meeting.channel, meeting.service_point.name_sv) == (
        "initial_interview",
        "face_to_face",
        "Borgå sysselsättningstjänster (demo)",
    )

    page.get_by_role("link", name="Registrera bedömningen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Bedömning av servicebehovet: Ella Holmström"
    assert page.get_by_label("bedömningens datum").input_value() == "2022-09-01"
    assert page.get_by_label("granskad vid mötet").locator("option:checked").inner_text() == (
        "inledande intervju 1.9.2022"
    )
    check_accessibility(page)
    page.get_by_label(re.compile("^kompetens och mål")).select_option("need_updating")
    page.get_by_label("anteckningar: kompetens och mål").fill(
        "Merkonom; vill arbeta inom ekonomiförvaltning."
    )
    page.get_by_label(re.compile("^utbildningsbehov")).select_option("supplementary")
    page.get_by_label(re.compile("^färdigheter i att söka arbete")).select_option("needs_support")
    page.get_by_label(re.compile("^sannolikheten för långvarig arbetslöshet")).select_option("low")
    page.get_by_label(re.compile("^arbets- och funktionsförmåga")).select_option("full")
    page.get_by_label(re.compile("^behov av socialtjänster")).select_option("none")
    page.get_by_label(re.compile("^behov av hälsotjänster")).select_option("none")
    page.get_by_label(re.compile("^behov av rehabiliteringstjänster")).select_option("none")
    page.get_by_role("button", name="Spara bedömningen").click()
    page.wait_for_load_state()

    saved = Assessment.objects.get(person=person)
    assert (saved.version, saved.meeting, saved.training_need, saved.health.work_capacity) == (
        1,
        meeting,
        "supplementary",
        "full",
    )
    section = page.locator("section[aria-labelledby=assessment]")
    assert "Bedömd 1.9.2022" in section.inner_text()
    assert "Granskad vid mötet: inledande intervju 1.9.2022." in section.inner_text()
    assert "fortbildning" in section.inner_text() and "full" in section.inner_text()
    assert AccessLogEntry.objects.filter(
        user__username="linnea.lindqvist", person=person, purpose=Purpose.SPECIAL_CATEGORY
    ).exists()
    check_accessibility(page)

    items = [row.split("\t")[1] for row in _worklist_row(page).all_inner_texts()]
    assert "Jobbsökningssamtal" in items  # the next discussions are due; the initial interview is done
    assert "Inledande intervju" not in items
    assert person.due_items.open().filter(type="initial_interview").count() == 0
