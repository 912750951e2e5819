"""Bad input never gives a traceback (issue 12; R-X-3, R-REF-4): JSON nested deeper than any rule input
and dates far outside what a person's facts can be exit 2 with a clear message and nothing on stdout, like
every other bad input."""

import pytest

from tests.console import console, write

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
