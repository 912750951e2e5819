"""The demo's Kainuu year of decisions (issue 18 item 6; R-BEN-1, R-RES-1, R-RES-2): Kainuu's allocations and
quotas of the year, some 30–60 decisions of Kajaani's customers through prepare/accept (maker–checker), one
cancellation and one correction; deterministic and idempotent."""

import datetime as dt
from collections import Counter

import pytest

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.decisions import demo_year
from kuntakokeilu.decisions.models import Decision, Kind, Status
from kuntakokeilu.funding.models import MinistryAllocation, Quota

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)


@pytest.fixture
def kajaani(settings):
    """The customers' demo step: Kajaani's customers (a dozen) as the demo has them."""
    from kuntakokeilu.customers import demo as customers_demo
    from kuntakokeilu.decisions.templates_default import ensure_defaults

    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    list(customers_demo.run(TODAY))
    ensure_defaults()


def snapshot():
    return sorted(
        (d.person_id.hex, d.instrument, d.kind, d.status, d.decision_date, str(d.amount), d.end)
        for d in Decision.objects.all()
    )


def test_a_kainuu_year_of_decisions_twice(kajaani):
    first = list(demo_year.run(TODAY))
    decisions = Decision.objects.filter(municipality__code="205")
    assert 30 <= decisions.count() <= 60
    assert all(d.decision_date.year == 2022 and d.decision_date <= TODAY for d in decisions)
    assert all(d.end is None or d.end <= dt.date(2022, 12, 31) for d in decisions)
    assert {d.prepared_by.username for d in decisions} == {"ville.hyvonen", "emma.kinnunen"}
    assert {d.approved_by.username for d in decisions} == {"antti.pulkkinen"}
    kinds = Counter((d.kind, d.status) for d in decisions)
    assert kinds[(Kind.CANCELLATION, Status.ACCEPTED)] == 1 and kinds[(Kind.CORRECTION, Status.ACCEPTED)] == 1
    assert kinds[(Kind.ORIGINAL, Status.CANCELLED)] == 1 and kinds[(Kind.ORIGINAL, Status.CORRECTED)] == 1
    months = {d.decision_date.month for d in decisions}
    assert set(range(1, 9)) <= months  # spread over the year so far (January–August)
    for instrument in ("wage_subsidy", "start_up_grant", "travel"):
        allocation = MinistryAllocation.objects.get(ely__code="14", year=2022, instrument=instrument)
        assert (
            Quota.objects.get(trial_area__number=7, year=2022, instrument=instrument).current
            == allocation.amount
        )
    assert "made here: 6 new" in "\n".join(first)
    before = snapshot()
    second = list(demo_year.run(TODAY))
    assert snapshot() == before
    assert "0 new; a cancellation and a correction: 0 new" in "\n".join(second)
