"""The quota-use API (issue 18 item 6; R-RES-2 read side): trial area 7's use of 2022, the Kainuu ELY
centre's use across its areas and the ministry's across the ELY centres, for every demo role (R-X-1: a
refused object is the same 404 as a missing one), with the ledger's rows written directly."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS
from kuntakokeilu.funding.models import Method
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea
from tests.customers.conftest import KAJAANI_HETU, demo, demo_customers, user  # noqa: F401 - fixtures
from tests.decisions.factories import draft_decision
from tests.funding.ledger_factory import book

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)
USERNAMES = [row[0] for row in DEMO_USERS]
READERS = {"elina.laine", "heikki.kemppainen", "juha.heikkinen"}


@pytest.fixture
def world(demo_customers, user, settings):  # noqa: F811
    from kuntakokeilu.funding import services

    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ely, area = ElyCentre.objects.get(code="14"), TrialArea.objects.get(number=7)
    services.allocate(
        user("elina.laine"),
        ely=ely,
        year=2022,
        instrument="start_up_grant",
        amount=20_000,
        decided_on=TODAY,
        reference="TEM",
        today=TODAY,
    )
    services.compute_quotas(
        user("heikki.kemppainen"),
        ely=ely,
        year=2022,
        instrument="start_up_grant",
        method=Method.MANUAL,
        amounts={7: 20_000},
        today=TODAY,
    )
    decision = draft_decision(
        demo_customers[KAJAANI_HETU],
        Municipality.objects.get(code="205"),
        user("ville.hyvonen"),
        dt.date(2022, 3, 1),
    )
    book(decision, area, 2022, "start_up_grant", "commitment", 4_000, dt.date(2022, 3, 2))
    book(decision, area, 2022, "start_up_grant", "payment", 1_400, dt.date(2022, 4, 30))
    return user


@pytest.mark.parametrize("username", USERNAMES)
def test_quota_use_for_every_role(world, username):
    c = APIClient(HTTP_ACCEPT_LANGUAGE="fi")
    c.force_authenticate(world(username))
    got = c.get("/api/v1/funding/areas/7/quota-use/?year=2022")
    if username not in READERS:
        assert got.status_code == 404
        return
    assert got.status_code == 200, got.content
    [use] = got.json()
    assert use["instrument"] == "start_up_grant"
    assert (use["quota"], use["committed"], use["paid"], use["remaining"]) == (
        20_000,
        "4000.00",
        "1400.00",
        "16000.00",
    )
    assert [m["committed"] for m in use["months"]] == ["0.00", "0.00"] + ["4000.00"] * 7
    # 4 000 € in 8 1/30 months: 497.93 € a month, 5 975 € by the year end, the quota lasts the year
    assert use["forecast"]["year_end"] == 5975 and use["forecast"]["runs_out_in"] is None


def test_a_bad_year_and_an_unknown_area(world):
    c = APIClient(HTTP_ACCEPT_LANGUAGE="sv")
    c.force_authenticate(world("elina.laine"))
    assert c.get("/api/v1/funding/areas/7/quota-use/?year=1999").status_code == 400
    assert c.get("/api/v1/funding/areas/99/quota-use/?year=2022").status_code == 404


def test_anonymous_gets_401():
    assert APIClient().get("/api/v1/funding/areas/7/quota-use/").status_code == 401


@pytest.mark.parametrize("username", USERNAMES)
def test_the_ely_centres_use_across_its_areas_for_every_role(world, username):
    """The ELY official's table: each area's quota, committed, paid and remaining (Kainuu: area 7 alone)."""
    c = APIClient(HTTP_ACCEPT_LANGUAGE="fi")
    c.force_authenticate(world(username))
    got = c.get("/api/v1/funding/elys/14/quota-use/?year=2022")
    if username not in {"elina.laine", "heikki.kemppainen"}:  # the ministry and Kainuu's ELY official
        assert got.status_code == 404
        return
    assert got.status_code == 200, got.content
    assert got.json() == [
        {
            "instrument": "start_up_grant",
            "area": 7,
            "quota": 20_000,
            "committed": "4000.00",
            "paid": "1400.00",
            "remaining": "16000.00",
        }
    ]


@pytest.mark.parametrize("username", USERNAMES)
def test_the_use_across_the_ely_centres_for_every_role(world, username):
    """The ministry's table: each ELY centre's allocation, committed, paid and remaining; an ELY official
    sees their own centre's row, a reader of no centre an empty list."""
    c = APIClient(HTTP_ACCEPT_LANGUAGE="fi")
    c.force_authenticate(world(username))
    got = c.get("/api/v1/funding/quota-use/?year=2022")
    if username not in {"elina.laine", "heikki.kemppainen"}:  # an area manager's grants name no ELY centre
        assert got.status_code == 403 or got.json() == [], (got.status_code, got.content)
        return
    assert got.status_code == 200, got.content
    kainuu = {
        "instrument": "start_up_grant",
        "ely": "14",
        "allocation": 20_000,
        "committed": "4000.00",
        "paid": "1400.00",
        "remaining": "16000.00",
    }
    assert got.json() == [kainuu]


def test_unknown_ely_and_anonymous():
    assert APIClient().get("/api/v1/funding/quota-use/").status_code == 401
    assert APIClient().get("/api/v1/funding/elys/14/quota-use/").status_code == 401
