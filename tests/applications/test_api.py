"""Applications and screening through the API (R-APP-6, R-X-1): per role, and identical to the console."""

import datetime as dt
import json

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.applications.models import Application, ApplicationStatus, Round
from kuntakokeilu.applications.rules import NAME
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.rules.console import run_items
from kuntakokeilu.rules.registry import get_rule

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)  # the demo roles hold from 2021


@pytest.fixture
def applications(rounds, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY
    ensure_demo_users()
    round_ = Round.objects.get(code="supplementary-2020")
    made = {}
    for name, codes in (("Loviisa", ["434"]), ("Kotka–Hamina", ["285", "075"])):
        lead = Municipality.objects.get(code=codes[0])
        application = Application.objects.create(
            round=round_, name=name, lead=lead, status=ApplicationStatus.SUBMITTED, premises="Kaupungintalo"
        )
        application.municipalities.set(Municipality.objects.filter(code__in=codes))
        made[name] = application
    return made


def client_for(username):
    client = APIClient()
    if username:
        client.force_authenticate(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("pekka.nieminen", ["Loviisa"]),
        ("kaisa.jarvinen", ["Loviisa"]),
        ("elina.laine", ["Loviisa", "Kotka–Hamina"]),
    ],
)
def test_each_role_sees_its_own_applications(applications, username, expected):
    """R-X-1: the Loviisa applicant and the Uusimaa ELY official see Loviisa's; the ministry sees all."""
    response = client_for(username).get("/api/v1/applications/?round=supplementary-2020")
    assert response.status_code == 200
    assert [a["name"] for a in response.json()] == expected


@pytest.mark.parametrize(
    ("username", "status"),
    [
        (None, 401),
        ("aino.virtanen", 404),
        ("tuomas.koskinen", 404),
        ("pekka.nieminen", 404),
        ("elina.laine", 200),
    ],
)
def test_one_application_per_role(applications, username, status):
    """R-X-1: an outsider gets 404 for Kotka's application, as for a missing one (R-X-2); the ministry gets it
    with its screening."""
    response = client_for(username).get(f"/api/v1/applications/{applications['Kotka–Hamina'].pk}/")
    assert response.status_code == status
    if status == 200:
        body = response.json()
        assert body["municipalities"] == ["075", "285"]
        assert body["screening"]["rule"] == NAME
        assert body["screening"]["result"]["ely_code"] == "06"


def test_an_unknown_application_is_404(applications):
    response = client_for("elina.laine").get("/api/v1/applications/999999/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "application_not_found"


def test_the_api_screens_a_file_as_the_console_does(applications):
    """R-APP-6: the same array gives the same objects through the API and the rules console."""
    items = [
        {
            "id": "hr",
            "round": "supplementary-2020",
            "name": "HR",
            "lead": "710",
            "municipalities": ["078", "710"],
        },
        {
            "id": "porvoo",
            "round": "supplementary-2020",
            "name": "Porvoo",
            "lead": "638",
            "municipalities": ["638"],
        },
    ]
    response = client_for("kaisa.jarvinen").post("/api/v1/screening/", items, format="json")
    assert response.status_code == 200
    console = [outcome.to_json(item_id) for item_id, outcome in run_items(get_rule(NAME), items, TODAY)]
    assert response.json() == json.loads(json.dumps(console))  # as the console prints it
    bad = client_for("kaisa.jarvinen").post("/api/v1/screening/", [{**items[0], "round": "x"}], format="json")
    assert bad.status_code == 400
    assert "unknown application round" in bad.json()["error"]["message"]
    assert client_for("aino.virtanen").post("/api/v1/screening/", items, format="json").status_code == 403
