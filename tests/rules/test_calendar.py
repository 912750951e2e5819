"""The Finnish working-day calendar (arkipäivät) for deadlines (R-SP-1, R-REF-3): weekends, public holidays,
Christmas Eve and Midsummer Eve."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.rules.calendar import WorkingDayCalendar

pytestmark = pytest.mark.nodb
D = dt.date
CAL = WorkingDayCalendar()


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2022, 5, 26), False),  # Ascension Day (helatorstai), a Thursday
        (D(2022, 12, 6), False),  # Independence Day, a Tuesday
        (D(2022, 6, 24), False),  # Midsummer Eve, a Friday
        (D(2021, 12, 24), False),  # Christmas Eve, a Friday
        (D(2022, 4, 15), False),  # Good Friday
        (D(2022, 5, 28), False),  # a Saturday
        (D(2022, 5, 27), True),  # the Friday after Ascension Day
        (D(2022, 12, 7), True),
    ],
)
def test_working_days(day, working):
    assert CAL.is_working_day(day) is working


def test_add_working_days_skips_ascension_day():
    # Wednesday 25.5.2022 + 1 working day: Thursday is Ascension Day, so Friday 27.5.
    assert CAL.add_working_days(D(2022, 5, 25), 1) == D(2022, 5, 27)


def test_add_working_days_skips_independence_day():
    # Monday 5.12.2022 + 1: Tuesday 6.12. is Independence Day, so Wednesday 7.12.
    assert CAL.add_working_days(D(2022, 12, 5), 1) == D(2022, 12, 7)


def test_five_working_days_over_midsummer_2022():
    # Start of job search Monday 20.6.2022: 21, 22, 23, (24 eve, 25, 26), 27, 28 → Tuesday 28.6.
    assert CAL.add_working_days(D(2022, 6, 20), 5) == D(2022, 6, 28)


def test_zero_and_negative_counts():
    assert CAL.add_working_days(D(2022, 5, 28), 0) == D(2022, 5, 28)
    assert CAL.add_working_days(D(2022, 5, 27), -1) == D(2022, 5, 25)


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2025, 12, 31)), st.integers(min_value=1, max_value=40))
def test_adding_n_working_days_lands_on_a_working_day_n_working_days_later(start, n):
    end = CAL.add_working_days(start, n)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == n
    back = CAL.add_working_days(end, -n)
    assert back == start if CAL.is_working_day(start) else back < start
