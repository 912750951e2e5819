"""The benefit decision rules other than the wage subsidy through the real rules console (R-BEN-1, R-REF-4):
the contract kept over each rule's dated examples, the result in words, and exit 2 for bad input naming
the item and the field."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

SUPPORT_55 = {
    "employer_type": "company",
    "age": 58,
    "unemployed_months_last_28": 25,
    "weekly_hours": 30,
    "employment_started_before_decision": False,
}
EXPENSE = {
    "entitled_to_unemployment_benefit": False,
    "service_type": "employment_service",
    "service_in_plan": True,
    "necessary_costs": True,
    "other_compensation": False,
    "outside_commuting_area": False,
    "accommodation_costs_outside_home_municipality": False,
}
TRAVEL = {
    "kilometres": 0,
    "journeys": 0,
    "accommodation_nights": 0,
    "accommodation_costs": 0,
    "moving_costs": 0,
}
EXAMPLES = {
    "employment-support-55": [
        {"id": "before", "on": "2023-06-30", **SUPPORT_55},
        {"id": "after", "on": "2023-07-01", **SUPPORT_55},
        {"id": "te-office", "on": "2023-07-01", **SUPPORT_55, "employer_type": "this_pilot_municipality"},
        {"id": 4, **SUPPORT_55, "working_time_percent": 50.5, "weekly_hours": 20},
    ],
    "start-up-grant": [
        {
            "id": "extended",
            "on": "2021-06-01",
            "business_started_on": "2020-12-31",
            "months_granted_before": 12,
        },
        {"id": "used", "on": "2023-06-01", "business_started_on": "2022-06-01", "months_granted_before": 12},
        {"id": 3, "business_started_on": "2024-01-15", "months_granted_before": 0},
    ],
    "work-trial": [
        {
            "id": "own",
            "on": "2022-05-02",
            "age": 22,
            "organiser_type": "this_pilot_municipality",
            "months_in_trials": 2,
            "months_with_organiser": 2,
        },
        {
            "id": "used",
            "on": "2023-09-01",
            "age": 40,
            "organiser_type": "other",
            "months_in_trials": 12,
            "months_with_organiser": 6,
            "continuous_unemployment_months": 5,
        },
        {
            "id": 3,
            "age": 24,
            "organiser_type": "other_municipality",
            "months_in_trials": 12,
            "months_with_organiser": 6,
            "continuous_unemployment_months": 3,
        },
    ],
    "expense-compensation": [
        {"id": "discretionary", "on": "2021-06-01", **EXPENSE},
        {
            "id": "kela",
            "on": "2023-07-01",
            **EXPENSE,
            "entitled_to_unemployment_benefit": True,
            "outside_commuting_area": True,
        },
        {"id": 3, **EXPENSE, "service_type": "office_visit"},
    ],
    "travel-accommodation": [
        {"id": "travel", "on": "2022-04-01", **TRAVEL, "kilometres": 100, "journeys": 2},
        {"id": "short", "on": "2022-04-01", **TRAVEL, "kilometres": 40, "journeys": 1},
        {"id": 3, **TRAVEL, "accommodation_nights": 1, "accommodation_costs": 99.9, "moving_costs": 1000.0},
    ],
}
# (rule, the expected result fields per example)
ANSWERS = {
    "employment-support-55": [
        {"allowed": False, "decided_by": "municipality"},
        {"allowed": True, "decided_by": "municipality", "max_percent": 70, "max_euros_per_month": 1770},
        {"allowed": True, "decided_by": "te_office"},
        {"allowed": False, "decided_by": "municipality"},
    ],
    "start-up-grant": [
        {"allowed": True, "max_months": 6},
        {"allowed": False, "max_months": None},
        {"allowed": True, "decided_by": "municipality", "max_months": 12, "max_days_per_week": 5},
    ],
    "work-trial": [
        {"allowed": True, "max_months": 4, "agreement": "with_customer"},
        {"allowed": False, "max_months": None},
        {"allowed": True, "max_months": 6, "agreement": "with_organiser"},
    ],
    "expense-compensation": [
        {"allowed": True, "decided_by": "municipality", "route": "discretionary", "euros_per_day": 9},
        {"allowed": True, "decided_by": "kela_or_fund", "route": "statutory", "euros_per_day": 18},
        {"allowed": False, "decided_by": "municipality", "euros_per_day": None},
    ],
    "travel-accommodation": [
        {"allowed": True, "travel_euros": 24.0, "total_euros": 24.0},
        {"allowed": False, "total_euros": 0},
        {"allowed": True, "accommodation_euros": 80, "moving_euros": 700, "total_euros": 780},
    ],
}
BAD = {
    "employment-support-55": [
        ({"employer_type": "municipality"}, "employer_type"),
        ({"weekly_hours": -1}, "weekly_hours"),
        ({"working_time_percent": 101}, "working_time_percent"),
        ({"age": True}, "age"),
    ],
    "start-up-grant": [
        ({"business_started_on": "2022-02-30"}, "business_started_on"),
        ({"months_granted_before": -1}, "months_granted_before"),
    ],
    "work-trial": [
        ({"organiser_type": "company"}, "organiser_type"),
        ({"months_with_organiser": 3, "months_in_trials": 2}, "months_with_organiser"),
    ],
    "expense-compensation": [
        ({"service_type": "coaching"}, "service_type"),
        ({"service_in_plan": None}, "service_in_plan"),
    ],
    "travel-accommodation": [
        ({"kilometres": -5}, "kilometres"),
        ({"moving_costs": "700"}, "moving_costs"),
    ],
}


@pytest.mark.parametrize("rule", list(EXAMPLES))
def test_the_contract_holds_and_the_dated_examples_answer(console_env, tmp_path, rule):
    """R-BEN-1: the contract check over `rules run` finds no breach; each example's result as expected."""
    path = write(tmp_path, EXAMPLES[rule])
    assert check_contract(console_env, rule, path, "--on", "2024-02-01") == []
    result = console(console_env, "run", rule, "--input", path, "--on", "2024-02-01")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    for obj, expected in zip(out, ANSWERS[rule], strict=True):
        assert {k: obj["result"][k] for k in expected} == expected, obj["id"]
    text = console(console_env, "run", rule, "--input", path, "--format", "text", "--lang", "sv")
    assert text.returncode == 0 and "kan beviljas" in text.stdout


BAD_CASES = [(rule, change, field) for rule, cases in BAD.items() for change, field in cases]


@pytest.mark.parametrize(("rule", "change", "field"), BAD_CASES)
def test_bad_input_exits_2_naming_the_item_and_the_field(console_env, tmp_path, rule, change, field):
    item = {**EXAMPLES[rule][1], "id": "bad", **change}
    result = console(console_env, "run", rule, "--input", write(tmp_path, [item]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "'bad'" in result.stderr and f"'{field}'" in result.stderr


def test_list_shows_each_decision_rule_with_its_schema(console_env):
    """R-BEN-1: each benefit decision rule is in `rules list` with its typed input fields."""
    result = console(console_env, "list")
    assert result.returncode == 0, result.stderr
    for rule in ("wage-subsidy", *EXAMPLES):
        assert f"{rule}  version 1+" in result.stdout
    assert (
        'employer_type: "this_pilot_municipality"|"other_pilot_municipality"|"pilot_controlled_entity"|'
        '"company"|"association"|"other_public"' in result.stdout
    )
    assert "consecutive_period_applied_in_time: bool|null" in result.stdout
    assert "esf_funded: bool|null" in result.stdout
