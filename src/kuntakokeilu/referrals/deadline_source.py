"""The services' rows for the deadline engine (R-SP-6, JTYPL 2:7; `service_process/sources.py`): listed in
`settings.SERVICE_PROCESS_SOURCES`. A service begun by `on` gives `(person_id, "service", start,
expected_end)` — the actual end once ended or interrupted, else the planned end — so that one expected to
last over a month replaces the job-search discussions (the rule's `_long_service`). A refused or
not-selected referral never began and gives nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models.functions import Coalesce

from kuntakokeilu.customers.bulk import raw_rows

from .models import Referral


def deadline_rows(first, last, on: dt.date) -> Iterator[tuple]:
    begun = (
        Referral.objects.filter(person_id__gte=first, person_id__lte=last, started_on__lte=on)
        .exclude(started_on=None)
        .annotate(expected=Coalesce("actual_end", "planned_end"))
    )
    for person_id, started_on, expected in raw_rows(begun, ("person_id", "started_on", "expected")):
        yield person_id, "service", _day(started_on), _day(expected)


def _day(value) -> dt.date:
    """A date as the driver gave it (SQLite returns text)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
