import pytest

from kuntakokeilu.applications.models import Round
from kuntakokeilu.applications.rounds import load_rounds


@pytest.fixture(scope="session")
def rounds_loaded(django_db_setup, django_db_blocker):
    """The real rounds and their outcomes, committed once (the rules console runs in another process)."""
    with django_db_blocker.unblock():
        load_rounds()


@pytest.fixture
def rounds(rounds_loaded, db):
    if not Round.objects.filter(code="main-2019").exists():  # a transactional test emptied the tables
        load_rounds()
