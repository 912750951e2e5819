"""The benefit decision rules (R-BEN-1, issue 18 item 1), each dated by its decision date `on`.

Each rule's `evaluate` is the pure `decide` of its own module (so its version hashes that module, not this
one): `wage-subsidy`, `employment-support-55`, `start-up-grant`, `work-trial`, `expense-compensation`,
`travel-accommodation`. Message ids are in `explanations.py`, dated parameters in `parameters/decisions.yaml`.
"""

from __future__ import annotations

from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field

from . import (
    common,
    employment_support_55,
    expense_compensation,
    start_up_grant,
    travel_accommodation,
    wage_subsidy,
    work_trial,
)

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


WAGE_SUBSIDY = register(
    Rule(
        name="wage-subsidy",
        version="1",
        summary="Whether and how much wage subsidy may be granted on the decision date, and whether the "
        "trial municipality or the TE office decides (JTYPL ch. 7, L1269 s. 10-11).",
        fields=WAGE_SUBSIDY_FIELDS,
        parameters=wage_subsidy.PARAMETER_NAMES,
        evaluate=wage_subsidy.decide,
        check_input=_check_wage_subsidy,
        describe_result=common.describe_result,
        modules=COMMON_MODULES,
    )
)


# --- employment-support-55 ---
SUPPORT_55_FIELDS = (
    Field("employer_type", "str", choices=wage_subsidy.EMPLOYER_TYPES),
    Field("age", "int"),
    Field("unemployed_months_last_28", "int"),
    Field("weekly_hours", "number"),
    Field("working_time_percent", "number", nullable=True),
    Field("employment_started_before_decision", "bool"),
    Field("consecutive_period_applied_in_time", "bool", nullable=True),
)


def _check_support_55(facts: dict, _ctx) -> list[tuple[str, str]]:
    problems = _months_within(facts, (("unemployed_months_last_28", 28),))
    if not 0 <= facts["weekly_hours"] <= 168:
        problems.append(("weekly_hours", "must be 0–168 hours"))
    if facts.get("working_time_percent") is not None and not 0 <= facts["working_time_percent"] <= 100:
        problems.append(("working_time_percent", "must be 0–100 per cent"))
    return problems + _age(facts)


SUPPORT_55 = register(
    Rule(
        name="employment-support-55",
        version="1",
        summary="Whether the 55+ employment support may be granted on the decision date (from 1.7.2023), "
        "and who decides (JTYPL ch. 7 a, L1269 s. 10-11).",
        fields=SUPPORT_55_FIELDS,
        parameters=employment_support_55.PARAMETER_NAMES,
        evaluate=employment_support_55.decide,
        check_input=_check_support_55,
        describe_result=common.describe_result,
        modules=(
            *COMMON_MODULES,
            "kuntakokeilu.decisions.wage_subsidy",
        ),
    )
)


# --- start-up-grant ---
START_UP_FIELDS = (Field("business_started_on", "date"), Field("months_granted_before", "int"))


def _check_start_up(facts: dict, _ctx) -> list[tuple[str, str]]:
    return _months_within(facts, (("months_granted_before", 120),))


START_UP_GRANT = register(
    Rule(
        name="start-up-grant",
        version="1",
        summary="Whether and for how many more months the start-up grant may be granted on the decision date "
        "(JTYPL 8:1, L1269 s. 10).",
        fields=START_UP_FIELDS,
        parameters=start_up_grant.PARAMETER_NAMES,
        evaluate=start_up_grant.decide,
        check_input=_check_start_up,
        describe_result=common.describe_result,
        modules=COMMON_MODULES,
    )
)

# --- work-trial ---
WORK_TRIAL_FIELDS = (
    Field("age", "int"),
    Field("organiser_type", "str", choices=work_trial.ORGANISER_TYPES),
    Field("months_in_trials", "int"),
    Field("months_with_organiser", "int"),
    Field("continuous_unemployment_months", "int", nullable=True),
)


def _check_work_trial(facts: dict, _ctx) -> list[tuple[str, str]]:
    problems = _months_within(
        facts,
        (("months_in_trials", 120), ("months_with_organiser", 120), ("continuous_unemployment_months", 600)),
    )
    if not problems and facts["months_with_organiser"] > facts["months_in_trials"]:
        problems.append(("months_with_organiser", "exceeds months_in_trials"))
    return problems + _age(facts)


WORK_TRIAL = register(
    Rule(
        name="work-trial",
        version="1",
        summary="Whether and for how many months a work trial may be agreed on the decision date, and with "
        "whom the agreement is made (JTYPL 4:6, L1269 s. 10-11).",
        fields=WORK_TRIAL_FIELDS,
        parameters=work_trial.PARAMETER_NAMES,
        evaluate=work_trial.decide,
        check_input=_check_work_trial,
        describe_result=common.describe_result,
        modules=COMMON_MODULES,
    )
)


# --- expense-compensation ---
EXPENSE_FIELDS = (
    Field("entitled_to_unemployment_benefit", "bool"),
    Field("service_type", "str", choices=expense_compensation.SERVICE_TYPES),
    Field("service_in_plan", "bool"),
    Field("necessary_costs", "bool"),
    Field("other_compensation", "bool"),
    Field("outside_commuting_area", "bool"),
    Field("accommodation_costs_outside_home_municipality", "bool"),
)

EXPENSE_COMPENSATION = register(
    Rule(
        name="expense-compensation",
        version="1",
        summary="Whether expense compensation may be granted on the decision date, on which route, at what "
        "daily rate and who decides (JTYPL 9:1-3, 9:1 s. 3 as 1270/2020, L1269 s. 10).",
        fields=EXPENSE_FIELDS,
        parameters=expense_compensation.PARAMETER_NAMES,
        evaluate=expense_compensation.decide,
        describe_result=common.describe_result,
        modules=COMMON_MODULES,
    )
)

# --- travel-accommodation ---
TRAVEL_FIELDS = (
    Field("kilometres", "number"),
    Field("journeys", "int"),
    Field("accommodation_nights", "int"),
    Field("accommodation_costs", "number"),
    Field("moving_costs", "number"),
)
TRAVEL_LIMITS = (
    ("kilometres", 10_000),
    ("journeys", 1_000),
    ("accommodation_nights", 366),
    ("accommodation_costs", 1_000_000),
    ("moving_costs", 1_000_000),
)


def _check_travel(facts: dict, _ctx) -> list[tuple[str, str]]:
    return [(name, f"must be 0–{most}") for name, most in TRAVEL_LIMITS if not 0 <= facts[name] <= most]


TRAVEL_ACCOMMODATION = register(
    Rule(
        name="travel-accommodation",
        version="1",
        summary="The discretionary travel, accommodation and moving costs that may be compensated on the "
        "decision date (JTYPL 10:1, VNA 1073/2012 s. 26, L1269 s. 10).",
        fields=TRAVEL_FIELDS,
        parameters=travel_accommodation.PARAMETER_NAMES,
        evaluate=travel_accommodation.decide,
        check_input=_check_travel,
        describe_result=common.describe_result,
        modules=COMMON_MODULES,
    )
)
