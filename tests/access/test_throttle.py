"""Sign-in throttling by address (R-X-6, issue 12 item 4): one address trying many usernames is locked like
one username tried too often, and the lock is of that address only."""

import pytest
from django.conf import settings
from django.test import Client

from kuntakokeilu.access.demo import DEMO_PASSWORD, ensure_demo_users

pytestmark = pytest.mark.django_db
OFFICE, ELSEWHERE = "198.51.100.7", "203.0.113.9"


def sign_in(username: str, password: str, address: str):
    return Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="fi").post(
        "/sign-in/", {"username": username, "password": password}
    )


def test_many_usernames_from_one_address_lock_the_address_not_the_others():
    ensure_demo_users()
    limit = settings.AXES_ADDRESS_FAILURE_LIMIT
    assert limit > settings.AXES_FAILURE_LIMIT
    for n in range(limit - 1):  # each username fails once: no username's own limit is near
        assert sign_in(f"guess{n}", "wrong-password", OFFICE).status_code == 200
    assert sign_in("aino.virtanen", DEMO_PASSWORD, OFFICE).status_code == 302  # still below the limit
    sign_in("guess-last", "wrong-password", OFFICE)

    locked = sign_in("mikko.korhonen", DEMO_PASSWORD, OFFICE)  # the right password, from the locked address
    assert locked.status_code == 429
    assert "Tästä verkko-osoitteesta" in locked.content.decode()
    assert sign_in("mikko.korhonen", DEMO_PASSWORD, ELSEWHERE).status_code == 302


def test_one_username_tried_too_often_says_the_username_is_locked():
    ensure_demo_users()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in("aino.virtanen", "wrong-password", OFFICE)
    locked = sign_in("aino.virtanen", DEMO_PASSWORD, OFFICE)
    assert locked.status_code == 429
    assert "tällä käyttäjätunnuksella" in locked.content.decode()
    assert sign_in("mikko.korhonen", DEMO_PASSWORD, OFFICE).status_code == 302
