"""Decisions on transfer requests (issue 14 item 3; R-TG-5, R-TG-7; L1269 s. 5 mom 6 as amended by
L421/2021, s. 17; law notes §2.3, §7.2): a decided request — refused or granted — is a decision letter in the
person's service language with its grounds, legal references and rectification instructions, rendered by the
letters app to HTML and PDF; a move between trial municipalities notifies the municipality that loses the
customer as well as the one that receives."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.customers import notice_letter, notices, request_letter, transfer_requests
from kuntakokeilu.customers.models import Notice, NoticeRecipient
from kuntakokeilu.letters.pdf import render_pdf

from ..letters.pdftext import pdf_text
from .conftest import PORVOO_HETU
from .test_requests import DECIDED, ask_back, ask_to_helsinki

pytestmark = pytest.mark.django_db


def refused_for_services(demo_customers, user):
    """Helsinki's customer (Finnish) asks to go back to the TE office; it is not shown that the move keeps
    services matching the needs, so the Uusimaa TE office refuses."""
    row = ask_back(demo_customers, user, services_secured=False)
    return transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=False)


def test_a_refused_requests_letter_gives_the_grounds_and_rectification_instructions(demo_customers, user):
    """Done-when case: the refused request's letter, in Finnish (the service language): the Uusimaa TE
    office refuses, the unmet condition is the ground, Helsinki stays responsible, the Act's sections are
    named and the remedy is a request for rectification (oikaisuvaatimus), not a direct appeal."""
    letter = request_letter.letter(refused_for_services(demo_customers, user))
    assert letter.language == "fi" and letter.title == "Päätös siirtopyyntöön"
    assert letter.sender == "Uudenmaan TE-toimisto" and letter.date == DECIDED
    body = [p for s in letter.sections for p in (*s.paragraphs, *s.items)]
    assert any("hylkää" in p and "Helsinki" in p for p in body)
    assert any("palvelu" in p for p in letter.sections[2].items)  # the unmet condition
    assert any("421/2021" in r for r in letter.legal_references)
    assert letter.appeal.heading == "Oikaisuvaatimusohje"
    assert "30 päivän" in " ".join(letter.appeal.paragraphs)
    assert "Uudenmaan TE-toimisto" in " ".join(letter.appeal.paragraphs)


def test_the_rectification_instructions_cite_the_right_sections(demo_customers, user):
    """Issue 14 item 5 (R-TG-5; law notes §7.2): the 30 days and the authority are Administrative Procedure
    Act 434/2003 s. 49 b, service by post s. 59, the request's content s. 49 c; the remedy is L1269 s. 17 →
    Act 916/2012 ch. 14 (fi and sv)."""
    row = refused_for_services(demo_customers, user)
    for lang, period, content, act in (
        (
            "fi",
            "(hallintolaki 434/2003, 49 b ja 59 §)",
            "(hallintolaki 434/2003, 49 c §)",
            "916/2012), 14 luku",
        ),
        (
            "sv",
            "(förvaltningslagen 434/2003, 49 b och 59 §)",
            "(förvaltningslagen 434/2003, 49 c §)",
            "14 kap.",
        ),
    ):
        letter = request_letter.letter(row, lang)
        when, what = letter.appeal.paragraphs[1], letter.appeal.paragraphs[2]
        assert "30" in when and period in when and "49 c" not in when
        assert content in what
        assert any("1269/2020, 17 §" in r and act in r for r in letter.legal_references)


def test_the_letter_in_swedish_and_as_a_pdf(demo_customers, user):
    """R-TG-7: Porvoo's Swedish-speaking customer's granted move to Helsinki: the decision in Swedish
    (begäran om omprövning), the PDF reads the same; the Finnish version on demand."""
    row = ask_to_helsinki(demo_customers, user)
    transfer_requests.answer(row, actor=user("mikko.korhonen"), on=dt.date(2023, 5, 5), accept=True)
    decided = transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=True)
    letter = request_letter.letter(decided)
    assert letter.language == "sv" and letter.title == "Beslut om begäran om överföring"
    assert letter.appeal.heading == "Anvisning för begäran om omprövning"
    assert set(letter.sections[3].items) == {"Borgå", "Helsingfors"}  # copies: losing and receiving
    text = pdf_text(render_pdf(letter, compress=False))
    assert "Helsingfors" in text and "begäran om omprövning" in text.lower()
    assert request_letter.letter(decided, "fi").title == "Päätös siirtopyyntöön"


def test_an_undecided_request_has_no_letter(demo_customers, user):
    with pytest.raises(ValueError):
        request_letter.letter(ask_back(demo_customers, user))


def test_a_move_between_municipalities_notifies_the_losing_one(demo_customers, user):
    """L421 s. 5 mom 6: Porvoo, which loses the customer, gets its own notice (Finnish-majority: fi) from
    the TE office, as well as Helsinki, which receives."""
    row = ask_to_helsinki(demo_customers, user)
    transfer_requests.answer(row, actor=user("mikko.korhonen"), on=dt.date(2023, 5, 5), accept=True)
    created = transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=True).customership
    recipients = set(Notice.objects.filter(customership=created).values_list("recipient", flat=True))
    assert recipients == {NoticeRecipient.PERSON, NoticeRecipient.ORGANISATION, NoticeRecipient.PREVIOUS}
    losing = created.notices.get(recipient=NoticeRecipient.PREVIOUS)
    letter = notice_letter.letter(losing)
    assert (losing.language, letter.recipient) == ("fi", "Porvoo")
    assert "ei ole enää asiakkaanne" in notices.render(losing)["lines"][0]
    assert "Helsinki" in notices.render(losing)["lines"][0]


def test_the_decision_page_and_pdf_are_logged_and_scoped(demo_customers, user, client):
    """R-X-1, R-X-2: the Uusimaa TE office opens the refusal (page and PDF, each logged); the Kajaani case
    worker may not (404, as for a missing object); an undecided request has no page."""
    decided = refused_for_services(demo_customers, user)
    client.force_login(user("sanna.makinen"))
    page = client.get(reverse("customers:request-decision", args=[decided.pk]))
    assert page.status_code == 200 and "Oikaisuvaatimusohje" in page.content.decode()
    pdf = client.get(reverse("customers:request-decision-pdf", args=[decided.pk]) + "?lang=sv")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    logged = set(AccessLogEntry.objects.filter(user__username="sanna.makinen").values_list("what", flat=True))
    assert {"customers:request-decision", "customers:request-decision-pdf"} <= logged
    person_page = client.get(reverse("customers:person", args=[decided.person_id]))
    assert reverse("customers:request-decision", args=[decided.pk]) in person_page.content.decode()
    client.force_login(user("ville.hyvonen"))
    assert client.get(reverse("customers:request-decision", args=[decided.pk])).status_code == 404
    pending = ask_to_helsinki(demo_customers, user)
    client.force_login(user("sanna.makinen"))
    assert client.get(reverse("customers:request-decision", args=[pending.pk])).status_code == 404
    assert demo_customers[PORVOO_HETU].pk == pending.person_id


def test_the_api_gives_the_decision_as_the_page_does(demo_customers, user, client):
    """R-X-1, R-X-2: the refusal's letter through the API, in Finnish, then in Swedish and as a PDF; logged;
    the Kajaani case worker gets the same 404 as for a missing decision."""
    decided = refused_for_services(demo_customers, user)
    client.force_login(user("sanna.makinen"))
    url = reverse("api:transfer-request-decision", args=[decided.pk])
    body = client.get(url).json()
    assert body["title"] == "Päätös siirtopyyntöön" and body["appeal"]["heading"] == "Oikaisuvaatimusohje"
    assert client.get(url + "?lang=sv").json()["appeal"]["heading"] == "Anvisning för begäran om omprövning"
    assert client.get(url + "?lang=de").status_code == 400
    pdf = client.get(reverse("api:transfer-request-decision-pdf", args=[decided.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert AccessLogEntry.objects.filter(what="api:transfer-request-decision").exists()
    client.force_login(user("ville.hyvonen"))
    refused = client.get(url)
    missing = client.get(reverse("api:transfer-request-decision", args=[999999]))
    assert refused.status_code == missing.status_code == 404 and refused.json() == missing.json()


def test_the_demo_shows_a_refusal_and_an_ended_customership(demo, user):
    """`make run`: Sofia Holmberg's refused request has its decision letter (in Swedish); Oona Virta's
    customership has ended with its own notice; a second run changes nothing."""
    from kuntakokeilu.customers import transfers
    from kuntakokeilu.customers.demo import ended_customership_demo, request_decision_demo
    from kuntakokeilu.customers.models import Customership, Ground, RequestStatus, TransferRequest

    transfers.initial(dt.date(2021, 3, 1))
    today = dt.date(2022, 9, 1)
    assert "refused" in next(iter(request_decision_demo(today)))
    refused = TransferRequest.objects.get(person__last_name="Holmberg")
    assert refused.status == RequestStatus.REFUSED and request_letter.letter(refused).language == "sv"
    assert "ended" in next(iter(ended_customership_demo(today)))
    ended = Customership.objects.get(person__last_name="Virta", valid_to=None)
    assert (ended.ground, ended.valid_from) == (Ground.JOB_SEARCH_ENDED, dt.date(2022, 8, 27))
    assert notices.is_end(ended.notices.get(recipient=NoticeRecipient.PERSON))
    assert list(request_decision_demo(today)) == ["Decision on a transfer request: no change."]
    assert list(ended_customership_demo(today)) == ["Ended customership: no change."]
