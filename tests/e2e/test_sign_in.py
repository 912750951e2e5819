"""Signing in and out (R-X-6): the right password, a wrong one, throttling, session expiry — in Chromium,
with the accessibility check on every page visited (R-X-7)."""

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_sign_in_page_is_accessible_and_a_wrong_password_is_refused(page):
    page.goto("/sign-in/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kirjaudu sisään"
    check_accessibility(page)
    sign_in(page, "aino.virtanen", "not-the-password")
    assert page.url.endswith("/sign-in/")
    assert "syötä kelvollinen käyttäjätunnus ja salasana" in page.get_by_role("alert").inner_text()
    check_accessibility(page)


def test_five_failures_lock_the_sign_in_even_for_the_right_password(page):
    for _ in range(5):
        sign_in(page, "aino.virtanen", "wrong-password-again")
    assert page.get_by_role("heading", level=1).inner_text() == "Kirjautuminen estetty"
    check_accessibility(page)
    sign_in(page, "aino.virtanen")  # the right password, but locked
    assert page.get_by_role("heading", level=1).inner_text() == "Kirjautuminen estetty"


def test_signing_in_and_out(page):
    sign_in(page, "aino.virtanen")
    assert page.get_by_role("heading", level=1).inner_text() == "Tervetuloa, Aino Virtanen"
    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_load_state()
    assert page.url.endswith("/sign-in/")
    page.goto("/staff/")
    assert "/sign-in/" in page.url


def test_an_expired_session_signs_the_user_out(page):
    sign_in(page, "juha.heikkinen")
    assert page.get_by_role("navigation").get_by_role("link", name="Henkilöstö").count() == 1
    # 30 minutes without activity have passed: the server-side session has expired.
    Session.objects.update(expire_date=timezone.now() - timezone.timedelta(seconds=1))
    page.goto("/staff/")
    assert "/sign-in/" in page.url
    page.goto("/")
    assert page.get_by_role("link", name="Kirjaudu sisään").count() == 1
