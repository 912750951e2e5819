"""Issue 21 item 1 (R-X-1 kept exactly as strict): the request's memo keeps a permission read once a request
and never a stale one."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from kuntakokeilu.access import request_cache
from kuntakokeilu.customers import visibility
from kuntakokeilu.customers.models import Customership
from tests.customers.conftest import HELSINKI_HETU, demo, make_customer  # noqa: F401  (the demo world)

pytestmark = pytest.mark.django_db
ON = dt.date(2023, 6, 1)


def _counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_outside_a_request_nothing_is_kept():
    _calls, compute = _counter()
    assert request_cache.memo("k", ["t"], compute) == 1
    assert request_cache.memo("k", ["t"], compute) == 2
    assert not request_cache.active()


def test_within_a_request_a_read_is_kept_until_its_table_is_written():
    _calls, compute = _counter()
    with request_cache.opened():
        key, tables = "k", [Customership._meta.db_table]
        assert request_cache.memo(key, tables, compute) == 1
        assert request_cache.memo(key, tables, compute) == 1
        assert request_cache.memo("other", ["customers_fact"], compute) == 2
        Customership.objects.filter(pk=-1).update(valid_to=ON)  # an UPDATE of the table, even of no row
        assert request_cache.memo(key, tables, compute) == 3
        assert request_cache.memo(key, tables, compute) == 4  # not kept again in this request
        assert request_cache.memo("other", ["customers_fact"], compute) == 2  # another table's stays
    assert request_cache.memo(key, tables, compute) == 5  # the request is over: nothing kept


def test_a_statement_the_watch_cannot_read_turns_the_memo_off():
    _calls, compute = _counter()
    with request_cache.opened():
        assert request_cache.memo("k", ["t"], compute) == 1
        with connection.cursor() as cursor:
            cursor.execute("CREATE TEMPORARY TABLE kk_probe (x integer)")
        assert not request_cache.active()
        assert request_cache.memo("k", ["t"], compute) == 2


def test_two_requests_share_nothing():
    _calls, compute = _counter()
    with request_cache.opened():
        assert request_cache.memo("k", ["t"], compute) == 1
    with request_cache.opened():
        assert request_cache.memo("k", ["t"], compute) == 2


def test_the_persons_places_follow_a_write_in_the_same_request(demo):  # noqa: F811
    """A view that writes and then asks again sees the write: the person becomes Helsinki's customer."""
    person = demo[HELSINKI_HETU]
    with request_cache.opened():
        assert "091" not in visibility.places(person, ON).involved
        assert visibility.customer_municipality(person, ON) is None
        make_customer(person, "091")
        assert "091" in visibility.places(person, ON).involved
        assert visibility.customer_municipality(person, ON).code == "091"


def test_prepared_places_are_those_read_one_by_one(demo):  # noqa: F811
    persons = list(demo.values())
    make_customer(persons[0], "091")
    one_by_one = {p.pk: visibility._read_places(p, ON) for p in persons}
    with request_cache.opened():
        visibility.prepare(persons, ON, homes=True)
        assert {p.pk: visibility.places(p, ON) for p in persons} == one_by_one
        from kuntakokeilu.customers.queries import home_municipality_code

        assert all(visibility.home_code(p, ON) == home_municipality_code(p, ON) for p in persons)
