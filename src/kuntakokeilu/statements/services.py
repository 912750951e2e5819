"""Use cases of labour-policy statements that write (R-SP-8), each in one transaction.

`record_event` is the interface other apps call (the service process's no-show; referrals and employers at
the merge): it stores the event with the rules' answers and creates at most one of the written reminder, the
municipality's own statement or the notice to the TE office. `record_by_hand` is the page's and the API's
way in (the catalogue asked again). `create_statement` asks a statement for an event explicitly: refused with
a localised message, nothing changed, where the municipality is not competent on the event's date.
`change_status` moves a statement or a notice along its table (draft → sent → acknowledged).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers.customerships import municipal_customership
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.queries import te_office_of
from kuntakokeilu.rules.messages import Message, format_date
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.workitems.models import due_date
from kuntakokeilu.workitems.transitions import Transitions

from . import explanations as msg
from .models import BenefitEvent, EventKind, Recipient, Reminder, Statement, Status, TeOfficeNotice
from .rules import COMPETENCE_NAME, LADDER_NAME, SUBJECTS, route

UNKNOWN_KIND = _("Unknown event.")
UNKNOWN_SUBJECT = _("Unknown subject of a statement.")
NOT_A_CUSTOMER = _("The job seeker was not a customer of a trial municipality on %(date)s.")
NOT_YOURS = _("This job seeker is not among the persons you serve.")
IN_THE_FUTURE = _("An event cannot be dated after today (%(date)s).")
INFORMATION_BEFORE_EVENT = _("The information cannot be complete before the event (%(date)s).")
FUND_NEEDS_NAME = _("Name the unemployment fund the statement goes to.")
ALREADY_STATEMENT = _("A statement on this event has already been made.")
NOT_COMPETENT = _(
    "On %(date)s the trial municipality does not give a statement on %(subject)s: the statement is the TE "
    "office's. Make a notice to the TE office instead."
)
NOT_COMPETENT_YET = _(
    "On %(date)s the trial municipality does not give a statement on %(subject)s: it gives them only from "
    "%(from)s. Make a notice to the TE office instead."
)
NO_SUBJECT = _("The event is not among the subjects of the municipality's statements.")

TRANSITIONS = Transitions(
    {(Status.DRAFT, "send"): Status.SENT, (Status.SENT, "acknowledge"): Status.ACKNOWLEDGED},
    {
        "send": _("Only a draft can be marked sent."),
        "acknowledge": _("Only what has been sent can be marked acknowledged."),
    },
)
FACT_DATES = ("initial_interview", "information_complete")
DISCUSSION_MEETINGS = (
    "job_search_discussion",
    "initial_interview",
    "periodic_interview",
    "supplementary_discussion",
)


def _plain(facts: dict) -> dict:
    """The facts as JSON (dates as ISO)."""
    return {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in facts.items() if v not in (None, "")
    }


def _date_fact(facts: dict, name: str) -> dt.date | None:
    value = facts.get(name)
    if value is None or value == "":
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def earlier_failures(person: Person, on: dt.date) -> list[dt.date]:
    """The dates of the person's counted failures recorded so far, on or before `on`."""
    rows = BenefitEvent.objects.filter(person=person, counts_as_failure=True, date__lte=on)
    return sorted(rows.values_list("date", flat=True))


def record_event(
    person: Person,
    kind: str,
    on: dt.date,
    *,
    source: str,
    facts: dict,
    by,
    municipality: Municipality | None = None,
    params: ParameterStore | None = None,
) -> BenefitEvent:
    """Store the event, ask the rules on `on` and create the reminder, the statement or the notice; return
    the event (`.reminder`, `.statement` or `.notice`)."""
    if kind not in EventKind.values:
        raise ValidationError(UNKNOWN_KIND)
    subject = facts.get("subject") or None
    if subject is not None and subject not in SUBJECTS:
        raise ValidationError(UNKNOWN_SUBJECT)
    if municipality is None:
        row = municipal_customership(person, on)
        municipality = row.municipality if row is not None else None
    if municipality is None:
        raise ValidationError(NOT_A_CUSTOMER, params={"date": format_date(on, "fi")})
    complete = _date_fact(facts, "information_complete")
    if complete is not None and complete < on:
        raise ValidationError(INFORMATION_BEFORE_EVENT, params={"date": format_date(on, "fi")})
    if facts.get("recipient") == Recipient.FUND and not facts.get("fund_name"):
        raise ValidationError(FUND_NEEDS_NAME)
    params = params or default_store()
    with transaction.atomic():
        competence = get_rule(COMPETENCE_NAME).run({"kind": kind, "subject": subject}, on, params)
        ladder = get_rule(LADDER_NAME).run(
            {
                "kind": kind,
                "initial_interview": _date_fact(facts, "initial_interview"),
                "counts": facts.get("counts"),
                "earlier_failures": earlier_failures(person, on),
                "short_job": facts.get("short_job"),
                "selected": facts.get("selected"),
            },
            on,
            params,
        )
        handling = route(competence.result, ladder.result)
        event = BenefitEvent.objects.create(
            person=person,
            kind=kind,
            date=on,
            municipality=municipality,
            source=source,
            facts=_plain(facts),
            counts_as_failure=bool(ladder.result["counts"]) and ladder.result["ladder"] == "nordic",
            ladder_step=ladder.result["step"],
            consequence=ladder.result["consequence"] or "",
            handling=handling,
            competence=competence.to_record(),
            ladder=ladder.to_record(),
            recorded_by=by if getattr(by, "is_authenticated", False) else None,
        )
        if handling == "reminder":
            language = person.service_language if person.service_language in ("fi", "sv") else "fi"
            Reminder.objects.create(event=event, letter_date=on, language=language)
        elif handling == "statement":
            _statement(event, competence, params)
        else:
            _notice(event, params)
        return event


