"""The rule `job-search-obligation` registered in the rules console (issue 17 item 2; R-SP-5): its fields,
the checks across them, and the registration; the pure logic is `obligation.decide`. A module of its own
(listed in `settings.RULE_MODULES`), so that the version of `service-deadlines` does not follow it."""

from __future__ import annotations

from kuntakokeilu.customers.statuses import STATUS_CODES
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field, FieldType, parse_date, register_field_type

from . import obligation
from .rules import list_of

# Input `{id, on?, job_search_start, status, part_time_or_reduced_hours|null, layoff_start|null,
# layoff_discussion|null, self_study_start|null, self_study_end|null, reduced_count|null,
# reduced_reason|null, exemption|null, initial_interview|null, applications: [{date}]|null}`; result
# `{in_force, variant, periods: [{start, end, required, reported, met}], reason}`. Pure logic:
# `obligation.decide`; readings in its docstring.

OBLIGATION_NAME = "job-search-obligation"


def _parse_applications(value, _ctx) -> list[dict]:
    return list_of(value, {"date": parse_date})


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
