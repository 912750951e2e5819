"""Other apps' records that the deadline engine reads (issue 17): a plan agreed meets the plan deadlines as a
meeting held does, a service under way over a month replaces the discussion schedule (R-SP-1, R-SP-5,
R-SP-6). The service process does not import those apps (they sit above it and call it): each appends a
module to `settings.SERVICE_PROCESS_SOURCES` that has

    def deadline_rows(first, last, on) -> Iterable[tuple]

giving, for the persons whose ids lie in first..last (ids in the database's form, as
`customers.bulk.raw_rows` returns them; first == last for one person), rows
`(person_id, "event", type, date)` — an event of `deadlines.EVENT_TYPES` held on `date` (≤ `on`) — and
`(person_id, "service", start, expected_end)` — a service begun by `on` and its planned end. The person's
page (`queries.deadline_facts`) and the batch (`batch.refresh_all`) both read them here, in one place."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings


@dataclass
class SourceRows:
    events: dict = field(default_factory=lambda: defaultdict(list))  # person id → [(type, date)]
    services: dict = field(default_factory=lambda: defaultdict(list))  # person id → [(start, expected_end)]


def rows(first, last, on: dt.date) -> SourceRows:
    """Every source's rows for the persons first..last on `on`, by person id in the database's form."""
    found = SourceRows()
    for path in getattr(settings, "SERVICE_PROCESS_SOURCES", ()):
        for pk, kind, a, b in import_module(path).deadline_rows(first, last, on):
            if kind == "event" and b <= on:
                found.events[pk].append((a, b))
            elif kind == "service" and a <= on:
                found.services[pk].append((a, b))
    return found
