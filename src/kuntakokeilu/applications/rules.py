"""Rule `application-screening` (R-APP-3, R-APP-4, R-APP-6): an application against the boundary conditions.

All applications of one input (a console file, or a round's applications on the web and in the API) are
screened together, as if submitted in that round: the customer share counts the others, and an overlap with
another of them fails. The rule judges a batch (`evaluate_batch`): the console validates every item, then
hands all of them over at once. The pure decision is `screening.decide_together`.

Input errors (exit 2 on the console): an unknown round, an `extends_area` not selected in a round before the
application's, a municipality listed twice, an empty list of municipalities, expenditure for a municipality
that is not in the application.
"""

from __future__ import annotations

import datetime as dt
import math

from kuntakokeilu.regions import rules as _regions_rules  # noqa: F401 - registers the field type kunta_code
from kuntakokeilu.rules.outcome import Decision
from kuntakokeilu.rules.parameters import ParameterStore
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import (
    FIELD_TYPES,
    Field,
    FieldType,
    ValidationContext,
    parse_date,
    register_field_type,
)

from .queries import ScreeningData, known_round_codes, screening_data
from .screening import PARAMS, decide_together

NAME = "application-screening"


def _parse_round(value, ctx) -> str:
    if not isinstance(value, str):
        raise ValueError('must be a round code, e.g. "supplementary-2020"')
    if value not in ctx.cached("applications.rounds", known_round_codes):
        raise ValueError(f"unknown application round {value!r}")
    return value


def _round_data(ctx: ValidationContext, round_code: str) -> ScreeningData:
    return ctx.cached(f"applications.data.{round_code}", lambda: screening_data(round_code))


def _parse_name(value, ctx) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _parse_lead(value, ctx) -> str:
    return FIELD_TYPES["kunta_code"].parse(value, ctx)


def _parse_municipalities(value, ctx) -> list[str]:
    if not isinstance(value, list):
        raise ValueError('must be a list of municipality codes, e.g. ["078", "710"]')
    if not value:
        raise ValueError("must name at least one municipality")
    codes = [FIELD_TYPES["kunta_code"].parse(v, ctx) for v in value]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise ValueError(f"municipality {', '.join(twice)} is listed twice")
    return codes


def _parse_extends_area(value, ctx) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a trial area number")
    return value


# The largest figures an application may give: more customers than Finland has people, or euros and
# person-years beyond a trillion, are typing errors; and the screening's sums and shares of such figures
# would overflow (a float's infinity, an integer too large for a float), as would NaN and Infinity, which
# JSON as Python reads it lets through (found by tests/rules/test_console_fuzz.py).
MOST_CUSTOMERS = 10_000_000
LARGEST_FIGURE = 10**12


def _parse_customers(value, ctx) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number, 0 or more")
    if value > MOST_CUSTOMERS:
        raise ValueError(f"must be at most {MOST_CUSTOMERS}")
    return value


def _non_negative(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"{what} must be a number, 0 or more")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be a number, 0 or more, not {value}")
    if value > LARGEST_FIGURE:
        raise ValueError(f"{what} must be at most {LARGEST_FIGURE}")
    return value


def _parse_own_resourcing(value, ctx) -> dict:
    if not isinstance(value, dict) or set(value) != {"eur_per_year", "person_years"}:
        raise ValueError('must be {"eur_per_year": number, "person_years": number}')
    return {key: _non_negative(value[key], key) for key in ("eur_per_year", "person_years")}


def _parse_expenditure(value, ctx) -> dict:
    if not isinstance(value, dict):
        raise ValueError('must be {"<kunta code>": euros, …}')
    return {code: _non_negative(euros, code) for code, euros in value.items()}


def _parse_negotiations(value, ctx) -> dict:
    if not isinstance(value, dict) or not set(value) <= {"ely_centre", "te_office"}:
        raise ValueError('must be {"ely_centre": "YYYY-MM-DD"|null, "te_office": "YYYY-MM-DD"|null}')
    parsed: dict[str, dt.date | None] = {}
    for key in ("ely_centre", "te_office"):
        raw = value.get(key)
        try:
            parsed[key] = None if raw is None else parse_date(raw)
        except ValueError as exc:
            raise ValueError(f"{key} {exc}") from None
    return parsed


for _type in (
    FieldType("application_round", _parse_round),
    FieldType("application_name", _parse_name),
    FieldType("application_lead", _parse_lead),
    FieldType("application_municipalities", _parse_municipalities),
    FieldType("earlier_trial_area", _parse_extends_area),
    FieldType("customer_estimate", _parse_customers),
    FieldType("own_resourcing", _parse_own_resourcing),
    FieldType("lms_expenditure", _parse_expenditure),
    FieldType("negotiation_dates", _parse_negotiations),
):
    register_field_type(_type)

FIELDS = (
    Field("round", "application_round"),
    Field("name", "application_name"),
    Field("lead", "application_lead"),
    Field("municipalities", "application_municipalities"),
    Field("extends_area", "earlier_trial_area", nullable=True),
    Field("extension_consent", "bool", nullable=True),
    Field("estimated_customers", "customer_estimate", nullable=True),
    Field("own_resourcing", "own_resourcing", nullable=True),
    Field("lms_expenditure_2018_eur", "lms_expenditure", nullable=True),
    Field("service_model", "str", nullable=True),
    Field("cooperation_structure", "str", nullable=True),
    Field("division_of_work", "str", nullable=True),
    Field("negotiations", "negotiation_dates", nullable=True),
    Field("premises", "str", nullable=True),
    Field("justification", "str", nullable=True),
)


def check_input(facts: dict, ctx: ValidationContext) -> list[tuple[str, str]]:
    problems = []
    area = facts.get("extends_area")
    if area is not None and area not in _round_data(ctx, facts["round"]).earlier_areas:
        problems.append(
            ("extends_area", f"trial area {area} was not selected in a round before {facts['round']}")
        )
    strangers = sorted(set(facts.get("lms_expenditure_2018_eur") or {}) - set(facts["municipalities"]))
    if strangers:
        problems.append(
            ("lms_expenditure_2018_eur", f"{strangers[0]!r} is not one of the application's municipalities")
        )
    return problems


def _evaluate_batch(items: list[tuple[dict, dt.date]], params: ParameterStore) -> list[Decision]:
    """Each application judged with the others of its round in the same batch (linear: screening.Together)."""
    rounds: dict[str, list[int]] = {}
    for index, (app, _on) in enumerate(items):
        rounds.setdefault(app["round"], []).append(index)
    decisions: list[Decision | None] = [None] * len(items)
    for round_code, indexes in rounds.items():
        apps = [items[i][0] for i in indexes]
        for i, decision in zip(
            indexes, decide_together(apps, screening_data(round_code), params), strict=True
        ):
            decisions[i] = decision
    return [d for d in decisions if d is not None]


def _evaluate(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    return _evaluate_batch([(facts, on)], params)[0]


RULE = register(
    Rule(
        name=NAME,
        version="1",
        summary="An application for the pilot against the rounds' boundary conditions (screened together).",
        fields=FIELDS,
        parameters=PARAMS,
        evaluate=_evaluate,
        check_input=check_input,
        evaluate_batch=_evaluate_batch,
        modules=(
            "kuntakokeilu.applications.messages",
            "kuntakokeilu.applications.models",
            "kuntakokeilu.applications.queries",
            "kuntakokeilu.applications.screening",
            "kuntakokeilu.regions.models",
            "kuntakokeilu.regions.queries",
            "kuntakokeilu.regions.rules",
        ),
    )
)
