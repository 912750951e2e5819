import datetime as dt

import pytest

from tests.customers.conftest import (  # noqa: F401  (the customers' demo world)
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
from tests.decisions.factories import WAGE_FACTS  # noqa: F401  (the facts of the tests' wage subsidy)
from tests.funding.quotas import give_quotas

ON = dt.date(2023, 9, 15)  # the wage subsidy of 371/2023 in force


@pytest.fixture
def quotas(demo):  # noqa: F811
    """Quotas of 10 M€ for every area, instrument and year: accepting commits to the ledger (R-RES-2)."""
    give_quotas(10_000_000)


@pytest.fixture
def world(demo_customers, user, quotas):  # noqa: F811
    return {
        "jari": demo_customers[KAJAANI_HETU],
        "johan": demo_customers[PORVOO_HETU],
        "mikael": demo_customers[HELSINKI_HETU],
        "ville": user("ville.hyvonen"),
        "emma": user("emma.kinnunen"),
        "antti": user("antti.pulkkinen"),
        "ulrika": user("ulrika.holmstrom"),
        "linnea": user("linnea.lindqvist"),
        "mikko": user("mikko.korhonen"),
        "juha": user("juha.heikkinen"),
    }
