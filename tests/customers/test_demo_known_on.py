"""The demo shows only what was known on its day (issue 15 item 3): rows dated later are left out and later
dates inside a row (a job search's planned end) left empty; without a day the file holds every row."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from kuntakokeilu.customers.demo import DATE_COLUMNS, demo_csv

pytestmark = pytest.mark.nodb
DAY = dt.date(2022, 9, 1)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def test_nothing_dated_after_the_demo_day_is_imported():
    known = rows(demo_csv(DAY))
    for row in known:
        for column in DATE_COLUMNS:
            assert not row[column] or dt.date.fromisoformat(row[column]) <= DAY, (row["last_name"], column)
    everything = rows(demo_csv())
    assert len(known) < len(everything)
    later = [r for r in everything if dt.date.fromisoformat(r["valid_from"]) > DAY]
    assert {r["last_name"] for r in later} == {"Mäkelä", "Räsänen"}  # the 2023 rows exist, and are left out
    raesaenen = next(r for r in known if r["last_name"] == "Räsänen")
    assert raesaenen["job_search_start"] == "2020-12-01" and raesaenen["job_search_end"] == ""


def test_a_later_demo_day_knows_more():
    assert len(rows(demo_csv(dt.date(2023, 12, 31)))) == len(rows(demo_csv()))
