"""Settings (R-X-6): secrets come from the environment; a development default only with DEBUG on."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.nodb


def _import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", "import kuntakokeilu.settings as s; print(s.DATABASES['default']['ENGINE'])"],
        capture_output=True,
        text=True,
        env={**clean, **env},
        timeout=60,
    )


def test_without_a_secret_and_debug_off_the_settings_refuse():
    result = _import_settings()
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_debug_gives_a_development_secret_and_sqlite():
    result = _import_settings(DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql():
    result = _import_settings(SECRET_KEY="x", DATABASE_URL="postgres://postgres@127.0.0.1:5432/test")
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr


def test_languages_and_time_zone():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "fi"
    assert [code for code, _name in settings.LANGUAGES] == ["fi", "sv", "en"]
    assert settings.TIME_ZONE == "Europe/Helsinki"
