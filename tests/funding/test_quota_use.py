"""Quota use (issue 18 item 6; R-RES-2 read side): a trial area's quota, committed, paid, remaining, the
cumulative months from ONE aggregate query and the forecast at the current pace; the ELY centre's and the
ministry's allocation with the ledger's sums; the quota-use page with its SVG chart, who may open it, and the
CSV/.xlsx exports. Ledger rows are written directly and consistently (tests/funding/ledger_factory.py)."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kuntakokeilu.funding import queries, services
from kuntakokeilu.funding.models import Method
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea
from tests.customers.conftest import KAJAANI_HETU, demo, demo_customers, user  # noqa: F401 - fixtures
from tests.decisions.factories import draft_decision

from .ledger_factory import book

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)
D = dt.date


@pytest.fixture
def kainuu(demo_customers, user, settings):  # noqa: F811
    """Kainuu's 2022 wage-subsidy allocation of 100 000 € (all of it trial area 7's quota) and a ledger:
    commitments 2 000 (booked 15.12.2021 for 2022), 30 000 (10.2.), 50 000 (3.5.), a release 10 000 (20.6.),
    payments 5 000 (30.4.) and 7 500 (1.8.)."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ely, area = ElyCentre.objects.get(code="14"), TrialArea.objects.get(number=7)
    services.allocate(
        user("elina.laine"),
        ely=ely,
        year=2022,
        instrument="wage_subsidy",
        amount=100_000,
        decided_on=D(2022, 1, 20),
        reference="TEM/1/2022",
        today=TODAY,
    )
    services.compute_quotas(
        user("heikki.kemppainen"),
        ely=ely,
        year=2022,
        instrument="wage_subsidy",
        method=Method.MANUAL,
        volumes=None,
        amounts={7: 100_000},
        volume_date=None,
        today=TODAY,
    )
    decision = draft_decision(
        demo_customers[KAJAANI_HETU],
        Municipality.objects.get(code="205"),
        user("ville.hyvonen"),
        D(2022, 2, 1),
    )
    for kind, amount, on in (
        ("commitment", 2_000, D(2021, 12, 15)),
        ("commitment", 30_000, D(2022, 2, 10)),
        ("payment", 5_000, D(2022, 4, 30)),
        ("commitment", 50_000, D(2022, 5, 3)),
        ("release", 10_000, D(2022, 6, 20)),
        ("payment", 7_500, D(2022, 8, 1)),
    ):
        book(decision, area, 2022, "wage_subsidy", kind, amount, on)
    return area


def test_quota_use_of_a_trial_area(kainuu):
    """Committed = commitments − releases; remaining = quota − committed; the months cumulative; the
    forecast at the pace of 72 000 € in 8 1/30 months (year end 107 552 €, the quota runs out in December)."""
    [use] = queries.quota_use(kainuu, 2022, TODAY)
    assert (use.instrument, use.quota, use.committed, use.paid, use.remaining) == (
        "wage_subsidy",
        100_000,
        Decimal("72000.00"),
        Decimal("12500.00"),
        Decimal("28000.00"),
    )
    assert [(p.month, int(p.committed), int(p.paid)) for p in use.months] == [
        (1, 2_000, 0),
        (2, 32_000, 0),
        (3, 32_000, 0),
        (4, 32_000, 5_000),
        (5, 82_000, 5_000),
        (6, 72_000, 5_000),
        (7, 72_000, 5_000),
        (8, 72_000, 12_500),
        (9, 72_000, 12_500),
    ]
    assert (use.forecast.year_end, use.forecast.runs_out_in, use.forecast.pace) == (
        107_552,
        12,
        Decimal("8962.66"),
    )
    # as of 31.5.: the month series stops there, the pace is 82 000 € in 5 months
    [may] = queries.quota_use(kainuu, 2022, D(2022, 5, 31))
    assert len(may.months) == 5 and may.forecast.year_end == 196_800 and may.forecast.runs_out_in == 7
    # another year: no account, no quota, nothing to show
    assert queries.quota_use(kainuu, 2023, TODAY) == []


def test_the_months_come_from_one_aggregate_query(kainuu):
    with CaptureQueriesContext(connection) as seen:
        queries.quota_use(kainuu, 2022, TODAY)
    ledger = [q["sql"] for q in seen.captured_queries if "funding_ledgerentry" in q["sql"]]
    assert len(ledger) == 1 and "GROUP BY" in ledger[0]


