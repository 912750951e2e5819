"""Transfer notices as PDF letters (R-TG-7): rendered on demand from the stored data, in the notice's
language, the same bytes every time; the download opens to those who may see the person (R-X-1) and
writes the access log (R-X-2)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers import customerships, notice_letter
from kuntakokeilu.customers.models import Ground, NoticeRecipient, RequestReason
from kuntakokeilu.customers.queries import target_group_on
from kuntakokeilu.letters.html import render_html
from kuntakokeilu.letters.pdf import render_pdf
from tests.letters.pdftext import pdf_text

from .conftest import HELSINKI_HETU, PORVOO_HETU

START = dt.date(2021, 3, 1)
MOVED = dt.date(2021, 9, 1)


def _transfer(person):
    outcome = target_group_on(person, START)
    return customerships.start(person, on=START, ground=Ground.INITIAL_TRANSFER, outcome=outcome)[0]


def _pdf(notice, lang=None, **kwargs) -> bytes:
    return render_pdf(notice_letter.letter(notice, lang), **kwargs)


def test_the_person_notice_is_a_letter_in_swedish_with_the_sender_and_the_same_bytes_twice(demo):
    """R-TG-7: the Swedish-speaking Porvoo person's notice prints in Swedish: the Uusimaa TE office
    (the transferring authority) as sender, the date, the person's name, the title and sentences."""
    notice = _transfer(demo[PORVOO_HETU]).notices.get(recipient=NoticeRecipient.PERSON)
    data = _pdf(notice, compress=False)
    assert data.startswith(b"%PDF")
    assert data == _pdf(notice, compress=False)
    assert _pdf(notice) == _pdf(notice)  # compressed: deterministic too
    text = pdf_text(data)
    for expected in (
        "Avsändare Nylands arbets- och näringsbyrå",
        "Datum 1.3.2021",
        "Mottagare Johan Nyström",
        "Meddelande om ändrat ansvar för arbetskraftsservicen",
        "ordnar Borgå din arbetskraftsservice",
        "inledande överföring",
        "sysselsättningsplan",
    ):
        assert expected in text
    assert "Porvoo" not in text and "Lähettäjä" not in text


def test_finnish_on_demand_and_the_reason_of_a_move_back(demo):
    """R-TG-7 (L421 s. 5): a move back to the TE office on request prints the reason; asked in Finnish,
    the same notice reads in Finnish."""
    person = demo[PORVOO_HETU]
    office = _transfer(demo[HELSINKI_HETU]).te_office
    _transfer(person)
    row = customerships.start(
        person,
        on=MOVED,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        outcome=None,
        responsible={"type": "te_office", "te_office_code": office.code},
        request_reason=RequestReason.LINGUISTIC_RIGHTS,
    )[0]
    notice = row.notices.get(recipient=NoticeRecipient.PERSON)
    letter = notice_letter.letter(notice, "fi")
    assert letter.language == "fi" and letter.recipient == "Johan Nyström"
    assert any("kielellisten oikeuksien" in line for line in letter.sections[0].paragraphs)
    assert letter.sender == office.name_fi
    data = _pdf(notice, "fi", compress=False)
    text = pdf_text(data)
    assert "kielellisten oikeuksien" in text and f"Lähettäjä {office.name_fi}" in text
    assert data != _pdf(notice, "sv", compress=False)


@pytest.mark.parametrize(
    "username,status",
    [("linnea.lindqvist", 200), ("sanna.makinen", 200), ("aino.virtanen", 404), ("elina.laine", 404)],
)
def test_the_pdf_download_opens_within_scope_and_is_logged(demo, client, user, username, status):
    """R-TG-7, R-X-1, R-X-2: as the printable page: the Porvoo case worker and the Uusimaa TE office;
    each download is logged."""
    person = demo[PORVOO_HETU]
    notice = _transfer(person).notices.get(recipient=NoticeRecipient.PERSON)
    client.force_login(user(username))
    response = client.get(reverse("customers:notice-pdf", args=[person.pk, notice.pk]))
    assert response.status_code == status
    logged = AccessLogEntry.objects.filter(user__username=username, what="customers:notice-pdf")
    assert logged.count() == (1 if status == 200 else 0)
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content == _pdf(notice)
        assert logged.get().purpose == Purpose.CUSTOMER_SERVICE


