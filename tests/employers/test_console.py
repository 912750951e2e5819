"""The rule `job-offer-refusal` through the rules console (R-SP-7, R-REF-4): the contract check over the
real `rules run` output on both sides of 2.5.2022, the fi/sv/en explanations, and exit 2 for bad input."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

BASE = {"offered_by": "authority", "outcome": "refused", "offered_on": "2022-09-01", "apply_by": "2022-09-15"}
ITEMS = [
    {"id": "late", **BASE, "initial_interview": "2022-02-10"},
    {"id": "early", **BASE, "initial_interview": "2022-06-20"},
    {"id": "employer", **BASE, "offered_by": "employer", "initial_interview": "2022-02-10"},
    {"id": "applied", **BASE, "outcome": "applied", "initial_interview": None},
]


def test_the_contract_holds_on_both_sides_of_2_5_2022(console_env, tmp_path):
    path = write(tmp_path, ITEMS)
    assert check_contract(console_env, "job-offer-refusal", path, "--on", "2022-09-12") == []
    assert check_contract(console_env, "job-offer-refusal", path, "--on", "2022-04-29") == []


def test_counts_and_does_not_count(console_env, tmp_path):
    path = write(tmp_path, ITEMS)
    run = console(console_env, "run", "job-offer-refusal", "--input", path, "--on", "2022-09-12")
    assert run.returncode == 0, run.stderr
    out = {o["id"]: o for o in json.loads(run.stdout)}
    assert {k: o["result"]["counts"] for k, o in out.items()} == {
        "late": True,
        "early": False,
        "employer": False,
        "applied": False,
    }
    assert "lasketaan" in out["late"]["checks"][0]["text"]["fi"]
    assert "räknas inte" in out["early"]["checks"][0]["text"]["sv"]
    before = console(console_env, "run", "job-offer-refusal", "--input", path, "--on", "2022-04-29")
    assert [o["result"]["counts"] for o in json.loads(before.stdout)] == [True, True, True, False]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"offered_by": "friend"}, "offered_by"),
        ({"outcome": "maybe"}, "outcome"),
        ({"apply_by": "2022-08-01"}, "apply_by"),
        ({"initial_interview": "2022-09-02"}, "initial_interview"),
        ({"offered_on": "2022-13-01"}, "offered_on"),
    ],
)
def test_bad_input_exits_2(console_env, tmp_path, change, field):
    item = {"id": "bad", **BASE, "initial_interview": None, **change}
    result = console(console_env, "run", "job-offer-refusal", "--input", write(tmp_path, [item]))
    assert result.returncode == 2
    assert "'bad'" in result.stderr and f"'{field}'" in result.stderr
