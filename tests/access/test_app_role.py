"""The application connects as a role that may only append to the access log (issue 12, item 5; R-X-2):
`kuntakokeilu grant_app_role ROLE`, run by the owner, lets the role read and write every table but only
SELECT and INSERT the log and its seals. Shown over a real second connection as that role (psycopg, not
Django's): appending and reading work, UPDATE, DELETE and TRUNCATE are refused by the database's
privileges (before the append-only trigger), an ordinary table is still written, and the cron jobs of the
log (seal, verify) run as the role. The owner keeps everything (the suite's flush truncates the tables)."""

import datetime as dt
import io
import os
import secrets
import subprocess

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection

from kuntakokeilu.access.models import AccessLogEntry, AccessLogSeal
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person
from tests.conftest import KUNTAKOKEILU

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="roles and privileges: PostgreSQL (SQLite has no roles)"
)
LOG, SEALS = AccessLogEntry._meta.db_table, AccessLogSeal._meta.db_table


@pytest.fixture
def app_role(transactional_db):
    """A login role of its own (roles are the cluster's: a unique name), dropped with its privileges at the
    end so that a rerun starts clean; its connections are closed by then."""
    name, password = f"kk_app_test_{os.getpid()}_{secrets.token_hex(3)}", secrets.token_hex(16)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
    yield name, password
    with connection.cursor() as cursor:
        cursor.execute(f"DROP OWNED BY {name}")
        cursor.execute(f"DROP ROLE {name}")


def connect_as(role: str, password: str) -> psycopg.Connection:
    s = connection.settings_dict
    return psycopg.connect(
        host=s["HOST"] or "localhost",
        port=s["PORT"] or 5432,
        dbname=s["NAME"],
        user=role,
        password=password,
        autocommit=True,
    )


def refused(conn: psycopg.Connection, sql: str, *params) -> bool:
    """True when the database refuses `sql` for want of a privilege (not the trigger's exception)."""
    try:
        conn.execute(sql, params or None)
    except psycopg.errors.InsufficientPrivilege:
        return True
    return False


def person_and_user():
    person = Person.objects.create(
        henkilotunnus=make_henkilotunnus(dt.date(1978, 5, 14), 901),
        birth_date=dt.date(1978, 5, 14),
        first_name="Mikael",
        last_name="Lahtinen",
        service_language="fi",
    )
    return person, get_user_model().objects.create(username="aino.virtanen")


@postgres_only
def test_the_app_role_appends_to_the_log_but_cannot_change_or_empty_it(app_role):
    """R-X-2: as the application's role, a log entry is inserted and read back; UPDATE, DELETE and
    TRUNCATE of the log and of its seals, and lifting the append-only trigger, are refused; an ordinary
    table (the persons) is still inserted into, updated and deleted from. Granting twice gives the same."""
    role, password = app_role
    person, user = person_and_user()
    for _ in range(2):  # idempotent
        call_command("grant_app_role", role, stdout=io.StringIO())
    with connect_as(role, password) as app:
        entry = app.execute(
            f"INSERT INTO {LOG} (at, user_id, person_id, what, purpose) "
            "VALUES (now(), %s, %s, 'customers:person', 'customer_service') RETURNING id",
            (user.pk, person.pk),
        ).fetchone()[0]
        assert app.execute(f"SELECT what FROM {LOG} WHERE id = %s", (entry,)).fetchone() == (
            "customers:person",
        )
        assert refused(app, f"UPDATE {LOG} SET what = 'customers:search' WHERE id = %s", entry)
        assert refused(app, f"DELETE FROM {LOG} WHERE id = %s", entry)
        assert refused(app, f"TRUNCATE {LOG}")
        assert refused(app, f"ALTER TABLE {LOG} DISABLE TRIGGER access_log_no_update")
        assert refused(app, f"UPDATE {SEALS} SET digest = digest")
        assert refused(app, f"DELETE FROM {SEALS}")
        assert refused(app, f"TRUNCATE {SEALS}")
        assert not refused(app, "UPDATE customers_person SET first_name = 'Mikko' WHERE id = %s", person.pk)
        other = make_henkilotunnus(dt.date(1985, 9, 2), 902)
        assert not refused(
            app,
            "INSERT INTO customers_person (id, henkilotunnus, birth_date, first_name, last_name, "
            "service_language, created_at) VALUES (gen_random_uuid(), %s, '1985-09-02', 'Hodan', 'Warsame', "
            "'fi', now())",
            other,
        )
        assert not refused(app, "DELETE FROM customers_person WHERE henkilotunnus = %s", other)
    assert AccessLogEntry.objects.get(pk=entry).what == "customers:person"  # unchanged
    person.refresh_from_db()
    assert person.first_name == "Mikko"


@postgres_only
def test_the_logs_cron_jobs_run_as_the_app_role(app_role, console_env):
    """R-X-2: `seal_access_log` and `verify_access_log` work under the application's role (the seal is
    inserted; one sealer at a time without a row lock, which would need UPDATE)."""
    role, password = app_role
    person, user = person_and_user()
    call_command("grant_app_role", role, stdout=io.StringIO())
    with connect_as(role, password) as app:
        app.execute(
            f"INSERT INTO {LOG} (at, user_id, person_id, what, purpose) "
            "VALUES (now() - interval '1 hour', %s, %s, 'customers:person', 'customer_service')",
            (user.pk, person.pk),
        )
    s = connection.settings_dict
    where = f"{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"
    env = console_env | {"DATABASE_URL": f"postgres://{role}:{password}@{where}"}
    for command in ("seal_access_log", "verify_access_log"):
        done = subprocess.run(
            [str(KUNTAKOKEILU), command], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr
    assert AccessLogSeal.objects.get().count == 1


@postgres_only
def test_the_command_refuses_a_missing_role_and_the_owner(transactional_db):
    """R-X-3: a role that does not exist, or the owner itself, is refused with a message; nothing is
    granted."""
    with pytest.raises(CommandError, match="kk_no_such_role"):
        call_command("grant_app_role", "kk_no_such_role")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
    with pytest.raises(CommandError, match=owner):
        call_command("grant_app_role", owner)


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="the refusal on SQLite")
def test_the_command_says_it_is_for_postgresql_on_sqlite(db):
    """R-X-3: on SQLite the command changes nothing and exits 2 with a localised message."""
    with pytest.raises(CommandError) as refusal:
        call_command("grant_app_role", "kuntakokeilu")
    assert refusal.value.returncode == 2
    assert "PostgreSQL" in str(refusal.value) and "SQLite" in str(refusal.value)
