import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users

TODAY = dt.date(2022, 9, 1)


@pytest.fixture
def users(db, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    return lambda username: get_user_model().objects.get(username=username)


@pytest.fixture(autouse=True)
def _the_ledger_holds_after_every_ledger_test(request):
    """R-RES-2: after every test of a ledger module (tests/funding/test_ledger*.py) the ledger equals the
    decisions (`kuntakokeilu check_ledger`'s check), asserted before the test database is emptied."""
    if "ledger" not in request.module.__name__:
        yield
        return
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    yield
    from kuntakokeilu.decisions.ledger import problems

    assert problems() == []