def _reference(outcome, code: str) -> str:
    for check in outcome.checks:
        if check.code == code and check.parameters:
            return check.parameters[0].reference
    return ""


def _statement(event: BenefitEvent, competence, params: ParameterStore) -> Statement:
    facts = event.facts
    complete = _date_fact(facts, "information_complete") or event.date
    return Statement.objects.create(
        event=event,
        person=event.person,
        recipient=facts.get("recipient") or Recipient.KELA,
        fund_name=facts.get("fund_name", ""),
        subject=competence.result["subject"],
        event_date=complete,
        due_by=due_date(complete, "statements.statement_days", params),
        handler_municipality=event.municipality,
        text=facts.get("description", ""),
        reference=_reference(competence, "competence"),
    )


def _notice(event: BenefitEvent, params: ParameterStore) -> TeOfficeNotice:
    return TeOfficeNotice.objects.create(
        event=event,
        person=event.person,
        event_date=event.date,
        due_by=due_date(event.date, "statements.notice_days", params),
        handler_municipality=event.municipality,
        handler_te_office=te_office_of(event.municipality.code, event.date),
        text=event.facts.get("description", ""),
        reference=params.get("statements.notice_days", event.date).reference,
    )


def record_by_hand(
    user, person: Person, *, kind: str, on: dt.date, facts: dict, today: dt.date
) -> BenefitEvent:
    """The page's and the API's way to record an event (the catalogue asked again for the person)."""
    if not can(user, "statements.record", person, today):
        raise ValidationError(NOT_YOURS)
    if on > today:
        raise ValidationError(IN_THE_FUTURE, params={"date": format_date(today, "fi")})
    return record_event(person, kind, on, source="", facts=facts, by=user)


def create_statement(
    event: BenefitEvent, *, by, today: dt.date, subject: str | None = None, params=None
) -> Statement:
    """A statement asked for explicitly on `event`: refused (ValidationError, nothing changed) where the
    municipality is not competent on the event's date for the subject (the event's own, or `subject`)."""
    if not can(by, "statements.record", event, today):
        raise ValidationError(NOT_YOURS)
    if hasattr(event, "statement"):
        raise ValidationError(ALREADY_STATEMENT)
    if subject is not None and subject not in SUBJECTS:
        raise ValidationError(UNKNOWN_SUBJECT)
    params = params or default_store()
    competence = get_rule(COMPETENCE_NAME).run(
        {"kind": event.kind, "subject": subject or event.facts.get("subject")}, event.date, params
    )
    result = competence.result
    if result["subject"] is None:
        raise ValidationError(NO_SUBJECT)
    if result["action"] != "statement":
        label = _SubjectLabel(result["subject"])
        args: dict[str, Any] = {"date": format_date(event.date, "fi"), "subject": label}
        if result["competent_from"]:
            args["from"] = format_date(dt.date.fromisoformat(str(result["competent_from"])), "fi")
            raise ValidationError(NOT_COMPETENT_YET, params=args)
        raise ValidationError(NOT_COMPETENT, params=args)
    with transaction.atomic():
        return _statement(event, competence, params)


class _SubjectLabel:
    """A subject's label rendered in the language active when the message is shown."""

    def __init__(self, subject: str):
        self.subject = subject

    def __str__(self) -> str:
        from django.utils import translation

        return Message(msg.SUBJECTS[self.subject]).render(translation.get_language() or "fi")


def change_status(item: Statement | TeOfficeNotice, step: str, *, by, on: dt.date):
    """Move a statement or a notice by `step` (send | acknowledge) on `on`: the municipality's staff send
    and record the acknowledgement; the TE office acknowledges a notice addressed to it."""
    allowed = can(by, "statements.record", item, on)
    if isinstance(item, TeOfficeNotice) and step == "acknowledge":
        allowed = allowed or can(by, "statements.view_notices", item, on)
    if not allowed:
        raise ValidationError(NOT_YOURS)
    try:
        status = TRANSITIONS.after(item.status, step)
    except ValidationError as exc:  # a step the item's state does not allow: the request's `step` is refused
        raise ValidationError({"step": exc.messages}) from None
    with transaction.atomic():
        item.status = status
        if step == "send":
            item.sent_on = on
            item.done_on = on
        else:
            item.acknowledged_on = on
        item.save(update_fields=["status", "sent_on", "done_on", "acknowledged_on"])
    return item
