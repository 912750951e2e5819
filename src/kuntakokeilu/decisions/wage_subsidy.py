"""The wage subsidy (palkkatuki / lönesubvention) a trial municipality grants on behalf of the state
(R-BEN-1; law notes §4.1–4.2; L1269 s. 10 mom 1, s. 11 mom 2; JTYPL ch. 7).

`decide(facts, on, params)` → `Decision(result, None, checks)`, `on` being the decision date; result
`{allowed, decided_by, max_percent, max_months, options: [{route, percent, months, conditions}]}`: every
route the facts admit, the most favourable (highest percentage, then the longest period) in
max_percent/max_months. The routes of each version of the law are one dated parameter,
`decisions.wage_subsidy_routes` (1456/2016 until 30.6.2023, 371/2023 from 1.7.2023).

Who decides: the trial municipality, except where the employer is of a type in
`decisions.te_office_employers` on the date, or (before 1.6.2021) the subsidy is funded by the European
Social Fund, or the date is outside the pilot period — then the TE office, and `allowed` still says
whether the law allows the subsidy at all.

Readings where the law notes are silent or marked [I] (each also stated in the explanations):
- "Pilot municipality" in s. 11 mom 2 is any trial municipality (also another one than the deciding
  municipality); before 1.6.2021 an entity controlled by trial municipalities is not excluded, from
  1.6.2021 it is (L421/2021). The list is a dated parameter, so another reading is a change of data.
- Until 30.6.2023 the basic route (30 %, 6 months) is for a person not unemployed 12 of the last 14 or 24
  of the last 28 months ("if unemployed less than 12 months"); the longer-unemployment routes apply
  instead. The 60+ route keeps the percentage of the person's unemployment group (40 % or 50 %) and
  lengthens the period to 24 months.
- From 1.7.2023 the 60+ route is gone (the 55+ employment support, rule `employment-support-55`, replaces
  it); the association route grants 12 months (the law notes give no period for it) and the reduced
  work-ability route's 10 months may be extended to 24 ("extendable_to_24_months" in its conditions;
  max_months is the first period).
- The state budget's caps on amounts and the municipality's own 50 % under the employment obligation are
  not decided here (no amounts; issue 18's later items).
- An employment that started before the decision is subsidised only when it continues a period applied
  for before the previous one ended (`consecutive_period_applied_in_time` true); null counts as not.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import ParameterStore

from . import common
from . import explanations as m

EMPLOYER_TYPES = (
    "this_pilot_municipality",
    "other_pilot_municipality",
    "pilot_controlled_entity",
    "company",
    "association",
    "other_public",
)
ROUTES = "decisions.wage_subsidy_routes"
TE_OFFICE_EMPLOYERS = "decisions.te_office_employers"
ESF = "decisions.esf_wage_subsidy_by_te_office"
PARAMETER_NAMES = ("pilot.start_date", "pilot.end_date", ROUTES, TE_OFFICE_EMPLOYERS, ESF)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    checks = [decider_check(facts, on, params, ESF if facts.get("esf_funded") else None)]
    decided_by = checks[0].found["decided_by"]
    routes = common.value(params, ROUTES, on)
    if routes is None:
        checks.append(common.no_law(on, ROUTES, params))
        return _decision(False, decided_by, [], checks)
    checks.append(
        Check(
            "law_version",
            "info",
            {"since": routes.start},
            Message(m.LAW_VERSION, {"on": on, "since": routes.start}),
            (ParameterUse.of(routes),),
        )
    )
    options = []
    for route in routes.value:
        why = _why_not(route, facts)
        if why is None:
            option = {
                "route": route["route"],
                "percent": route["percent"],
                "months": route["months"],
                "conditions": _conditions(route),
            }
            options.append(option)
            text = Message(
                m.ROUTE_OPEN,
                {
                    "route": Message(m.ROUTES[route["route"]]),
                    "percent": route["percent"],
                    "months": route["months"],
                    "extra": _extra(route),
                },
            )
            checks.append(Check(f"route_{route['route']}", "pass", option, text, (ParameterUse.of(routes),)))
        else:
            text = Message(m.ROUTE_CLOSED, {"route": Message(m.ROUTES[route["route"]]), "why": why})
            checks.append(
                Check(
                    f"route_{route['route']}",
                    "info",
                    {"route": route["route"]},
                    text,
                    (ParameterUse.of(routes),),
                )
            )
    start = start_check(facts)
    checks.append(start)
    allowed = bool(options) and start.status != "fail"
    return _decision(allowed, decided_by, options if allowed else [], checks)


def decider_check(facts: dict, on: dt.date, params: ParameterStore, esf: str | None) -> Check:
    """Who decides on `on`: the TE office outside the pilot, for the listed employers, or (where `esf`
    names the parameter and it holds) for an ESF-funded subsidy; else the trial municipality."""
    outside = common.outside_pilot(on, params)
    if outside is not None:
        return outside
    employer = facts["employer_type"]
    excluded = common.value(params, TE_OFFICE_EMPLOYERS, on)
    uses = (ParameterUse.of(excluded),) if excluded else ()
    label = Message(m.EMPLOYERS[employer])
    if excluded is not None and employer in excluded.value:
        return Check(
            "decided_by",
            "info",
            {"decided_by": common.TE_OFFICE, "employer_type": employer},
            Message(m.DECIDER_TE_EMPLOYER, {"employer": label, "on": on}),
            uses,
        )
    esf_rule = common.value(params, esf, on) if esf else None
    if esf_rule is not None and esf_rule.value:
        return Check(
            "decided_by",
            "info",
            {"decided_by": common.TE_OFFICE, "esf_funded": True},
            Message(m.DECIDER_TE_ESF, {"on": on, "until": esf_rule.end}),
            (*uses, ParameterUse.of(esf_rule)),
        )
    return Check(
        "decided_by",
        "info",
        {"decided_by": common.MUNICIPALITY, "employer_type": employer},
        Message(m.DECIDER_MUNICIPALITY, {"on": on, "employer": label}),
        uses,
    )


def start_check(facts: dict) -> Check:
    found = {
        "employment_started_before_decision": facts["employment_started_before_decision"],
        "consecutive_period_applied_in_time": facts.get("consecutive_period_applied_in_time"),
    }
    if not facts["employment_started_before_decision"]:
        return Check("employment_start", "pass", found, Message(m.START_AFTER_DECISION))
    if facts.get("consecutive_period_applied_in_time"):
        return Check("employment_start", "pass", found, Message(m.START_BEFORE_CONTINUED))
    return Check("employment_start", "fail", found, Message(m.START_BEFORE_REFUSED))


def _why_not(route: dict, facts: dict) -> Message | None:
    u14, u28, age = facts["unemployed_months_last_14"], facts["unemployed_months_last_28"], facts["age"]
    if "employer_types" in route and facts["employer_type"] not in route["employer_types"]:
        return Message(m.WHY_EMPLOYER)
    if route.get("reduced_work_ability") and not facts["reduced_work_ability"]:
        return Message(m.WHY_WORK_ABILITY)
    if "min_age" in route and age < route["min_age"]:
        return Message(m.WHY_AGE, {"age": age, "needed": route["min_age"]})
    if "min_unemployed_14" in route and u14 < route["min_unemployed_14"]:
        return Message(m.WHY_UNEMPLOYED_14, {"found": u14, "needed": route["min_unemployed_14"]})
    if "min_unemployed_28" in route and u28 < route["min_unemployed_28"]:
        return Message(m.WHY_UNEMPLOYED_28, {"found": u28, "needed": route["min_unemployed_28"]})
    if u14 > route.get("max_unemployed_14", 14) or u28 > route.get("max_unemployed_28", 28):
        return Message(m.WHY_LONGER_ROUTE, {"found14": u14, "found28": u28})
    return None


def _conditions(route: dict) -> list[str]:
    conditions = []
    if "employer_types" in route:
        conditions.append("not_business_activity")
    if "max_working_time_percent" in route:
        conditions.append(f"working_time_at_most_{route['max_working_time_percent']}_percent")
    if "pay_cost_factor" in route:
        conditions.append(f"pay_costs_times_{route['pay_cost_factor']}")
    if "extendable_to_months" in route:
        conditions.append(f"extendable_to_{route['extendable_to_months']}_months")
    return conditions


def _extra(route: dict) -> Message | str:
    if "pay_cost_factor" in route:
        return Message(
            m.EXTRA_WORKING_TIME_FACTOR,
            {
                "percent": route["max_working_time_percent"],
                "factor": common.decimal(route["pay_cost_factor"]),
            },
        )
    if "max_working_time_percent" in route:
        return Message(m.EXTRA_WORKING_TIME, {"percent": route["max_working_time_percent"]})
    if "extendable_to_months" in route:
        return Message(m.EXTRA_EXTENSION, {"months": route["extendable_to_months"]})
    return ""


def best(options: list[dict]) -> dict | None:
    """The most favourable option: the highest percentage, then the longest period."""
    return max(options, key=lambda o: (o["percent"], o["months"]), default=None)


def _decision(allowed: bool, decided_by: str, options: list[dict], checks: list[Check]) -> Decision:
    top = best(options)
    result = {
        "allowed": allowed,
        "decided_by": decided_by,
        "max_percent": top["percent"] if top else None,
        "max_months": top["months"] if top else None,
        "options": options,
    }
    return Decision(result, None, tuple(checks))
