"""The domain's rules over the records of an import (pure; R-INT-2): what the schema cannot say — a valid
identity code that agrees with the birth date, the value columns a kind of fact uses, customerships that do
not overlap, references to records in the import or in the database, codes of the reference data.

Records arrive schema-valid (`schemas.record_errors` found nothing). `check(records, known)` returns every
error as an `Error` (record type, line, field, message id, arguments); the database is read only through
`known`, which the caller fills."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from kuntakokeilu.customers.identity import InvalidHenkilotunnus, parse_henkilotunnus
from kuntakokeilu.customers.models import CODE_KINDS, FLAG_KINDS, MUNICIPALITY_KINDS, FactKind
from kuntakokeilu.customers.statuses import STATUSES

from . import messages as m
from .formats import DATES, STAMPS, parse_date, parse_stamp

STATUS_CODES = {code for code, _label in STATUSES}
OPEN_REQUESTS = {"awaiting_acceptance", "pending"}


@dataclass(frozen=True)
class Error:
    file: str  # the file's name in the export's directory
    line: int  # 0: the file as a whole
    field: str
    message: str  # a message id of messages.py
    args: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
            "args": self.args,
        }


@dataclass
class Known:
    """What the checks need of the database: reference codes, user names, and which of the ids the import
    names are already there (`taken`: ids of each type and identity codes; `present`: the referenced rows
    that exist)."""

    municipalities: set[str] = field(default_factory=set)
    te_offices: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    users: set[str] = field(default_factory=set)
    taken: dict[str, set] = field(default_factory=lambda: defaultdict(set))
    present: dict[str, set] = field(default_factory=lambda: defaultdict(set))


def data_file(name: str) -> str:
    return f"{name}.jsonl"


def convert(name: str, record: dict) -> tuple[dict, list[tuple[str, str, dict]]]:
    """The record with its dates and moments as values; (field, message, args) for a day that is none."""
    values = dict(record)
    errors = []
    for key in DATES[name]:
        try:
            values[key] = parse_date(record[key])
        except ValueError:
            errors.append((key, m.BAD_DATE, {}))
    for key in STAMPS[name]:
        try:
            values[key] = parse_stamp(record[key])
        except ValueError:
            errors.append((key, m.BAD_DATE, {}))
    return values, errors


def check(records: dict[str, list[tuple[int, dict]]], known: Known) -> list[Error]:
    errors: list[Error] = []
    persons = {r["id"] for _line, r in records.get("persons", [])} | known.present["persons"]
    facts = {r["id"] for _line, r in records.get("facts", [])} | known.present["facts"]
    customerships = {r["id"] for _line, r in records.get("customerships", [])} | known.present[
        "customerships"
    ]
    for name, rows in records.items():
        seen: dict[object, int] = {}
        for line, r in rows:

            def add(field_, message, args=None, *, _name=name, _line=line):
                errors.append(Error(data_file(_name), _line, field_, message, args or {}))

            key = r["id"]
            if key in seen:
                add("id", m.DUPLICATE, {"line": seen[key]})
            seen.setdefault(key, line)
            if key in known.taken[name]:
                add("id", m.IN_DATABASE)
            for user_field in ("recorded_by", "answered_by", "decided_by"):
                if r.get(user_field) is not None and r[user_field] not in known.users:
                    add(user_field, m.UNKNOWN_USER, {"value": r[user_field]})
            if "person" in r and r["person"] not in persons:
                add("person", m.UNKNOWN_PERSON)
            if r.get("customership") is not None and r["customership"] not in customerships:
                add("customership", m.UNKNOWN_CUSTOMERSHIP)
            if r.get("municipality") is not None and r["municipality"] not in known.municipalities:
                add("municipality", m.UNKNOWN_MUNICIPALITY, {"value": r["municipality"]})
            for office in ("te_office", "handler_te_office"):
                if r.get(office) is not None and r[office] not in known.te_offices:
                    add(office, m.UNKNOWN_TE_OFFICE, {"value": r[office]})
            if r.get("employment_area") is not None and r["employment_area"] not in known.areas:
                add("employment_area", m.UNKNOWN_AREA, {"value": r["employment_area"]})
            for field_, message, args in RECORD_CHECKS[name](r, facts):
                add(field_, message, args)
    errors += _person_codes(records.get("persons", []), known)
    errors += _one_current_fact(records.get("facts", []))
    errors += _customerships_apart(records.get("customerships", []))
    errors += _one_notice_per_recipient(records.get("notices", []))
    errors += _one_open_request(records.get("transfer_requests", []))
    return errors


def _person(r: dict, _facts) -> list:
    try:
        code = parse_henkilotunnus(r["henkilotunnus"])
    except InvalidHenkilotunnus:
        return [("henkilotunnus", m.BAD_HENKILOTUNNUS, {})]
    if code.code != r["henkilotunnus"]:
        return [("henkilotunnus", m.BAD_HENKILOTUNNUS, {})]
    if r["birth_date"] is not None and code.birth_date != r["birth_date"]:
        return [("birth_date", m.BIRTH_DATE_MISMATCH, {})]
    return []


def _fact(r: dict, facts: set) -> list:
    out = []
    kind = FactKind(r["kind"])
    if kind in MUNICIPALITY_KINDS and r["municipality"] is None:
        out.append(("municipality", m.NEEDS_MUNICIPALITY, {}))
    if kind not in MUNICIPALITY_KINDS and r["municipality"] is not None:
        out.append(("municipality", m.NO_MUNICIPALITY, {}))
    if kind in FLAG_KINDS and r["flag"] is None:
        out.append(("flag", m.NEEDS_FLAG, {}))
    if kind in CODE_KINDS and not r["code"]:
        out.append(("code", m.NEEDS_CODE, {}))
    if kind == FactKind.STATUS and r["code"] and r["code"] not in STATUS_CODES:
        out.append(("code", m.UNKNOWN_STATUS, {"value": r["code"]}))
    if _before(r["end_date"], r["valid_from"]):
        out.append(("end_date", m.END_BEFORE_START, {}))
    if r["corrects"] is not None and r["corrects"] not in facts:
        out.append(("corrects", m.UNKNOWN_FACT, {}))
    return out


def _customership(r: dict, _facts) -> list:
    out = []
    if _before(r["valid_to"], r["valid_from"]):
        out.append(("valid_to", m.END_BEFORE_START, {}))
    if r["responsible"] == "municipality" and r["municipality"] is None:
        out.append(("municipality", m.NAMES_MUNICIPALITY, {}))
    if r["responsible"] == "employment_area" and r["employment_area"] is None:
        out.append(("employment_area", m.NAMES_AREA, {}))
    return out


def _notice(_r: dict, _facts) -> list:
    return []


def _transfer_request(r: dict, _facts) -> list:
    if r["ground"] == "request_to_municipality" and r["municipality"] is None:
        return [("municipality", m.NAMES_MUNICIPALITY, {})]
    return []


RECORD_CHECKS = {
    "persons": _person,
    "facts": _fact,
    "customerships": _customership,
    "notices": _notice,
    "transfer_requests": _transfer_request,
}


def _before(end: dt.date | None, start: dt.date | None) -> bool:
    return end is not None and start is not None and end < start


def _person_codes(rows, known: Known) -> list[Error]:
    out, seen = [], {}
    for line, r in rows:
        code = r["henkilotunnus"]
        if code in seen:
            out.append(Error(data_file("persons"), line, "henkilotunnus", m.DUPLICATE, {"line": seen[code]}))
        seen.setdefault(code, line)
        if code in known.taken["henkilotunnus"]:
            out.append(Error(data_file("persons"), line, "henkilotunnus", m.IN_DATABASE))
    return out


def _one_current_fact(rows) -> list[Error]:
    out, seen = [], {}
    for line, r in rows:
        if r["superseded"]:
            continue
        key = (r["person"], r["kind"], r["valid_from"])
        if key in seen:
            out.append(Error(data_file("facts"), line, "valid_from", m.DUPLICATE, {"line": seen[key]}))
        seen.setdefault(key, line)
    return out


def _customerships_apart(rows) -> list[Error]:
    out = []
    by_person = defaultdict(list)
    for line, r in rows:
        if r["valid_from"] is not None:
            by_person[r["person"]].append((r["valid_from"], line, r))
    for spans in by_person.values():
        spans.sort(key=lambda s: (s[0], s[1]))
        open_line = None
        for (_start, line, r), (next_start, next_line, _n) in itertools.pairwise(spans):
            end = r["valid_to"]
            if end is None or end >= next_start:
                out.append(
                    Error(data_file("customerships"), next_line, "valid_from", m.OVERLAP, {"line": line})
                )
        for _start, line, r in spans:
            if r["valid_to"] is None:
                if open_line is not None:
                    out.append(
                        Error(data_file("customerships"), line, "valid_to", m.OPEN_TWICE, {"line": open_line})
                    )
                open_line = open_line or line
    return out


def _one_notice_per_recipient(rows) -> list[Error]:
    out, seen = [], {}
    for line, r in rows:
        key = (r["customership"], r["recipient"])
        if key in seen:
            out.append(Error(data_file("notices"), line, "recipient", m.DUPLICATE, {"line": seen[key]}))
        seen.setdefault(key, line)
    return out


def _one_open_request(rows) -> list[Error]:
    out, seen = [], {}
    for line, r in rows:
        if r["status"] in OPEN_REQUESTS:
            if r["person"] in seen:
                out.append(
                    Error(
                        data_file("transfer_requests"),
                        line,
                        "status",
                        m.OPEN_TWICE,
                        {"line": seen[r["person"]]},
                    )
                )
            seen.setdefault(r["person"], line)
    return out
