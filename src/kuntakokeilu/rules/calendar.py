"""The Finnish working-day calendar (arkipäivät) for deadlines counted in working days.

The reading of arkipäivä and its reference are the dated parameters `calendar.working_weekdays` and
`calendar.days_off_besides_public_holidays` (parameters/calendar.yaml): Monday–Friday except public
holidays, Christmas Eve and Midsummer Eve.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from functools import cache

import holidays

from .parameters import ParameterStore, default_store

NAMED_DAYS = {
    "christmas_eve": lambda d: d.month == 12 and d.day == 24,
    # juhannusaatto: the Friday between 19 and 25 June
    "midsummer_eve": lambda d: d.month == 6 and 19 <= d.day <= 25 and d.isoweekday() == 5,
}


@cache
def public_holidays(year: int) -> frozenset[dt.date]:
    """Finland's public holidays of a year by the `holidays` package, built once per year and process: a
    calendar is made per decision (the month's close makes one per customer), and building the package's
    calendar anew was two thirds of the close's time (benchmarks/README.md, the service process)."""
    return frozenset(holidays.country_holidays("FI", years=year))


class WorkingDayCalendar:
    def __init__(self, params: ParameterStore | None = None):
        self.params = params or default_store()

    def is_public_holiday(self, day: dt.date) -> bool:
        return day in public_holidays(day.year)

    def is_working_day(self, day: dt.date) -> bool:
        if day.isoweekday() not in self.params.value("calendar.working_weekdays", day):
            return False
        if self.is_public_holiday(day):
            return False
        for name in self.params.value("calendar.days_off_besides_public_holidays", day):
            if NAMED_DAYS[name](day):
                return False
        return True

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The day `days` working days after `start` (start itself not counted); negative counts back.

        `add_working_days(d, 0)` is `d`, whatever day it is.
        """
        step = 1 if days >= 0 else -1
        day, remaining = start, abs(days)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 if end <= start)."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count


def add_months(day: dt.date, months: int) -> dt.date:
    """The same-numbered day `months` later (negative: earlier), or the month's last day when the month has no
    such day (Act 150/1930 on reckoning statutory time limits, s. 3): the rules' one month arithmetic."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))
