# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""Payments by import through the page and the API (issue 18 items 4 and 7; R-RES-2, R-X-1): the area's
manager and an administrator import; everybody else gets the same 404 as for a missing area; an unknown
decision is a localised error by line and field, and nothing is recorded. The ledger's invariant is asserted
after each test (tests/funding/conftest.py)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS
from kuntakokeilu.decisions import services
from kuntakokeilu.funding.models import LedgerEntry
from tests.customers.conftest import KAJAANI_HETU, demo, demo_customers, user  # noqa: F401
from tests.decisions.factories import WAGE_FACTS
from tests.funding.quotas import give_quotas

pytestmark = pytest.mark.django_db
ON = dt.date(2023, 9, 15)
IMPORTERS = {"juha.heikkinen", "admin"}  # area 7's manager, the administrator


@pytest.fixture
def number(demo_customers, user, settings):
    settings.KUNTAKOKEILU_TODAY = ON.isoformat()
    give_quotas(20_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    draft = services.prepare(
        demo_customers[KAJAANI_HETU], "wage-subsidy", WAGE_FACTS, Decimal("9000.00"), 50,
        dt.date(2023, 10, 1), dt.date(2024, 7, 31), user("ville.hyvonen"), ON,
    )  # fmt: skip
    return services.accept(draft, user("antti.pulkkinen"), ON).diary_number


def _csv(*rows: str) -> str:
    return "diary_number,payment_date,amount_eur,payment_reference\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize("username", sorted(name for name, *_rest in DEMO_USERS))
def test_the_api_imports_for_the_areas_manager_and_the_administrator_only(number, user, username):
    api = APIClient()
    api.force_authenticate(user(username))
    answer = api.post(
        "/api/v1/funding/areas/7/payments/",
        {"csv": _csv(f"{number},15.9.2023,100,{username}")},
        format="json",
    )
    if username in IMPORTERS:
        assert (answer.status_code, answer.json()) == (201, {"recorded": 1})
        assert LedgerEntry.objects.filter(kind="payment", reference=username).count() == 1
    else:
        assert answer.status_code == 404
        assert not LedgerEntry.objects.filter(kind="payment").exists()


def test_the_api_refuses_the_whole_file_in_the_requests_language(number, user):
    api = APIClient()
    api.force_authenticate(user("juha.heikkinen"))
    body = {"csv": _csv(f"{number},15.9.2023,100,A", "205/2023/99999,15.9.2023,100,B")}
    answer = api.post("/api/v1/funding/areas/7/payments/", body, format="json", HTTP_ACCEPT_LANGUAGE="sv")
    assert answer.status_code == 400
    assert answer.json()["error"]["fields"]["csv"] == [
        "rad 3, diary_number: området har inget beslut 205/2023/99999."
    ]
    assert not LedgerEntry.objects.filter(kind="payment").exists()
    assert APIClient().post("/api/v1/funding/areas/7/payments/", body, format="json").status_code == 401
    assert api.post("/api/v1/funding/areas/20/payments/", body, format="json").status_code == 404  # not his


def test_the_page_imports_and_shows_every_error(number, user):
    page = Client(headers={"accept-language": "fi"})
    page.force_login(user("juha.heikkinen"))
    url = "/funding/areas/7/payments/import/"
    assert "Maksujen tuonti" in page.get(url).content.decode()
    bad = SimpleUploadedFile(
        "m.csv", _csv(f"{number},15.9.2023,100,A", "205/2023/99999,15.9.2023,1,B").encode()
    )
    answer = page.post(url, {"file": bad})
    assert answer.status_code == 400
    assert "rivi 3, diary_number: alueella ei ole päätöstä 205/2023/99999." in answer.content.decode()
    assert not LedgerEntry.objects.filter(kind="payment").exists()
    good = SimpleUploadedFile("m.csv", _csv(f"{number},15.9.2023,100,A").encode())
    answer = page.post(url, {"file": good})
    assert answer.status_code == 200 and "Maksuja kirjattu: 1." in answer.content.decode()
    other = Client()
    other.force_login(user("ville.hyvonen"))
    assert other.get(url).status_code in (403, 404)
