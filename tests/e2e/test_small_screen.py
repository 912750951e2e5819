"""On a phone (390 px wide) the page does not scroll sideways: a wide table scrolls inside its own box; and
the browser tab shows the project's icon (issue 15 item 3, R-X-7)."""

import datetime as dt

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_a_wide_table_scrolls_inside_its_box_on_a_390_px_screen(page, settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    table = page.locator("main table").first
    widths = table.evaluate("t => [t.scrollWidth, t.clientWidth]")
    assert widths[0] > widths[1], "the table is wider than the screen and scrolls inside its box"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page itself scrolls sideways"
    table.evaluate("t => { t.scrollLeft = 200 }")
    assert table.evaluate("t => t.scrollLeft") > 0


def test_the_tab_shows_the_project_icon(page, settings, live_server):
    settings.KUNTAKOKEILU_TODAY = dt.date(2022, 9, 1)
    page.goto("/")
    href = page.locator("link[rel=icon]").get_attribute("href")
    assert href.endswith(".svg")
    response = page.request.get(live_server.url + href)
    assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in response.text()
