import pytest

from kuntakokeilu.customers.synthetic import generate


@pytest.fixture
def generated(db):
    """400 synthetic job seekers on the real municipalities (seed 13): the population of the what-ifs."""
    generate(400, seed=13)


@pytest.fixture(scope="session")
def rounds_loaded(django_db_setup, django_db_blocker):
    """The real application rounds and their outcomes, committed once (as tests/applications does)."""
    from kuntakokeilu.applications.rounds import load_rounds

    with django_db_blocker.unblock():
        load_rounds()


@pytest.fixture
def rounds(rounds_loaded, db):
    from kuntakokeilu.applications.models import Round
    from kuntakokeilu.applications.rounds import load_rounds

    if not Round.objects.filter(code="main-2019").exists():  # a transactional test emptied the tables
        load_rounds()


@pytest.fixture
def applications(rounds):
    from .made import submit_three

    return submit_three()


@pytest.fixture
def signed_in(client, settings):
    """`signed_in(today)(username)`: the demo users, "today" set, the test client signed in as one."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.access.demo import ensure_demo_users

    def on(today: str):
        settings.KUNTAKOKEILU_TODAY = today
        ensure_demo_users()

        def sign_in(username):
            client.force_login(get_user_model().objects.get(username=username))
            return client

        return sign_in

    return on
