"""What the benefit decision rules share: who decides on a date (the pilot period, L1269 s. 10–11) and the
results in words. Pure: parameters come from the store handed in."""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, ParameterUse
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue

from . import explanations as m

MUNICIPALITY = "municipality"
TE_OFFICE = "te_office"


def value(params: ParameterStore, name: str, on: dt.date) -> ParameterValue | None:
    """The parameter's value in force on `on`, or None where the store holds none for that date."""
    try:
        return params.get(name, on)
    except NoParameterValue:
        return None


def outside_pilot(on: dt.date, params: ParameterStore) -> Check | None:
    """A check saying the TE office decides when `on` is outside the pilot period, else None."""
    start = value(params, "pilot.start_date", on)
    end = value(params, "pilot.end_date", on)
    if start is not None and end is not None and start.value <= on <= end.value:
        return None
    first = params.history("pilot.start_date")[0]
    last = params.history("pilot.end_date")[-1]
    uses = tuple(ParameterUse.of(v) for v in (start or first, end or last))
    return Check(
        "decided_by",
        "info",
        {"decided_by": TE_OFFICE, "on": on},
        Message(m.DECIDER_OUTSIDE_PILOT, {"on": on, "start": first.value, "end": last.value}),
        uses,
    )


def decider(on: dt.date, params: ParameterStore) -> Check:
    """Who decides a benefit without employer exclusions: the TE office outside the pilot period, else the
    trial municipality on behalf of the state (L1269 s. 10 mom 1)."""
    outside = outside_pilot(on, params)
    if outside is not None:
        return outside
    uses = tuple(ParameterUse.of(params.get(name, on)) for name in ("pilot.start_date", "pilot.end_date"))
    return Check(
        "decided_by",
        "info",
        {"decided_by": MUNICIPALITY, "on": on},
        Message(m.DECIDER_PILOT, {"on": on}),
        uses,
    )


def no_law(on: dt.date, name: str, params: ParameterStore) -> Check:
    history = params.history(name)
    return Check(
        "law_version", "fail", {"on": on}, Message(m.NO_LAW, {"on": on}), (ParameterUse.of(history[0]),)
    )


def describe_result(result: dict) -> Message:
    """A decision's result in words (the console's text): may or may not be granted, and who decides."""
    by = result.get("decided_by")
    if result.get("allowed"):
        return Message(m.RESULTS_GRANTABLE.get(by, m.RESULT_GRANTABLE_MUNICIPALITY))
    return Message(m.RESULTS_REFUSED.get(by, m.RESULT_REFUSED_MUNICIPALITY))


def decimal(number: float | int) -> dict:
    """A number as the languages write it: 1,23 in fi/sv, 1.23 in en (whole numbers without decimals)."""
    text = str(int(number)) if float(number).is_integer() else f"{number:.2f}".rstrip("0")
    return {"fi": text.replace(".", ","), "sv": text.replace(".", ","), "en": text}


def euros(amount: float) -> dict:
    """A sum of euros as the languages write it: 12,60 in fi/sv, 12.60 in en."""
    text = f"{amount:.2f}"
    return {"fi": text.replace(".", ","), "sv": text.replace(".", ","), "en": text}
