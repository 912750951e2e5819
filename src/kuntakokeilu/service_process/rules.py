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


def _list_of(value, keys: dict[str, object]) -> list[dict]:
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
    return _list_of(value, {"type": _event_type, "date": parse_date})


def _parse_services(value, _ctx) -> list[dict]:
    services = _list_of(value, {"start": parse_date, "expected_end": parse_date})
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
            # this module (rules.py) imports the job-search obligation's, appended below
            "kuntakokeilu.service_process.obligation",
            "kuntakokeilu.service_process.obligation_explanations",
        ),
    )
)


# --- job-search-obligation (issue 17 item 2; R-SP-5) -----------------------------------------------------
# Input `{id, on?, job_search_start, status, part_time_or_reduced_hours|null, layoff_start|null,
# layoff_discussion|null, self_study_start|null, self_study_end|null, reduced_count|null,
# reduced_reason|null, exemption|null, initial_interview|null, applications: [{date}]|null}`; result
# `{in_force, variant, periods: [{start, end, required, reported, met}], reason}`. Pure logic:
# `obligation.decide`; readings in its docstring.
from . import obligation  # noqa: E402

OBLIGATION_NAME = "job-search-obligation"


def _parse_applications(value, _ctx) -> list[dict]:
    return _list_of(value, {"date": parse_date})


register_field_type(FieldType("job_applications", _parse_applications))

OBLIGATION_FIELDS = (
    Field("job_search_start", "date"),
    Field("status", "str", choices=STATUS_CODES),
    Field("part_time_or_reduced_hours", "bool", nullable=True),
    Field("layoff_start", "date", nullable=True),
    Field("layoff_discussion", "date", nullable=True),
    Field("self_study_start", "date", nullable=True),
    Field("self_study_end", "date", nullable=True),
    Field("reduced_count", "int", nullable=True),
    Field("reduced_reason", "str", nullable=True),
    Field("exemption", "str", nullable=True, choices=obligation.EXEMPTIONS),
    Field("initial_interview", "date", nullable=True),
    Field("applications", "job_applications", nullable=True),
)


def check_obligation_input(facts: dict, _ctx) -> list[tuple[str, str]]:
    problems = []
    start = facts["job_search_start"]
    study_start, study_end = facts["self_study_start"], facts["self_study_end"]
    if (study_start is None) != (study_end is None):
        problems.append(("self_study_end", "self_study_start and self_study_end go together"))
    elif study_start and study_end < study_start:
        problems.append(("self_study_end", "is before self_study_start"))
    if facts["initial_interview"] and facts["initial_interview"] < start:
        problems.append(("initial_interview", "is before job_search_start"))
    layoff, discussion = facts["layoff_start"], facts["layoff_discussion"]
    if layoff and discussion and discussion < layoff:
        problems.append(("layoff_discussion", "is before layoff_start"))
    reduced, reason = facts["reduced_count"], facts["reduced_reason"]
    if reduced is not None and reduced < 0:
        problems.append(("reduced_count", "must not be negative"))
    if (reduced is None) != (reason is None or not reason.strip()):
        problems.append(("reduced_reason", "a reduced_count needs its reason, and a reason its count"))
    return problems


OBLIGATION_RULE = register(
    Rule(
        name=OBLIGATION_NAME,
        version="1",
        summary="The job-search obligation: review periods and job opportunities on a date (R-SP-5).",
        fields=OBLIGATION_FIELDS,
        parameters=obligation.PARAMETER_NAMES,
        evaluate=obligation.decide,
        check_input=check_obligation_input,
        modules=(
            "kuntakokeilu.service_process.obligation_explanations",
            "kuntakokeilu.service_process.deadlines",
            "kuntakokeilu.service_process.explanations",
            "kuntakokeilu.customers.statuses",
            "kuntakokeilu.rules.calendar",
        ),
    )
)
