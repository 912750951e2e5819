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
VERSIONS: dict[str, tuple[int, ...]] = {name: (1,) for name in TYPES}


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


TYPE_WORDS = {"string": "text", "integer": "integer", "boolean": "true/false", "object": "object", "null": "null"}


def record_errors(name: str, version: int, record) -> list[tuple[str, str, dict]]:
    """Every schema error of one record as (field, message id, arguments), by field."""
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
            expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
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
