"""Compact decision records (R-REF-4; issue 13 item 2): what a stored decision keeps, and how it is shown
again exactly as it was made. Pure functions; `storage.py` saves and reads what they refer to.

A record keeps the rule, its version, the date, the result and the status, and per check a *shape* key
followed by the check's own figures:

    {"rule": "target-group", "version": "1+f60e5750.2a2c449dfb", "on": "2022-09-01", "result": {…},
     "status": null, "checks": [["gzBrMW3w", true, "2021-03-01", "2024-12-31"], …]}

A shape is what very many decisions share: the check's code and status, its message id, the names of the
figures found, how each message argument is had back (`ARG_SOURCES`) and the parameters the check used.
Shapes, names in several languages and messages inside a message are stored once, under a key that is the
hash of their content (`intern_key`), so the same key always means the same thing. The parameters' values
and references come from the stored rule version, which holds every dated value of the rule's parameters
(`history`); a value not found there (an overlay, or a record older than the stored versions) is kept in
the shape itself.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from .messages import Message, arg_from_record, arg_record, to_json_value
from .outcome import Check, Outcome, ParameterUse
from .parameters import ParameterValue

FORMAT = 2
# A key is 48 bits of the SHA-256 of the content, in 8 URL-safe base-64 characters: a collision is expected
# only after some 16 million parts (the birthday bound); a national system holds some thousands.
KEY_BYTES = 6
# How a message argument is had back: "on" the record's date; "v" the next figure as it is; "i" the
# interned value whose key is the next figure; "f:<name>" the figure found under <name>; "d:<name>" that
# figure as a date.
ARG_SOURCES = ("on", "v", "i", "f:", "d:")

History = Mapping[str, list[ParameterValue]]
Interned = dict[str, Any]


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
# Keys already computed, by the content's hashable form (`_frozen`): a batch of decisions shares a few
# hundred shapes and names, so each is serialised and hashed once. Content → key never changes.
_KEYS: dict[Any, str] = {}
_KEYS_LIMIT = 100_000


def intern_key(value: Any) -> str:
    canonical = _CANONICAL.encode(value)
    return base64.urlsafe_b64encode(hashlib.sha256(canonical.encode()).digest()[:KEY_BYTES]).decode()


def _frozen(value: Any) -> Any:
    """A hashable form of a JSON value that tells apart what JSON tells apart (1, 1.0 and True): a string
    stands for itself, other values are tagged with their type."""
    if type(value) is str:
        return value
    if isinstance(value, dict):
        return (dict, tuple((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return (list, tuple(_frozen(v) for v in value))
    return (type(value), value)


def _interned_key(frozen: Any, value: Any, interned: Interned) -> str:
    """`intern_key(value)` (`frozen` is its hashable form), with the value added to `interned`."""
    key = _KEYS.get(frozen)
    if key is None:
        if len(_KEYS) > _KEYS_LIMIT:
            _KEYS.clear()
        key = _KEYS[frozen] = intern_key(value)
    interned[key] = value
    return key


def is_compact(record: dict) -> bool:
    return "version" in record and "rule_version" not in record


def compact(outcome: Outcome, history: History, interned: Interned) -> dict:
    """The record of `outcome`; the shapes and values it refers to are added to `interned` (key → value)."""
    on, memo = outcome.on, _memo_for(history)
    return {
        "rule": outcome.rule,
        "version": outcome.rule_version,
        "on": on.isoformat(),
        "result": to_json_value(outcome.result),
        "status": outcome.status,
        "checks": [_remembered_check(check, on, history, interned, memo) for check in outcome.checks],
    }


# A check's compact form is a function of its code, status, message id and arguments, figures, parameter
# uses, the date and the history: in a batch most checks (the pilot period, the status, the criteria
# not met) are the same for many persons, so each distinct one is made once. The memo is kept per history
# object (held here so that its id is not reused) for the last few histories.
_MEMOS: dict[int, tuple[History, dict]] = {}
_MEMO_HISTORIES = 2
_MEMO_LIMIT = 50_000
_SCALARS = frozenset({str, int, bool, type(None), dt.date})


def _memo_for(history: History) -> dict:
    held = _MEMOS.get(id(history))
    if held is None or held[0] is not history:
        if len(_MEMOS) >= _MEMO_HISTORIES:
            _MEMOS.clear()
        held = _MEMOS[id(history)] = (history, {})
    if len(held[1]) > _MEMO_LIMIT:
        held[1].clear()
    return held[1]


def _typed(value: Any) -> Any:
    """A hashable form of a figure, argument or parameter value that tells apart what the record tells
    apart: its type with it (1, 1.0 and True differ), a float by its repr (-0.0 is not 0.0), containers
    and messages by their parts. A value with no hashable form raises TypeError (not remembered)."""
    kind = type(value)
    if kind in _SCALARS:
        return (kind, value)
    if kind is dict:
        return (dict, tuple([(k, _typed(v)) for k, v in value.items()]))
    if kind is list or kind is tuple:
        return (kind, tuple([_typed(v) for v in value]))
    if kind is Message:
        return (Message, value.msgid, tuple([(k, _typed(v)) for k, v in value.args.items()]))
    if kind is float:
        return (float, repr(value))
    return (kind, _frozen(arg_record(value)))


def _remembered_check(check: Check, on: dt.date, history: History, interned: Interned, memo: dict) -> list:
    """`_compact_check`, made once per distinct check (see `_MEMOS`); the parts it interned are added to
    `interned` each time."""
    found = check.found
    try:
        key = (
            check.code,
            check.status,
            check.message.msgid,
            on,
            tuple([(k, _typed(v)) for k, v in found.items()]) if type(found) is dict else _typed(found),
            tuple([(k, _typed(v)) for k, v in check.message.args.items()]),
            tuple([(u.name, u.reference, _typed(u.value)) for u in check.parameters]),
        )
        made = memo.get(key)
    except TypeError:  # an unhashable value (a dict inside a figure): made each time
        return _compact_check(check, on, history, interned)
    if made is None:
        parts: Interned = {}
        entry = _compact_check(check, on, history, parts)
        made = memo[key] = (entry, parts)
        interned.update(parts)
        return entry
    interned.update(made[1])
    return list(made[0])


def expand(record: dict, interned: Mapping[str, Any], history: History) -> Outcome:
    """The outcome a compact record was made from (its parameter uses and figures as JSON values)."""
    on = dt.date.fromisoformat(record["on"])
    return Outcome(
        rule=record["rule"],
        rule_version=record["version"],
        on=on,
        result=record["result"],
        status=record["status"],
        checks=tuple(_expand_check(entry, on, interned, history) for entry in record["checks"]),
    )


def shape_keys(record: dict) -> set[str]:
    return {entry[0] for entry in record["checks"]}


def value_keys(record: dict, interned: Mapping[str, Any]) -> set[str]:
    """The interned argument values the record's checks refer to (their shapes must be in `interned`)."""
    keys = set()
    for entry in record["checks"]:
        shape = interned[entry[0]]
        figures = iter(entry[1:])
        _take_found(shape, figures)
        for _name, how in shape["args"]:
            if how in ("v", "i"):
                figure = next(figures)
                if how == "i":
                    keys.add(figure)
    return keys


