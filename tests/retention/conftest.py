import datetime as dt

import pytest

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers import demo as customers_demo
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person

TODAY = dt.date(2023, 6, 1)
# the demo's job seeker whose job search ended five days before its today (customers.demo.ENDED_PERSON)
OONA_HETU = make_henkilotunnus(*customers_demo.ENDED_PERSON[:2])
# demo: Mikael Lahtinen, Helsinki, still a customer
MIKAEL_HETU = make_henkilotunnus(dt.date(1978, 5, 14), 901)


@pytest.fixture
def demo_world(db, settings):
    """The customers' demo as run on TODAY: the demo users, the demo job seekers, 3,000 synthetic job seekers
    and the initial transfer, the due transfers and requests, and Oona Virta's ended customership."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    lines = list(customers_demo.run(TODAY))
    assert any("Oona Virta" in line for line in lines), lines
    return Person.objects.get(henkilotunnus=OONA_HETU)


@pytest.fixture
def user_named():
    from django.contrib.auth import get_user_model

    return lambda username: get_user_model().objects.get(username=username)
