"""The rule `plan-deadlines` through the rules console (R-SP-5, R-REF-4): the contract over the real
`rules run` output, dates on both sides of 2.5.2022, explanations in fi/sv/en, exit 2 on bad input."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

ITEMS = [
    {
        "id": "employment",
        "kind": "employment",
        "steps": [{"due_on": "2022-10-01", "responsible": "job_seeker"}],
    },
    {"id": "activation", "kind": "activation", "includes_job_search_obligation": True},
    {"id": "no-obligation", "kind": "activation"},
    {"id": "typ", "kind": "typ"},
    {"id": "integration", "kind": "integration", "first_agreed_on": "2020-01-15", "extension_months": 6},
    {
        "id": "early-step",
        "kind": "employment",
        "steps": [{"due_on": "2022-08-01", "responsible": "case_worker"}],
    },
]


def test_the_contract_holds(console_env, tmp_path):
    path = write(tmp_path, ITEMS)
    assert check_contract(console_env, "plan-deadlines", path, "--on", "2022-09-01") == []
    assert check_contract(console_env, "plan-deadlines", path, "--on", "2022-04-01") == []


def test_review_dates_and_refusals_on_both_sides_of_2_5_2022(console_env, tmp_path):
    path = write(tmp_path, ITEMS)
    after = console(console_env, "run", "plan-deadlines", "--input", path, "--on", "2022-09-01")
    assert after.returncode == 0, after.stderr
    out = {o["id"]: o for o in json.loads(after.stdout)}
    assert out["employment"]["result"] == {"review_by": "2022-12-01", "valid": True}
    assert out["activation"]["result"] == {"review_by": "2022-12-01", "valid": True}
    assert out["no-obligation"]["result"]["valid"] is False
    assert out["no-obligation"]["status"] == "fail"
    assert out["typ"]["result"]["review_by"] == "2023-03-01"
    assert out["integration"]["result"]["review_by"] == "2023-07-15"  # 36 + 6 months from 15.1.2020
    early = next(c for c in out["early-step"]["checks"] if c["code"] == "steps.0.due_on")
    assert "ennen suunnitelman päivämäärää" in early["text"]["fi"]
    assert "före planens datum" in early["text"]["sv"] and "before the plan's date" in early["text"]["en"]
    before = console(console_env, "run", "plan-deadlines", "--input", path, "--on", "2022-04-01")
    out = {o["id"]: o for o in json.loads(before.stdout)}
    assert out["no-obligation"]["result"] == {"review_by": "2022-08-02", "valid": True}
    assert out["employment"]["checks"][0]["parameters"][0]["reference"].startswith("JTYPL 916/2012")


def test_bad_input_exits_2(console_env, tmp_path):
    path = write(tmp_path, [{"id": "x", "kind": "holiday"}])
    result = console(console_env, "run", "plan-deadlines", "--input", path, "--on", "2022-09-01")
    assert result.returncode == 2 and result.stdout == ""
    assert "kind" in result.stderr
