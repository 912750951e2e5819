"""The wage-subsidy rule (R-BEN-1; law notes §4.2): the cases of tests/data/wage_subsidy_cases.json through
the pure `decide` — both sides of 1.7.2023 (JTYPL 1456/2016 → 371/2023) and of 1.6.2021 (L421/2021), the TE
office deciding when a trial municipality or (from 1.6.2021) a body they control employs, the association,
reduced work-ability and 60+ routes, and an employment started before the decision."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.decisions import wage_subsidy
from kuntakokeilu.decisions.common import describe_result
from kuntakokeilu.rules.parameters import default_store

from .cases import decide, table

pytestmark = pytest.mark.nodb
TABLE = table("wage_subsidy_cases.json")
STORE = default_store()


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_case_table(case):
    """R-BEN-1: every case of the table, as the rule answers it on its decision date."""
    decision = decide("wage-subsidy", wage_subsidy.decide, TABLE, case)
    result = decision.result
    assert decision.status is None
    assert {k: result[k] for k in ("allowed", "decided_by", "max_percent", "max_months")} == {
        k: case[k] for k in ("allowed", "decided_by", "max_percent", "max_months")
    }
    assert [o["route"] for o in result["options"]] == case["routes"]
    for route, conditions in case.get("conditions", {}).items():
        assert next(o for o in result["options"] if o["route"] == route)["conditions"] == conditions
    assert describe_result(result).render("fi")


def test_the_most_favourable_option_is_the_highest_percentage_then_the_longest():
    """R-BEN-1: max_percent/max_months come from one option: 50 %/24 beats 50 %/12 and 40 %/24."""
    options = [
        {"percent": 40, "months": 24},
        {"percent": 50, "months": 12},
        {"percent": 50, "months": 24},
        {"percent": 30, "months": 6},
    ]
    assert wage_subsidy.best(options) == {"percent": 50, "months": 24}
    assert wage_subsidy.best([]) is None


def test_the_te_office_explains_itself_in_finnish_and_swedish():
    """R-BEN-1, R-X-8: the TE office decides for the trial municipality as employer, said in fi/sv/en."""
    case = next(c for c in TABLE["cases"] if c["id"].startswith("2022-09-01-employer-is-the-trial"))
    check = decide("wage-subsidy", wage_subsidy.decide, TABLE, case).checks[0]
    assert check.code == "decided_by"
    assert "TE-toimisto" in check.message.render("fi") and "kokeilukunta itse" in check.message.render("fi")
    assert "TE-byrån" in check.message.render("sv")
    assert "TE office decides" in check.message.render("en")
    assert check.parameters[0].reference == "L1269 s. 11 mom 2 as amended by L421/2021"


@given(
    on=st.dates(dt.date(2017, 1, 1), dt.date(2026, 12, 31)),
    employer=st.sampled_from(wage_subsidy.EMPLOYER_TYPES),
    u14=st.integers(0, 14),
    extra28=st.integers(0, 14),
    reduced=st.booleans(),
    age=st.integers(15, 70),
    started=st.booleans(),
    in_time=st.sampled_from([True, False, None]),
    esf=st.booleans(),
)
def test_the_result_agrees_with_its_options_and_its_decider(
    on, employer, u14, extra28, reduced, age, started, in_time, esf
):
    """R-BEN-1, for any facts and date: max_percent/max_months are the best option's; not allowed means no
    options; an employment started before the decision is subsidised only as a continuation applied for in
    time; the trial municipality never decides for a trial municipality as employer."""
    facts = {
        "employer_type": employer,
        "unemployed_months_last_14": u14,
        "unemployed_months_last_28": u14 + extra28,
        "reduced_work_ability": reduced,
        "age": age,
        "employment_started_before_decision": started,
        "consecutive_period_applied_in_time": in_time,
        "esf_funded": esf,
    }
    result = wage_subsidy.decide(facts, on, STORE).result
    top = wage_subsidy.best(result["options"])
    assert (result["max_percent"], result["max_months"]) == (
        (top["percent"], top["months"]) if top else (None, None)
    )
    assert result["allowed"] == bool(result["options"])
    if started and not in_time:
        assert not result["allowed"]
    if employer in ("this_pilot_municipality", "other_pilot_municipality"):
        assert result["decided_by"] == "te_office"
    if on >= dt.date(2023, 7, 1):
        assert all(
            o["route"] not in ("age_12_of_14", "age_24_of_28", "unemployed_24_of_28")
            for o in result["options"]
        )
