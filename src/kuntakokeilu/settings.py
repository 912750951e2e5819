"""Django settings for Kuntakokeilu.

Sections are appended per app (see docs/architecture.md, "Shared files"); never rewrite another app's part.
"""

import contextlib
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
    # The project's apps come first: their templates and translations take precedence over Django's and
    # the libraries' (e.g. "Username" is "Käyttäjätunnus" here, as in the TE services' own usage).
    "kuntakokeilu.rules",
    "kuntakokeilu.regions",
    "kuntakokeilu.web",
    "kuntakokeilu.letters",
    "kuntakokeilu.access",
    "kuntakokeilu.workitems",
    "kuntakokeilu.api",
    "kuntakokeilu.applications",
    "kuntakokeilu.customers",
    "kuntakokeilu.evaluation",
    "kuntakokeilu.jobs",
    "kuntakokeilu.whatif",
    "kuntakokeilu.service_process",
    "kuntakokeilu.decisions",
    "kuntakokeilu.cooperation",
    "kuntakokeilu.employers",
    "kuntakokeilu.referrals",
    "kuntakokeilu.statements",
    "kuntakokeilu.plans",
    "kuntakokeilu.funding",
    "kuntakokeilu.publicstats",
    "kuntakokeilu.retention",
    "kuntakokeilu.exchange",
    "kuntakokeilu.monitoring",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "kuntakokeilu.access.admin_config.KuntakokeiluAdminConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files in production (docs/operations.md)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kuntakokeilu.access.request_cache.RequestCacheMiddleware",  # issue 21: permission reads once a request
    "kuntakokeilu.access.middleware.NoStoreMiddleware",  # no-store for signed-in users and the API
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
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
                "kuntakokeilu.web.context_processors.navigation",
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
    # A job worker writes beside the server (kuntakokeilu worker): WAL lets readers go on while one writes,
    # the busy timeout waits for the writer instead of failing with "database is locked", and IMMEDIATE
    # transactions take the write lock when they begin, not half-way (where SQLite cannot wait for it).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- languages: Finnish first, Swedish by law, English for development and research --------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
LOCALE_PATHS: list[Path] = []  # every app keeps its own locale/ folder

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("KUNTAKOKEILU_STATIC_ROOT", VAR_DIR / "static"))
with contextlib.suppress(OSError):  # WhiteNoise reads it at start (empty until collectstatic)
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# WhiteNoise serves the collected files compressed; the names stay as they are (no manifest to build first).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- the injected clock (kuntakokeilu.clock.today) ----------------------------------------------
KUNTAKOKEILU_TODAY = (
    dt.date.fromisoformat(os.environ["KUNTAKOKEILU_TODAY"]) if os.environ.get("KUNTAKOKEILU_TODAY") else None
)

# Logs: one JSON object a line in production (LOG_FORMAT=json, the default with DEBUG off), plain text else.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "kuntakokeilu.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# --- rules (kuntakokeilu.rules) -----------------------------------------------------------------
# Every app that registers rules lists its module here; the registry imports them on first use.
RULE_MODULES = [
    "kuntakokeilu.regions.rules",
    "kuntakokeilu.customers.rules",
    "kuntakokeilu.applications.rules",
    "kuntakokeilu.service_process.rules",
]

