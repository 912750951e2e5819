"""The 7-day worklist in the browser (R-TG-4, R-TG-7, R-X-1): the Uusimaa TE official sees an overdue
transfer in red with its text label, completes it, and the person then appears in the Helsinki case
worker's job-seeker search — and not before: the receiving municipality's competence, and so its staff's
access, begins with the transfer (L1269 s. 24; law notes §7.1)."""

import csv
import datetime as dt
import io

import pytest

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import Customership, DueTransfer
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

TODAY = "2022-09-01"
KOSKINEN = make_henkilotunnus(dt.date(1999, 10, 7), 961)
HADDAD = make_henkilotunnus(dt.date(1987, 3, 22), 962)


def _registration(code, last, first, kotikunta, tongue, registered):
    return {
        "henkilotunnus": code,
        "last_name": last,
        "first_name": first,
        "service_language": "fi",
        "valid_from": registered,
        "kotikunta": kotikunta,
        "mother_tongue": tongue,
        "immigrant": "false",
        "status": "unemployed",
        "earnings_related_entitlement": "false",
        "job_search_start": registered,
    }


def _import(*rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    import_job_seekers(out.getvalue().encode(), source="e2e")


@pytest.fixture
def registrations(site, settings):
    """Koskinen, a Helsinki student in the register, not a job seeker; Haddad registers in Vantaa on
    29.8.2022 (the transfer is due on 5.9.2022)."""
    settings.KUNTAKOKEILU_TODAY = TODAY
    student = _registration(KOSKINEN, "Koskinen", "Aada", "091", "fi", "2022-01-01")
    _import(student | {"status": "student", "job_search_start": ""})
    _import(_registration(HADDAD, "Haddad", "Omar", "092", "ar", "2022-08-29"))
    return site


def _search(page, text):
    page.get_by_role("navigation").get_by_role("link", name="Työnhakijat").click()
    page.wait_for_load_state()
    page.get_by_label("Nimi tai henkilötunnus").fill(text)
    page.get_by_role("button", name="Hae").click()
    page.wait_for_load_state()
    return page.locator("main").inner_text()


def test_the_te_office_completes_an_overdue_transfer_and_helsinki_finds_the_person(
    browser, page, registrations
):
    helsinki = browser.new_context(locale="fi-FI", base_url=registrations.url)
    try:
        worker = helsinki.new_page()
        sign_in(worker, "aino.virtanen")
        assert "Kukaan heistä ei vastannut hakua" in _search(worker, "Koskinen")  # not Helsinki's customer
        # Koskinen registers on 20.8.2022: the import evaluates it, the transfer was due on 27.8.2022
        _import(_registration(KOSKINEN, "Koskinen", "Aada", "091", "fi", "2022-08-20"))
        assert DueTransfer.objects.get(person__henkilotunnus=KOSKINEN).target["kunta_code"] == "091"
        assert "Kukaan heistä ei vastannut hakua" in _search(worker, "Koskinen")  # due, not yet Helsinki's

        sign_in(page, "sanna.makinen")
        page.get_by_role("navigation").get_by_role("link", name="Siirrettävät asiakkaat").click()
        page.wait_for_load_state()
        assert page.url.endswith("/transfers/due/")
        check_accessibility(page)
        rows = page.locator("table.due-transfers tbody tr")
        assert rows.count() == 2
        overdue = rows.filter(has_text="Koskinen, Aada")
        assert overdue.get_attribute("class") == "overdue"
        label = overdue.locator(".overdue-label")
        assert label.inner_text() == "Myöhässä"
        assert label.evaluate("e => getComputedStyle(e).color") == "rgb(164, 0, 15)"
        assert overdue.locator("td").first.evaluate("e => getComputedStyle(e).color") == "rgb(164, 0, 15)"
        assert "27.8.2022" in overdue.inner_text()
        on_time = rows.filter(has_text="Haddad, Omar")
        assert on_time.get_attribute("class") is None and "Myöhässä" not in on_time.inner_text()

        overdue.get_by_role("button", name="Tee siirto").click()
        page.wait_for_load_state()
        status = page.get_by_role("status").inner_text()
        assert "Aada Koskinen" in status and "Helsinki" in status
        assert page.locator("table.due-transfers tbody tr").first.inner_text().startswith("Haddad")
        done = page.locator("section").filter(has_text="Tehty viimeisten 30 päivän aikana")
        assert "Koskinen, Aada" in done.inner_text()
        check_accessibility(page)
        assert Customership.objects.get(person__henkilotunnus=KOSKINEN).municipality.code == "091"
        assert DueTransfer.objects.get(person__henkilotunnus=KOSKINEN).done_on == dt.date(2022, 9, 1)

        worker.reload()
        assert "Koskinen, Aada" in _search(worker, "Koskinen")
        worker.get_by_role("link", name="Koskinen, Aada").click()
        worker.wait_for_load_state()
        assert "1.9.2022" in worker.locator("table.customerships").inner_text()
        check_accessibility(worker)
    finally:
        helsinki.close()


def test_the_te_office_moves_through_the_7_day_list_with_the_keyboard(page, registrations):
    """R-TG-4, R-SP-2: the 7-day list is the same worklist as the deadlines' — the groups' counts on top
    (overdue / today / this week / all; all shown first), j and k move between the job seekers, Enter
    opens one; a group's tab lists only its rows."""
    _import(_registration(KOSKINEN, "Koskinen", "Aada", "091", "fi", "2022-08-20"))  # due 27.8.2022: overdue
    sign_in(page, "sanna.makinen")
    page.goto("/transfers/due/")
    page.wait_for_load_state()
    tabs = page.get_by_role("navigation", name="Siirtojen ryhmät")
    assert tabs.get_by_role("listitem").all_inner_texts() == [
        "Myöhässä (1)",
        "Tänään (0)",
        "Tällä viikolla (0)",  # Haddad's 5.9.2022 is next week's Monday
        "Kaikki avoimet (2)",
    ]
    assert tabs.get_by_role("link", name="Kaikki avoimet (2)").get_attribute("aria-current") == "page"
    check_accessibility(page)
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.textContent") == "Koskinen, Aada"
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.textContent") == "Haddad, Omar"
    page.keyboard.press("j")  # the last row stays
    assert page.evaluate("document.activeElement.textContent") == "Haddad, Omar"
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.textContent") == "Koskinen, Aada"
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Aada Koskinen"
    page.go_back()
    page.wait_for_load_state()
    page.get_by_role("navigation", name="Siirtojen ryhmät").get_by_role("link", name="Myöhässä (1)").click()
    page.wait_for_load_state()
    assert "group=overdue" in page.url
    rows = page.locator("table.due-transfers tbody tr")
    assert rows.count() == 1 and rows.first.inner_text().startswith("Koskinen, Aada")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.textContent") == "Koskinen, Aada"
    check_accessibility(page)
