"""The statements pages (R-SP-8, R-X-2): a person's events with the ladder and the competence explained,
recording an event through the form, a statement asked outside competence refused with a localised message
and nothing saved, the worklist with "without delay", the letters as pages and PDFs, status changes, the TE
office's notices; every read in the access log; another area's staff see nothing (404)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.statements.models import BenefitEvent, Statement, TeOfficeNotice
from kuntakokeilu.statements.services import record_event
from tests.statements.conftest import HELSINKI_HETU, PORVOO_HETU

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
ON = "2022-10-20"


@pytest.fixture
def autumn(settings):
    settings.KUNTAKOKEILU_TODAY = ON


def test_the_person_page_records_an_event_and_shows_the_statement(client, demo_customers, user, autumn):
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    url = reverse("statements:record", args=[person.pk])
    data = {"kind": "service_interrupted", "date": "2022-10-10", "service": "Työkokeilu", "recipient": "kela"}
    answer = client.post(url, data)
    assert answer.status_code == 302
    page = client.get(answer["Location"], HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Palvelun keskeyttäminen" in page and "Työvoimapoliittinen lausunto" in page
    assert "määräaika 17.10.2022" in page and "päätelty" in page
    assert AccessLogEntry.objects.filter(what="statements:person", person_id=person.pk).exists()
    statement = Statement.objects.get()
    letter = client.get(reverse("statements:statement", args=[statement.pk]), HTTP_ACCEPT_LANGUAGE="fi")
    assert "Kela" in letter.content.decode()
    pdf = client.get(reverse("statements:statement-pdf", args=[statement.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    client.post(reverse("statements:statement-status", args=[statement.pk]), {"step": "send"})
    statement.refresh_from_db()
    assert (statement.status, statement.sent_on) == ("sent", D(ON))


def test_bad_input_in_the_form_changes_nothing(client, demo_customers, user, autumn):
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    url = reverse("statements:record", args=[person.pk])
    answer = client.post(
        url, {"kind": "other", "date": "2022-12-01", "recipient": "kela"}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert answer.status_code == 400 and "tämän päivän (20.10.2022) jälkeen" in answer.content.decode()
    answer = client.post(
        url, {"kind": "other", "date": "2022-10-01", "recipient": "fund"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert answer.status_code == 400 and "arbetslöshetskassa" in answer.content.decode()
    assert not BenefitEvent.objects.exists()


def test_a_statement_outside_competence_is_refused_on_the_page(client, demo_customers, user, autumn):
    """Issue 17 item 9: a statement asked for on a missed discussion (TTL 2 a: the TE office's)."""
    person = demo_customers[HELSINKI_HETU]
    event = record_event(person, "discussion_missed", D("2022-09-01"), source="", facts={}, by=None)
    client.force_login(user("aino.virtanen"))
    answer = client.post(reverse("statements:ask-statement", args=[event.pk]), HTTP_ACCEPT_LANGUAGE="fi")
    assert answer.status_code == 400
    assert "kokeilukunta ei anna lausuntoa" in answer.content.decode()
    assert not Statement.objects.exists()


def test_reminder_notice_worklist_and_the_te_office(client, demo_customers, user, autumn):
    person = demo_customers[HELSINKI_HETU]
    first = record_event(person, "discussion_missed", D("2022-09-01"), source="", facts={}, by=None)
    second = record_event(person, "discussion_missed", D("2022-10-03"), source="", facts={}, by=None)
    client.force_login(user("aino.virtanen"))
    reminder = client.get(reverse("statements:reminder", args=[first.reminder.pk]), HTTP_ACCEPT_LANGUAGE="fi")
    assert "Kirjallinen muistutus" in reminder.content.decode()
    assert client.get(reverse("statements:reminder-pdf", args=[first.reminder.pk])).content.startswith(
        b"%PDF"
    )
    worklist = client.get(reverse("statements:worklist") + "?list=notices", HTTP_ACCEPT_LANGUAGE="fi")
    text = worklist.content.decode()
    assert "viipymättä" in text and "Lahtinen" in text
    notice = second.notice
    page = client.get(
        reverse("statements:notice", args=[notice.pk]), HTTP_ACCEPT_LANGUAGE="fi"
    ).content.decode()
    assert "7 päivän korvaukseton määräaika" in page
    # the TE office sees a notice only once it is sent
    te = user("sanna.makinen")
    client.force_login(te)
    assert client.get(reverse("statements:te-notice", args=[notice.pk])).status_code == 404
    client.force_login(user("aino.virtanen"))
    client.post(reverse("statements:notice-status", args=[notice.pk]), {"step": "send"})
    client.force_login(te)
    listing = client.get(reverse("statements:te-notices"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Lahtinen" in listing
    client.post(reverse("statements:te-notice-acknowledge", args=[notice.pk]), {"step": "acknowledge"})
    assert TeOfficeNotice.objects.get().status == "acknowledged"


def test_another_municipality_sees_nothing(client, demo_customers, user, autumn):
    person = demo_customers[HELSINKI_HETU]
    event = record_event(person, "service_interrupted", D("2022-09-01"), source="", facts={}, by=None)
    client.force_login(user("linnea.lindqvist"))
    assert client.get(reverse("statements:person", args=[person.pk])).status_code == 404
    assert client.get(reverse("statements:statement", args=[event.statement.pk])).status_code == 404
    porvoo = demo_customers[PORVOO_HETU]
    page = client.get(
        reverse("statements:person", args=[porvoo.pk]), HTTP_ACCEPT_LANGUAGE="sv"
    ).content.decode()
    assert "Registrera en händelse" in page
