"""The discretionary travel and accommodation costs (matka- ja yöpymiskustannukset / rese- och
logikostnader) a trial municipality may compensate on behalf of the state (R-BEN-1; law notes §4.1, §4.5;
JTYPL 10:1; VNA 1073/2012 s. 26; L1269 s. 10 mom 1).

`decide(facts, on, params)` → result `{allowed, decided_by, travel_euros, accommodation_euros, moving_euros,
total_euros}`: travel €0.21 a kilometre less a €9 deductible per journey, accommodation at most €80 a night
(never more than the costs shown), moving at most €700 — the dated terms
`decisions.travel_accommodation_rates`. Sums are rounded to the cent.

Readings [I]: the law notes give the Decree's original 2012 text and say later changes were not checked,
so the figures hold from 2013 without an end, to be re-dated when they are; the deductible is taken per
journey as entered (`journeys` of `kilometres` each); the benefit being discretionary, `allowed` says only
that something is compensable (a sum above zero); whether to grant it is the case worker's discretion.
Outside the pilot period the TE office decides.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import ParameterStore

from . import common
from . import explanations as m

RATES = "decisions.travel_accommodation_rates"
PARAMETER_NAMES = ("pilot.start_date", "pilot.end_date", RATES)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    checks = [common.decider(on, params)]
    decided_by = checks[0].found["decided_by"]
    rates = common.value(params, RATES, on)
    if rates is None:
        checks.append(common.no_law(on, RATES, params))
        return _decision(False, decided_by, None, checks)
    r, uses = rates.value, (ParameterUse.of(rates),)
    km, journeys = facts["kilometres"], facts["journeys"]
    per_journey = max(km * r["euros_per_km"] - r["deductible_euros"], 0)
    travel = round(journeys * per_journey, 2)
    checks.append(
        Check(
            "travel",
            "pass" if travel else "info",
            {"kilometres": km, "journeys": journeys, "euros": travel},
            Message(
                m.TRAVEL,
                {
                    "journeys": journeys,
                    "km": common.decimal(km),
                    "rate": common.euros(r["euros_per_km"]),
                    "deductible": common.euros(r["deductible_euros"]),
                    "euros": common.euros(travel),
                },
            ),
            uses,
        )
    )
    nights, costs = facts["accommodation_nights"], facts["accommodation_costs"]
    accommodation = round(min(costs, nights * r["accommodation_euros_per_night"]), 2)
    checks.append(
        Check(
            "accommodation",
            "pass" if accommodation else "info",
            {"nights": nights, "costs": costs, "euros": accommodation},
            Message(
                m.ACCOMMODATION,
                {
                    "nights": nights,
                    "costs": common.euros(costs),
                    "most": common.euros(r["accommodation_euros_per_night"]),
                    "euros": common.euros(accommodation),
                },
            ),
            uses,
        )
    )
    moving_costs = facts["moving_costs"]
    moving = round(min(moving_costs, r["moving_euros"]), 2)
    checks.append(
        Check(
            "moving",
            "pass" if moving else "info",
            {"costs": moving_costs, "euros": moving},
            Message(
                m.MOVING,
                {
                    "costs": common.euros(moving_costs),
                    "most": common.euros(r["moving_euros"]),
                    "euros": common.euros(moving),
                },
            ),
            uses,
        )
    )
    return _decision(True, decided_by, (travel, accommodation, moving), checks)


def _decision(allowed: bool, decided_by: str, sums: tuple | None, checks: list) -> Decision:
    total = round(sum(sums), 2) if sums else 0
    result = {
        "allowed": allowed and total > 0,
        "decided_by": decided_by,
        "travel_euros": sums[0] if sums else None,
        "accommodation_euros": sums[1] if sums else None,
        "moving_euros": sums[2] if sums else None,
        "total_euros": total if sums else None,
    }
    return Decision(result, None, tuple(checks))
