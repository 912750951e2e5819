"""The access log is tamper-evident (issue 12, item 5; R-X-2): sealed runs of entries form a hash chain
that `verify_access_log` recomputes from the rows; a changed or deleted entry, or a removed seal, is found."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import AccessLogEntry, AccessLogSeal, AppendOnly, Purpose
from kuntakokeilu.access.seals import SEAL_MARGIN, seal, verify
from tests.customers.conftest import HELSINKI_HETU, PORVOO_HETU, demo, user  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
LATER = timezone.now() + dt.timedelta(hours=1)


def log(demo, user, *codes):  # noqa: F811
    with transaction.atomic():
        audit.record(
            user("aino.virtanen"), [demo[c] for c in codes], "customers:person", Purpose.CUSTOMER_SERVICE
        )


def tamper(sql: str, *params) -> None:
    """What an owner of the table could do: lift the append-only trigger, then change the rows."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks pending before the DDL
            cursor.execute("ALTER TABLE access_accesslogentry DISABLE TRIGGER access_log_no_update")
        else:
            cursor.execute("DROP TRIGGER IF EXISTS access_log_no_update")
        cursor.execute(sql, params)


def test_sealed_entries_verify_and_young_ones_wait(demo, user):  # noqa: F811
    log(demo, user, HELSINKI_HETU, PORVOO_HETU)
    assert seal(timezone.now()) is None  # written just now: within the margin, not sealed yet
    first = seal(LATER)
    assert first.count == AccessLogEntry.objects.count() >= 2
    log(demo, user, HELSINKI_HETU)
    second = seal(LATER + SEAL_MARGIN)
    assert (second.after, second.previous, second.count) == (first.upto, first.digest, 1)
    verdict = verify()
    assert verdict.ok and verdict.seals == 2 and verdict.unsealed == 0 and verdict.head == second.digest


def test_a_changed_entry_is_found(demo, user):  # noqa: F811
    log(demo, user, HELSINKI_HETU, PORVOO_HETU)
    seal(LATER)
    entry = AccessLogEntry.objects.order_by("pk").first()
    tamper("UPDATE access_accesslogentry SET what = %s WHERE id = %s", "customers:search", entry.pk)
    verdict = verify()
    assert not verdict.ok and "have changed" in verdict.broken


def test_a_deleted_entry_is_found_by_the_command(demo, user):  # noqa: F811
    log(demo, user, HELSINKI_HETU, PORVOO_HETU)
    seal(LATER)
    out = io.StringIO()
    call_command("verify_access_log", stdout=out)
    assert "The access log holds" in out.getvalue()
    tamper(
        "DELETE FROM access_accesslogentry WHERE id = %s", AccessLogEntry.objects.order_by("pk").first().pk
    )
    with pytest.raises(SystemExit) as failed:
        call_command("verify_access_log", stderr=io.StringIO())
    assert failed.value.code == 1


def test_a_removed_seal_breaks_the_chain_and_seals_are_append_only(demo, user):  # noqa: F811
    log(demo, user, HELSINKI_HETU)
    first = seal(LATER)
    log(demo, user, PORVOO_HETU)
    seal(LATER + SEAL_MARGIN)
    with pytest.raises(AppendOnly):
        first.delete()
    AccessLogSeal.objects.filter(pk=first.pk).delete()  # a bulk delete past the model
    assert "chain is broken" in verify().broken


def test_the_anchor_kept_outside_must_be_in_the_chain(demo, user):  # noqa: F811
    log(demo, user, HELSINKI_HETU)
    head = seal(LATER).digest
    call_command("verify_access_log", "--head", head, stdout=io.StringIO())
    with pytest.raises(SystemExit):
        call_command("verify_access_log", "--head", "f" * 64, stdout=io.StringIO(), stderr=io.StringIO())
