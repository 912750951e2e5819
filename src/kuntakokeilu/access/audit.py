"""Writing and reading the access log (R-X-2).

Every view, search result list, API read and export of a person's data calls `record()` inside the
same transaction as the read (`transaction.atomic` around both), so a read that cannot be logged fails
with it. A result list writes one entry per person listed. `what` names the page or endpoint (a URL
name or command), never the person; purposes are `models.Purpose`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from .models import AccessLogEntry, Purpose


def record(user, persons: Iterable, what: str, purpose: str) -> list[AccessLogEntry]:
    """Log that `user` saw `persons` on `what` for `purpose`; must run inside the read's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("the access log is written in the transaction of the read it logs")
    if purpose not in Purpose.values:
        raise ValueError(f"unknown purpose {purpose!r}")
    actor = user if getattr(user, "is_authenticated", False) else None
    entries = [AccessLogEntry(user=actor, person=p, what=what, purpose=purpose) for p in persons]
    return AccessLogEntry.objects.bulk_create(entries)


def entries_about(person):
    """Everything the log holds on a person, newest first."""
    return AccessLogEntry.objects.filter(person=person).select_related("user").order_by("-at", "-id")