def test_the_notice_page_links_to_its_pdf(demo, client, user):
    """R-TG-7: the printable page offers the PDF."""
    person = demo[PORVOO_HETU]
    notice = _transfer(person).notices.first()
    client.force_login(user("sanna.makinen"))
    page = client.get(reverse("customers:notice", args=[person.pk, notice.pk])).content.decode()
    assert reverse("customers:notice-pdf", args=[person.pk, notice.pk]) in page


def test_the_receiving_organisation_and_the_sender_of_a_kotikunta_change(demo):
    """R-TG-7, L1269 s. 5 mom 1: the receiving organisation's letter names it as the recipient (Porvoo, in
    Finnish); a trial municipality's customer who moves is transferred, and the letter sent, by that
    municipality (Porvoo), not by the TE office."""
    person = demo[PORVOO_HETU]
    first = _transfer(person)
    organisation = notice_letter.letter(first.notices.get(recipient=NoticeRecipient.ORGANISATION))
    assert organisation.language == "fi" and organisation.recipient == "Porvoo"
    assert organisation.sender == "Uudenmaan TE-toimisto"
    moved = customerships.start(
        person,
        on=MOVED,
        ground=Ground.CHANGE_OF_KOTIKUNTA,
        outcome=None,
        responsible={"type": "municipality", "kunta_code": "091"},
    )[0]
    letter = notice_letter.letter(moved.notices.get(recipient=NoticeRecipient.PERSON))
    assert letter.sender == "Borgå"
    assert "Helsingfors" in pdf_text(
        _pdf(moved.notices.get(recipient=NoticeRecipient.PERSON), compress=False)
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", ("Avsändare", "Nylands arbets- och näringsbyrå", "Lag om kommunförsök", "ordnar Borgå")),
        ("fi", ("Lähettäjä", "Uudenmaan TE-toimisto", "Laki työllisyyden edistämisen", "järjestää Porvoo")),
    ],
)
def test_the_notice_renders_through_the_letter_renderer_to_html_and_pdf(demo, lang, expected):
    """R-TG-7 (issue 11): one letter, two outputs: the page's HTML and the PDF say the same in fi and sv,
    with the reference and the Act as legal reference; a notice has no appeal instructions."""
    notice = _transfer(demo[PORVOO_HETU]).notices.get(recipient=NoticeRecipient.PERSON)
    letter = notice_letter.letter(notice, lang)
    page = render_html(letter)
    text = pdf_text(render_pdf(letter, compress=False))
    for part in (*expected, "Johan Nyström", "1.3.2021", letter.reference, letter.title):
        assert part in page and part in text, part
    assert f'lang="{lang}"' in page and letter.appeal is None


def test_the_notice_page_is_the_letter_in_the_notices_language(demo, client, user):
    """R-TG-7: the printable page shows the same letter as the PDF, in Swedish for the Porvoo person,
    the receiving organisation's notice in Finnish naming Porvoo as the recipient."""
    person = demo[PORVOO_HETU]
    row = _transfer(person)
    client.force_login(user("linnea.lindqvist"))
    for notice, lang, recipient in (
        (row.notices.get(recipient=NoticeRecipient.PERSON), "sv", "Johan Nyström"),
        (row.notices.get(recipient=NoticeRecipient.ORGANISATION), "fi", "Porvoo"),
    ):
        page = client.get(reverse("customers:notice", args=[person.pk, notice.pk])).content.decode()
        assert render_html(notice_letter.letter(notice), id="notice", css_class="notice") in page
        assert f'<article class="letter notice" lang="{lang}"' in page and f"<dd>{recipient}</dd>" in page
