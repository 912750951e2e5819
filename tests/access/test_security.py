"""Security of every response (R-X-6): headers, CSRF, session settings, sign-in refusal for the inactive."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db


def test_security_headers_on_pages():
    response = Client().get("/trial-areas/")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_security_headers_on_the_api():
    response = Client().get("/api/v1/trial-areas/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_forms_refuse_a_post_without_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/sign-in/", {"username": "aino.virtanen", "password": "x"})
    assert response.status_code == 403
    assert client.post("/i18n/setlang/", {"language": "sv"}).status_code == 403


def test_session_times_out_after_30_minutes_of_inactivity():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST  # the 30 minutes count from the last request
    assert settings.SESSION_COOKIE_HTTPONLY


def test_password_rules_refuse_short_and_common_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("lyhyt", "password1234", "123456789012"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("Kuhmo-palvelee-2022")


def test_anonymous_users_are_sent_to_sign_in_from_staff_pages_and_get_401_from_staff_api():
    client = Client()
    response = client.get("/staff/areas/7/")
    assert response.status_code == 302 and response.url.startswith("/sign-in/?next=")
    response = client.get("/api/v1/me/")
    assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"