# --- access: sign-in and security (R-X-6); production sign-in is described in docs/sign-in.md ------
from csp.constants import NONE, SELF  # noqa: E402

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling; must come first
    # Production: the municipality's directory through OIDC plugs in here (docs/sign-in.md), e.g.
    # "mozilla_django_oidc.auth.OIDCAuthenticationBackend", with OIDC_* settings from the environment.
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "access:sign-in"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "access:sign-in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling: 5 failures for one username from one address lock that pair for 15 minutes, and
# 20 failures from one address over any usernames lock the address (access/throttle.py).
AXES_HANDLER = "kuntakokeilu.access.throttle.SignInThrottle"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_ADDRESS_FAILURE_LIMIT = int(os.environ.get("AXES_ADDRESS_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "access/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "kuntakokeilu.access.usernames.axes_username"  # one key whatever the case typed
AXES_VERBOSE = False  # no usernames or addresses in the log
# Session: ends after 30 minutes without activity, and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_COOKIES = _env_bool("KUNTAKOKEILU_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_SAMESITE = "Lax"
# Security headers: CSP, frames denied, no MIME sniffing, referrer kept on this site only.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (docs/operations.md): trust it only when told.
if _env_bool("KUNTAKOKEILU_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
LOGGING.setdefault("loggers", {})["axes"] = {"level": "ERROR"}  # it would log usernames and addresses

# --- api --------------------------------------------------------------------------------------
# API tokens expire when idle or old (access/tokens.py)
API_TOKEN_IDLE_HOURS = float(os.environ.get("API_TOKEN_IDLE_HOURS", "8"))
API_TOKEN_MAX_DAYS = float(os.environ.get("API_TOKEN_MAX_DAYS", "30"))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kuntakokeilu.access.tokens.ExpiringTokenAuthentication",  # first: 401 with WWW-Authenticate: Token
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kuntakokeilu.api.permissions.Catalogue"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "kuntakokeilu.api.errors.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kuntakokeilu API",
    "DESCRIPTION": "Municipal employment pilots 2021–2024: reference data and staff endpoints.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- demo (kuntakokeilu demo): each app appends the module that adds its demo data ------------
DEMO_STEPS = [
    "kuntakokeilu.regions.demo",
    "kuntakokeilu.access.demo",
    "kuntakokeilu.customers.demo",
    "kuntakokeilu.applications.demo",
    "kuntakokeilu.whatif.demo",
    "kuntakokeilu.service_process.demo",
]

# --- evaluation: where runs started from the page write their files (the runs go on the job queue) ---
EVALUATION_RUNS_DIR = Path(os.environ.get("KUNTAKOKEILU_EVALUATION_RUNS_DIR", VAR_DIR / "evaluation-runs"))

# --- customers: transfers API (issue 6): names of its choice sets in the OpenAPI description --------
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    **SPECTACULAR_SETTINGS.get("ENUM_NAME_OVERRIDES", {}),
    "GroundEnum": "kuntakokeilu.customers.models.Ground",
    "RequestGroundEnum": "kuntakokeilu.api.transfers.transfer_requests.REQUEST_GROUND_CHOICES",
    "RequestStatusEnum": "kuntakokeilu.customers.models.RequestStatus",
    "RequestReasonEnum": "kuntakokeilu.customers.models.RequestReason",
    "ResponsibleEnum": "kuntakokeilu.customers.models.Responsible",
    "ServiceLanguageEnum": "kuntakokeilu.customers.models.SERVICE_LANGUAGES",
    "CheckStatusEnum": "kuntakokeilu.rules.outcome.STATUSES",
}
# the service process's API (issue 16 item 5): a deadline's type and a meeting's type are two choice sets
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] |= {
    "DeadlineTypeEnum": "kuntakokeilu.service_process.deadlines.ITEM_TYPES",
    "MeetingTypeEnum": "kuntakokeilu.service_process.deadlines.EVENT_TYPES",
}

# --- jobs: the durable job queue (django-tasks with its database backend; `kuntakokeilu worker` runs it) --
# A worker writes its heartbeat every JOBS_HEARTBEAT_SECONDS; one silent for JOBS_WORKER_STALE_SECONDS is
# taken as dead (kuntakokeilu.jobs.workers), and the jobs it left running are failed when a worker starts.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
JOBS_HEARTBEAT_SECONDS = float(os.environ.get("KUNTAKOKEILU_JOBS_HEARTBEAT_SECONDS", "10"))
JOBS_WORKER_STALE_SECONDS = float(os.environ.get("KUNTAKOKEILU_JOBS_WORKER_STALE_SECONDS", "60"))

# --- web: date input (issue 15): 15.8.2022 or ISO in every language, never month/day (web/formats/) ------
FORMAT_MODULE_PATH = ["kuntakokeilu.web.formats"]

# --- service process: the service-need assessment's choices in the OpenAPI schema (issue 16 item 4) ---
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    **SPECTACULAR_SETTINGS.get("ENUM_NAME_OVERRIDES", {}),
    "ServiceNeedEnum": "kuntakokeilu.service_process.models.ServiceNeed",
}

# --- decisions: the benefit decision rules (R-BEN-1, issue 18) ---
RULE_MODULES.append("kuntakokeilu.decisions.rules")

