"""Settings for the test suite: the project's settings with a test secret and a file test database on
SQLite (so the rules console, run as a subprocess by the contract tests, sees the same data)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from kuntakokeilu.settings import *  # noqa: F403
from kuntakokeilu.settings import DATABASES, VAR_DIR

KUNTAKOKEILU_TODAY = None
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # one file per test process, so that two runs side by side never share it
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}
