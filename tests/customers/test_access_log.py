"""The access log (R-X-2): append-only in the model and in the database; written in the read's
transaction; the data subject's access request as a command."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import AccessLogEntry, AppendOnly, Purpose
from kuntakokeilu.customers import demo as customers_demo

from .conftest import HELSINKI_HETU, TODAY

pytestmark = pytest.mark.django_db


def _entry(demo, user):
    with transaction.atomic():
        return audit.record(
            user("aino.virtanen"), [demo[HELSINKI_HETU]], "customers:person", Purpose.CUSTOMER_SERVICE
        )[0]


def test_entries_cannot_be_changed_or_deleted(demo, user):
    entry = AccessLogEntry.objects.get(pk=_entry(demo, user).pk)
    entry.purpose = Purpose.SUPERVISION
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).purpose == Purpose.CUSTOMER_SERVICE


def test_the_database_refuses_an_update_too(demo, user):
    entry = _entry(demo, user)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(what="something else")
    assert AccessLogEntry.objects.get(pk=entry.pk).what == "customers:person"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite's test flush deletes rows")
def test_postgresql_refuses_a_delete(demo, user):
    entry = _entry(demo, user)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert AccessLogEntry.objects.filter(pk=entry.pk).exists()


def test_the_log_is_written_only_inside_the_reads_transaction(demo, user, monkeypatch):
    with monkeypatch.context() as patch, pytest.raises(RuntimeError):  # as if outside any transaction
        patch.setattr(transaction.get_connection(), "in_atomic_block", False)
        audit.record(
            user("aino.virtanen"), [demo[HELSINKI_HETU]], "customers:person", Purpose.CUSTOMER_SERVICE
        )
    with pytest.raises(ValueError), transaction.atomic():
        audit.record(user("aino.virtanen"), [demo[HELSINKI_HETU]], "customers:person", "curiosity")
    assert not AccessLogEntry.objects.exists()


def test_the_access_request_command_prints_facts_and_who_looked(demo, user, capsys):
    _entry(demo, user)
    call_command("access_request", HELSINKI_HETU.lower(), "--as", "Admin", "--lang", "en")
    out = capsys.readouterr().out
    assert f"Mikael Lahtinen ({HELSINKI_HETU})" in out
    assert "Home municipality (kotikunta): 091 Helsinki (2021-01-01 – –)" in out
    assert "aino.virtanen customers:person (customer service)" in out
    # issue 12: the log names the administrator who answered the request
    assert AccessLogEntry.objects.filter(what="command:access_request", user=user("admin")).count() == 1
    with pytest.raises(CommandError, match="check character"):
        call_command("access_request", HELSINKI_HETU[:-1] + "A", "--as", "admin", "--lang", "en")


def test_the_access_request_command_names_an_administrator(demo, user):
    """R-X-2: `--as` is required and must name someone who may answer access requests; nothing is logged
    otherwise."""
    with pytest.raises(CommandError):
        call_command("access_request", HELSINKI_HETU, "--lang", "en")
    with pytest.raises(CommandError, match="may not answer"):
        call_command("access_request", HELSINKI_HETU, "--as", "aino.virtanen", "--lang", "en")
    with pytest.raises(CommandError, match="No active user"):
        call_command("access_request", HELSINKI_HETU, "--as", "nobody", "--lang", "en")
    assert not AccessLogEntry.objects.filter(what="command:access_request").exists()


def test_the_demo_is_idempotent(demo):
    lines = list(customers_demo.run(TODAY))
    assert "Demo job seekers: no change (already loaded)." in lines
    again = list(customers_demo.run(TODAY))
    assert "Demo due transfers: no change (already loaded)." in again
    assert "Transfer requests: no change." in again  # R-TG-5
    # issue 14: the re-evaluation and the kept person, the decision letter, the ended customership
    assert again[-3:] == [
        "Re-evaluation and keeping: no change (already loaded).",
        "Decision on a transfer request: no change.",
        "Ended customership: no change.",
    ]
