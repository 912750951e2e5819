"""The case tables of the benefit decision rules other than the wage subsidy (R-BEN-1; law notes §4.2–4.5):
each case through the pure `decide` on its decision date, its result's named fields and checks' statuses."""

import pytest

from kuntakokeilu.decisions import (
    employment_support_55,
    expense_compensation,
    start_up_grant,
    travel_accommodation,
    work_trial,
)
from kuntakokeilu.decisions.common import describe_result

from .cases import decide, table

pytestmark = pytest.mark.nodb

TABLES = {
    "employment-support-55": (employment_support_55.decide, table("employment_support_55_cases.json")),
    "start-up-grant": (start_up_grant.decide, table("start_up_grant_cases.json")),
    "work-trial": (work_trial.decide, table("work_trial_cases.json")),
    "expense-compensation": (expense_compensation.decide, table("expense_compensation_cases.json")),
    "travel-accommodation": (travel_accommodation.decide, table("travel_accommodation_cases.json")),
}
CASES = [(rule, case) for rule, (_fn, t) in TABLES.items() for case in t["cases"]]


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r}:{c['id']}" for r, c in CASES])
def test_case_table(rule, case):
    """R-BEN-1: every case of the rule's table, as the rule answers it on its decision date."""
    decide_fn, cases = TABLES[rule]
    decision = decide(rule, decide_fn, cases, case)
    assert decision.status is None
    assert {k: decision.result[k] for k in case["result"]} == case["result"]
    assert not {c.code for c in decision.checks} & set(case.get("absent", ()))
    for lang in ("fi", "sv", "en"):
        assert describe_result(decision.result).render(lang)
