import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.regions.models import TrialArea


@pytest.fixture
def users(db):
    ensure_demo_users()
    return {u.username: u for u in get_user_model().objects.all()}


@pytest.fixture
def kainuu(db):
    return TrialArea.objects.get(number=7)


@pytest.fixture
def helsinki(db):
    return TrialArea.objects.get(number=20)
