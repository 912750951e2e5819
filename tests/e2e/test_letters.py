"""Letters in the browser (issue 11, R-APP-5, R-X-7): the ministry opens the supplementary round's selection
decision, reads the letter in Finnish and in Swedish on one page (each with its `lang`), follows each
letter's PDF link and gets the same letter as a PDF; the page passes the accessibility check and prints
without the site's chrome."""

import pytest
from playwright.sync_api import expect

from kuntakokeilu.applications import decision_letter
from kuntakokeilu.applications.models import SelectionDecision
from kuntakokeilu.applications.rounds import load_rounds
from kuntakokeilu.letters.pdf import render_pdf
from tests.e2e.conftest import check_accessibility, sign_in
from tests.letters.pdftext import pdf_text

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_the_ministry_reads_the_selection_decision_and_its_pdfs(page, settings):
    settings.KUNTAKOKEILU_TODAY = "2021-03-01"
    load_rounds()
    decision = SelectionDecision.objects.get(round__code="supplementary-2020")
    sign_in(page, "elina.laine")
    page.goto(f"/applications/decisions/{decision.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Valintapäätös")
    finnish, swedish = page.locator("article.letter[lang='fi']"), page.locator("article.letter[lang='sv']")
    expect(finnish.get_by_role("heading", level=2)).to_have_text("Päätös kokeilualueiden valinnasta")
    expect(swedish.get_by_role("heading", level=2)).to_have_text("Beslut om val av försöksområden")
    expect(finnish).to_contain_text("Työ- ja elinkeinoministeriö")
    expect(swedish).to_contain_text("Nytt försöksområde 9")
    check_accessibility(page)

    for lang, title in (
        ("fi", "Päätös kokeilualueiden valinnasta"),
        ("sv", "Beslut om val av försöksområden"),
    ):
        link = page.locator(f"a[type='application/pdf'][hreflang='{lang}']")
        expect(link).to_be_visible()
        response = page.request.get(link.get_attribute("href"))  # the signed-in session's cookies
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body() == render_pdf(decision_letter.letter(decision, lang))
        assert title in pdf_text(render_pdf(decision_letter.letter(decision, lang), compress=False))

    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator("a[type='application/pdf']").first.is_visible()
    assert finnish.is_visible() and swedish.is_visible()
