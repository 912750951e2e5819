"""The end of a customership (issue 14 item 4; R-TG-6, R-TG-7; L1269 s. 6, law notes §2.4): when the job
search ends the customership ends with its own notice — to the person in their service language and to the
organisation whose customer they were — never "from … your services are provided by no one"; a job search
restarted during the pilot continues with the same trial municipality."""

import datetime as dt

import pytest

from kuntakokeilu.customers import notice_letter, notices
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Customership, Ground, NoticeRecipient, Person, Responsible
from kuntakokeilu.letters.pdf import render_pdf

from ..letters.pdftext import pdf_text
from .conftest import make_customer
from .helpers import load

pytestmark = pytest.mark.django_db

SVEN = make_henkilotunnus(dt.date(1991, 5, 6), 941)  # 29 at the start, Swedish-speaking, lives in Porvoo
ROW = {
    "henkilotunnus": SVEN,
    "last_name": "Lindqvist",
    "first_name": "Sven",
    "service_language": "sv",
    "kotikunta": "638",
    "mother_tongue": "sv",
    "immigrant": "false",
    "status": "unemployed",
    "earnings_related_entitlement": "false",
    "valid_from": "2021-01-01",
    "job_search_start": "2021-01-01",
}


@pytest.fixture
def ended(settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-01"
    load(ROW)
    person = Person.objects.get(henkilotunnus=SVEN)
    make_customer(person, "638")
    load(ROW | {"job_search_end": "2022-03-31"})
    return person.customerships.get(valid_to=None)


def test_the_end_of_the_job_search_has_its_own_notice_in_the_service_language(ended):
    """R-TG-6, R-TG-7: the Porvoo customer's job search ended 31.3.2022; the notice (Swedish) says the
    customership with Borgå ended and that a restart during the pilot continues with Borgå (s. 6 mom 2)."""
    assert (ended.responsible, ended.ground, ended.valid_from) == (
        Responsible.NONE,
        Ground.JOB_SEARCH_ENDED,
        dt.date(2022, 4, 1),
    )
    notice = ended.notices.get(recipient=NoticeRecipient.PERSON)
    text = notices.render(notice)
    assert notice.language == "sv" and text["title"] == "Meddelande om att en kundrelation har upphört"
    body = " ".join(text["lines"])
    assert "31.3.2022" in body and "Borgå" in body and "fortsätter" in body
    assert "ingen" not in body and "tillhandahålls av" not in body
    finnish = " ".join(notices.render(notice, "fi")["lines"])
    assert "Porvoo" in finnish and "ei kukaan" not in finnish and "jatkuu" in finnish


def test_the_organisation_notified_is_the_one_that_had_the_customer(ended):
    """R-TG-7: the organisation's notice goes to Porvoo (Finnish-majority: in Finnish), from Porvoo."""
    notice = ended.notices.get(recipient=NoticeRecipient.ORGANISATION)
    assert notice.language == "fi"
    letter = notice_letter.letter(notice)
    assert (letter.sender, letter.recipient) == ("Porvoo", "Porvoo")
    assert letter.title == "Ilmoitus asiakkuuden päättymisestä" and not letter.appeal
    assert "Sven Lindqvist" in letter.sections[0].paragraphs[0]
    text = pdf_text(render_pdf(notice_letter.letter(ended.notices.get(recipient="person")), compress=False))
    assert "Borgå" in text and "upphört" in text


def test_a_restart_during_the_pilot_continues_with_the_same_municipality(ended):
    """R-TG-6 (s. 6 mom 2, law notes §2.4): Sven, now 31 and entitled to the earnings-related allowance —
    no group criterion met — restarts the job search on 1.9.2022: the customership continues at once
    with Porvoo, no 7-day window."""
    restart = {
        "valid_from": "2022-09-01",
        "job_search_start": "2022-09-01",
        "earnings_related_entitlement": "true",
    }
    load(ROW | restart)
    now = Customership.objects.get(person__henkilotunnus=SVEN, valid_to=None)
    assert (now.responsible, now.municipality.code, now.valid_from) == (
        Responsible.MUNICIPALITY,
        "638",
        dt.date(2022, 9, 1),
    )
    ended.refresh_from_db()
    assert ended.valid_to == dt.date(2022, 8, 31)
