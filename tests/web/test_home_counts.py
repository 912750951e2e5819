"""Issue 15 item 4: each role's home page shows what waits for it today — due transfers (and how many are
overdue) for the TE office (R-TG-4), applications to screen for ELY and the ministry and one's own drafts
for the applicant (R-APP-2), evaluation runs for researchers (R-EVAL-3) — in fi and sv, each count linking
to its page and none shown to a role that may not open that page."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.applications.demo import ensure_open_round
from kuntakokeilu.applications.models import Application, ApplicationStatus
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.evaluation.models import EvaluationRun, RunStatus
from kuntakokeilu.regions.models import Municipality
from tests.customers.helpers import load

pytestmark = pytest.mark.django_db
YOUNG = make_henkilotunnus(dt.date(2000, 4, 5), 931)
ROW = {
    "henkilotunnus": YOUNG,
    "last_name": "Laine",
    "first_name": "Veera",
    "service_language": "fi",
    "kotikunta": "091",
    "mother_tongue": "fi",
    "immigrant": "false",
    "status": "unemployed",
    "earnings_related_entitlement": "true",
}


@pytest.fixture
def world(settings):
    settings.KUNTAKOKEILU_TODAY = "2022-03-20"
    ensure_demo_users()
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})  # due 17.3.2022: overdue


def home(client, username, lang="fi") -> str:
    client.force_login(get_user_model().objects.get(username=username))
    return client.get("/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()


@pytest.mark.parametrize(
    ("lang", "due", "overdue"),
    [("fi", "1 erääntyvä siirto", "1 myöhässä"), ("sv", "1 överföring att göra", "1 försenad")],
)
def test_the_te_office_sees_its_due_transfers_and_the_overdue_ones(world, client, lang, due, overdue):
    """R-TG-4: the Uusimaa TE office's worklist holds Veera Laine's transfer, due 17.3.2022."""
    page = home(client, "sanna.makinen", lang)
    assert due in page and overdue in page and 'href="/transfers/due/"' in page


def test_the_case_worker_of_another_area_sees_no_transfer_of_the_te_office(world, client):
    page = home(client, "ville.hyvonen")
    assert "0 erääntyvää siirtoa" in page or "erääntyv" not in page


def test_applications_to_screen_and_the_applicants_drafts(world, client, settings):
    """R-APP-2: a submitted Loviisa application is the Uusimaa ELY's and the ministry's to screen; a draft
    is only the applicant's (issue 15: drafts are not shown to officials)."""
    today = dt.date(2026, 11, 28)
    settings.KUNTAKOKEILU_TODAY = today
    round_, _changed = ensure_open_round(today)
    loviisa = Municipality.objects.get(code="434")
    Application.objects.create(
        round=round_, lead=loviisa, name="Lähetetty", status=ApplicationStatus.SUBMITTED
    )
    Application.objects.create(round=round_, lead=loviisa, name="Luonnos")
    assert "1 tarkastettava hakemus" in home(client, "kaisa.jarvinen")
    assert "1 ansökan att granska" in home(client, "elina.laine", "sv")
    assert "1 hakemuksesi on jättämättä" in home(client, "pekka.nieminen")
    assert "tarkastettav" not in home(client, "aino.virtanen")


def test_the_researcher_sees_the_runs(world, client):
    """R-EVAL-3: runs queued or running, and done; the ELY official does not see runs."""
    EvaluationRun.objects.create(status=RunStatus.RUNNING, spec={})
    EvaluationRun.objects.create(status=RunStatus.DONE, spec={})
    EvaluationRun.objects.create(status=RunStatus.DONE, spec={})
    page = home(client, "tuomas.koskinen")
    assert "1 vaikutusten arvioinnin ajo jonossa tai käynnissä, 2 valmista" in page
    assert "arvioinnin ajo" not in home(client, "kaisa.jarvinen")
