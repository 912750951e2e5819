"""The admin follows the background tasks (issue 11, R-X-1): the navigation leads to the list of tasks with
their status, progress and error, and the workers; a task whose worker stopped says so in Finnish and in
Swedish. The page passes the accessibility check (R-X-7)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import check_accessibility, sign_in
from tests.jobs.test_page import make_jobs

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_admin_sees_the_background_tasks_with_progress_and_errors(page):
    make_jobs()
    sign_in(page, "admin")
    page.get_by_role("navigation").get_by_role("link", name="Taustatehtävät").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Taustatehtävät")
    tasks = page.get_by_role("table", name="Tehtävät, uusin ensin")
    expect(tasks.locator("tbody tr")).to_have_count(4)
    expect(tasks).to_contain_text("käynnissä")
    expect(tasks).to_contain_text("40 % placebos")
    expect(tasks).to_contain_text("Taustaprosessi pysähtyi kesken tehtävän.")
    expect(tasks).to_contain_text("ZeroDivisionError: division by zero")
    workers = page.get_by_role("table", name="Taustaprosessit")
    expect(workers.locator("tbody tr")).to_have_count(2)
    expect(workers).to_contain_text("kyllä")
    check_accessibility(page)

    page.locator("#lang-select").select_option("sv")
    page.locator("form.lang-switch button").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bakgrundsuppgifter")
    expect(page.get_by_role("table", name="Uppgifter, den nyaste först")).to_contain_text(
        "Bakgrundsprocessen stoppades medan uppgiften kördes."
    )
    check_accessibility(page)
