"""The monitoring API per role (issue 19; R-X-1): a trial area's months and a month's values, read by the
area's manager, its ELY centre and the ministry; everyone else gets the 404 of a missing area."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users
from kuntakokeilu.monitoring import services
from kuntakokeilu.regions.models import TrialArea

from .made import D, customership, person

pytestmark = pytest.mark.django_db
READERS_OF_KAINUU = {"juha.heikkinen", "heikki.kemppainen", "elina.laine"}


@pytest.fixture
def march(settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-15"
    ensure_demo_users()
    for code in ("205", "205", "290"):
        customership(person(), code, D(2021, 3, 1))
    (version,) = services.compute_month(D(2022, 3, 1), areas=[TrialArea.objects.get(number=7)])
    return version


def api_as(username):
    client = APIClient()
    client.force_authenticate(get_user_model().objects.get(username=username))
    return client


@pytest.mark.parametrize("username", [row[0] for row in DEMO_USERS])
def test_every_demo_user_reads_kainuus_months_only_if_allowed(march, username):
    client = api_as(username)
    months = client.get("/api/v1/trial-areas/7/monitoring/months/")
    values = client.get("/api/v1/trial-areas/7/monitoring/months/2022-03/")
    if username in READERS_OF_KAINUU:
        assert months.status_code == 200
        assert months.json() == [
            {
                "month": "2022-03",
                "version": 1,
                "state": "computed",
                "computed_at": months.json()[0]["computed_at"],
                "reason": "",
            }
        ]
        assert values.status_code == 200
    else:
        assert months.status_code == 404
        assert months.json()["error"]["code"] == "trial_area_not_found"
        assert values.status_code == 404


def test_a_months_values_numerator_and_denominator_and_the_indicators_without_source(march):
    body = api_as("juha.heikkinen").get("/api/v1/trial-areas/7/monitoring/months/2022-03/").json()
    stock = [v for v in body["values"] if v["indicator"] == "customers_stock" and v["breakdown"] == ""]
    assert {(v["level"], v["unit"], v["numerator"], v["value"]) for v in stock} == {
        ("municipality", "205", 2, 2.0),
        ("municipality", "290", 1, 1.0),
        ("trial_area", "7", 3, 3.0),
    }
    satisfaction = next(i for i in body["indicators"] if i["code"] == "customer_satisfaction")
    assert satisfaction["source"] == "none"
    assert not [v for v in body["values"] if v["indicator"] == "customer_satisfaction"]


def test_a_month_not_computed_or_malformed_is_not_found(march):
    client = api_as("juha.heikkinen")
    for path in ("2022-04/", "2022-13/", "maalis/", "2022-03/?version=7"):
        response = client.get(f"/api/v1/trial-areas/7/monitoring/months/{path}")
        assert response.status_code == 404, path
    assert client.get("/api/v1/trial-areas/99/monitoring/months/").status_code == 404
    huge = client.get("/api/v1/trial-areas/7/monitoring/months/2022-03/?version=99999999999999999999")
    assert huge.status_code == 200 and huge.json()["version"] == 1
