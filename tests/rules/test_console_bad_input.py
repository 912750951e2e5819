"""Bad input never gives a traceback (issue 12; R-X-3, R-REF-4): JSON nested deeper than any rule input
and dates far outside what a person's facts can be exit 2 with a clear message and nothing on stdout, like
every other bad input."""

import json

import pytest

from kuntakokeilu.rules import contract
from tests.console import console, console_in_process, write

pytestmark = pytest.mark.django_db


def test_deeply_nested_json_exits_2(console_env, tmp_path):
    nested = "[" * 100_000 + "]" * 100_000
    result = console(console_env, "run", "municipality-on-date", "--input", write(tmp_path, nested))
    assert (result.returncode, result.stdout) == (2, "")
    assert "nested too deeply" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("birth", ["9999-12-31", "0001-01-01"])
def test_a_birth_date_far_outside_a_life_exits_2(console_env, tmp_path, birth):
    """`birth_date` 9999-12-31 made the age arithmetic overflow (year 10029) before the date range."""
    item = {
        "id": "x",
        "birth_date": birth,
        "kotikunta": "091",
        "mother_tongue": "fi",
        "immigrant": False,
        "status": "unemployed",
        "earnings_related_entitlement": False,
        "job_search_valid": True,
    }
    result = console(
        console_env, "run", "target-group", "--input", write(tmp_path, [item]), "--on", "2022-09-01"
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert "item 'x', field 'birth_date'" in result.stderr and "outside 1800-01-01" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_real_old_birth_date_is_still_a_date(console_env, tmp_path):
    """A person born in the 1800s has an identity code with '+': such a date is in range."""
    item = {"id": "a", "kunta_code": "091", "on": "1899-12-31"}
    result = console(console_env, "run", "municipality-on-date", "--input", write(tmp_path, [item]))
    assert result.returncode == 0, result.stderr


LOVIISA = {
    "id": "loviisa",
    "round": "supplementary-2020",
    "name": "Loviisa",
    "lead": "434",
    "municipalities": ["434"],
}


@pytest.fixture
def rounds_loaded():
    from kuntakokeilu.applications.models import Round
    from kuntakokeilu.applications.rounds import load_rounds

    if not Round.objects.filter(code="supplementary-2020").exists():
        load_rounds()


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        (
            "own_resourcing",
            {"eur_per_year": "NaN", "person_years": 1},
            "eur_per_year must be a number, 0 or more",
        ),
        ("own_resourcing", {"eur_per_year": 1, "person_years": "Infinity"}, "person_years must be a number"),
        ("own_resourcing", {"eur_per_year": "1e999", "person_years": 1}, "eur_per_year must be a number"),
        ("lms_expenditure_2018_eur", {"434": "1e308"}, "434 must be at most 1000000000000"),
        ("estimated_customers", "1" + "0" * 400, "must be at most 10000000"),
    ],
)
def test_figures_no_sum_can_hold_exit_2(rounds_loaded, field, value, problem):
    """R-X-3, R-APP-3: NaN and Infinity (JSON as Python reads it) and figures past any municipality's made the
    screening's arithmetic fail with a traceback (round(nan), an overflow) — found by test_console_fuzz.py.
    The value is written into the JSON as it stands (NaN, Infinity, 1e999 are not JSON strings)."""
    item = dict(LOVIISA, **{field: "@"})
    raw = json.dumps(value) if isinstance(value, dict) else value
    text = json.dumps([item]).replace('"@"', raw).replace('"NaN"', "NaN").replace('"Infinity"', "Infinity")
    text = text.replace('"1e999"', "1e999").replace('"1e308"', "1e308")
    result = console_in_process("run", "application-screening", "--input", "-", stdin=text)
    assert (result.returncode, result.stdout) == (2, "")
    assert f"item 'loviisa', field '{field}'" in result.stderr and problem in result.stderr


def test_the_largest_figures_allowed_are_screened(rounds_loaded):
    """The bounds leave every real figure: a trillion euros and ten million customers still screen."""
    item = dict(
        LOVIISA,
        own_resourcing={"eur_per_year": 10**12, "person_years": 1e12},
        lms_expenditure_2018_eur={"434": 1e12},
        estimated_customers=10_000_000,
    )
    result = console_in_process("run", "application-screening", "--input", "-", stdin=json.dumps([item]))
    assert result.returncode == 0, result.stderr
    assert contract.breaches_in_text([item], result.stdout, "application-screening") == []
