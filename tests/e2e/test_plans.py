"""Plans in the browser (issue 17 item 1: R-SP-5, R-X-7): on 1.9.2022 (injected clock) Helsinki's case worker,
in Finnish, makes an employment plan with two steps for her customer — first with a step due before the
plan, which shows the localised message and saves nothing — records both parties' approvals and opens the
printable letter and its PDF; Porvoo's case worker does the same in Swedish for a Swedish-speaking
customer."""

import datetime as dt

import pytest

from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.demo import demo_csv
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import Ground, Person
from kuntakokeilu.plans.models import Plan, PlanApproval, PlanVersion
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

TODAY = "2022-09-01"


def customer(settings, born: dt.date, number: int, kunta: str) -> Person:
    """A demo job seeker, the customer of the trial municipality `kunta` since the initial transfer."""
    settings.KUNTAKOKEILU_TODAY = TODAY
    import_job_seekers(demo_csv(), source="e2e")
    person = Person.objects.get(henkilotunnus=make_henkilotunnus(born, number))
    customerships.start(
        person,
        on=dt.date(2021, 3, 1),
        ground=Ground.INITIAL_TRANSFER,
        outcome=None,
        responsible={"type": "municipality", "kunta_code": kunta},
    )
    return person


def field(page, label: str):
    return page.get_by_label(label + ":", exact=True)  # Django's label suffix


def fill_plan(page, labels: dict, due_2: str) -> None:
    field(page, labels["kind"]).select_option("employment")
    field(page, labels["date"]).fill("2022-09-01")
    field(page, labels["goals"]).fill(labels["goals_text"])
    field(page, labels["step"] % 1).fill(labels["step_1"])
    field(page, labels["due"] % 1).fill("2022-09-30")
    field(page, labels["step"] % 2).fill(labels["step_2"])
    field(page, labels["due"] % 2).fill(due_2)
    field(page, labels["responsible"] % 2).select_option("case_worker")


FI = {
    "kind": "suunnitelman laji",
    "date": "suunnitelman päivämäärä",
    "goals": "tavoitteet",
    "goals_text": "Lähihoitajan tutkinto oppisopimuksella.",
    "step": "vaihe %s",
    "due": "vaihe %s: määräpäivä",
    "responsible": "vaihe %s: vastuussa",
    "step_1": "Hakee neljää työmahdollisuutta kuukaudessa.",
    "step_2": "Selvittää oppisopimuspaikat.",
}
SV = {
    "kind": "typ av plan",
    "date": "planens datum",
    "goals": "mål",
    "goals_text": "Arbete inom logistik i Borgåområdet.",
    "step": "steg %s",
    "due": "steg %s: förfallodag",
    "responsible": "steg %s: ansvarig",
    "step_1": "Söker fyra arbetsmöjligheter i månaden.",
    "step_2": "Bokar tid för karriärvägledning.",
}


def test_the_helsinki_case_worker_makes_a_plan_in_finnish(page, site, settings):
    person = customer(settings, dt.date(1985, 9, 2), 902, "091")
    sign_in(page, "aino.virtanen")
    page.goto(f"/job-seekers/{person.pk}/service/")
    page.get_by_role("link", name="Suunnitelmat", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Suunnitelmat: ")
    assert "Suunnitelmia ei ole kirjattu." in page.content()
    page.get_by_role("link", name="Tee uusi suunnitelma").click()
    page.wait_for_load_state()
    check_accessibility(page)

    fill_plan(page, FI, due_2="2022-08-15")
    page.get_by_role("button", name="Tallenna suunnitelma").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "Vaihe 2 on määrä tehdä 15.8.2022, ennen suunnitelman päivämäärää 1.9.2022." in alert.inner_text()
    assert not Plan.objects.exists() and not PlanVersion.objects.exists()
    check_accessibility(page)

    field(page, FI["due"] % 2).fill("2022-09-15")
    page.get_by_role("button", name="Tallenna suunnitelma").click()
    page.wait_for_load_state()
    version = PlanVersion.objects.get()
    assert [s.due_on for s in version.steps.all()] == [dt.date(2022, 9, 30), dt.date(2022, 9, 15)]
    assert page.get_by_role("heading", level=1).inner_text() == "Työllistymissuunnitelma"
    letter = page.locator("article.letter")
    assert "Selvittää oppisopimuspaikat." in letter.inner_text() and "1.12.2022" in letter.inner_text()

    page.get_by_role("button", name="Kirjaa hyväksyntä").click()  # the job seeker's, offered first
    page.wait_for_load_state()
    page.get_by_role("button", name="Kirjaa hyväksyntä").click()  # then the case worker's
    page.wait_for_load_state()
    assert PlanApproval.objects.filter(version=version).count() == 2
    text = page.locator("article.letter").inner_text()
    assert "työnhakija: allekirjoitettu henkilökohtaisesti 1.9.2022" in text
    assert page.locator("#approval-section").count() == 0  # both approved: nothing more to record
    check_accessibility(page)

    href = page.get_by_role("link", name="Lataa suunnitelma PDF-tiedostona").get_attribute("href")
    pdf = page.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")
    page.goto(f"/job-seekers/{person.pk}/service/plans/")
    row = page.locator("tr[data-version='1']")
    assert "1.12.2022" in row.inner_text() and "kyllä" in row.inner_text()


def test_the_porvoo_case_worker_makes_a_plan_in_swedish(page, site, settings):
    person = customer(settings, dt.date(1988, 4, 19), 908, "638")
    sign_in(page, "linnea.lindqvist")
    page.goto(f"/job-seekers/{person.pk}/service/plans/new/")
    fill_plan(page, SV, due_2="2022-08-31")
    page.get_by_role("button", name="Spara planen").click()
    page.wait_for_load_state()
    assert (
        "Steg 2 ska vara gjort 31.8.2022, före planens datum 1.9.2022."
        in page.get_by_role("alert").inner_text()
    )
    assert not Plan.objects.exists()
    field(page, SV["due"] % 2).fill("2022-09-12")
    page.get_by_role("button", name="Spara planen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Sysselsättningsplan"
    assert "Bokar tid för karriärvägledning." in page.locator("article.letter").inner_text()
    check_accessibility(page)
