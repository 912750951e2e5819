"""The funding demo step (issue 18 items 3 and 5; R-RES-1, R-RES-3, R-RES-4): idempotent, on real ELY
centres and trial areas; the amounts said to be illustrative."""

import datetime as dt

from kuntakokeilu.funding import demo
from kuntakokeilu.funding.models import MinistryAllocation, Quota, QuotaComputation


def test_the_demo_runs_twice_and_changes_nothing_the_second_time(users):
    first = list(demo.run(dt.date(2022, 9, 1)))
    assert any("ILLUSTRATIVE" in line for line in first)
    counts = (MinistryAllocation.objects.count(), QuotaComputation.objects.count(), Quota.objects.count())
    assert counts == (8, 6, 3 * 5 + 3 * 1)  # 2022: Uusimaa's five areas, Kainuu's one; 2023 not yet computed
    for instrument in ("wage_subsidy", "start_up_grant", "training"):
        quotas = Quota.objects.filter(computation__ely__code="01", year=2022, instrument=instrument)
        allocation = MinistryAllocation.objects.get(ely__code="01", year=2022, instrument=instrument)
        assert sum(q.current for q in quotas) == allocation.amount
    second = list(demo.run(dt.date(2022, 9, 1)))
    assert all(" 0 new" in line for line in second if "new" in line)
    assert (
        MinistryAllocation.objects.count(),
        QuotaComputation.objects.count(),
        Quota.objects.count(),
    ) == counts
