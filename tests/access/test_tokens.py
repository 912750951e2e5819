"""API tokens expire and can be revoked (issue 12; R-X-1): idle for more than API_TOKEN_IDLE_HOURS or older
than API_TOKEN_MAX_DAYS, a token no longer signs in (401, and it is deleted)."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import ApiTokenUse
from kuntakokeilu.access.tokens import expired

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2022, 9, 1, 12, 0, tzinfo=dt.UTC)


@pytest.mark.nodb
def test_expiry_is_idle_time_or_age(settings):
    settings.API_TOKEN_IDLE_HOURS, settings.API_TOKEN_MAX_DAYS = 8, 30
    hours = dt.timedelta(hours=1)
    assert not expired(NOW - 2 * hours, None, NOW)
    assert expired(NOW - 9 * hours, None, NOW)  # never used, created 9 h ago
    assert not expired(NOW - dt.timedelta(days=20), NOW - hours, NOW)
    assert expired(NOW - dt.timedelta(days=20), NOW - 9 * hours, NOW)
    assert expired(NOW - dt.timedelta(days=31), NOW - hours, NOW)  # used an hour ago, but too old


def _client(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def token():
    ensure_demo_users()
    from django.contrib.auth import get_user_model

    return Token.objects.create(user=get_user_model().objects.get(username="aino.virtanen"))


def test_a_fresh_token_signs_in_and_its_use_is_recorded(token):
    assert _client(token).get("/api/v1/me/").status_code == 200
    assert ApiTokenUse.objects.get(token=token).last_used > timezone.now() - dt.timedelta(minutes=1)


def test_an_idle_token_is_refused_and_deleted(token):
    ApiTokenUse.objects.create(token=token, last_used=timezone.now() - dt.timedelta(hours=9))
    response = _client(token).get("/api/v1/me/")
    assert response.status_code == 401
    assert not Token.objects.filter(pk=token.pk).exists()


def test_an_old_token_is_refused_though_used_lately(token):
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - dt.timedelta(days=31))
    ApiTokenUse.objects.create(token=token, last_used=timezone.now())
    assert _client(token).get("/api/v1/me/").status_code == 401


def test_a_token_is_revoked_by_the_command(token):
    out = io.StringIO()
    call_command("revoke_tokens", "Aino.Virtanen", stdout=out)
    assert "revoked" in out.getvalue()
    assert _client(token).get("/api/v1/me/").status_code == 401
