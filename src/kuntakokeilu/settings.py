"""Django settings for Kuntakokeilu.

Sections are appended per app (see docs/architecture.md, "Shared files"); never rewrite another app's part.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("KUNTAKOKEILU_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


# --- core ---------------------------------------------------------------------------------------
DEBUG = _env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-never-used-with-debug-off"  # noqa: S105
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kuntakokeilu.rules",
    "kuntakokeilu.regions",
    "kuntakokeilu.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kuntakokeilu.urls"
WSGI_APPLICATION = "kuntakokeilu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- database: SQLite in var/ unless DATABASE_URL is set (PostgreSQL in production and CI) ------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'kuntakokeilu.sqlite3'}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- languages: Finnish first, Swedish by law, English for development and research --------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
LOCALE_PATHS: list[Path] = []  # every app keeps its own locale/ folder

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# --- the injected clock (kuntakokeilu.clock.today) ----------------------------------------------
KUNTAKOKEILU_TODAY = (
    dt.date.fromisoformat(os.environ["KUNTAKOKEILU_TODAY"]) if os.environ.get("KUNTAKOKEILU_TODAY") else None
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# --- rules (kuntakokeilu.rules) -----------------------------------------------------------------
# Every app that registers rules lists its module here; the registry imports them on first use.
RULE_MODULES = [
    "kuntakokeilu.regions.rules",
]
