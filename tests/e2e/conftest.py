"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium) against the live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check is relaxed
for these tests only. Without Chromium the tests fail (`make test` installs it first when it can, see
tools/ensure_chromium.sh), unless KK_SKIP_BROWSER=1 says to skip them: a green run means they ran.
"""

import os
from pathlib import Path

import pytest

from kuntakokeilu.access.demo import DEMO_PASSWORD, ensure_demo_users
from kuntakokeilu.regions.services import load_reference_data

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("KK_CHROMIUM", "/usr/bin/chromium"))
# Root user, closed network: no sandbox, no GPU, no background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("KK_SKIP_BROWSER") == "1":
            pytest.skip(f"KK_SKIP_BROWSER=1: the browser tests are skipped (no Chromium at {CHROMIUM})")
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it with `sudo apt-get install -y chromium`"
            " or skip the browser tests with `KK_SKIP_BROWSER=1 make test`",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the real reference data and the demo users (a transactional test empties
    the tables after it, so each browser test loads them again)."""
    load_reference_data()
    ensure_demo_users()
    return live_server


@pytest.fixture
def page(browser, site):
    context = browser.new_context(locale="fi-FI", base_url=site.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def check_accessibility(page, exclude: list[str] | None = None) -> None:
    """axe-core (WCAG 2.1 A/AA rules) on the current page; serious or critical violations fail (R-X-7).

    `exclude` names CSS selectors of third-party widgets we do not render ourselves (Swagger UI); each use
    is written down in docs/architecture.md as a known gap.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        context={"exclude": [[selector] for selector in exclude]} if exclude else None,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
    )
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious
    )


def sign_in(page, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto("/sign-in/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def porvoo_customer_since_the_start(settings, today: str):
    """The demo job seekers with "today" set; Johan Nyström (Porvoo, service in Swedish) Porvoo's customer
    from the initial transfer of 1.3.2021 (R-TG-3)."""
    import datetime as dt

    from kuntakokeilu.customers import customerships
    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Ground, Person

    settings.KUNTAKOKEILU_TODAY = today
    import_job_seekers(demo_csv(), source="e2e")
    person = Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1988, 4, 19), 908))
    customerships.start(
        person,
        on=dt.date(2021, 3, 1),
        ground=Ground.INITIAL_TRANSFER,
        outcome=None,
        responsible={"type": "municipality", "kunta_code": "638"},
    )
    return person
