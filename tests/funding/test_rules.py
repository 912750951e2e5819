"""The funding rules as pure functions (R-RES-1 largest-remainder quotas, R-RES-4 reference and shortfall)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.funding import rules
from kuntakokeilu.rules.parameters import default_store

pytestmark = pytest.mark.nodb

CASES = [
    # total, volumes, expected (ties: larger volume first, then the smaller area number)
    (100, {1: 1, 2: 1, 3: 1}, {1: 34, 2: 33, 3: 33}),
    (10, {7: 5, 3: 5}, {3: 5, 7: 5}),
    (7, {1: 1, 2: 2, 3: 4}, {1: 1, 2: 2, 3: 4}),
    (10, {1: 1, 2: 2, 3: 4}, {1: 1, 2: 3, 3: 6}),  # 1.43, 2.86, 5.71 -> remainders .43 .86 .71
    (1_000_000, {19: 3100, 20: 14500, 21: 6200, 22: 1300, 23: 900}, None),
    (5, {1: 0, 2: 0}, {1: 3, 2: 2}),  # every volume zero: equal division, the smaller number first
    (5, {1: 0, 2: 3}, {1: 0, 2: 5}),  # a zero volume gets nothing while others have customers
    (0, {1: 4, 2: 9}, {1: 0, 2: 0}),
    (2, {1: 1, 2: 1, 3: 2}, {1: 1, 2: 0, 3: 1}),  # 0.5, 0.5, 1.0 -> one euro left; tie of .5 by number
]


@pytest.mark.parametrize(("total", "volumes", "expected"), CASES)
def test_apportion_table(total, volumes, expected):
    """R-RES-1: by customer volume, largest remainders, the shares sum exactly."""
    got = rules.apportion(total, volumes)
    assert sum(got.values()) == total
    assert set(got) == set(volumes)
    if expected is not None:
        assert got == expected


def test_tie_goes_to_the_larger_volume_then_the_smaller_number():
    """R-RES-1: a documented deterministic tie-break (equal remainders)."""
    # 3 € over volumes 1 and 3 of 4: 0.75 and 2.25 -> remainders .75/.25: the first gets the euro
    assert rules.apportion(3, {1: 1, 2: 3}) == {1: 1, 2: 2}
    # equal remainders: 1 € over volumes 2 and 2 -> the smaller number
    assert rules.apportion(1, {9: 2, 4: 2}) == {4: 1, 9: 0}


@given(
    total=st.integers(min_value=0, max_value=10**9),
    volumes=st.dictionaries(st.integers(1, 25), st.integers(0, 10**6), min_size=1, max_size=25),
)
def test_apportion_always_sums_and_stays_within_one_euro(total, volumes):
    """R-RES-1: exact sum; each share within one euro of its exact proportion (quota property)."""
    got = rules.apportion(total, volumes)
    assert sum(got.values()) == total
    whole = sum(volumes.values())
    weights = volumes if whole else dict.fromkeys(volumes, 1)
    whole = sum(weights.values())
    for key, share in got.items():  # |share - total·w/whole| < 1, in integers (floats lose the last euro)
        assert abs(share * whole - total * weights[key]) < whole


def test_apportion_refuses_negatives():
    with pytest.raises(ValueError):
        rules.apportion(-1, {1: 1})
    with pytest.raises(ValueError):
        rules.apportion(1, {1: -1})


def test_reference_is_fifteen_percent_of_2018_expenditure():
    """R-RES-4: the dated share (15 %) of the 2018 labour-market-subsidy expenditure, whole euros."""
    ref = rules.reference_amount(1_234_567, dt.date(2022, 12, 31), default_store())
    assert ref.amount == 185_185  # 185 185.05
    assert ref.reference
    assert rules.shortfall(ref.amount, 100_000) == 85_185
    assert rules.shortfall(ref.amount, 200_000) == 0


def test_explanations_in_three_languages():
    """R-RES-4: the shortfall explained in fi, sv and en."""
    ref = rules.reference_amount(1_000_000, dt.date(2022, 12, 31), default_store())
    message = rules.explain_shortfall(ref, 100_000)
    assert "50\u00a0000" in message.render("fi")
    assert "vajaus" in message.render("fi").lower()
    assert "underskott" in message.render("sv").lower()
    assert "shortfall of 50,000" in message.render("en")
