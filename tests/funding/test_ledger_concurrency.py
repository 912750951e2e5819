# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""Fifty concurrent approvals never exceed the quota (issue 18 item 4; R-RES-2): fifty drafts of 1 000 €
against a quota of 10 000 €, each accepted by the approver in its own thread and database connection,
released together by a barrier. Exactly ten are accepted, forty refused with the euros left, and the
account's committed euros equal the quota. On PostgreSQL the account row is locked (SELECT … FOR UPDATE);
on SQLite each acceptance is an IMMEDIATE transaction holding the database's write lock. The letter's PDF is
replaced by a fixed one: it is not what these tests are about and would only make them slow."""

import datetime as dt
import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from kuntakokeilu.decisions import services
from kuntakokeilu.decisions.models import Decision, Status
from kuntakokeilu.funding.models import Account
from kuntakokeilu.regions.services import load_reference_data
from tests.customers.conftest import KAJAANI_HETU, demo, demo_customers, user  # noqa: F401
from tests.decisions.factories import WAGE_FACTS
from tests.funding.quotas import give_quotas

ON = dt.date(2023, 9, 15)
N = 50


@pytest.fixture(autouse=True)
def reference(request):
    """An earlier transactional test may have emptied the tables: the real reference data again (only for
    the database the test runs on; the other database's test is skipped before its fixtures)."""
    request.getfixturevalue("transactional_db")
    load_reference_data()


def _run_together(calls):
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as exc:  # a refusal is the result
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _fifty_approvals(demo_customers, user, settings, monkeypatch):
    settings.KUNTAKOKEILU_TODAY = ON.isoformat()
    monkeypatch.setattr(services, "render_pdf", lambda letter: b"%PDF-1.4 test")
    give_quotas(10_000, areas=[7], instruments=["wage_subsidy"], years=(2023,))
    first = services.prepare(
        demo_customers[KAJAANI_HETU], "wage-subsidy", WAGE_FACTS, Decimal("1000.00"), 50,
        dt.date(2023, 10, 1), dt.date(2023, 12, 31), user("ville.hyvonen"), ON,
    )  # fmt: skip
    drafts = [first]
    for i in range(1, N):
        copy = Decision.objects.get(pk=first.pk)
        copy.pk = None
        copy.diary_number = f"{first.diary_number}-{i}"
        copy.save()
        drafts.append(copy)
    approver = user("antti.pulkkinen")
    results = _run_together([lambda d=d: services.accept(d, approver, ON) for d in drafts])
    accepted = [r for r in results if isinstance(r, Decision)]
    refused = [r for r in results if isinstance(r, services.Refused)]
    assert (len(accepted), len(refused)) == (10, 40), [r for r in results if not isinstance(r, Decision)][:3]
    assert Decision.objects.filter(status=Status.ACCEPTED).count() == 10
    assert Account.objects.get(year=2023, instrument="wage_subsidy").committed == Decimal("10000.00")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="row locks and concurrent connections: PostgreSQL"
)
def test_fifty_concurrent_approvals_never_exceed_the_quota_on_postgresql(
    demo_customers, user, settings, monkeypatch
):
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        assert int(cursor.fetchone()[0]) > N + 5
    _fifty_approvals(demo_customers, user, settings, monkeypatch)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite's write lock")
def test_fifty_concurrent_approvals_never_exceed_the_quota_on_sqlite(
    demo_customers, user, settings, monkeypatch
):
    _fifty_approvals(demo_customers, user, settings, monkeypatch)
