"""The researcher runs the default evaluation specification from the page and reads its report (R-EVAL-1,
R-EVAL-3): the form is prefilled with the default specification, the run goes on the job queue and a real
worker process runs it while its page refreshes itself, and the finished run links the HTML report with
the event-study plot and the estimates table. Every page of ours passes the accessibility check (R-X-7)."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from kuntakokeilu.evaluation.models import EvaluationRun, RunStatus
from tests.e2e.conftest import check_accessibility, sign_in
from tests.jobs.worker import DATABASE_QUEUE, running_worker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


@pytest.fixture
def worker(console_env, settings, tmp_path):
    """The path `make run` sets up: the live server queues the run in the database and a real worker process
    (`kuntakokeilu worker` on the test database) runs it. The immediate backend would run it inside the
    request instead, and the page would never be seen queued or running."""
    settings.TASKS = DATABASE_QUEUE
    settings.EVALUATION_RUNS_DIR = tmp_path / "runs"
    env = {**console_env, "KUNTAKOKEILU_EVALUATION_RUNS_DIR": str(settings.EVALUATION_RUNS_DIR)}
    with running_worker(env, tmp_path / "worker.log") as process:
        yield process


def test_researcher_runs_the_default_specification_and_opens_the_report(page, settings, worker):
    settings.KUNTAKOKEILU_TODAY = dt.date(2026, 11, 28)

    sign_in(page, "tuomas.koskinen")
    page.get_by_role("navigation").get_by_role("link", name="Vaikutusten arviointi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vaikutusten arviointi")
    expect(page.locator("tbody")).to_contain_text("Ei vielä ajoja.")
    check_accessibility(page)

    page.get_by_role("link", name="Aja määrittely").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aja määrittely")
    expect(page.get_by_label("Ajon nimi")).to_have_value("default")
    expect(page.get_by_label("Aineiston ensimmäinen kuukausi")).to_have_value("2015-01")
    expect(page.get_by_label("Satunnaislukusiemen")).to_have_value("20210301")
    check_accessibility(page)

    # Bad input first: a localised message at the field, nothing started.
    page.get_by_label("Aineiston viimeinen kuukausi").fill("2023-13")
    page.get_by_role("button", name="Käynnistä ajo").click()
    expect(page.locator(".error-summary")).to_contain_text("”2023-13” ei ole kuukausi muodossa VVVV-KK.")
    assert not EvaluationRun.objects.exists()
    check_accessibility(page)

    page.get_by_label("Aineiston viimeinen kuukausi").fill("2023-10")
    page.get_by_role("button", name="Käynnistä ajo").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Arviointiajo default #\d+"))
    status = page.locator("#run-status")
    expect(status).to_have_text(re.compile("jonossa|käynnissä|valmis"))
    if status.inner_text() != "valmis":
        expect(page.locator("progress")).to_be_visible()
        check_accessibility(page)
    expect(status).to_have_text("valmis", timeout=120_000)  # the page reloads itself until then
    run = EvaluationRun.objects.get()
    assert (run.status, run.progress, run.created_by.username) == (RunStatus.DONE, 100, "tuomas.koskinen")
    expect(page.locator("progress")).to_have_count(0)
    check_accessibility(page)

    pdf = page.get_by_role("link", name="Raportti (PDF, lataus)")
    with page.expect_download() as download:
        pdf.click()
    assert download.value.suggested_filename == "report.pdf"

    page.get_by_role("link", name="Raportti (HTML)").click()
    # the researcher reads in Finnish: the report's body is Finnish too (issue 15 item 2)
    expect(page.get_by_role("heading", level=1)).to_contain_text("vaikutusten arviointi")
    plot = page.locator("figure svg")
    expect(plot).to_be_visible()
    assert plot.bounding_box()["width"] > 300
    estimates = page.locator("section[aria-labelledby=estimates] table")
    expect(estimates).to_be_visible()
    expect(estimates.locator("tbody tr").first).to_contain_text("perusmalli")
    expect(page.locator("section[aria-labelledby=event] table")).to_contain_text("4. neljännes 2020")
    expect(page.locator("#event")).to_contain_text("vertailujakso 4. neljännes 2020")

    page.go_back()
    page.get_by_role("link", name="Vaikutusten arviointi").first.click()
    row = page.locator("tbody tr").first
    expect(row).to_contain_text("valmis")
    expect(row).to_contain_text(f"{run.headline['estimate']:.3f}".replace(".", ","))
    check_accessibility(page)
