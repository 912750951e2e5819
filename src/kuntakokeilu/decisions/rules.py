"""The benefit decision rules (R-BEN-1, issue 18 item 1), each dated by its decision date `on`.

`wage-subsidy` (`wage_subsidy.decide`); the pure logic of each rule is its own module, its message ids are
in `explanations.py` and its dated parameters in `parameters/decisions.yaml`.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.outcome import Decision
from kuntakokeilu.rules.parameters import ParameterStore
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field

from . import common, wage_subsidy

COMMON_MODULES = ("kuntakokeilu.decisions.common", "kuntakokeilu.decisions.explanations")


def _months_within(facts: dict, checks: tuple[tuple[str, int], ...]) -> list[tuple[str, str]]:
    return [
        (name, f"must be 0–{most} months")
        for name, most in checks
        if facts.get(name) is not None and not 0 <= facts[name] <= most
    ]


def _age(facts: dict) -> list[tuple[str, str]]:
    return [("age", "must be 0–120 years")] if not 0 <= facts["age"] <= 120 else []


# --- wage-subsidy ---
WAGE_SUBSIDY_FIELDS = (
    Field("employer_type", "str", choices=wage_subsidy.EMPLOYER_TYPES),
    Field("unemployed_months_last_14", "int"),
    Field("unemployed_months_last_28", "int"),
    Field("reduced_work_ability", "bool"),
    Field("age", "int"),
    Field("employment_started_before_decision", "bool"),
    Field("consecutive_period_applied_in_time", "bool", nullable=True),
    Field("esf_funded", "bool", nullable=True),
)


def _check_wage_subsidy(facts: dict, _ctx) -> list[tuple[str, str]]:
    problems = _months_within(facts, (("unemployed_months_last_14", 14), ("unemployed_months_last_28", 28)))
    if not problems and facts["unemployed_months_last_14"] > facts["unemployed_months_last_28"]:
        problems.append(
            ("unemployed_months_last_14", "exceeds unemployed_months_last_28 (the 14 are in the 28)")
        )
    return problems + _age(facts)


def evaluate_wage_subsidy(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    return wage_subsidy.decide(facts, on, params)


WAGE_SUBSIDY = register(
    Rule(
        name="wage-subsidy",
        version="1",
        summary="Whether and how much wage subsidy may be granted on the decision date, and whether the "
        "trial municipality or the TE office decides (JTYPL ch. 7, L1269 s. 10-11).",
        fields=WAGE_SUBSIDY_FIELDS,
        parameters=wage_subsidy.PARAMETER_NAMES,
        evaluate=evaluate_wage_subsidy,
        check_input=_check_wage_subsidy,
        describe_result=common.describe_result,
        modules=(*COMMON_MODULES, "kuntakokeilu.decisions.wage_subsidy"),
    )
)
