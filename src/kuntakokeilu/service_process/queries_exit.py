"""Exits from job search by reason (issue 17 item 6) for monitoring and the evaluation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count

from .models import EndReason, JobSearchEndReason


def exits_by_reason(municipalities: Iterable[str], first: dt.date, last: dt.date) -> dict[str, int]:
    """The job searches that ended from `first` to `last` (inclusive) among the customers of the
    municipalities (kunta codes), counted by reason; every reason is a key (0 where none)."""
    counts = dict.fromkeys(EndReason.values, 0)
    rows = (
        JobSearchEndReason.objects.filter(
            municipality__code__in=list(municipalities), ended_on__gte=first, ended_on__lte=last
        )
        .values("reason")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["reason"]] = row["n"]
    return counts
