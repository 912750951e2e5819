"""The 55+ employment support (55 vuotta täyttäneiden työllistämistuki / sysselsättningsstöd för personer som
fyllt 55 år), from 1.7.2023 (R-BEN-1; law notes §4.1–4.2; JTYPL ch. 7 a as enacted by 371/2023, L1269
s. 10 mom 1 and s. 11 mom 2 as amended by L374/2023).

`decide(facts, on, params)` → result `{allowed, decided_by, max_percent, max_months, max_euros_per_month}`:
70 % of the pay costs for 10 months, at most €1,770 a month, for a person aged 55 or over unemployed at
least 24 of the last 28 months, in work of at least 25 hours a week (or 65 % of the sector's full time).
All figures are the dated parameter `decisions.employment_support_55`; before 1.7.2023 there is none and
the support cannot be granted. Who decides is as for the wage subsidy (`wage_subsidy.decider_check`,
`decisions.te_office_employers`, which from 1.7.2023 covers this support, L374/2023).

Readings: the working-time condition holds when either figure meets its floor (`working_time_percent` is
the share of the sector's full time, null when not known); an employment started before the decision is
treated as for the wage subsidy (law notes §4.2 say so of the wage subsidy; [I] for this support).
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import ParameterStore

from . import common
from . import explanations as m
from .wage_subsidy import TE_OFFICE_EMPLOYERS, decider_check, start_check

TERMS = "decisions.employment_support_55"
PARAMETER_NAMES = ("pilot.start_date", "pilot.end_date", TERMS, TE_OFFICE_EMPLOYERS)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    checks = [decider_check(facts, on, params, None)]
    decided_by = checks[0].found["decided_by"]
    terms = common.value(params, TERMS, on)
    if terms is None:
        checks.append(common.no_law(on, TERMS, params))
        return _decision(False, decided_by, None, checks)
    t, uses = terms.value, (ParameterUse.of(terms),)
    age, u28 = facts["age"], facts["unemployed_months_last_28"]
    hours, share = facts["weekly_hours"], facts.get("working_time_percent")
    age_ok, unemployed_ok = age >= t["min_age"], u28 >= t["min_unemployed_28"]
    time_ok = hours >= t["min_weekly_hours"] or (share is not None and share >= t["min_working_time_percent"])
    checks += [
        Check(
            "age",
            "pass" if age_ok else "fail",
            {"age": age},
            Message(m.SUPPORT_AGE_OK if age_ok else m.SUPPORT_AGE_LOW, {"age": age, "needed": t["min_age"]}),
            uses,
        ),
        Check(
            "unemployment",
            "pass" if unemployed_ok else "fail",
            {"unemployed_months_last_28": u28},
            Message(
                m.SUPPORT_UNEMPLOYED_OK if unemployed_ok else m.SUPPORT_UNEMPLOYED_SHORT,
                {"found": u28, "needed": t["min_unemployed_28"]},
            ),
            uses,
        ),
        Check(
            "working_time",
            "pass" if time_ok else "fail",
            {"weekly_hours": hours, "working_time_percent": share},
            Message(
                m.SUPPORT_TIME_OK if time_ok else m.SUPPORT_TIME_SHORT,
                {
                    "hours": common.decimal(hours),
                    "share": common.decimal(share) if share is not None else "–",
                    "min_hours": t["min_weekly_hours"],
                    "min_share": t["min_working_time_percent"],
                },
            ),
            uses,
        ),
    ]
    start = start_check(facts)
    checks.append(start)
    allowed = age_ok and unemployed_ok and time_ok and start.status != "fail"
    checks.append(
        Check(
            "terms",
            "info" if allowed else "fail",
            {"percent": t["percent"], "months": t["months"]},
            Message(
                m.SUPPORT_TERMS,
                {"percent": t["percent"], "months": t["months"], "euros": t["max_euros_per_month"]},
            ),
            uses,
        )
    )
    return _decision(allowed, decided_by, t if allowed else None, checks)


def _decision(allowed: bool, decided_by: str, terms: dict | None, checks: list[Check]) -> Decision:
    result = {
        "allowed": allowed,
        "decided_by": decided_by,
        "max_percent": terms["percent"] if terms else None,
        "max_months": terms["months"] if terms else None,
        "max_euros_per_month": terms["max_euros_per_month"] if terms else None,
    }
    return Decision(result, None, tuple(checks))
