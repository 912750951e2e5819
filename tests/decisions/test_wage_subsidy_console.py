"""The rule `wage-subsidy` through the real rules console (R-BEN-1, R-REF-4): dated cases on both sides of
1.7.2023, the TE office deciding for the trial municipality as employer, the contract kept, the result in
words, and exit 2 for bad input naming the item and the field."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

BASE = {
    "employer_type": "company",
    "unemployed_months_last_14": 13,
    "unemployed_months_last_28": 13,
    "reduced_work_ability": False,
    "age": 40,
    "employment_started_before_decision": False,
    "consecutive_period_applied_in_time": None,
}
EXAMPLES = [
    {"id": "old-law", "on": "2023-06-30", **BASE},
    {"id": "new-law", "on": "2023-07-01", **BASE},
    {"id": "te-office", "on": "2023-06-30", **BASE, "employer_type": "this_pilot_municipality"},
    {"id": "te-office-new-law", "on": "2023-07-01", **BASE, "employer_type": "this_pilot_municipality"},
    {"id": 5, **BASE, "employment_started_before_decision": True, "esf_funded": True},
]


def test_the_contract_check_finds_the_contract_kept(console_env, tmp_path):
    assert check_contract(console_env, "wage-subsidy", write(tmp_path, EXAMPLES), "--on", "2021-04-01") == []


def test_run_answers_dated_cases_on_both_sides_of_1_7_2023(console_env, tmp_path):
    """R-BEN-1: 40 %/12 months on 30.6.2023, 50 %/10 months on 1.7.2023; the TE office decides for the trial
    municipality as employer under both laws; `--on` dates the item without its own `on`."""
    result = console(
        console_env, "run", "wage-subsidy", "--input", write(tmp_path, EXAMPLES), "--on", "2021-04-01"
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    answers = [
        (
            o["on"],
            o["result"]["allowed"],
            o["result"]["decided_by"],
            o["result"]["max_percent"],
            o["result"]["max_months"],
        )
        for o in out
    ]
    assert answers == [
        ("2023-06-30", True, "municipality", 40, 12),
        ("2023-07-01", True, "municipality", 50, 10),
        ("2023-06-30", True, "te_office", 40, 12),
        ("2023-07-01", True, "te_office", 50, 10),
        ("2021-04-01", False, "te_office", None, None),
    ]
    assert out[1]["result"]["options"] == [
        {"route": "basic", "percent": 50, "months": 5, "conditions": []},
        {"route": "unemployed_12_of_14", "percent": 50, "months": 10, "conditions": []},
    ]
    assert all(o["status"] is None for o in out)
    decider = out[2]["checks"][0]
    assert decider["code"] == "decided_by" and "TE-toimisto" in decider["text"]["fi"]
    assert decider["parameters"][0]["name"] == "decisions.te_office_employers"
    assert "Europeiska socialfonden" in out[4]["checks"][0]["text"]["sv"]


def test_the_text_states_the_result_in_finnish(console_env, tmp_path):
    """R-X-8: a decision without an overall status states its result in words."""
    result = console(
        console_env, "run", "wage-subsidy", "--input", write(tmp_path, EXAMPLES[2:3]), "--format", "text"
    )
    assert result.returncode == 0, result.stderr
    assert "voidaan myöntää; TE-toimisto päättää" in result.stdout


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"employer_type": "municipality"}, "employer_type"),
        ({"employer_type": None}, "employer_type"),
        ({"age": "40"}, "age"),
        ({"unemployed_months_last_14": 15}, "unemployed_months_last_14"),
        ({"unemployed_months_last_14": 10, "unemployed_months_last_28": 9}, "unemployed_months_last_14"),
        ({"esf_funded": "no"}, "esf_funded"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_exits_2_naming_the_item_and_the_field(console_env, tmp_path, change, field):
    item = {"id": "bad", "on": "2022-01-01", **BASE, **change}
    result = console(console_env, "run", "wage-subsidy", "--input", write(tmp_path, [item]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "'bad'" in result.stderr and f"'{field}'" in result.stderr
