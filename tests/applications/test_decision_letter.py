"""The ministry's selection decision as a letter (R-APP-5, issue 11): built in the applications app, rendered
by the one letter renderer to the decision page and to a PDF, in Finnish and in Swedish, the PDF behind the
same catalogue action as the page (R-X-1). No appeal instructions: the selection was a step in preparing
a government bill, not an appealable administrative decision (see applications/decision_letter.py)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.applications import decision_letter
from kuntakokeilu.applications.models import Application, ApplicationStatus, SelectionDecision
from kuntakokeilu.letters.html import render_html
from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.regions.models import Municipality
from tests.letters.pdftext import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def supplementary(rounds):
    return SelectionDecision.objects.get(round__code="supplementary-2020")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fi",
            (
                "Päätös kokeilualueiden valinnasta",
                "Työ- ja elinkeinoministeriö",
                "Hakukierroksen hakijat",
                "Uusi kokeilualue 9",
                "Jämsä",
                "Perustelut",
                "Lähettäjä",
            ),
        ),
        (
            "sv",
            (
                "Beslut om val av försöksområden",
                "Arbets- och näringsministeriet",
                "Ansökningsomgångens sökande",
                "Nytt försöksområde 9",
                "Jämsä",
                "Motivering",
                "Avsändare",
            ),
        ),
    ],
)
def test_the_decision_renders_to_html_and_pdf_in_fi_and_sv(supplementary, lang, expected):
    """The same letter in both outputs: sender, recipient, date, the round, the areas, the grounds and the
    decision-maker; no appeal instructions (no remedy against a step of preparation)."""
    letter = decision_letter.letter(supplementary, lang)
    page = render_html(letter, level=2, id=f"letter-{lang}")
    text = pdf_text(render_pdf(letter, compress=False))
    date = f"{supplementary.decided_on.day}.{supplementary.decided_on.month}.{supplementary.decided_on.year}"
    for part in (*expected, date, letter.subtitle, supplementary.decision_maker.split(" / ")[0]):
        assert part in page, part
        assert part in text, part
    assert letter.appeal is None and "Valitusosoitus" not in page and "Besvärsanvisning" not in text
    assert render_pdf(letter) == render_pdf(decision_letter.letter(supplementary, lang))


def test_the_decision_is_given_in_finnish_and_swedish_only(supplementary):
    with pytest.raises(ValueError, match="Finnish and Swedish"):
        decision_letter.letter(supplementary, "en")


@pytest.mark.parametrize(("username", "status"), [("elina.laine", 200), ("linnea.lindqvist", 403)])
def test_the_page_links_each_letters_pdf_behind_the_pages_action(supplementary, client, username, status):
    """R-X-1: the ministry reads the page and both PDFs; a case worker (no `applications.view`) neither;
    a language the decision is not given in is not found."""
    ensure_demo_users()
    client.force_login(get_user_model().objects.get(username=username))
    page = client.get(reverse("applications:decision", args=[supplementary.pk]))
    assert page.status_code == status
    for lang in ("fi", "sv"):
        url = reverse("applications:decision-pdf", args=[supplementary.pk, lang])
        response = client.get(url)
        assert response.status_code == status
        if status == 200:
            assert f'href="{url}"' in page.content.decode()
            assert response["Content-Type"] == "application/pdf"
            assert response.content == render_pdf(decision_letter.letter(supplementary, lang))
    if status == 200:
        html = page.content.decode()
        assert render_html(decision_letter.letter(supplementary, "sv"), level=2, id="letter-sv") in html
        missing = client.get(reverse("applications:decision-pdf", args=[supplementary.pk, "en"]))
        assert missing.status_code == 404


def test_the_letter_lists_the_applications_not_selected(rounds):
    """An application of the round that was not selected is named under "Not selected", by its name or,
    without one, by its lead municipality; the letter is dated the decision's day."""
    decision = SelectionDecision.objects.get(round__code="main-2019")
    loviisa = Municipality.objects.get(code="434")
    Application.objects.create(round=decision.round, lead=loviisa, status=ApplicationStatus.NOT_SELECTED)
    letter = decision_letter.letter(decision, "sv")
    headings = [s.heading for s in letter.sections]
    assert headings == ["Vald", "Inte vald", "Motivering"]
    assert letter.sections[1].items == ("Lovisa",) and letter.date == decision.decided_on
    assert letter.date < dt.date(2021, 3, 1) and letter.signature == (decision.decision_maker,)
