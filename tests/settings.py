"""Settings for the test suite: the project's settings with a test secret and a file test database on
SQLite (so the rules console, run as a subprocess by the contract tests, sees the same data)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from kuntakokeilu.settings import *  # noqa: F403
from kuntakokeilu.settings import DATABASES, VAR_DIR

KUNTAKOKEILU_TODAY = None
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One test database per test process, so that two runs side by side never share one.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_kuntakokeilu_{os.getpid()}"}
# Jobs run in the caller once its transaction commits (the immediate backend); the tests of the queue itself
# switch to the database backend (tests/jobs, tests/evaluation/test_worker_recovery.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
