"""The start-up grant (starttiraha / startpeng) a trial municipality grants on behalf of the state (R-BEN-1;
law notes §4.1, §4.3; L1269 s. 10 mom 1; JTYPL 8:1).

`decide(facts, on, params)` → result `{allowed, decided_by, max_months, max_days_per_week, amount}`:
max_months is what is left of the longest period (12 months, `decisions.start_up_grant_limits`; 18 for a
business started with the grant by 31.12.2020, `decisions.start_up_grant_temporary_extension`) after the
months already granted for the same business; the amount is the basic unemployment allowance without
increases (`amount: "basic_allowance_without_increases"`) for at most 5 days a week, as de minimis aid.

Readings: the law notes give the temporary Acts (295/2020, 495/2020, 1143/2020) but not their periods of
validity; the extension is dated from the pilot's start, open-ended, because it turns on the business's
start date, not the decision's [I]. Outside the pilot period the TE office decides. The other conditions
of the grant (full-time business, prerequisites for profitable business, the de minimis ceiling) are for
the case worker and not judged here.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import ParameterStore

from . import common
from . import explanations as m

LIMITS = "decisions.start_up_grant_limits"
EXTENSION = "decisions.start_up_grant_temporary_extension"
PARAMETER_NAMES = ("pilot.start_date", "pilot.end_date", LIMITS, EXTENSION)
AMOUNT = "basic_allowance_without_increases"


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    checks = [common.decider(on, params)]
    decided_by = checks[0].found["decided_by"]
    limits = common.value(params, LIMITS, on)
    if limits is None:
        checks.append(common.no_law(on, LIMITS, params))
        return _decision(False, decided_by, None, None, checks)
    most, uses = limits.value["max_months"], [ParameterUse.of(limits)]
    extension = common.value(params, EXTENSION, on)
    started = facts["business_started_on"]
    if extension is not None and started <= extension.value["business_started_by"]:
        most = extension.value["max_months"]
        uses.append(ParameterUse.of(extension))
        text = Message(
            m.GRANT_EXTENDED,
            {"started": started, "by": extension.value["business_started_by"], "months": most},
        )
    else:
        text = Message(m.GRANT_LIMIT, {"months": most})
    checks.append(
        Check(
            "longest_period", "info", {"max_months": most, "business_started_on": started}, text, tuple(uses)
        )
    )
    before = facts["months_granted_before"]
    left = max(most - before, 0)
    checks.append(
        Check(
            "months_left",
            "pass" if left else "fail",
            {"months_granted_before": before, "months_left": left},
            Message(m.GRANT_LEFT if left else m.GRANT_USED, {"before": before, "left": left}),
            tuple(uses),
        )
    )
    days = limits.value["max_days_per_week"]
    checks.append(
        Check(
            "amount",
            "info",
            {"amount": AMOUNT, "max_days_per_week": days},
            Message(m.GRANT_AMOUNT, {"days": days}),
            (ParameterUse.of(limits),),
        )
    )
    return _decision(bool(left), decided_by, left if left else None, days, checks)


def _decision(allowed: bool, decided_by: str, months: int | None, days: int | None, checks: list) -> Decision:
    result = {
        "allowed": allowed,
        "decided_by": decided_by,
        "max_months": months,
        "max_days_per_week": days if allowed else None,
        "amount": AMOUNT if allowed else None,
    }
    return Decision(result, None, tuple(checks))
