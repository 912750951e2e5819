"""The work trial (työkokeilu / arbetsprövning) a trial municipality refers a customer to (R-BEN-1; law notes
§4.1, §4.4; L1269 s. 10 mom 1 and s. 11 mom 1; JTYPL 4:6).

`decide(facts, on, params)` → result `{allowed, decided_by, max_months, agreement}`: the months left of the
work trial, at most 12 in all and 6 with the same organiser (when the organiser is a municipality, 6 in the
same tasks) — `decisions.work_trial_limits`; the maximum starts over after 12 months of continuous
unemployment (3 months under the age of 25). `agreement` is `"with_customer"` when the trial
municipality itself organises the trial (the agreement is made directly between the municipality and
the customer, L1269 s. 11 mom 1), else `"with_organiser"`.

Readings: `months_with_organiser` counts, for a municipal organiser, the months in the same tasks [I: the
law notes' "if the organiser is a municipality, max 6 months in the same tasks"]; the counts are of the
period since the maximum last started over (`continuous_unemployment_months` since the last trial, null
when there was none, restarts them); "under 25" is judged on the decision date. Outside the pilot
period the TE office decides.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import ParameterStore

from . import common
from . import explanations as m

ORGANISER_TYPES = ("this_pilot_municipality", "other_municipality", "other")
LIMITS = "decisions.work_trial_limits"
PARAMETER_NAMES = ("pilot.start_date", "pilot.end_date", LIMITS)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    checks = [common.decider(on, params)]
    decided_by = checks[0].found["decided_by"]
    limits = common.value(params, LIMITS, on)
    if limits is None:
        checks.append(common.no_law(on, LIMITS, params))
        return _decision(False, decided_by, None, None, checks)
    t, uses = limits.value, (ParameterUse.of(limits),)
    total, with_organiser = facts["months_in_trials"], facts["months_with_organiser"]
    gap = facts.get("continuous_unemployment_months")
    young = facts["age"] < t["young_below_age"]
    restart_after = t["restart_after_months_young"] if young else t["restart_after_months"]
    if gap is not None and gap >= restart_after:
        checks.append(
            Check(
                "restart",
                "info",
                {"continuous_unemployment_months": gap, "restart_after": restart_after},
                Message(m.TRIAL_RESTART, {"gap": gap, "needed": restart_after}),
                uses,
            )
        )
        total, with_organiser = 0, 0
    left_total = max(t["max_months"] - total, 0)
    left_organiser = max(t["max_months_per_organiser"] - with_organiser, 0)
    checks.append(
        Check(
            "months_in_trials",
            "pass" if left_total else "fail",
            {"months_in_trials": total, "left": left_total},
            Message(m.TRIAL_TOTAL, {"used": total, "most": t["max_months"], "left": left_total}),
            uses,
        )
    )
    label = m.TRIAL_ORGANISER_TASKS if facts["organiser_type"] != "other" else m.TRIAL_ORGANISER
    checks.append(
        Check(
            "months_with_organiser",
            "pass" if left_organiser else "fail",
            {"months_with_organiser": with_organiser, "left": left_organiser},
            Message(
                label, {"used": with_organiser, "most": t["max_months_per_organiser"], "left": left_organiser}
            ),
            uses,
        )
    )
    own = facts["organiser_type"] == "this_pilot_municipality"
    agreement = "with_customer" if own else "with_organiser"
    checks.append(
        Check(
            "agreement",
            "info",
            {"agreement": agreement},
            Message(m.TRIAL_AGREEMENT_OWN if own else m.TRIAL_AGREEMENT_ORGANISER),
        )
    )
    left = min(left_total, left_organiser)
    return _decision(bool(left), decided_by, left or None, agreement, checks)


def _decision(
    allowed: bool, decided_by: str, months: int | None, agreement: str | None, checks: list
) -> Decision:
    result = {"allowed": allowed, "decided_by": decided_by, "max_months": months, "agreement": agreement}
    return Decision(result, None, tuple(checks))