def test_the_ely_and_the_ministry_see_the_ledgers_sums(kainuu):
    [row] = queries.ely_use(ElyCentre.objects.get(code="14"), 2022)
    assert (row.place.number, row.quota, row.committed, row.paid, row.remaining) == (
        7,
        100_000,
        Decimal("72000.00"),
        Decimal("12500.00"),
        Decimal("28000.00"),
    )
    [centre] = queries.ministry_use(2022)
    assert (centre.place.code, centre.quota, centre.committed, centre.remaining) == (
        "14",
        100_000,
        Decimal("72000.00"),
        Decimal("28000.00"),
    )
    assert queries.ministry_use(2022, elys={"01"}) == []


def signed_in(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


# who may open trial area 7's quota use: the ministry, Kainuu's ELY official and the area's manager
READERS = {"elina.laine", "heikki.kemppainen", "juha.heikkinen"}


@pytest.mark.parametrize(
    "username",
    [
        "elina.laine",
        "heikki.kemppainen",
        "juha.heikkinen",
        "kaisa.jarvinen",
        "ville.hyvonen",
        "antti.pulkkinen",
    ],
)
def test_who_opens_the_quota_use_page(client, kainuu, username):
    got = signed_in(client, username).get("/funding/areas/7/quota-use/?year=2022")
    # R-X-1: a route naming an object refuses with the 404 of a missing trial area
    assert got.status_code == (200 if username in READERS else 404)
    for suffix in ("quota-use.csv", "quota-use.xlsx"):
        assert client.get(f"/funding/areas/7/{suffix}?year=2022").status_code == got.status_code


def test_the_page_shows_the_table_and_the_chart(client, kainuu):
    html = signed_in(client, "juha.heikkinen").get("/funding/areas/7/quota-use/?year=2022").content.decode()
    assert (
        '<svg xmlns="http://www.w3.org/2000/svg"' in html and '<title id="chart-wage_subsidy-title">' in html
    )
    assert 'stroke-dasharray="8 5"' in html  # the forecast dashed
    assert "72\u00a0000" in html and "28\u00a0000" in html and "107\u00a0552" in html
    assert "joulukuu" in html  # the quota runs out in December at this pace
    sv = signed_in(client, "juha.heikkinen").get(
        "/funding/areas/7/quota-use/?year=2022", HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert sv.status_code == 200


def test_the_exports(client, kainuu):
    c = signed_in(client, "juha.heikkinen")
    text = c.get("/funding/areas/7/quota-use.csv?year=2022").content.decode()
    assert text.splitlines()[0].startswith(
        "year,trial_area,trial_area_name,instrument,quota_eur,committed_eur"
    )
    assert "2022,7,Kainuu,wage_subsidy,100000,72000.00,12500.00,28000.00,107552,12,2022-09-01" in text
    months = c.get("/funding/areas/7/quota-use.csv?year=2022&table=months").content.decode()
    assert "2022,7,wage_subsidy,5,82000.00,5000.00" in months
    book = load_workbook(io.BytesIO(c.get("/funding/areas/7/quota-use.xlsx?year=2022").content))
    sheet = book.active
    assert [cell.value for cell in sheet[2]][4:8] == [100000, 72000, 12500, 28000]
    ely = signed_in(client, "heikki.kemppainen").get("/funding/ely/14/quotas.csv?year=2022").content.decode()
    assert ely.splitlines()[0].endswith("committed_eur,paid_eur,remaining_eur")
    assert ely.splitlines()[1].endswith(",72000.00,12500.00,28000.00")
    ministry = signed_in(client, "elina.laine").get("/funding/allocations.csv?year=2022").content.decode()
    assert ministry.splitlines()[1].endswith(",100000,2022-01-20,TEM/1/2022,72000.00,12500.00,28000.00")


def test_the_ely_and_ministry_pages_show_the_use(client, kainuu):
    ely = signed_in(client, "heikki.kemppainen").get("/funding/ely/14/?year=2022").content.decode()
    assert "72\u00a0000" in ely and "/funding/areas/7/quota-use/?year=2022" in ely
    ministry = signed_in(client, "elina.laine").get("/funding/allocations/?year=2022").content.decode()
    assert "72\u00a0000" in ministry and "28\u00a0000" in ministry
