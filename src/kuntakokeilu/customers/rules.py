"""Rule `target-group` (R-TG-2, R-TG-6): would the TE office transfer this person to a trial municipality on
this date, and who is responsible for them then.

The pure decision is `target_group.decide`; the registered `evaluate` loads the histories of the
municipalities the facts name (`regions.queries.municipality_histories`) and hands them to it. This module
also adds the input field types the rule needs: `henkilotunnus` (validated with `identity.py`),
`mother_tongue` (population-register codes, `statuses.py`) and `customership` (a strict object).

Checks across fields (one of henkilotunnus and birth_date, and they agree; one of kotikunta and residence)
run in `check_input`, after every field is valid, and name the field at fault.
"""

from __future__ import annotations

import datetime as dt

import kuntakokeilu.regions.rules  # noqa: F401  (registers the field type `kunta_code`)
from kuntakokeilu.regions.queries import known_municipality_codes, municipality_histories
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import ParameterStore
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field, FieldType, parse_date, register_field_type

from . import explanations as m
from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .statuses import STATUS_CODES, is_mother_tongue_code
from .target_group import decide

NAME = "target-group"
CUSTOMERSHIP_TYPES = ("municipality", "te_office")


def _parse_henkilotunnus(value, ctx) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    try:
        return parse_henkilotunnus(value).code
    except InvalidHenkilotunnus as exc:
        raise ValueError(f"invalid henkilötunnus {value!r}: {exc}") from None


def _parse_mother_tongue(value, ctx) -> str:
    if not isinstance(value, str) or not is_mother_tongue_code(value):
        raise ValueError(
            'must be a population-register language code: ISO 639-1 ("fi", "so"…), a Sámi language '
            '("se", "smn", "sms") or "xx" (unknown)'
        )
    return value


def check_input(facts: dict, ctx) -> list[tuple[str, str]]:
    problems = []
    code, born = facts.get("henkilotunnus"), facts.get("birth_date")
    if code is None and born is None:
        problems.append(
            ("henkilotunnus", "henkilotunnus and birth_date are both missing: one of them is required")
        )
    elif code is not None and born is not None and parse_henkilotunnus(code).birth_date != born:
        from_code = parse_henkilotunnus(code).birth_date
        problems.append(
            (
                "birth_date",
                f"{born.isoformat()} does not agree with the henkilötunnus, which gives {from_code}",
            )
        )
    if facts.get("kotikunta") is None and facts.get("residence") is None:
        problems.append(("kotikunta", "kotikunta and residence are both missing: one of them is required"))
    return problems


def _parse_customership(value, ctx) -> dict:
    if not isinstance(value, dict):
        raise ValueError('must be an object {"type", "kunta_code", "since"} or null')
    extra = sorted(set(value) - {"type", "kunta_code", "since"})
    if extra:
        raise ValueError(f"unknown key {extra[0]!r} (the keys are type, kunta_code, since)")
    kind = value.get("type")
    if kind not in CUSTOMERSHIP_TYPES:
        raise ValueError('"type" must be "municipality" or "te_office"')
    code = value.get("kunta_code")
    if code is None and kind == "municipality":
        raise ValueError('"kunta_code" is required when "type" is "municipality"')
    known = ctx.cached("kunta_codes", known_municipality_codes)
    if code is not None and (not isinstance(code, str) or code not in known):
        raise ValueError(f'"kunta_code": unknown municipality code {code!r}')
    try:
        since = parse_date(value.get("since"))
    except ValueError as exc:
        raise ValueError(f'"since" {exc}') from None
    return {"type": kind, "kunta_code": code, "since": since}


for _type in (
    FieldType("henkilotunnus", _parse_henkilotunnus),
    FieldType("mother_tongue", _parse_mother_tongue),
    FieldType("customership", _parse_customership),
):
    register_field_type(_type)


FIELDS = (
    Field("henkilotunnus", "henkilotunnus", nullable=True),
    Field("birth_date", "date", nullable=True),
    Field("kotikunta", "kunta_code", nullable=True),
    Field("residence", "kunta_code", nullable=True),
    Field("mother_tongue", "mother_tongue"),
    Field("immigrant", "bool"),
    Field("status", "str", choices=STATUS_CODES),
    Field("earnings_related_entitlement", "bool"),
    Field("temporary_protection", "bool"),
    Field("change_security_55", "bool"),
    Field("change_security_notice_date", "date", nullable=True),
    Field("job_search_valid", "bool"),
    Field("current_customership", "customership", nullable=True),
)


def _evaluate(facts: dict, on: dt.date, params: ParameterStore):
    customership = facts.get("current_customership") or {}
    codes = [facts.get("kotikunta"), facts.get("residence"), customership.get("kunta_code")]
    places = municipality_histories([c for c in codes if c])
    return decide(facts, on, params, places)


def _describe_result(result: dict) -> Message:
    return Message(m.RESULT_IN_GROUP if result.get("in_target_group") else m.RESULT_NOT_IN_GROUP)


RULE = register(
    Rule(
        name=NAME,
        version="1",
        summary="Whether the TE office would transfer a job seeker to a trial municipality on a date, "
        "and who is responsible (L1269 s. 4-6).",
        fields=FIELDS,
        parameters=(
            "pilot.start_date",
            "pilot.end_date",
            "target_group.age_limit",
            "target_group.included_statuses",
            "target_group.temporary_protection_by_residence",
            "target_group.change_security_notices_from",
        ),
        evaluate=_evaluate,
        check_input=check_input,
        describe_result=_describe_result,
        modules=(
            "kuntakokeilu.customers.explanations",
            "kuntakokeilu.customers.identity",
            "kuntakokeilu.customers.languages",
            "kuntakokeilu.customers.statuses",
            "kuntakokeilu.customers.target_group",
            "kuntakokeilu.regions.models",
            "kuntakokeilu.regions.queries",
            "kuntakokeilu.regions.rules",
        ),
    )
)
