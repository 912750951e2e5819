"""The access log made tamper-evident (R-X-2): runs of entries are sealed into a hash chain, and the chain
is verified against the rows.

`seal(now)` takes the entries after the last seal that were written more than `SEAL_MARGIN` ago (so that
every transaction that wrote one has long committed) up to, not including, the first younger entry, and
stores one `AccessLogSeal`: SHA-256 over the previous seal's digest and each entry's canonical line (id,
time, user, person, page, purpose). Sealing in runs, after the fact, keeps the log's writers free of any
shared lock (a person page never waits for another). `verify()` recomputes every seal from the rows: an
entry changed, deleted or slipped into a sealed run, or a seal removed from the middle, is reported by
the first seal that no longer matches. The newest digest (printed by both commands) is the anchor to keep
outside the database: removing the newest seals and their rows can only be seen against it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.db import connection, transaction

from .models import AccessLogEntry, AccessLogSeal

SEAL_MARGIN = dt.timedelta(minutes=10)
GENESIS = "0" * 64


def line(entry: AccessLogEntry) -> str:
    at = entry.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return f"{entry.pk}|{at}|{entry.user_id or ''}|{entry.person_id}|{entry.what}|{entry.purpose}\n"


def digest_of(previous: str, entries) -> tuple[str, int]:
    h = hashlib.sha256(previous.encode())
    count = 0
    for entry in entries:
        h.update(line(entry).encode())
        count += 1
    return h.hexdigest(), count


def _rows(after: int, upto: int):
    return AccessLogEntry.objects.filter(pk__gt=after, pk__lte=upto).order_by("pk").iterator(chunk_size=5000)


# The key of the PostgreSQL advisory lock that lets one sealer at a time extend the chain.
SEAL_LOCK = 0x6B6B_5345_414C  # "kkSEAL"


def _one_sealer_at_a_time() -> None:
    """Wait for any other sealer's transaction to end. On PostgreSQL a transaction-scoped advisory lock:
    not a row lock, because `SELECT … FOR UPDATE` needs the UPDATE privilege, which the application's
    role does not hold on the seals (`grant_app_role`, docs/operations.md). SQLite's IMMEDIATE
    transactions are serialised already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEAL_LOCK])


@transaction.atomic
def seal(now: dt.datetime) -> AccessLogSeal | None:
    """Seal the entries that are old enough; None when there are none. One sealer at a time (an advisory
    lock; the unique `upto` refuses a second seal of the same run in any case)."""
    _one_sealer_at_a_time()
    last = AccessLogSeal.objects.order_by("-upto").first()
    after, previous = (last.upto, last.digest) if last else (0, GENESIS)
    young = AccessLogEntry.objects.filter(pk__gt=after, at__gte=now - SEAL_MARGIN).order_by("pk").first()
    candidates = AccessLogEntry.objects.filter(pk__gt=after)
    if young is not None:
        candidates = candidates.filter(pk__lt=young.pk)
    upto = candidates.order_by("-pk").values_list("pk", flat=True).first()
    if upto is None:
        return None
    digest, count = digest_of(previous, _rows(after, upto))
    return AccessLogSeal.objects.create(after=after, upto=upto, count=count, previous=previous, digest=digest)


@dataclass(frozen=True)
class Verdict:
    seals: int
    entries: int
    unsealed: int
    head: str
    broken: str = ""  # what fails first; empty when the chain holds

    @property
    def ok(self) -> bool:
        return not self.broken


def verify() -> Verdict:
    previous, upto, entries, seals = GENESIS, 0, 0, 0
    for row in AccessLogSeal.objects.order_by("upto").iterator():
        if row.after != upto or row.previous != previous:
            return Verdict(seals, entries, 0, previous, f"seal {row.pk}: the chain is broken before it")
        digest, count = digest_of(previous, _rows(row.after, row.upto))
        if (digest, count) != (row.digest, row.count):
            return Verdict(
                seals, entries, 0, previous, f"seal {row.pk}: entries {row.after + 1}–{row.upto} have changed"
            )
        previous, upto, entries, seals = row.digest, row.upto, entries + count, seals + 1
    unsealed = AccessLogEntry.objects.filter(pk__gt=upto).count()
    return Verdict(seals, entries, unsealed, previous)
