"""The funding API (issue 18 items 3, 5 and 6): allocations (R-RES-1), an ELY centre's quotas with their
computation and adjustment, a trial area's own funding (R-RES-4) and state person-years (R-RES-3), for
every demo role (R-X-1: a refused object is the same 404 as a missing one, a refusal without an object 403)
and refusals as localised 400s that change nothing (issue 18 item 7)."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users
from kuntakokeilu.funding import services
from kuntakokeilu.funding.models import (
    MinistryAllocation,
    OwnResourcing,
    Quota,
    QuotaComputation,
    StatePersonYears,
)
from kuntakokeilu.regions.models import ElyCentre

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)
USERNAMES = [row[0] for row in DEMO_USERS]
ALLOCATION = {
    "year": 2022,
    "ely": "14",
    "instrument": "wage_subsidy",
    "amount": 4_200_000,
    "decided_on": "2022-01-20",
    "reference": "TEM/1/2022",
}


@pytest.fixture
def world(db, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    for code, amount in (("01", 1_000), ("14", 500)):
        services.allocate(
            users.get(username="elina.laine"),
            ely=ElyCentre.objects.get(code=code),
            year=2022,
            instrument="start_up_grant",
            amount=amount,
            decided_on=TODAY,
            reference="TEM",
            today=TODAY,
        )
    return users


def client(world, username, lang="fi"):
    c = APIClient(HTTP_ACCEPT_LANGUAGE=lang)
    c.force_authenticate(world.get(username=username))
    return c


# who gets what: GET allocations (all roles with view_quotas: the ministry, ELY, area manager; the others 403)
ALLOCATION_READERS = {"elina.laine": 2, "kaisa.jarvinen": 1, "heikki.kemppainen": 1, "juha.heikkinen": 0}


@pytest.mark.parametrize("username", USERNAMES)
def test_allocations_for_every_role(world, username):
    """R-RES-1, R-X-1: the ministry sees every allocation and allocates; an ELY official their own."""
    got = client(world, username).get("/api/v1/funding/allocations/?year=2022")
    if username in ALLOCATION_READERS:
        assert got.status_code == 200, got.content
        assert len(got.json()) == ALLOCATION_READERS[username]
    else:
        assert got.status_code == 403
    posted = client(world, username).post("/api/v1/funding/allocations/", ALLOCATION, format="json")
    assert posted.status_code == (201 if username == "elina.laine" else 403)
    assert MinistryAllocation.objects.filter(instrument="wage_subsidy").exists() == (
        username == "elina.laine"
    )


def test_anonymous_gets_401():
    assert APIClient().get("/api/v1/funding/allocations/").status_code == 401


# the Kainuu ELY centre's quotas (14): readers and who may compute
QUOTA_READERS = {"elina.laine", "heikki.kemppainen"}


@pytest.mark.parametrize("username", USERNAMES)
def test_ely_quotas_for_every_role(world, username):
    """R-RES-1, R-X-1: the Kainuu ELY official computes Kainuu's quotas; others the same 404 as for
    a missing ELY centre."""
    c = client(world, username)
    got = c.get("/api/v1/funding/elys/14/quotas/?year=2022")
    assert got.status_code == (200 if username in QUOTA_READERS else 404)  # a route naming an object: 404
    body = {"year": 2022, "instrument": "start_up_grant", "method": "by_volume", "volume_date": "2022-01-31"}
    posted = c.post("/api/v1/funding/elys/14/quotas/", body, format="json")
    if username == "heikki.kemppainen":
        assert posted.status_code == 201, posted.content
        assert posted.json()["result"] == {"7": 500}
        quotas = c.get("/api/v1/funding/elys/14/quotas/?year=2022").json()
        assert quotas[0]["quotas"][0]["quota"] == 500 and quotas[0]["sums_to_allocation"]
    else:
        assert posted.status_code == 404
        assert not QuotaComputation.objects.exists()


def test_a_manual_division_that_does_not_sum_is_a_localised_400(world):
    """Issue 18 item 7: the quotas must sum exactly; the message in the request's language; nothing saved."""
    body = {
        "year": 2022,
        "instrument": "start_up_grant",
        "method": "manual",
        "amounts": {"19": 200, "20": 200, "21": 200, "22": 200, "23": 199},
    }
    fi = client(world, "kaisa.jarvinen").post("/api/v1/funding/elys/01/quotas/", body, format="json")
    assert fi.status_code == 400
    assert fi.json()["error"]["code"] == "quotas_refused"
    assert "Mitään ei tallennettu" in fi.json()["error"]["message"]
    sv = client(world, "kaisa.jarvinen", "sv").post("/api/v1/funding/elys/01/quotas/", body, format="json")
    assert "Ingenting sparades" in sv.json()["error"]["message"]
    assert not QuotaComputation.objects.exists()
    body["amounts"]["23"] = 200
    ok = client(world, "kaisa.jarvinen").post("/api/v1/funding/elys/01/quotas/", body, format="json")
    assert ok.status_code == 201 and ok.json()["method"] == "manual"


