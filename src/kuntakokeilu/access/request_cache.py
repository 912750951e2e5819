"""One request's memo of what permission questions read (issue 21: ask once per request).

`RequestCacheMiddleware` opens an empty memo for each request (a context variable, so nothing outlives the
request or passes to another user's) and watches the request's SQL on the default connection. `memo(key,
tables, compute)` answers from the memo when it can: an entry names the tables it was read from, and a
write to one of them (INSERT, UPDATE or DELETE through the ORM, or `written(table)` from a COPY) drops it
and stops that table's entries from being kept for the rest of the request, so that a view that writes
and then renders, or whose write is rolled back, always reads afresh. A statement the watch cannot read
(neither a SELECT nor a plain write) turns the memo off for the rest of the request. Outside a request
(commands, jobs, a test calling `can` directly) nothing is kept and `compute` runs every time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.db import connection

T = TypeVar("T")

_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)
_HARMLESS = ("SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "SET ", "SHOW ", "BEGIN", "COMMIT", "PRAGMA")


class Memo:
    def __init__(self) -> None:
        self.entries: dict[Any, tuple[Any, frozenset[str]]] = {}
        self.written: set[str] = set()
        self.off = False

    def write(self, table: str) -> None:
        self.written.add(table)
        self.entries = {k: v for k, v in self.entries.items() if table not in v[1]}

    def stop(self) -> None:
        self.off = True
        self.entries = {}


_current: ContextVar[Memo | None] = ContextVar("kk_request_memo", default=None)


def memo(key: Any, tables: Iterable[str], compute: Callable[[], T]) -> T:
    """`compute()` once per request for `key` while none of `tables` has been written to in it."""
    current = _current.get()
    tables = frozenset(tables)
    if current is None or current.off or tables & current.written:
        return compute()
    try:
        return current.entries[key][0]
    except KeyError:
        value = compute()
        if not current.off and not tables & current.written:  # compute itself may have written
            current.entries[key] = (value, tables)
        return value


def active() -> bool:
    """Whether a memo is open and keeping (a request's, before anything turned it off)."""
    current = _current.get()
    return current is not None and not current.off


def put(key: Any, tables: Iterable[str], value: Any) -> None:
    """Keep `value` for `key`, read in bulk for many keys at once (as `memo` would keep it)."""
    current = _current.get()
    tables = frozenset(tables)
    if current is not None and not current.off and not tables & current.written:
        current.entries[key] = (value, tables)


def written(table: str) -> None:
    """A write the SQL watch does not see (a COPY): drop what was read from `table`."""
    current = _current.get()
    if current is not None:
        current.write(table)


def _watch(execute, sql, params, many, context):
    current = _current.get()
    if current is not None and not current.off:
        found = _WRITE.match(sql)
        if found:
            current.write(found.group(1))
        elif not sql.lstrip()[:9].upper().startswith(_HARMLESS):
            current.stop()
    return execute(sql, params, many, context)


class opened:
    """A memo for the duration of the block (the middleware's; tests use it for one simulated request)."""

    def __enter__(self) -> Memo:
        self.memo = Memo()
        self.token = _current.set(self.memo)
        self.wrapper = connection.execute_wrapper(_watch)
        self.wrapper.__enter__()
        return self.memo

    def __exit__(self, *exc) -> None:
        self.wrapper.__exit__(*exc)
        _current.reset(self.token)


class RequestCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with opened():
            return self.get_response(request)
