"""The injected clock (R-SP-1 deadlines depend on it): one setting fixes "today" for the whole process."""

import datetime as dt

import pytest

from kuntakokeilu import clock

pytestmark = pytest.mark.nodb


def test_today_follows_the_setting(settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2021, 3, 1)
    assert clock.today() == dt.date(2021, 3, 1)
    settings.KUNTAKOKEILU_TODAY = "2022-05-02"
    assert clock.today() == dt.date(2022, 5, 2)


def test_without_the_setting_today_is_helsinki_date(settings):
    from django.utils import timezone

    settings.KUNTAKOKEILU_TODAY = None
    assert clock.today() == timezone.localdate()
