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
