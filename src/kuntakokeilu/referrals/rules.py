"""The pure rules of a service's life (R-SP-6): which state change each event makes and which dates it
accepts. Services and the API reach them only through `services.py`; each refusal is
`service_process.services.Refused` with the field at fault and a localised message.

refer → start → end | interrupt; refuse (before the start); for labour-market training the selection by
the TE office / ELY centre is recorded before the start (not selected closes the referral).
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.service_process.services import Formatted, Refused
from kuntakokeilu.workitems.transitions import Transitions

from .models import Outcome, ServiceKind, State

TRANSITIONS = Transitions(
    {
        (State.REFERRED, "select"): State.REFERRED,
        (State.REFERRED, "not_select"): State.NOT_SELECTED,
        (State.REFERRED, "start"): State.UNDER_WAY,
        (State.REFERRED, "refuse"): State.REFUSED,
        (State.UNDER_WAY, "end"): State.ENDED,
        (State.UNDER_WAY, "interrupt"): State.INTERRUPTED,
    }
)
EVENT_REFUSALS = {
    "start": _("Only a referred service that has not begun can be started."),
    "end": _("Only a service under way can be ended."),
    "interrupt": _("Only a service under way can be interrupted."),
    "refuse": _("Only a service that has not begun can be refused."),
    "select": _("The selection is recorded for a labour-market training that has not begun."),
    "not_select": _("The selection is recorded for a labour-market training that has not begun."),
}
IN_THE_FUTURE = _("The date cannot be after today (%(today)s).")
BEFORE_REFERRAL = _("The date cannot be before the referral on %(referred)s.")
ENDS_BEFORE_START = _("The service cannot end before it starts (%(start)s).")
INTERRUPTED_OUTSIDE = _("The interruption must fall within the service, from %(start)s to %(end)s.")
NOT_THIS_PERSONS_PLAN = _("The plan is not this job seeker's.")
NOT_TRAINING = _("A selection is recorded only for labour-market training.")
NOT_YET_SELECTED = _(
    "Labour-market training starts only once the TE office or ELY centre has selected the job seeker."
)
NEEDS_PROVIDER = _("Give the provider of the service.")
NEEDS_REASON = _("Choose the reason for the interruption.")
NOT_A_CUSTOMER = _("The job seeker was not a customer of a trial municipality on the referral's date.")
UNKNOWN_CHOICE = _("Choose one of the options.")
END_OUTCOMES = (Outcome.COMPLETED, Outcome.OTHER)


def _date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def after(state: str, event: str) -> str:
    """The state after `event`, or Refused (field None) when the event is not allowed in `state`."""
    if not TRANSITIONS.allows(state, event):
        raise Refused(None, EVENT_REFUSALS[event])
    return TRANSITIONS.after(state, event)


def not_after_today(field: str, on: dt.date, today: dt.date) -> None:
    if on > today:
        raise Refused(field, Formatted(IN_THE_FUTURE, today=_date(today)))


def not_before_referral(field: str, on: dt.date, referred_on: dt.date) -> None:
    if on < referred_on:
        raise Refused(field, Formatted(BEFORE_REFERRAL, referred=_date(referred_on)))


def check_referral(kind: str, provider: str, referred_on: dt.date, today: dt.date) -> None:
    if kind not in ServiceKind.values:
        raise Refused("kind", UNKNOWN_CHOICE)
    if not (provider or "").strip():
        raise Refused("provider", NEEDS_PROVIDER)
    not_after_today("referred_on", referred_on, today)


def check_start(
    kind: str, selection: str, referred_on: dt.date, started_on: dt.date, planned_end: dt.date, today: dt.date
) -> None:
    """A service starts on or after its referral and by today, and is planned to end on or after it starts;
    labour-market training only once selected."""
    not_after_today("started_on", started_on, today)
    not_before_referral("started_on", started_on, referred_on)
    if planned_end < started_on:
        raise Refused("planned_end", Formatted(ENDS_BEFORE_START, start=_date(started_on)))
    if kind == ServiceKind.LABOUR_MARKET_TRAINING and selection != "selected":
        raise Refused(None, NOT_YET_SELECTED)


def check_end(started_on: dt.date, actual_end: dt.date, outcome: str, today: dt.date) -> None:
    if outcome not in END_OUTCOMES:
        raise Refused("outcome", UNKNOWN_CHOICE)
    if actual_end < started_on:
        raise Refused("actual_end", Formatted(ENDS_BEFORE_START, start=_date(started_on)))
    not_after_today("actual_end", actual_end, today)


def check_interruption(
    started_on: dt.date, planned_end: dt.date, interrupted_on: dt.date, reason: str, valid_reasons, today
) -> None:
    """An interruption falls within the service: from its start to its planned end, and not after today."""
    if reason not in valid_reasons:
        raise Refused("reason", NEEDS_REASON)
    if not started_on <= interrupted_on <= planned_end:
        raise Refused(
            "interrupted_on",
            Formatted(INTERRUPTED_OUTSIDE, start=_date(started_on), end=_date(planned_end)),
        )
    not_after_today("interrupted_on", interrupted_on, today)


def check_selection(kind: str, selection: str, referred_on: dt.date, on: dt.date, today: dt.date) -> None:
    if kind != ServiceKind.LABOUR_MARKET_TRAINING:
        raise Refused(None, NOT_TRAINING)
    if selection not in ("selected", "not_selected"):
        raise Refused("selection", UNKNOWN_CHOICE)
    not_after_today("selection_on", on, today)
    not_before_referral("selection_on", on, referred_on)
