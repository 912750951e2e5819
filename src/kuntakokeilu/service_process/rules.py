"""Rule `service-deadlines` (R-SP-1): the statutory deadlines of a job seeker's service process on a date.

Input `{id, on?, job_search_start, unemployment_start|null, job_search_end|null,
previous_job_search_end|null, status, laid_off|false, laid_off_block_requested|false, birth_date|null,
lms_days|null, integration_start|null, events: [{type, date}], services: [{start, expected_end}],
area_first_contact_days|null}`; result `{regime, due: [{type, due_date, count, state, reference}]}`, the
next item of every type, each explained by a check. The pure logic is `deadlines.decide`.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.customers.statuses import STATUS_CODES
from kuntakokeilu.rules.outcome import Decision
from kuntakokeilu.rules.parameters import ParameterStore
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field, FieldType, parse_date, register_field_type

from . import deadlines

NAME = "service-deadlines"


def list_of(value, keys: dict[str, object]) -> list[dict]:
    if not isinstance(value, list):
        raise ValueError("must be a list of objects")
    parsed = []
    for index, element in enumerate(value):
        if not isinstance(element, dict):
            raise ValueError(f"element {index} must be an object")
        unknown = sorted(set(element) - set(keys))
        if unknown:
            raise ValueError(f"element {index}: unknown key {unknown[0]!r}")
        item = {}
        for key, parse in keys.items():
            if key not in element:
                raise ValueError(f"element {index}: missing {key!r}")
            try:
                item[key] = parse(element[key])  # type: ignore[operator]
            except ValueError as exc:
                raise ValueError(f"element {index}, {key}: {exc}") from None
        parsed.append(item)
    return parsed


def _event_type(value) -> str:
    if value not in deadlines.EVENT_TYPES:
        raise ValueError(f"must be one of {', '.join(deadlines.EVENT_TYPES)}")
    return value


def _parse_events(value, _ctx) -> list[dict]:
    return list_of(value, {"type": _event_type, "date": parse_date})


def _parse_services(value, _ctx) -> list[dict]:
    services = list_of(value, {"start": parse_date, "expected_end": parse_date})
    for index, service in enumerate(services):
        if service["expected_end"] < service["start"]:
            raise ValueError(f"element {index}: expected_end is before start")
    return services


def _parse_working_days(value, _ctx) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60:
        raise ValueError("must be a whole number of working days, 1–60")
    return value


register_field_type(FieldType("service_events", _parse_events))
register_field_type(FieldType("services", _parse_services))
register_field_type(FieldType("working_days", _parse_working_days))

FIELDS = (
    Field("job_search_start", "date"),
    Field("unemployment_start", "date", nullable=True),
    Field("job_search_end", "date", nullable=True),
    Field("previous_job_search_end", "date", nullable=True),
    Field("status", "str", choices=STATUS_CODES),
    Field("laid_off", "bool", nullable=True),
    Field("laid_off_block_requested", "bool", nullable=True),
    Field("birth_date", "date", nullable=True),
    Field("lms_days", "int", nullable=True),
    Field("integration_start", "date", nullable=True),
    Field("events", "service_events", nullable=True),
    Field("services", "services", nullable=True),
    Field("area_first_contact_days", "working_days", nullable=True),
)


def check_input(facts: dict, _ctx) -> list[tuple[str, str]]:
    problems = []
    start = facts["job_search_start"]
    for name in ("job_search_end",):
        if facts.get(name) and facts[name] < start:
            problems.append((name, "is before job_search_start"))
    if facts.get("previous_job_search_end") and facts["previous_job_search_end"] > start:
        problems.append(("previous_job_search_end", "is after job_search_start"))
    if facts.get("lms_days") is not None and facts["lms_days"] < 0:
        problems.append(("lms_days", "must not be negative"))
    return problems


def evaluate(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    return deadlines.decide(facts, on, params)


RULE = register(
    Rule(
        name=NAME,
        version="1",
        summary="The statutory deadlines of a job seeker's service process on a date (R-SP-1).",
        fields=FIELDS,
        parameters=deadlines.PARAMETER_NAMES,
        evaluate=evaluate,
        check_input=check_input,
        modules=(
            "kuntakokeilu.service_process.deadlines",
            "kuntakokeilu.service_process.explanations",
            "kuntakokeilu.customers.statuses",
            "kuntakokeilu.rules.calendar",
        ),
    )
)
