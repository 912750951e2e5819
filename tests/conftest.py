import os
from pathlib import Path

import pytest
from django.db import connection

from kuntakokeilu.regions.services import load_reference_data

REPO = Path(__file__).resolve().parent.parent
KUNTAKOKEILU = REPO / ".venv" / "bin" / "kuntakokeilu"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real reference data, loaded once into the test database (R-REF-1: real municipalities)."""
    with django_db_blocker.unblock():
        load_reference_data()


@pytest.fixture
def console_env(db):
    """Environment for running `kuntakokeilu` as a subprocess against the test database."""
    settings_dict = connection.settings_dict
    env = {
        **os.environ,
        "SECRET_KEY": "tests-only-secret-key",
        "DEBUG": "0",
        "DJANGO_SETTINGS_MODULE": "kuntakokeilu.settings",
    }
    env.pop("KUNTAKOKEILU_TODAY", None)
    if settings_dict["ENGINE"].endswith("sqlite3"):
        env["DATABASE_URL"] = f"sqlite:///{settings_dict['NAME']}"
    else:
        user, password = settings_dict["USER"], settings_dict["PASSWORD"]
        auth = f"{user}:{password}@" if password else f"{user}@" if user else ""
        host = settings_dict["HOST"] or "localhost"
        port = f":{settings_dict['PORT']}" if settings_dict["PORT"] else ""
        env["DATABASE_URL"] = f"postgres://{auth}{host}{port}/{settings_dict['NAME']}"
    return env


def pytest_terminal_summary(terminalreporter):
    """The number of cases each fuzzing test ran (tests/fuzzing.py), for docs/security.md."""
    from tests.fuzzing import summary_lines

    lines = summary_lines()
    if lines:
        terminalreporter.write_sep("-", "fuzzing: cases run")
        for line in lines:
            terminalreporter.write_line(line)
