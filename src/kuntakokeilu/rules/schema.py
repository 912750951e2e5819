"""Input schemas of rules: the fields a rule reads, their types, and validation of console input.

Fields written `type|null` may be omitted or null; other fields are required; unknown keys are errors.
Apps add field types that need reference data (e.g. `kunta_code`) with `register_field_type`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class InputError(ValueError):
    """Input a rule cannot be run on: names the item id and the field."""

    def __init__(self, item_id: Any, field_name: str | None, problem: str):
        where = f"item {item_id!r}" + (f", field {field_name!r}" if field_name else "")
        super().__init__(f"{where}: {problem}")
        self.item_id, self.field_name, self.problem = item_id, field_name, problem


@dataclass
class ValidationContext:
    """Per-run cache for checks that need reference data (one query per run, not per item)."""

    cache: dict[str, Any] = field(default_factory=dict)

    def cached(self, key: str, compute: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]


@dataclass(frozen=True)
class FieldType:
    """`parse(value, ctx)` returns the value to use or raises ValueError with the problem."""

    name: str
    parse: Callable[[Any, ValidationContext], Any]


def _str(value, _ctx):
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _int(value, _ctx):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    return value


def _number(value, _ctx):
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("must be a number")
    if isinstance(value, float) and not math.isfinite(value):  # NaN, Infinity: JSON as Python reads it
        raise ValueError(f"must be a number, not {value}")
    return value


def _bool(value, _ctx):
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


# The dates a rule input may carry: births from the identity code's 1800s to dates two centuries on. A
# date outside is a typing error, and years near 1 or 9999 would overflow the rules' date arithmetic.
EARLIEST_DATE = dt.date(1800, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)


def parse_date(value, _ctx=None) -> dt.date:
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise ValueError("must be a date YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a real date") from None
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ValueError(f"{value!r} is outside {EARLIEST_DATE.isoformat()}…{LATEST_DATE.isoformat()}")
    return day


def _str_list(value, _ctx):
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of strings")
    return value


def _object(value, _ctx):
    if not isinstance(value, dict):
        raise ValueError("must be an object")
    return value


FIELD_TYPES: dict[str, FieldType] = {
    t.name: t
    for t in (
        FieldType("str", _str),
        FieldType("int", _int),
        FieldType("number", _number),
        FieldType("bool", _bool),
        FieldType("date", parse_date),
        FieldType("list[str]", _str_list),
        FieldType("object", _object),
    )
}


def register_field_type(field_type: FieldType) -> None:
    FIELD_TYPES[field_type.name] = field_type


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    nullable: bool = False
    choices: tuple[str, ...] = ()
    help: str = ""

    def describe(self) -> str:
        kind = "|".join(f'"{c}"' for c in self.choices) if self.choices else self.type
        return f"{self.name}: {kind}{'|null' if self.nullable else ''}"


RESERVED = ("id", "on")


def validate_item(
    item: Any, fields: tuple[Field, ...], ctx: ValidationContext
) -> tuple[Any, dt.date | None, dict]:
    """Check one console item; return (id, on or None, facts) or raise InputError."""
    if not isinstance(item, dict):
        raise InputError(None, None, "each item must be a JSON object")
    if "id" not in item:
        raise InputError(None, "id", "missing")
    item_id = item["id"]
    if not isinstance(item_id, str | int) or isinstance(item_id, bool):
        raise InputError(item_id, "id", "must be a string or a whole number")
    on = None
    if item.get("on") is not None:
        try:
            on = parse_date(item["on"])
        except ValueError as exc:
            raise InputError(item_id, "on", str(exc)) from None
    known = {f.name for f in fields}
    for key in item:
        if key not in known and key not in RESERVED:
            raise InputError(item_id, key, "unknown field")
    facts: dict[str, Any] = {}
    for f in fields:
        value = item.get(f.name)
        if value is None:
            if f.name not in item and not f.nullable:
                raise InputError(item_id, f.name, "missing")
            if not f.nullable:
                raise InputError(item_id, f.name, "must not be null")
            facts[f.name] = None
            continue
        try:
            if f.choices and value not in f.choices:
                raise ValueError(f"must be one of {', '.join(f.choices)}")
            facts[f.name] = FIELD_TYPES[f.type].parse(value, ctx)
        except ValueError as exc:
            raise InputError(item_id, f.name, str(exc)) from None
    return item_id, on, facts
