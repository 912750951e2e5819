"""Rule `municipality-on-date`: where a municipality belongs on a date (R-REF-1, R-REF-2).

Answers the municipality's ELY centre, TE office, maakunta and trial area as on the date, from the
effective-dated reference data and the dated pilot period (parameters/pilot.yaml). Dates before the
first shipped division (1.1.2020) use it as an approximation and say so (`warn`). A municipality that
no longer exists on the date (Honkajoki after 2020) is a `fail` check, not an input error.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from django.utils.translation import gettext_noop as _

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse, worst_status
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field, FieldType, register_field_type

from .models import Round
from .queries import MembershipPeriod, MunicipalityHistory, known_municipality_codes, municipality_history

NAME = "municipality-on-date"

MSG_EXISTS = _("%(name)s (%(code)s) is a municipality on %(on)s.")
MSG_MERGED = _(
    "%(name)s (%(code)s) merged into %(successor)s (%(successor_code)s) on %(merged_on)s; "
    "on %(on)s it is no longer a municipality."
)
MSG_NOT_VALID = _(
    "%(name)s (%(code)s) is not a municipality on %(on)s (it exists %(valid_from)s–%(valid_to)s)."
)
MSG_REGIONS = _(
    "On %(on)s %(name)s belongs to the region (maakunta) %(maakunta)s (%(maakunta_code)s), "
    "the area of %(ely)s (%(ely_code)s) and of %(te_office)s (%(te_office_code)s)."
)
MSG_REGIONS_ALAND = _(
    "On %(on)s %(name)s belongs to Åland (%(ely_code)s), which has no TE office: employment services on "
    "Åland belong to Åland's own employment and study services authority (AMS)."
)
MSG_APPROXIMATION = _(
    "No regional division before %(first_division)s is held; the division of %(first_division)s is used "
    "for %(on)s as an approximation."
)
MSG_DIVISION_CHANGE = _(
    "On %(changed_on)s %(name)s moved from %(ely_before)s to %(ely_after)s "
    "(maakunta %(maakunta_before)s → %(maakunta_after)s)."
)
MSG_PILOT_NOT_IN_FORCE = _(
    "On %(on)s the Act on municipal employment pilots (1269/2020) is not in force; "
    "%(name)s is in no trial area."
)
MSG_PILOT_OVER = _("The pilot ended on %(end)s; on %(on)s %(name)s is in no trial area.")
MSG_TRIAL_MEMBER = _(
    "On %(on)s %(name)s is a trial municipality of trial area %(area_no)s %(area)s "
    "(joined in the %(round)s); the pilot runs %(start)s–%(end)s."
)
MSG_NOT_MEMBER = _("On %(on)s %(name)s is in no trial area (the pilot runs %(start)s–%(end)s).")
ROUND_LABELS = {Round.MAIN: _("main round 2019"), Round.SUPPLEMENTARY: _("supplementary round 2020")}


def decide(history: MunicipalityHistory, on: dt.date, params: ParameterStore) -> Decision:
    """The pure rule: a municipality's history, a date and the parameters → result and checks."""
    base = {"name": history.names(), "code": history.code, "on": on}
    if not history.exists_on(on):
        return Decision(None, "fail", (_existence_failure(history, on, base), *_division_changes(history)))

    checks = [Check("municipality_exists", "pass", {"kunta_code": history.code}, Message(MSG_EXISTS, base))]
    period = _period_on(history, on)
    if on < period.valid_from:
        checks.append(
            Check(
                "division_approximation",
                "warn",
                {"first_division_from": period.valid_from},
                Message(MSG_APPROXIMATION, {**base, "first_division": period.valid_from}),
            )
        )
    checks.append(_regions_check(period, base))
    checks.extend(_division_changes(history))
    trial_check, trial_area_no = _trial_check(history, on, params, base)
    checks.append(trial_check)
    result = {
        "kunta_code": history.code,
        "name_fi": history.name_fi,
        "name_sv": history.name_sv,
        "ely_code": period.ely.code,
        "te_office_code": period.te_office.code if period.te_office else None,
        "maakunta_code": period.maakunta.code,
        "trial_area_no": trial_area_no,
    }
    return Decision(result, worst_status(checks), tuple(checks))


def _existence_failure(history: MunicipalityHistory, on: dt.date, base: dict) -> Check:
    found = {"kunta_code": history.code, "valid_from": history.valid_from, "valid_to": history.valid_to}
    if history.merged_into and history.valid_to and on > history.valid_to:
        merged_on = history.valid_to + dt.timedelta(days=1)
        found |= {"merged_into": history.merged_into.code, "merged_on": merged_on}
        args = {**base, "successor": history.merged_into.names(), "successor_code": history.merged_into.code}
        return Check(
            "municipality_exists", "fail", found, Message(MSG_MERGED, {**args, "merged_on": merged_on})
        )
    period_args = {"valid_from": history.valid_from or "…", "valid_to": history.valid_to or "…"}
    return Check("municipality_exists", "fail", found, Message(MSG_NOT_VALID, {**base, **period_args}))


