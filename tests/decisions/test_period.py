"""A decision's period of whole months (R-BEN-1; Act 150/1930 s. 3 through `rules.calendar.add_months`)."""

import datetime as dt

import pytest

from kuntakokeilu.decisions.services import period_last_day

pytestmark = pytest.mark.nodb
D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("start", "months", "last"),
    [
        ("2022-10-01", 6, "2023-03-31"),  # from the first: to the month's end
        ("2022-01-15", 1, "2022-02-14"),  # the day before the same-numbered day
        ("2022-01-28", 1, "2022-02-27"),
        ("2022-01-29", 1, "2022-02-28"),  # February has no 29th in 2022: to its end, not the 27th
        ("2022-01-31", 1, "2022-02-28"),
        ("2024-01-31", 1, "2024-02-29"),  # a leap year
        ("2022-08-31", 6, "2023-02-28"),
        ("2022-03-31", 1, "2022-04-30"),
        ("2022-05-31", 1, "2022-06-30"),
        ("2022-12-31", 12, "2023-12-30"),
    ],
)
def test_the_period_ends_the_day_before_the_same_numbered_day_or_at_the_months_end(start, months, last):
    assert period_last_day(D(start), months) == D(last)


def test_consecutive_starts_never_end_earlier():
    """A later start never gives an earlier last day."""
    day, previous = D("2021-01-01"), None
    while day < D("2024-12-31"):
        for months in (1, 3, 6, 12, 24):
            last = period_last_day(day, months)
            assert last >= day
            if previous is not None and months == 6:
                assert last >= previous
        previous = period_last_day(day, 6)
        day += dt.timedelta(days=1)
