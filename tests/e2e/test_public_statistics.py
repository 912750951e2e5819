"""Issue 19 items 4 and 6 in the browser (R-MON-1, R-MON-6): an anonymous visitor opens the public comparison
for Kainuu in Swedish, reads the chart and the table, and downloads the table as CSV (no sign-in, no
JavaScript needed)."""

import csv
import io

from playwright.sync_api import expect

from .conftest import check_accessibility


def test_anonymous_visitor_compares_kainuu_in_swedish_and_downloads_the_csv(page, settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-15"
    page.goto("/statistics/")
    page.locator("#lang-select").select_option("sv")
    page.get_by_role("button", name="Vaihda").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Offentlig statistik: försöket och övriga Fastlandsfinland")
    expect(page.locator("#comparison-heading")).to_have_text("Alla försökskommuner – Övriga Fastlandsfinland")
    page.locator("#area-select").select_option("7")
    page.get_by_role("button", name="Visa").click()
    page.wait_for_load_state()
    assert "area=7" in page.url
    expect(page.locator("#comparison-heading")).to_contain_text("Övriga Fastlandsfinland")
    expect(page.get_by_role("img", name="Arbetslöshetsgrad, %")).to_be_visible()
    march = page.locator("#comparison-table tr", has=page.locator("th", has_text="2021-03"))
    expect(march.locator("td").nth(0)).to_have_text("11,2")
    expect(march.locator("td").nth(2)).to_have_text("3\u202f369")
    expect(march.locator("td").nth(3)).to_have_text("84\u202f922")
    expect(page.locator("#series-notes")).to_contain_text("Långtidsarbetslösa: Ingen källa ännu")
    check_accessibility(page)
    with page.expect_download() as download:
        page.locator("#csv-link").click()
    assert download.value.suggested_filename == "statistics-area-7.csv"
    with open(download.value.path(), encoding="utf-8") as file:
        rows = list(csv.reader(io.StringIO(file.read())))
    assert rows[0][:3] == [
        "Månad",
        "Arbetslöshetsgrad, % – Kajanaland",
        "Arbetslöshetsgrad, % – Övriga Fastlandsfinland",
    ]
    assert next(r for r in rows if r[0] == "2021-03")[1:5] == ["11.2", "11.2", "3369", "84922"]