def _period_on(history: MunicipalityHistory, on: dt.date) -> MembershipPeriod:
    for period in history.periods:
        if period.holds_on(on):
            return period
    return history.periods[0]  # before the first shipped division: its approximation


def _regions_check(period: MembershipPeriod, base: dict) -> Check:
    found = {
        "maakunta_code": period.maakunta.code,
        "ely_code": period.ely.code,
        "te_office_code": period.te_office.code if period.te_office else None,
        "valid_from": period.valid_from,
        "valid_to": period.valid_to,
    }
    args = {**base, "ely": period.ely.names(), "ely_code": period.ely.code}
    if period.te_office is None:
        return Check("regions_on_date", "info", found, Message(MSG_REGIONS_ALAND, args))
    args |= {
        "maakunta": period.maakunta.names(),
        "maakunta_code": period.maakunta.code,
        "te_office": period.te_office.names(),
        "te_office_code": period.te_office.code,
    }
    return Check("regions_on_date", "info", found, Message(MSG_REGIONS, args))


def _division_changes(history: MunicipalityHistory) -> list[Check]:
    checks = []
    for before, after in pairwise(history.periods):
        if (before.ely, before.maakunta) == (after.ely, after.maakunta):
            continue
        found = {
            "changed_on": after.valid_from,
            "ely_before": before.ely.code,
            "ely_after": after.ely.code,
            "maakunta_before": before.maakunta.code,
            "maakunta_after": after.maakunta.code,
        }
        args = {
            "name": history.names(),
            "changed_on": after.valid_from,
            "ely_before": before.ely.names(),
            "ely_after": after.ely.names(),
            "maakunta_before": before.maakunta.names(),
            "maakunta_after": after.maakunta.names(),
        }
        checks.append(Check("division_change", "info", found, Message(MSG_DIVISION_CHANGE, args)))
    return checks


def pilot_period(params: ParameterStore, on: dt.date) -> tuple[ParameterValue, ParameterValue] | None:
    """The pilot's first and last day as the law in force on `on` gives them; None before the Act."""
    try:
        return params.get("pilot.start_date", on), params.get("pilot.end_date", on)
    except NoParameterValue:
        return None


def _trial_check(history, on, params, base) -> tuple[Check, int | None]:
    period_values = pilot_period(params, on)
    if period_values is None:
        found = {"pilot_in_force": False, "trial_area_no": None}
        return Check("trial_area", "info", found, Message(MSG_PILOT_NOT_IN_FORCE, base)), None
    start, end = period_values
    used = (ParameterUse.of(start), ParameterUse.of(end))
    period = {"start": start.value, "end": end.value}
    found = {"pilot_in_force": True, **period, "trial_area_no": None}
    if on > end.value:
        return Check("trial_area", "info", found, Message(MSG_PILOT_OVER, {**base, **period}), used), None
    trial = history.trial
    if trial is None:
        return Check("trial_area", "info", found, Message(MSG_NOT_MEMBER, {**base, **period}), used), None
    found |= {"trial_area_no": trial.area_no, "joined_in_round": trial.joined_in_round}
    args = {
        **base,
        **period,
        "area_no": trial.area_no,
        "area": trial.area_names,
        "round": Message(ROUND_LABELS[trial.joined_in_round]),
    }
    return Check("trial_area", "info", found, Message(MSG_TRIAL_MEMBER, args), used), trial.area_no


def _parse_kunta_code(value, ctx) -> str:
    if not isinstance(value, str) or len(value) != 3 or not value.isdigit():
        raise ValueError('must be a 3-digit municipality code, e.g. "091"')
    if value not in ctx.cached("kunta_codes", known_municipality_codes):
        raise ValueError(f"unknown municipality code {value!r}")
    return value


register_field_type(FieldType("kunta_code", _parse_kunta_code))


def _evaluate(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    history = municipality_history(facts["kunta_code"])
    if history is None:  # validated before; a code removed in between is still an input error
        raise LookupError(f"unknown municipality code {facts['kunta_code']!r}")
    return decide(history, on, params)


RULE = register(
    Rule(
        name=NAME,
        version="1",
        summary="A municipality's ELY centre, TE office, maakunta and trial area on a date.",
        fields=(Field("kunta_code", "kunta_code"),),
        parameters=("pilot.start_date", "pilot.end_date"),
        evaluate=_evaluate,
        modules=("kuntakokeilu.regions.models", "kuntakokeilu.regions.queries"),
    )
)
