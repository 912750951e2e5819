"""The ledger's pure rules (R-RES-2): the benefit → appropriation mapping, months by year as Act 150/1930
counts them, and the split of a decision's euros in whole cents that always sum exactly."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.funding import ledger

D = dt.date


def test_each_benefit_has_its_appropriation_and_a_work_trial_none():
    assert ledger.funding_instrument("wage-subsidy") == "wage_subsidy"
    assert ledger.funding_instrument("employment-support-55") == "wage_subsidy"  # law notes §4.2
    assert ledger.funding_instrument("start-up-grant") == "start_up_grant"
    assert ledger.funding_instrument("expense-compensation") == "expense_compensation"
    assert ledger.funding_instrument("travel-accommodation") == "travel"
    assert ledger.funding_instrument("work-trial") is None
    assert ledger.charges("work-trial", None, D(2023, 10, 1), D(2024, 3, 31)) == {}
    with pytest.raises(ValueError):
        ledger.funding_instrument("training")


def test_months_begin_in_the_year_they_are_charged_to():
    assert ledger.months_by_year(D(2023, 10, 1), D(2024, 7, 31)) == {2023: 3, 2024: 7}
    assert ledger.months_by_year(D(2023, 9, 15), D(2024, 9, 14)) == {2023: 4, 2024: 8}
    assert ledger.months_by_year(D(2024, 1, 31), D(2024, 2, 28)) == {2024: 1}  # 31.1. + 1 month = 29.2.
    assert ledger.months_by_year(D(2023, 12, 20), D(2024, 1, 10)) == {2023: 1}  # a partial month is a month
    with pytest.raises(ValueError):
        ledger.months_by_year(D(2024, 1, 2), D(2024, 1, 1))


def test_a_two_year_decision_is_split_by_its_months_in_whole_cents():
    assert ledger.charges("wage-subsidy", Decimal("9000.00"), D(2023, 10, 1), D(2024, 7, 31)) == {
        2023: (Decimal("2700.00"), 3),
        2024: (Decimal("6300.00"), 7),
    }
    # 100 € over 3 months: 33,33 + 66,67 (the larger remainder gets the cent)
    assert ledger.split(Decimal("100.00"), {2023: 1, 2024: 2}) == {
        2023: Decimal("33.33"),
        2024: Decimal("66.67"),
    }


@given(
    cents=st.integers(min_value=1, max_value=10**11),
    start=st.dates(min_value=D(2021, 1, 1), max_value=D(2024, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
)
def test_the_shares_always_sum_exactly(cents, start, days):
    amount = Decimal(cents) / 100
    months = ledger.months_by_year(start, start + dt.timedelta(days=days))
    shares = ledger.split(amount, months)
    assert sum(shares.values()) == amount
    assert all(share == share.quantize(Decimal("0.01")) and share >= 0 for share in shares.values())
