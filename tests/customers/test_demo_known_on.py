"""The demo shows only what was known on its day (issue 15 item 3): rows dated later are left out (a job
search's planned end stays: the registration's validity is known when it is made); without a day the file
holds every row."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from kuntakokeilu.customers.demo import demo_csv

pytestmark = pytest.mark.nodb
DAY = dt.date(2022, 9, 1)


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode())))


def test_nothing_dated_after_the_demo_day_is_imported():
    known = rows(demo_csv(DAY))
    for row in known:
        assert dt.date.fromisoformat(row["valid_from"]) <= DAY, row["last_name"]
        assert not row["job_search_start"] or dt.date.fromisoformat(row["job_search_start"]) <= DAY
    everything = rows(demo_csv())
    assert len(known) < len(everything)
    later = [r for r in everything if dt.date.fromisoformat(r["valid_from"]) > DAY]
    assert {r["last_name"] for r in later} == {"Mäkelä", "Räsänen"}  # the 2023 rows exist, and are left out
    raesaenen = next(r for r in known if r["last_name"] == "Räsänen")
    assert raesaenen["job_search_start"] == "2020-12-01" and raesaenen["job_search_end"] == "2023-09-30"
    assert rows(demo_csv(dt.date(2020, 6, 1))) == []  # before the pilot: nothing known


def test_a_later_demo_day_knows_more():
    assert len(rows(demo_csv(dt.date(2023, 12, 31)))) == len(rows(demo_csv()))
