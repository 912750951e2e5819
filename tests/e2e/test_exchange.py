"""The admin exports and imports job seekers' records on the data exchange page (issue 20 items 1 and 6):
the navigation leads to the page; an import with a bad record lists the error by file, line and field in
Finnish and imports nothing; the export started from the page runs on the queue and its job page lists the
files with their schema versions. Every page passes the accessibility check (R-X-7)."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import expect

from kuntakokeilu.customers.models import Person
from tests.e2e.conftest import check_accessibility, sign_in
from tests.exchange.conftest import rewrite_line
from tests.exchange.test_pages import FROZEN, run_queued, zipped
from tests.jobs.worker import DATABASE_QUEUE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_admin_imports_a_bad_export_then_exports(page, settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    settings.EXCHANGE_DIR = tmp_path / "exchange"
    bad = tmp_path / "bad"
    bad.mkdir()
    for path in FROZEN.iterdir():
        (bad / path.name).write_bytes(path.read_bytes())
    rewrite_line(bad, "persons", 3, lambda r: r.update(service_language="en"))
    upload = tmp_path / "export.zip"
    upload.write_bytes(zipped(bad).getvalue())

    sign_in(page, "admin")
    page.get_by_role("navigation").get_by_role("link", name="Tiedonsiirto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tiedonsiirto")
    expect(page.get_by_role("table", name="Viennit ja tuonnit, uusin ensin")).to_contain_text(
        "Ei vielä vientejä eikä tuonteja."
    )
    check_accessibility(page)

    page.get_by_label("Vienti .zip-tiedostona").set_input_files(str(upload))
    page.get_by_role("button", name="Aloita tuonti").click()
    jobs = page.get_by_role("table", name="Viennit ja tuonnit, uusin ensin")
    expect(jobs).to_contain_text("jonossa")
    run_queued()  # the worker's part, in this process
    page.reload()
    expect(jobs).to_contain_text("1 virhe: mitään ei tuotu")
    jobs.get_by_role("link", name="Tuo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuo")
    errors = page.get_by_role("table", name="Virheet")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors).to_contain_text("persons.jsonl")
    expect(errors).to_contain_text("service_language")
    expect(errors).to_contain_text("Ei mikään sallituista arvoista: 'fi', 'sv'.")
    assert not Person.objects.exists()
    check_accessibility(page)

    page.get_by_role("link", name="Tiedonsiirto").first.click()
    page.get_by_label("Viennin päivämäärä").fill("5.9.2022")
    page.get_by_role("button", name="Aloita vienti").click()
    run_queued()
    page.reload()
    page.get_by_role("table", name="Viennit ja tuonnit, uusin ensin").get_by_role(
        "link", name="Vienti"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vienti")
    files = page.get_by_role("table", name="Viennin 2022-09-05 tiedostot")
    expect(files).to_contain_text("persons.v1.json")
    expect(files).to_contain_text("transfer_requests.jsonl")
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
    check_accessibility(page)
