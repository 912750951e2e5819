"""The benefit decisions' pages through Django's client (issue 18 item 2; R-X-1, R-X-2): the drafts to accept
per approver, the decision page logged, cancellation and correction from the page, refusals localised, and
the letter templates' new versions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.decisions import services
from kuntakokeilu.decisions.models import Decision, Kind, LetterTemplate, Status
from tests.decisions.conftest import ON, WAGE_FACTS

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(world, settings):
    settings.KUNTAKOKEILU_TODAY = ON.isoformat()
    return services.prepare(
        world["jari"],
        "wage-subsidy",
        WAGE_FACTS,
        Decimal("9000"),
        50,
        dt.date(2023, 10, 1),
        dt.date(2024, 7, 31),
        world["ville"],
        ON,
    )


def _client(user, lang="fi") -> Client:
    client = Client(headers={"accept-language": lang})
    client.force_login(user)
    return client


def test_the_drafts_to_accept_are_the_municipalitys(world, draft):
    assert draft.diary_number in _client(world["antti"]).get("/decisions/").content.decode()
    assert draft.diary_number not in _client(world["mikko"]).get("/decisions/").content.decode()
    assert _client(world["mikko"]).get(f"/decisions/{draft.pk}/").status_code == 404


def test_the_preparer_gets_no_accept_and_the_page_is_logged(world, draft):
    client = _client(world["ville"])
    page = client.get(f"/decisions/{draft.pk}/").content.decode()
    assert "Hyväksy päätös" not in page and "Luonnos" in page and "9\u00a0000,00" in page
    assert AccessLogEntry.objects.filter(user=world["ville"], what="decisions:decision").count() == 1
    assert client.post(f"/decisions/{draft.pk}/accept/").status_code == 404  # not an approver


def test_accept_cancel_and_correct_from_the_pages(world, draft):
    assert _client(world["antti"]).post(f"/decisions/{draft.pk}/accept/").status_code == 302
    worker = _client(world["emma"])
    empty = worker.post(f"/decisions/{draft.pk}/cancel/", {"reason": ""})
    assert empty.status_code == 400 and not Decision.objects.filter(kind=Kind.CANCELLATION).exists()
    form = worker.get(f"/decisions/{draft.pk}/correct/")
    assert form.status_code == 200 and 'value="50"' in form.content.decode()
    body = {
        "fact_employer_type": "company",
        "fact_unemployed_months_last_14": "13",
        "fact_unemployed_months_last_28": "20",
        "fact_reduced_work_ability": "false",
        "fact_age": "51",
        "fact_employment_started_before_decision": "false",
        "start": "2023-10-01",
        "end": "2024-07-31",
        "amount": "8000",
        "reason": "Määrä",
    }
    too_much = worker.post(f"/decisions/{draft.pk}/correct/", {**body, "percent": "60"})
    assert too_much.status_code == 400 and "enintään 50 prosenttia" in too_much.content.decode()
    assert worker.post(f"/decisions/{draft.pk}/correct/", {**body, "percent": "40"}).status_code == 302
    fix = Decision.objects.get(kind=Kind.CORRECTION)
    assert fix.replaces_id == draft.pk and fix.status == Status.DRAFT and fix.percent == 40


def test_templates_are_versions(world, draft):
    client = _client(world["juha"])
    assert client.get("/decisions/templates/").status_code == 200
    first = LetterTemplate.objects.get(instrument="all", language="fi")
    answer = client.post(
        "/decisions/templates/",
        {
            "instrument": "all",
            "language": "fi",
            "valid_from": "2023-09-15",
            "grounds_intro": "Perustelut alkavat.",
            "appeal_heading": "Oikaisuvaatimusohje",
            "appeal_text": "Tarkastettu teksti.",
        },
    )
    assert answer.status_code == 302
    assert LetterTemplate.objects.filter(instrument="all", language="fi").count() == 2
    first.refresh_from_db()
    assert first.appeal_text != "Tarkastettu teksti."
    assert _client(world["ville"]).get("/decisions/templates/").status_code == 403
