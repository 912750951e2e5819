"""How values are written in the exchange files and read back (pure): dates as YYYY-MM-DD, moments in UTC
with microseconds, so that what is read is stored as it was and written again byte for byte."""

from __future__ import annotations

import datetime as dt
import json

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def stamp_text(value: dt.datetime | None) -> str | None:
    return None if value is None else value.astimezone(dt.UTC).strftime(STAMP_FORMAT)


def parse_date(text: str | None) -> dt.date | None:
    """A date of the file (its form checked by the schema); ValueError for a day that does not exist."""
    return None if text is None else dt.date.fromisoformat(text)


def parse_stamp(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)  # the Z suffix read as UTC


def line(record: dict) -> bytes:
    """One record as a line of JSON Lines: keys sorted at every depth, no spaces, UTF-8."""
    return (json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()


# The fields of each type that hold dates and moments (the others are written as they are).
DATES = {
    "persons": ("birth_date",),
    "facts": ("valid_from", "date_value", "end_date", "reported_on"),
    "customerships": ("valid_from", "valid_to", "accepted_on"),
    "notices": (),
    "transfer_requests": ("asked_on", "accepted_on", "decided_on"),
}
STAMPS = {
    "persons": ("created_at",),
    "facts": ("recorded_at",),
    "customerships": ("recorded_at",),
    "notices": ("created_at",),
    "transfer_requests": ("recorded_at",),
}
# Flat types are also written as CSV (the JSON Lines file is the one an import reads).
FLAT = ("persons", "facts", "transfer_requests")
