"""The rule `plan-deadlines` in the rules console (issue 17 item 1, R-SP-5): a plan version agreed on the
rule's date `on` — its review date, and whether its steps and services may be agreed so. The pure logic is
`rules.review` and `rules.check_version` (the services call them too); listed in `settings.RULE_MODULES`.

Input `{id, on?, kind, first_agreed_on|null, extension_months|null,
includes_job_search_obligation|null, steps: [{due_on, responsible}]|null,
services: [{starts_on, ends_on|null}]|null}`; result `{review_by, valid}`. A check `review` (info) gives the
review date and why; each problem is a failing check named by its field."""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, worst_status
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field, FieldType, parse_date, register_field_type
from kuntakokeilu.service_process.rules import list_of

from . import explanations as msg
from . import rules

NAME = "plan-deadlines"
MAX_MONTHS = 1200  # beyond any entitlement: a larger number is not a number of months of a plan
STEP_TEXT = "step"  # the console judges dates; a step's words are the page's


def _responsible(value) -> str:
    if value not in rules.RESPONSIBLE:
        raise ValueError(f"must be one of {', '.join(rules.RESPONSIBLE)}")
    return value


def _optional_date(value):
    return None if value is None else parse_date(value)


register_field_type(
    FieldType(
        "plan_steps", lambda value, _ctx: list_of(value, {"due_on": parse_date, "responsible": _responsible})
    )
)
register_field_type(
    FieldType(
        "plan_services",
        lambda value, _ctx: list_of(value, {"starts_on": parse_date, "ends_on": _optional_date}),
    )
)

FIELDS = (
    Field("kind", "str", choices=rules.KINDS),
    Field("first_agreed_on", "date", nullable=True),
    Field("extension_months", "int", nullable=True),
    Field("includes_job_search_obligation", "bool", nullable=True),
    Field("steps", "plan_steps", nullable=True),
    Field("services", "plan_services", nullable=True),
)


def check_input(facts: dict, _ctx) -> list[tuple[str, str]]:
    months = facts["extension_months"]
    if months is not None and not 0 <= months <= MAX_MONTHS:
        return [("extension_months", f"must be a number of months from 0 to {MAX_MONTHS}")]
    return []


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    try:
        return _decide(facts, on, params)
    except NoParameterValue as exc:
        found = {"parameter": exc.name, "on": exc.on}
        check = Check(
            "parameters", "fail", found, Message(msg.NO_PARAMETER, {"name": exc.name, "on": exc.on})
        )
        return Decision(None, "fail", (check,))


def _decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    kind, first = facts["kind"], facts.get("first_agreed_on")
    extension = facts.get("extension_months") or 0
    steps = [dict(s, text=STEP_TEXT) for s in facts.get("steps") or []]
    services = [dict(s, kind="") for s in facts.get("services") or []]
    if first is not None and first > on:
        first = None  # a first plan after this one: this one is the first
    problems = rules.check_version(
        kind,
        on,
        today=on,
        goals="goals",  # the console judges dates; the goals are the page's
        obligation="yes" if facts.get("includes_job_search_obligation") else "",
        steps=steps,
        services=services,
        params=params,
        first_agreed_on=first,
        extension_months=extension,
    )
    if facts.get("steps") is None:  # no steps given: the console judges the dates it is given
        problems = [p for p in problems if p.field != "steps"]
    review = rules.review(kind, on, params, first_agreed_on=first, extension_months=extension)
    found = {"kind": kind, "agreed_on": on, "review_by": review.date}
    checks = [Check("review", "info", found, review.message, review.parameters)]
    checks += [Check(p.field or "input", "fail", {"field": p.field}, p.message) for p in problems]
    result = {"review_by": review.date, "valid": not problems}
    return Decision(result, worst_status(checks), tuple(checks))


PLAN_RULE = register(
    Rule(
        name=NAME,
        version="1",
        summary="A plan version agreed on a date: its review date and the checks of its steps (R-SP-5).",
        fields=FIELDS,
        parameters=rules.PARAMETER_NAMES,
        evaluate=decide,
        check_input=check_input,
        modules=(
            "kuntakokeilu.plans.rules",
            "kuntakokeilu.plans.explanations",
            "kuntakokeilu.service_process.deadlines",
            "kuntakokeilu.service_process.rules",
            "kuntakokeilu.customers.statuses",
            "kuntakokeilu.service_process.explanations",
            "kuntakokeilu.rules.calendar",
        ),
    )
)
