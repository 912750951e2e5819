"""Recording services (R-SP-6): each function one transaction that checks the catalogue again for the
object it changes, checks the input with `rules.py` and returns the referral. Bad input is
`service_process.services.Refused` (the field and a localised message) and nothing is written.

These are the points where benefit events arise (a service refused or interrupted; a service's start and
end): each function is kept small so that one call can be added after its write.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Person
from kuntakokeilu.plans.models import PlanVersion
from kuntakokeilu.service_process.services import NOT_YOURS, Refused
from kuntakokeilu.statements.services import record_event

from . import rules
from .models import InterruptionReason, Outcome, Referral, Selection

ACTION = "referrals.record"


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _benefit_event(user, row: Referral, kind: str, on: dt.date, text: str = "") -> None:
    """The event reaches whoever decides the benefit (R-SP-8): the statements app records it and creates the
    statement, notice or reminder the law calls for on `on`; a refusal there undoes the change."""
    # the statement and its letter are in the person's service language, whoever records the event
    lang = row.person.service_language if row.person.service_language in ("fi", "sv") else "fi"
    with translation.override(lang):
        service = f"{row.get_kind_display()}, {row.provider}" if row.provider else str(row.get_kind_display())
    facts = {"service": service, "description": text}
    if row.plan_version_id is not None:  # s. 12: participation in a service and its inclusion in the plan
        facts["plan_agreed_on"] = row.plan_version.agreed_on.isoformat()
        facts["plan_version"] = row.plan_version.number
    try:
        record_event(row.person, kind, on, source=f"referral:{row.pk}", facts=facts, by=user)
    except ValidationError as error:
        raise Refused(None, error.messages[0]) from error


def _locked(user, referral: Referral, today: dt.date) -> Referral:
    """The referral locked for the change, after the catalogue's answer for it."""
    row = Referral.objects.select_for_update().select_related("person").get(pk=referral.pk)
    if not can(user, ACTION, row, today):
        raise Refused(None, NOT_YOURS)
    return row


@transaction.atomic
def refer(
    user,
    person: Person,
    *,
    kind: str,
    provider: str,
    referred_on: dt.date,
    today: dt.date,
    plan_version: PlanVersion | None = None,
) -> Referral:
    """Refer the person to a service on `referred_on` (by today, while a trial municipality's customer),
    agreed in the person's own plan version `plan_version` where one is given (R-SP-5, R-SP-6)."""
    if not can(user, ACTION, person, today):
        raise Refused(None, NOT_YOURS)
    if plan_version is not None and plan_version.plan.person_id != person.pk:
        raise Refused("plan_version", rules.NOT_THIS_PERSONS_PLAN)
    rules.check_referral(kind, provider, referred_on, today)
    row = customerships.municipal_customership(person, referred_on)
    if row is None or row.municipality is None:
        raise Refused("referred_on", rules.NOT_A_CUSTOMER)
    return Referral.objects.create(
        person=person,
        kind=kind,
        provider=provider.strip(),
        referred_on=referred_on,
        municipality=row.municipality,
        plan_version=plan_version,
        recorded_by=_user(user),
    )


@transaction.atomic
def start(user, referral: Referral, *, started_on: dt.date, planned_end: dt.date, today: dt.date) -> Referral:
    """The service begins on `started_on` and is planned to end on `planned_end`."""
    row = _locked(user, referral, today)
    state = rules.after(row.state, "start")
    rules.check_start(row.kind, row.selection, row.referred_on, started_on, planned_end, today)
    row.state, row.started_on, row.planned_end = state, started_on, planned_end
    row.save()
    _benefit_event(user, row, "service_started", started_on)
    return row


@transaction.atomic
def end(user, referral: Referral, *, actual_end: dt.date, outcome: str, today: dt.date) -> Referral:
    """The service ended on `actual_end` with `outcome` (completed or other)."""
    row = _locked(user, referral, today)
    state = rules.after(row.state, "end")
    rules.check_end(row.started_on, actual_end, outcome, today)
    row.state, row.actual_end, row.outcome = state, actual_end, outcome
    row.save()
    _benefit_event(user, row, "service_ended", actual_end)
    return row


@transaction.atomic
def interrupt(
    user, referral: Referral, *, interrupted_on: dt.date, reason: str, text: str = "", today: dt.date
) -> Referral:
    """The service was interrupted on `interrupted_on` (within the service) for `reason`."""
    row = _locked(user, referral, today)
    state = rules.after(row.state, "interrupt")
    rules.check_interruption(
        row.started_on, row.planned_end, interrupted_on, reason, InterruptionReason.values, today
    )
    row.state, row.actual_end, row.outcome = state, interrupted_on, Outcome.INTERRUPTED
    row.interruption_reason, row.interruption_text = reason, (text or "").strip()
    row.save()
    _benefit_event(user, row, "service_interrupted", interrupted_on, row.get_interruption_reason_display())
    return row


@transaction.atomic
def refuse(user, referral: Referral, *, refused_on: dt.date, today: dt.date) -> Referral:
    """The job seeker refused the service before it began."""
    row = _locked(user, referral, today)
    state = rules.after(row.state, "refuse")
    rules.not_after_today("refused_on", refused_on, today)
    rules.not_before_referral("refused_on", refused_on, row.referred_on)
    row.state, row.refused_on, row.outcome = state, refused_on, Outcome.REFUSED
    row.save()
    _benefit_event(user, row, "service_refused", refused_on)
    return row


@transaction.atomic
def record_selection(
    user, referral: Referral, *, selection: str, selection_on: dt.date, today: dt.date
) -> Referral:
    """The TE office's or ELY centre's selection for a labour-market training, as received on
    `selection_on`; not selected closes the referral with that outcome."""
    row = _locked(user, referral, today)
    rules.check_selection(row.kind, selection, row.referred_on, selection_on, today)
    selected = selection == Selection.SELECTED
    row.state = rules.after(row.state, "select" if selected else "not_select")
    row.selection, row.selection_on = selection, selection_on
    if not selected:
        row.outcome = Outcome.NOT_SELECTED
    row.save()
    return row
