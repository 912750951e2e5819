"""The forecast at the current pace (issue 18 item 6; R-RES-2), a pure function with known answers."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.funding import rules

pytestmark = pytest.mark.nodb
D = dt.date


@pytest.mark.parametrize(
    ("year", "on", "elapsed"),
    [
        (2022, D(2021, 12, 31), Fraction(0)),  # before the year
        (2022, D(2022, 1, 31), Fraction(1)),
        (2022, D(2022, 2, 14), Fraction(1) + Fraction(14, 28)),
        (2022, D(2022, 8, 31), Fraction(8)),
        (2022, D(2022, 9, 1), Fraction(8) + Fraction(1, 30)),
        (2022, D(2022, 12, 31), Fraction(12)),
        (2022, D(2023, 3, 1), Fraction(12)),  # after the year
        (2024, D(2024, 2, 14), Fraction(1) + Fraction(14, 29)),  # a leap year's February
    ],
)
def test_months_elapsed(year, on, elapsed):
    assert rules.months_elapsed(year, on) == elapsed


CASES = [
    # committed, quota, on, year_end, runs_out_in, pace
    (80_000, 100_000, D(2022, 8, 31), 120_000, 10, Decimal("10000.00")),  # 100 000 / 10 000 = month 10
    (80_000, 120_000, D(2022, 8, 31), 120_000, None, Decimal("10000.00")),  # reaches it exactly at the end
    (80_000, 119_999, D(2022, 8, 31), 120_000, 12, Decimal("10000.00")),
    (30_000, 100_000, D(2022, 3, 31), 120_000, 10, Decimal("10000.00")),  # ⌈10⌉
    (30_000, 100_001, D(2022, 3, 31), 120_000, 11, Decimal("10000.00")),  # ⌈10.0001⌉
    (120_000, 100_000, D(2022, 6, 15), 261_818, 6, Decimal("21818.18")),  # already over: this month
    (0, 100_000, D(2022, 6, 30), 0, None, Decimal("0.00")),
    (10_000, None, D(2022, 6, 30), 20_000, None, Decimal("1666.67")),  # no quota: no run-out
    (50_000, 40_000, D(2023, 2, 1), 50_000, 12, Decimal("4166.67")),  # year over: committed, over in Dec
    (45_000, 90_000, D(2022, 9, 15), 63_529, None, Decimal("5294.12")),  # 8.5 months
    (100, 50, D(2022, 1, 1), 37_200, 1, Decimal("3100.00")),  # one day of January
]


@pytest.mark.parametrize(("committed", "quota", "on", "year_end", "runs_out", "pace"), CASES)
def test_forecast_known_answers(committed, quota, on, year_end, runs_out, pace):
    """pace = committed ÷ months elapsed; year end = pace × 12; runs out in ⌈quota ÷ pace⌉ if before the
    year end (the month of `on` when already over)."""
    got = rules.forecast(Decimal(committed), quota, 2022, on)
    assert (got.year_end, got.runs_out_in, got.pace) == (year_end, runs_out, pace)


def test_no_forecast_before_the_year_begins():
    assert rules.forecast(Decimal(5000), 10_000, 2023, D(2022, 12, 31)) is None


@given(
    committed=st.integers(min_value=0, max_value=10**9),
    quota=st.integers(min_value=0, max_value=10**9),
    on=st.dates(min_value=D(2022, 1, 1), max_value=D(2022, 12, 31)),
)
def test_the_quota_runs_out_only_when_the_forecast_passes_it(committed, quota, on):
    got = rules.forecast(Decimal(committed), quota, 2022, on)
    assert got.year_end >= committed - 1
    if got.runs_out_in is not None:
        assert 1 <= got.runs_out_in <= 12
        assert committed >= quota or got.runs_out_in >= on.month
        pace = Fraction(committed) / got.months_elapsed
        assert committed >= quota or pace * got.runs_out_in >= quota > pace * (got.runs_out_in - 1)
    else:
        assert committed < quota or committed == 0
