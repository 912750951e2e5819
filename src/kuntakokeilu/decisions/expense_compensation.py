"""The expense compensation (kulukorvaus / ersättning för resekostnader och uppehälle) for taking part in an
employment-promoting service (R-BEN-1; law notes §3.7, §4.1, §4.5, §7.2; JTYPL 9:1–3, 9:1 §3 in the
temporary version 1270/2020; L1269 s. 10 mom 1, s. 12 and 12 a).

`decide(facts, on, params)` → result `{allowed, decided_by, route, euros_per_day, max_days_per_week}`.
Two routes:
- `statutory`: a person entitled to an unemployment benefit gets €9 a day, €18 when the service is outside
  the commuting area or outside the home municipality with proven accommodation costs, at most 5 days a
  week; Kela or the unemployment fund pays and decides (`decided_by: "kela_or_fund"`), the trial
  municipality applies the rules on the amount and tells Kela or the fund.
- `discretionary` (in force 1.3.2021–30.6.2025, `decisions.discretionary_expense_compensation`): for a
  person with no right to it otherwise, taking part in a service agreed in the plan — not an office visit
  nor supported self-motivated study — with necessary costs and no other right to compensation; the trial
  municipality decides for its customers (outside the pilot period the TE office). From 1.6.2021 a refusal
  on discretion cannot be appealed, other decisions go to the Social Security Appeal Board within 30 days
  (an `appeal` check).

Readings [I]: an office visit is no service on either route; the statutory route does not require the
service to be in the plan (the law notes name that condition only for the discretionary route); the
same daily rates apply on both routes.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import ParameterStore

from . import common
from . import explanations as m

SERVICE_TYPES = ("employment_service", "self_motivated_study", "office_visit")
KELA_OR_FUND = "kela_or_fund"
RATES = "decisions.expense_compensation_rates"
DISCRETIONARY = "decisions.discretionary_expense_compensation"
APPEAL = "decisions.expense_compensation_appeal_rules"
PARAMETER_NAMES = ("pilot.start_date", "pilot.end_date", RATES, DISCRETIONARY, APPEAL)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    rates = common.value(params, RATES, on)
    entitled = facts["entitled_to_unemployment_benefit"]
    if entitled:
        decider = Check("decided_by", "info", {"decided_by": KELA_OR_FUND}, Message(m.EXPENSE_BY_KELA))
    else:
        decider = common.decider(on, params)
    checks = [decider]
    decided_by = decider.found["decided_by"]
    if rates is None:
        checks.append(common.no_law(on, RATES, params))
        return _decision(False, decided_by, None, None, checks)
    service = facts["service_type"]
    service_ok = service != "office_visit"
    if entitled:
        route = "statutory"
        checks.append(Check("route", "info", {"route": route}, Message(m.EXPENSE_STATUTORY)))
        conditions = [("service", service_ok, m.EXPENSE_SERVICE_OK, m.EXPENSE_OFFICE_VISIT, ())]
    else:
        route = "discretionary"
        in_force = common.value(params, DISCRETIONARY, on)
        uses = (ParameterUse.of(in_force),) if in_force else ()
        if in_force is None or not in_force.value:
            checks.append(
                Check(
                    "route",
                    "fail",
                    {"route": None},
                    Message(m.EXPENSE_NO_DISCRETIONARY, {"on": on}),
                    (ParameterUse.of(params.history(DISCRETIONARY)[-1]),),
                )
            )
            return _decision(False, decided_by, None, None, checks)
        checks.append(Check("route", "info", {"route": route}, Message(m.EXPENSE_DISCRETIONARY), uses))
        discretionary_service = service == "employment_service"
        conditions = [
            (
                "service",
                discretionary_service,
                m.EXPENSE_SERVICE_OK,
                m.EXPENSE_OFFICE_VISIT if service == "office_visit" else m.EXPENSE_SELF_STUDY,
                uses,
            ),
            ("plan", facts["service_in_plan"], m.EXPENSE_IN_PLAN, m.EXPENSE_NOT_IN_PLAN, uses),
            ("necessary_costs", facts["necessary_costs"], m.EXPENSE_COSTS, m.EXPENSE_NO_COSTS, uses),
            (
                "other_compensation",
                not facts["other_compensation"],
                m.EXPENSE_NO_OTHER,
                m.EXPENSE_OTHER,
                uses,
            ),
        ]
    for code, ok, yes, no, uses in conditions:
        checks.append(Check(code, "pass" if ok else "fail", {code: ok}, Message(yes if ok else no), uses))
    allowed = all(ok for _c, ok, *_ in conditions)
    raised = facts["outside_commuting_area"] or facts["accommodation_costs_outside_home_municipality"]
    r = rates.value
    per_day = r["raised_euros_per_day"] if raised else r["euros_per_day"]
    checks.append(
        Check(
            "rate",
            "info",
            {"euros_per_day": per_day, "raised": raised},
            Message(
                m.EXPENSE_RAISED if raised else m.EXPENSE_BASIC,
                {"euros": per_day, "days": r["max_days_per_week"]},
            ),
            (ParameterUse.of(rates),),
        )
    )
    if route == "discretionary":
        appeal = common.value(params, APPEAL, on)
        if appeal is not None:
            checks.append(
                Check(
                    "appeal",
                    "info",
                    {"appeal_days": appeal.value["appeal_days"]},
                    Message(m.EXPENSE_APPEAL, {"days": appeal.value["appeal_days"]}),
                    (ParameterUse.of(appeal),),
                )
            )
    if not allowed:
        return _decision(False, decided_by, route, None, checks)
    return _decision(True, decided_by, route, (per_day, r["max_days_per_week"]), checks)


def _decision(
    allowed: bool, decided_by: str, route: str | None, rate: tuple | None, checks: list
) -> Decision:
    result = {
        "allowed": allowed,
        "decided_by": decided_by,
        "route": route,
        "euros_per_day": rate[0] if rate else None,
        "max_days_per_week": rate[1] if rate else None,
    }
    return Decision(result, None, tuple(checks))