# --- service process: the job-search obligation's rule (issue 17 item 2) ---
RULE_MODULES.append("kuntakokeilu.service_process.obligation_rule")

# --- service process: other apps' records the deadline engine reads (service_process/sources.py) ---
SERVICE_PROCESS_SOURCES: list[str] = []

# --- cooperation: the regional co-operation network (R-SP-9, issue 17 item 7) ---
DEMO_STEPS.append("kuntakokeilu.cooperation.demo")
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] |= {
    "NetworkMemberKindEnum": "kuntakokeilu.cooperation.models.MemberKind",
    "NetworkMeetingChannelEnum": "kuntakokeilu.cooperation.models.MeetingChannel",
}

# --- employers: the employer side and job offers (issue 17 item 4, R-SP-7) ---
RULE_MODULES.append("kuntakokeilu.employers.rules")
DEMO_STEPS.append("kuntakokeilu.employers.demo")

# --- referrals: services and participation (issue 17 items 3 and 6, R-SP-6) ---
SERVICE_PROCESS_SOURCES.append("kuntakokeilu.referrals.deadline_source")
DEMO_STEPS.append("kuntakokeilu.referrals.demo")
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] |= {
    "ServiceKindEnum": "kuntakokeilu.referrals.models.ServiceKind",
    "ServiceStateEnum": "kuntakokeilu.referrals.models.State",
    "InterruptionReasonEnum": "kuntakokeilu.referrals.models.InterruptionReason",
    "ServiceOutcomeEnum": "kuntakokeilu.referrals.models.Outcome",
    "SelectionEnum": "kuntakokeilu.referrals.models.Selection",
    "EndReasonEnum": "kuntakokeilu.service_process.models.EndReason",
}

# --- statements: labour-policy statements, notices to the TE office and reminders (issue 17 item 5) ---
RULE_MODULES.append("kuntakokeilu.statements.rules")
DEMO_STEPS.append("kuntakokeilu.statements.demo")

# --- plans (issue 17 item 1, R-SP-5): the rule, the deadline engine's source, the demo ---
RULE_MODULES.append("kuntakokeilu.plans.plan_rule")
SERVICE_PROCESS_SOURCES.append("kuntakokeilu.plans.deadline_source")
DEMO_STEPS.append("kuntakokeilu.plans.demo")
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] |= {
    "PlanKindEnum": "kuntakokeilu.plans.models.Kind",
    "PlanServiceKindEnum": "kuntakokeilu.plans.models.ServiceKind",
    "PlanResponsibleEnum": "kuntakokeilu.plans.models.Responsible",
    "PlanPartyEnum": "kuntakokeilu.plans.models.Party",
    "PlanApprovalChannelEnum": "kuntakokeilu.plans.models.ApprovalChannel",
}

# --- funding: quotas, state staff and own funding (issue 18 items 3 and 5) ---
DEMO_STEPS.append("kuntakokeilu.funding.demo")
# The customer volumes per municipality on a date that the quota computation divides by: a function
# (municipality ids, date) -> {municipality id: customers}; named here: funding may not import customers.
FUNDING_VOLUME_SOURCE = "kuntakokeilu.customers.counts.municipal_customers_on"

# --- decisions: benefit decisions' demo (issue 18 item 2): Kajaani's and Porvoo's decisions ---
DEMO_STEPS.append("kuntakokeilu.decisions.demo")

# --- retention: anonymising the data of ended customerships after the retention period (issue 20 item 3) ---
# (no settings of its own: the period is the parameter `retention.period_months`; runs go on the job queue)

# --- decisions/funding: a Kainuu year of decisions (issue 18 item 6), after the decisions demo ---
DEMO_STEPS.append("kuntakokeilu.decisions.demo_year")

# --- exchange: where export and import jobs started from the page keep their files (issue 20 item 1) ---
EXCHANGE_DIR = Path(os.environ.get("KUNTAKOKEILU_EXCHANGE_DIR", VAR_DIR / "exchange"))

# --- monitoring (issue 19): the monthly figures of the areas with demo data (last: it counts the records
# every other step made), Kainuu's months approved, one corrected month in version 2 ---
DEMO_STEPS.append("kuntakokeilu.monitoring.demo")
