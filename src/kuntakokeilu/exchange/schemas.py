"""The exchange formats' JSON Schemas (R-INT-1): one file per record type and version in `schemas/`,
published as `docs/formats/schemas/` (a test keeps the two the same), validated with `jsonschema`.

`record_errors(type, version, record)` gives each schema error as (field, message id, arguments): the
library's own texts are English, so each kind of error has a message of ours in fi/sv/en."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from . import messages as m

DIRECTORY = Path(__file__).parent / "schemas"
# Record types in the order an import writes them (a record refers only to the types before it).
TYPES = ("persons", "facts", "customerships", "notices", "transfer_requests")
# The versions this system reads, per type; an export is written in the last one.
VERSIONS: dict[str, tuple[int, ...]] = dict.fromkeys(TYPES, (1,))


def current(name: str) -> int:
    return VERSIONS[name][-1]


def file_name(name: str, version: int) -> str:
    return f"{name}.v{version}.json"


@functools.cache
def schema(name: str, version: int) -> dict:
    return json.loads((DIRECTORY / file_name(name, version)).read_text(encoding="utf-8"))


@functools.cache
def validator(name: str, version: int) -> Draft202012Validator:
    return Draft202012Validator(schema(name, version))


def published() -> list[tuple[str, int]]:
    return [(name, version) for name in TYPES for version in VERSIONS[name]]


# The keywords `fast_check` compiles; a schema with any other falls back to the library for every record.
COMPILED = {"type", "enum", "pattern", "maxLength", "minLength", "minimum", "description"}
PYTHON_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "null": lambda v: v is None,
}


def _property_check(spec: dict):
    """A predicate equal to the library's verdict on one property of the compiled keywords."""
    import re

    types = spec.get("type")
    types = [types] if isinstance(types, str) else types
    enum = spec.get("enum")
    pattern = re.compile(spec["pattern"]) if "pattern" in spec else None
    longest, shortest, least = spec.get("maxLength"), spec.get("minLength"), spec.get("minimum")

    def ok(value) -> bool:
        if types is not None and not any(PYTHON_TYPES[t](value) for t in types):
            return False
        if enum is not None and not any(value == e and type(value) is type(e) for e in enum):
            return False
        if isinstance(value, str):
            if pattern is not None and not pattern.search(value):
                return False
            if longest is not None and len(value) > longest:
                return False
            if shortest is not None and len(value) < shortest:
                return False
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return not (least is not None and number and value < least)

    return ok


@functools.cache
def fast_check(name: str, version: int):
    """A quick yes/no for a record (the library's answer, compiled for the flat schemas here), or None when
    the schema uses keywords it does not compile. `record_errors` asks the library only for a "no"."""
    document = schema(name, version)
    properties = document["properties"]
    if (
        any(set(spec) - COMPILED for spec in properties.values())
        or document.get("additionalProperties") is not False
    ):
        return None
    keys = set(properties)
    if set(document["required"]) != keys:
        return None
    checks = [(key, _property_check(spec)) for key, spec in properties.items()]

    def valid(record) -> bool:
        return isinstance(record, dict) and record.keys() == keys and all(ok(record[k]) for k, ok in checks)

    return valid


TYPE_WORDS = {
    "string": "text",
    "integer": "integer",
    "boolean": "true/false",
    "object": "object",
    "null": "null",
}


def record_errors(name: str, version: int, record) -> list[tuple[str, str, dict]]:
    """Every schema error of one record as (field, message id, arguments), by field."""
    quick = fast_check(name, version)
    if quick is not None and quick(record):
        return []
    out = []
    for error in validator(name, version).iter_errors(record):
        field = str(error.path[0]) if error.path else ""
        kind = error.validator
        if kind == "required":
            for missing in error.validator_value:
                if isinstance(record, dict) and missing not in record:
                    out.append((missing, m.MISSING, {}))
            continue
        if kind == "additionalProperties":
            known = error.schema.get("properties", {})
            out.extend((extra, m.UNKNOWN_FIELD, {}) for extra in sorted(set(record) - set(known)))
            continue
        if kind == "type":
            expected = (
                error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
            )
            words = " / ".join(TYPE_WORDS.get(t, t) for t in expected)
            out.append((field, m.WRONG_TYPE if field else m.BAD_JSON, {"expected": words}))
        elif kind == "enum":
            out.append((field, m.NOT_ALLOWED, {"allowed": ", ".join(repr(v) for v in error.validator_value)}))
        elif kind == "maxLength":
            out.append((field, m.TOO_LONG, {"limit": error.validator_value}))
        elif kind == "minLength":
            out.append((field, m.TOO_SHORT, {}))
        elif kind == "minimum":
            out.append((field, m.TOO_SMALL, {"limit": error.validator_value}))
        else:  # pattern and anything else: the value's form
            out.append((field, m.BAD_FORM, {}))
    return sorted(out, key=lambda e: e[0])