def _compact_check(check: Check, on: dt.date, history: History, interned: Interned) -> list:
    found = to_json_value(check.found)
    figures = list(found.values()) if isinstance(found, dict) else [found]
    args = []
    for name, value in check.message.args.items():
        how, figure = _arg_source(name, value, on, found, interned)
        args.append((name, how))
        if how in ("v", "i"):
            figures.append(figure)
    params = [_parameter_source(use, on, history) for use in check.parameters]
    names = tuple(found) if isinstance(found, dict) else None
    # the shape's hashable form: its strings as they are, a parameter use kept in the shape frozen
    frozen = (check.code, check.status, check.message.msgid, names, tuple(args))
    frozen += tuple(p if isinstance(p, str) else _frozen(p) for p in params)
    key = _KEYS.get(frozen)
    if key is None or key not in interned:
        shape = {
            "code": check.code,
            "status": check.status,
            "msgid": check.message.msgid,
            "found": list(names) if names is not None else None,
            "args": [list(a) for a in args],
            "params": params,
        }
        key = _interned_key(frozen, shape, interned)
    return [key, *figures]


def _arg_source(name: str, value: Any, on: dt.date, found: Any, interned: Interned) -> tuple[str, Any]:
    kind = type(value)
    if kind is type(on) and value == on:
        return "on", None
    if isinstance(found, dict):
        names = [name, *(k for k in found if k != name)] if name in found else found  # the same name first
        as_date = isinstance(value, dt.date)
        for key in names:
            figure = found[key]  # `_same` is false for values of different types: not called for them
            if type(figure) is kind and _same(value, figure):
                return f"f:{key}", None
            if as_date and type(figure) is str and _same(value, _from_found(figure, as_date=True)):
                return f"d:{key}", None
    record = arg_record(value)
    if isinstance(record, dict) or (isinstance(record, list) and any(isinstance(v, dict) for v in record)):
        return "i", _interned_key(_frozen(record), record, interned)
    return "v", record


def _parameter_source(use: ParameterUse, on: dt.date, history: History) -> str | list:
    """The parameter's name when the version's history has exactly this value on `on`, else the use itself."""
    for value in history.get(use.name, ()):
        if (
            value.holds_on(on)
            and value.reference == use.reference
            and (value.value is use.value or to_json_value(value.value) == to_json_value(use.value))
        ):
            return use.name
    return [use.name, to_json_value(use.value), use.reference]


def _expand_check(entry: list, on: dt.date, interned: Mapping[str, Any], history: History) -> Check:
    shape = interned[entry[0]]
    figures = iter(entry[1:])
    found = _take_found(shape, figures)
    args = {}
    for name, how in shape["args"]:
        if how == "on":
            args[name] = on
        elif how == "v":
            args[name] = arg_from_record(next(figures))
        elif how == "i":
            args[name] = arg_from_record(interned[next(figures)])
        else:
            args[name] = _from_found(found[how[2:]], as_date=how.startswith("d:"))
    return Check(
        code=shape["code"],
        status=shape["status"],
        found=found,
        message=Message(shape["msgid"], args),
        parameters=tuple(_parameter_use(p, on, history) for p in shape["params"]),
    )


def _take_found(shape: dict, figures: Iterator) -> Any:
    if shape["found"] is None:
        return next(figures)
    return {name: next(figures) for name in shape["found"]}


def _parameter_use(source: str | list, on: dt.date, history: History) -> ParameterUse:
    if isinstance(source, list):
        return ParameterUse(*source)
    value = next(v for v in history[source] if v.holds_on(on))
    return ParameterUse(source, to_json_value(value.value), value.reference)


def _from_found(value: Any, as_date: bool) -> Any:
    if as_date:
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same type (True is not 1, a date is not its ISO string)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict | list | Message):
        return arg_record(a) == arg_record(b)
    return a == b
