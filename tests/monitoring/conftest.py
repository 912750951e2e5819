import pytest

from kuntakokeilu.access.demo import ensure_demo_users


@pytest.fixture
def staff_in(client, settings):
    """`staff_in(username)`: the demo users, today 15.9.2022, the test client signed in as one."""
    from django.contrib.auth import get_user_model

    settings.KUNTAKOKEILU_TODAY = "2022-09-15"
    ensure_demo_users()

    def sign_in(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return sign_in
