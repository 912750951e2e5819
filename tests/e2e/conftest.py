"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium) against the live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check is relaxed
for these tests only. Without Chromium the tests skip, unless KK_REQUIRE_BROWSER is set (CI sets it).
"""

import os
from pathlib import Path

import pytest

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
        message = f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("KK_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the real reference data (a transactional test empties the tables after it)."""
    load_reference_data()
    return live_server


@pytest.fixture
def page(browser, site):
    context = browser.new_context(locale="fi-FI", base_url=site.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