def test_adjustment_through_the_api(world):
    """R-RES-1: an adjustment with a reason moves money; one that breaks the sum changes nothing."""
    c = client(world, "kaisa.jarvinen")
    c.post(
        "/api/v1/funding/elys/01/quotas/",
        {"year": 2022, "instrument": "start_up_grant", "method": "by_volume", "volume_date": "2022-01-31"},
        format="json",
    )
    current = {str(q.trial_area.number): q.current for q in Quota.objects.all()}
    current["20"] += 5
    bad = c.post(
        "/api/v1/funding/elys/01/quota-adjustments/",
        {"year": 2022, "instrument": "start_up_grant", "amounts": current, "reason": "x"},
        format="json",
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "adjustment_refused"
    assert not Quota.objects.exclude(adjusted_amount=None).exists()
    current["19"] -= 5
    good = c.post(
        "/api/v1/funding/elys/01/quota-adjustments/",
        {"year": 2022, "instrument": "start_up_grant", "amounts": current, "reason": "Espoo luopuu"},
        format="json",
    )
    assert good.status_code == 200, good.content
    assert {q["trial_area"]: q["reason"] for q in good.json()["quotas"] if q["adjusted"] is not None} == {
        19: "Espoo luopuu",
        20: "Espoo luopuu",
    }
    other = client(world, "heikki.kemppainen").post(
        "/api/v1/funding/elys/01/quota-adjustments/",
        {"year": 2022, "instrument": "start_up_grant", "amounts": current, "reason": "x"},
        format="json",
    )
    assert other.status_code == 404


OWN_READERS = {"elina.laine": 200, "juha.heikkinen": 200, "heikki.kemppainen": 200, "kaisa.jarvinen": 404}


@pytest.mark.parametrize("username", USERNAMES)
def test_own_funding_and_person_years_for_every_role(world, username):
    """R-RES-3, R-RES-4, R-X-1: Kainuu's own funding for its manager, the ministry and the Kainuu ELY; the
    manager records it; the Kainuu ELY official records the person-years."""
    c = client(world, username)
    got = c.get("/api/v1/funding/areas/7/own-funding/?year=2022")
    assert got.status_code == OWN_READERS.get(username, 404)
    posted = c.post(
        "/api/v1/funding/areas/7/own-funding/",
        {"municipality": "205", "year": 2022, "planned_eur": 500_000, "planned_person_years": "5.0"},
        format="json",
    )
    assert posted.status_code == (201 if username == "juha.heikkinen" else 404)
    assert OwnResourcing.objects.exists() == (username == "juha.heikkinen")
    years = c.post(
        "/api/v1/funding/areas/7/person-years/",
        {"year": 2022, "person_years": "40.5", "source": "ELY"},
        format="json",
    )
    assert years.status_code == (201 if username == "heikki.kemppainen" else 404)
    assert StatePersonYears.objects.exists() == (username == "heikki.kemppainen")


def test_own_funding_shows_the_shortfall(world):
    """R-RES-4: the reference 15 % of the 2018 expenditure, the realised and the shortfall, explained."""
    manager = world.get(username="juha.heikkinen")
    from kuntakokeilu.regions.models import TrialArea

    area = TrialArea.objects.get(number=7)
    services.import_expenditure(
        manager, area=area, data=b"kunta_code,form,amount_eur\n205,share_300,1000000\n", today=TODAY
    )
    c = client(world, "juha.heikkinen")
    c.post(
        "/api/v1/funding/areas/7/own-funding/",
        {
            "municipality": "205",
            "year": 2022,
            "planned_eur": 160_000,
            "planned_person_years": "2",
            "realised_eur": 120_000,
        },
        format="json",
    )
    rows = {r["municipality"]: r for r in c.get("/api/v1/funding/areas/7/own-funding/?year=2022").json()}
    assert (rows["205"]["reference"], rows["205"]["realised_eur"], rows["205"]["shortfall"]) == (
        150_000,
        120_000,
        30_000,
    )
    assert "vajaus 30" in rows["205"]["explanation"]
    bad = c.post(
        "/api/v1/funding/areas/7/own-funding/",
        {"municipality": "091", "year": 2022, "planned_eur": 1, "planned_person_years": "1"},
        format="json",
    )
    assert bad.status_code == 400 and bad.json()["error"]["fields"]["municipality"]
