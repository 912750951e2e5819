"""Transfers due after the pilot's start (R-TG-4, R-TG-5, R-TG-6; L1269 s. 5–6, law notes §2.3–2.4).

Each registration and each reported change is evaluated on its date (`evaluate_change`): the target-group
rule runs with the current customership as input (as `queries.facts_on` gives it), and when the
organisation it names differs from the one responsible, a `DueTransfer` waits on the worklist of the
organisation that must make it — the TE office of the person's place, or for a kotikunta change of a
trial municipality's customer that municipality (s. 5 mom 1) — until `complete` makes the customership
(its notices come with `customerships.start`) or a later evaluation finds it no longer due. The deadline
is the event date + `transfers.transfer_window_days` (7 days, s. 5 mom 2).

Two changes take effect at once, with no worklist: the end of a job search ends the customership
(ground `job_search_ended`, no one responsible), and a job search restarted during the pilot by a former
customer of a trial municipality continues with the municipality of the same trial area (s. 6 mom 2).
A change dated before a customership that already began later does not rewrite history: it is skipped.
The pure parts (`organisation_key`, `is_due`, `ground_of`) take plain values and dates. A due transfer is a
work item (`workitems`): its open rows, deadline (`workitems.due_date` by the parameter) and handlers are
declared there; who sees the person while it is open is `visibility.py`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.regions.models import Municipality, TeOffice
from kuntakokeilu.regions.queries import te_office_of
from kuntakokeilu.regions.rules import pilot_period
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.storage import save_records
from kuntakokeilu.workitems.models import due_date

from . import customerships
from .customerships import ONE_DAY
from .models import (
    Customership,
    DueTransfer,
    Fact,
    FactKind,
    Ground,
    KeepReason,
    Person,
    RequestStatus,
    Responsible,
    TransferRequest,
)
from .queries import current_facts, facts_on

WINDOW = "transfers.transfer_window_days"
DONE_LISTED_DAYS = 30


# --- pure parts ----------------------------------------------------------------------------------


def organisation_key(responsible: dict | None) -> tuple[str, str | None] | None:
    """The rule's `responsible` answer as a comparable key; None when the rule names no one."""
    if not responsible:
        return None
    kind = responsible["type"]
    code = responsible.get("kunta_code") if kind == "municipality" else responsible.get("te_office_code")
    return (kind, code)


def customership_key(customership: Customership | None) -> tuple[str, str | None] | None:
    """The organisation responsible under a stored customership; None when no one is."""
    if customership is None or customership.responsible == Responsible.NONE:
        return None
    if customership.responsible == Responsible.MUNICIPALITY:
        return ("municipality", customership.municipality.code)
    if customership.responsible == Responsible.TE_OFFICE:
        return ("te_office", customership.te_office.code)
    return (customership.responsible, None)


def is_due(current: tuple | None, target: tuple | None) -> bool:
    """A pilot transfer is due when the rule sends the person to a trial municipality that is not
    responsible now, or away from the trial municipality that is. A move between TE offices (or to
    Åland) of a person who is no trial municipality's customer is not a pilot transfer."""
    if target is None or target == current:
        return False
    return target[0] == "municipality" or (current is not None and current[0] == "municipality")


def ground_of(
    *,
    current: tuple | None,
    search_starts: bool,
    place_changed: bool,
    change_security_excluded: bool,
) -> str:
    """The ground of a due transfer (law notes §2.3)."""
    customer = current is not None and current[0] == "municipality"
    if customer and place_changed:
        return Ground.CHANGE_OF_KOTIKUNTA
    if customer and change_security_excluded:
        return Ground.CHANGE_SECURITY_RETURN
    if current is None and search_starts:
        return Ground.NEW_REGISTRATION
    if place_changed:
        return Ground.CHANGE_OF_KOTIKUNTA
    return Ground.CHANGE_OF_FACTS


def in_pilot(day: dt.date, params: ParameterStore) -> bool:
    """Whether `day` falls within the pilot period as the law in force on that day gives it."""
    period = pilot_period(params, day)
    return period is not None and period[0].value <= day <= period[1].value


# --- evaluation ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    """What the rule says on a date, against the customership then. `immediate` holds a ground when the
    change takes effect at once (end of the job search, a restart that continues a customership)."""

    outcome: Outcome | None
    current: Customership | None
    target: tuple | None
    due: bool
    ground: str = ""
    handler_te_office: TeOffice | None = None
    handler_municipality: Municipality | None = None
    immediate: str = ""


def _place(given: dict) -> str | None:
    return given["kotikunta"] or given["residence"]


def _restart_customership(rows: list[Customership], current: Customership | None) -> Customership | None:
    """The trial municipality's customership a restarted job search continues (s. 6 mom 2): the one
    that ended when the job search did (just before the current row, whose ground is that end)."""
    if current is None or current.ground != Ground.JOB_SEARCH_ENDED:
        return None
    before = [c for c in rows if c.valid_to is not None and c.valid_to < current.valid_from]
    previous = max(before, key=lambda c: c.valid_from, default=None)
    if previous is not None and previous.responsible == Responsible.MUNICIPALITY:
        return previous
    return None


def assess(person: Person, on: dt.date, params: ParameterStore | None = None) -> Assessment | None:
    """Evaluate the person on `on`; None when there is nothing to decide (the pilot does not run, a
    customership began after `on`, or the register lacks a status or a place)."""
    params = params or default_store()
    if not in_pilot(on, params):
        return None
    rows = list(person.customerships.select_related("municipality", "te_office"))
    if any(c.valid_from > on for c in rows):
        return None
    facts = current_facts(person)
    given = facts_on(person, on, facts, rows)
    current = customerships.on_date(rows, on)
    key = customership_key(current)
    if not given["job_search_valid"]:
        ended = key is not None
        return Assessment(None, current, None, False, immediate=Ground.JOB_SEARCH_ENDED if ended else "")
    if given["status"] is None or _place(given) is None:
        return Assessment(None, current, None, False)
    previous = _restart_customership(rows, current)
    if previous is not None:
        given["current_customership"] = customerships.rule_input(previous)
    outcome = get_rule("target-group").run(given, on, params)
    target = organisation_key(outcome.result["responsible"])
    if previous is not None and _continues(outcome):
        return Assessment(outcome, current, target, False, immediate=Ground.NEW_REGISTRATION)
    if (
        not is_due(key, target)
        or _stays_on_request(person, current, given, facts, rows)
        or kept_still(person, on, target, facts)
    ):
        return Assessment(outcome, current, target, False)
    before = facts_on(person, on - ONE_DAY, facts, rows)
    search = next(
        (f for f in facts if f.kind == FactKind.JOB_SEARCH and f.valid_from == on),
        None,
    )
    excluded = any(c.code == "change_security" and c.status == "fail" for c in outcome.checks)
    ground = ground_of(
        current=key,
        search_starts=search is not None,
        place_changed=_place(before) != _place(given),
        change_security_excluded=excluded,
    )
    office = te_office_of(_place(given), on)
    if (
        key is not None
        and key[0] == "municipality"
        and (ground == Ground.CHANGE_OF_KOTIKUNTA or office is None)
    ):
        # s. 5 mom 1: the trial municipality transfers its customer who moves (or has no TE office's area)
        return Assessment(outcome, current, target, True, ground, handler_municipality=current.municipality)
    if office is None:  # no organisation to make it (a place outside every TE office's area)
        return Assessment(outcome, current, target, False)
    return Assessment(outcome, current, target, True, ground, handler_te_office=office)


def _stays_on_request(person, current, given, facts, rows) -> bool:
    """A person moved to the TE office on their own request (s. 5 as amended by L421) is not sent back
    by a later change while they live where they lived then: the reason they gave still holds (the TE
    office may leave a person untransferred for it, s. 5 mom 5). A move to another place is judged anew."""
    if current is None or current.ground != Ground.REQUEST_TO_TE_OFFICE:
        return False
    then = facts_on(person, current.valid_from, facts, rows)
    return _place(then) == _place(given)


_UNREAD = object()


def kept_still(
    person: Person, on: dt.date, target: tuple | None, facts: list[Fact] | None = None, *, kept=_UNREAD
) -> bool:
    """The TE office kept the person instead of transferring them (L1269 s. 5 mom 3, as mom 5 after
    L671/2022): they are not listed again for a transfer to the same organisation while their situation
    is the same — the same place (kotikunta, or residence without one) as on the day they were kept and
    no job search started since. A move or a new job search is judged anew (issue 14 item 2)."""
    if kept is _UNREAD:  # (preloaded by a caller that reads many persons' at once: the latest kept row)
        kept = (
            DueTransfer.objects.filter(person=person, done_on__lte=on)
            .exclude(keep_reason="")
            .order_by("-done_on", "-pk")
            .first()
        )
    if kept is None or organisation_key(kept.target) != target:
        return False
    facts = current_facts(person) if facts is None else facts
    then = facts_on(person, kept.done_on, facts, [])
    now = facts_on(person, on, facts, [])
    restarted = any(f.kind == FactKind.JOB_SEARCH and kept.done_on < f.valid_from <= on for f in facts)
    return _place(then) == _place(now) and not restarted


def _continues(outcome: Outcome) -> bool:
    """The rule keeps the former customer with a municipality of the same trial area."""
    same = [c for c in outcome.checks if c.code == "same_trial_area"]
    return bool(outcome.result["in_target_group"]) and bool(same) and same[0].status == "pass"


def cancel_open(person: Person, on: dt.date) -> None:
    """The person's open due transfer is no longer due from `on`."""
    for row in DueTransfer.objects.select_for_update().open().filter(person=person):
        DueTransfer.TRANSITIONS.after(row.status, "cancel")
        row.cancelled_on = max(on, row.event_date)
        row.save(update_fields=["cancelled_on"])


def lapse_requests(persons: Q | Iterable) -> int:
    """Open transfer requests lapse when the person's customership changes before a decision: they were
    made of a customership that no longer holds (the receiving municipality's access ends with them)."""
    query = Q(person_id__in=persons) if not isinstance(persons, Q) else persons
    return TransferRequest.objects.open().filter(query).update(status=RequestStatus.LAPSED)


@transaction.atomic
def evaluate_change(
    person: Person,
    *,
    event_date: dt.date,
    params: ParameterStore | None = None,
    actor=None,
    reported_on: dt.date | None = None,
) -> DueTransfer | Customership | None:
    """Evaluate a registration or a reported change on its date (R-TG-4). Returns the open due
    transfer (new or kept), the customership begun at once (end or restart of the job search), or None
    when nothing is due (an open due transfer is then cancelled). The 7-day window (L1269 s. 5 mom 2)
    counts from the start of the job search or from the report of the change: from `reported_on` when
    the change was reported after it took effect (the row's `event_date` is then the report day)."""
    params = params or default_store()
    Person.objects.select_for_update().get(pk=person.pk)
    found = assess(person, event_date, params)
    if found is None:
        return None
    if found.immediate:
        cancel_open(person, event_date)
        if any(c.valid_from >= event_date for c in person.customerships.all()):
            return None
        responsible = {} if found.immediate == Ground.JOB_SEARCH_ENDED else None  # {}: no one
        row, created = customerships.start(
            person,
            on=event_date,
            ground=found.immediate,
            outcome=found.outcome,
            responsible=responsible,
            actor=actor,
            params=params,
        )
        if created:
            lapse_requests([person.pk])
        return row
    if not found.due:
        cancel_open(person, event_date)
        return None
    existing = DueTransfer.objects.select_for_update().open().filter(person=person).first()
    if existing is not None and _same(existing, found):
        return existing
    cancel_open(person, event_date)
    window_from = max(event_date, reported_on) if reported_on else event_date
    return DueTransfer.objects.create(
        person=person,
        ground=found.ground,
        event_date=window_from,
        due_by=due_date(window_from, WINDOW, params),
        handler_te_office=found.handler_te_office,
        handler_municipality=found.handler_municipality,
        target=found.outcome.result["responsible"],
        rule_version=found.outcome.rule_version,
        decision=save_records([found.outcome], params)[0],
    )


def _same(row: DueTransfer, found: Assessment) -> bool:
    """The open row still stands. A row listed by a widening amendment's re-evaluation keeps its ground
    (the amendment) when a person's change is evaluated again to the same transfer (issue 14)."""
    return (
        organisation_key(row.target) == found.target
        and (row.ground == found.ground or row.ground == Ground.LAW_WIDENED)
        and row.handler_te_office_id == (found.handler_te_office.pk if found.handler_te_office else None)
        and row.handler_municipality_id
        == (found.handler_municipality.pk if found.handler_municipality else None)
    )


def event_dates(facts: Iterable[Fact]) -> set[dt.date]:
    """The dates a set of stored facts changes the register on: each fact's `valid_from`, and the day
    after a job search's end (the first day it is no longer valid)."""
    dates = set()
    for fact in facts:
        dates.add(fact.valid_from)
        if fact.kind == FactKind.JOB_SEARCH and fact.end_date is not None:
            dates.add(fact.end_date + ONE_DAY)
    return dates


def report_dates(facts: Iterable[Fact]) -> dict[dt.date, dt.date]:
    """{event date: the day its change was reported} (issue 14): the latest report of the facts that
    change on that date (a job search's start counts from the start; its end from the day after)."""
    facts = list(facts)
    starts = {f.valid_from for f in facts if f.kind == FactKind.JOB_SEARCH}
    reported: dict[dt.date, dt.date] = {}
    for fact in facts:
        if fact.kind == FactKind.JOB_SEARCH or fact.valid_from in starts:
            continue  # a registration: its window counts from the start of the job search
        day = fact.reported
        reported[fact.valid_from] = max(day, reported.get(fact.valid_from, day))
    return reported


def evaluate_changes(
    person: Person,
    dates: Iterable[dt.date],
    *,
    params: ParameterStore | None = None,
    actor=None,
    reported: dict[dt.date, dt.date] | None = None,
) -> None:
    """Evaluate the changes dated within the pilot, oldest first, so that the last one stands; the window
    of each counts from its report day in `reported` (`report_dates`), if later."""
    params = params or default_store()
    reported = reported or {}
    for day in sorted(d for d in set(dates) if in_pilot(d, params)):
        evaluate_change(person, event_date=day, params=params, actor=actor, reported_on=reported.get(day))


@transaction.atomic
def complete(due: DueTransfer, *, actor, on: dt.date, params: ParameterStore | None = None) -> Customership:
    """Make the due transfer on `on`: re-evaluate, start the customership (with its notices), link it.
    Refuses when the transfer is done already, no longer due, or due elsewhere now."""
    Person.objects.select_for_update().get(pk=due.person_id)  # the person first, as every writer does
    due = DueTransfer.objects.select_for_update().select_related("person").get(pk=due.pk)
    if actor is not None and not can(actor, "customers.complete_transfer", due, on):
        raise PermissionDenied
    DueTransfer.TRANSITIONS.after(due.status, "complete")
    if on < due.event_date:
        raise ValidationError(_("This transfer is no longer due."))
    found = assess(due.person, on, params)
    if found is None or not found.due or found.target != organisation_key(due.target):
        raise ValidationError(
            _("This transfer is no longer due: the person's facts or customership have changed.")
        )
    customership, _created = customerships.start(
        due.person, on=on, ground=due.ground, outcome=found.outcome, actor=actor, params=params
    )
    due.done_on, due.done_by, due.customership = on, actor, customership
    due.save(update_fields=["done_on", "done_by", "customership"])
    lapse_requests([due.person_id])
    return customership


@transaction.atomic
def keep(due: DueTransfer, *, actor, on: dt.date, reason: str, text: str = "") -> DueTransfer:
    """The TE office keeps the person instead of transferring them (L1269 s. 5 mom 3, as mom 5 after
    L671/2022): for the person's language rights, where the customer relationship would be
    inappropriate, or for another justified reason (explained). The due transfer is done with no
    customership and the reason recorded; `kept_still` keeps the person off the list while their
    situation is the same. Bad input is refused with a localised message and changes nothing."""
    Person.objects.select_for_update().get(pk=due.person_id)  # the person first, as every writer does
    due = DueTransfer.objects.select_for_update().select_related("person").get(pk=due.pk)
    if actor is not None and not can(actor, "customers.keep_with_te_office", due, on):
        raise PermissionDenied
    DueTransfer.TRANSITIONS.after(due.status, "keep")
    if due.handler_te_office_id is None or (due.target or {}).get("type") != "municipality":
        raise ValidationError(_("Only a TE office's transfer to a trial municipality can be left unmade."))
    if on < due.event_date:
        raise ValidationError(_("This transfer is no longer due."))
    text = (text or "").strip()
    if reason not in KeepReason.values:
        raise ValidationError({"keep_reason": _("Choose why the TE office keeps the person.")})
    if reason == KeepReason.OTHER and not text:
        raise ValidationError({"keep_text": _("Explain the other justified reason.")})
    due.done_on, due.done_by, due.keep_reason, due.keep_text = on, actor, reason, text
    due.save(update_fields=["done_on", "done_by", "keep_reason", "keep_text"])
    return due


# --- reading -------------------------------------------------------------------------------------


def _handled_by(user, on: dt.date) -> QuerySet:
    """The due transfers the user's organisation must make (a TE office's own, a municipality's own: its
    customers' kotikunta changes), as one filter over the user's grants."""
    return DueTransfer.objects.handled_by(grants_for(user, "customers.view_due_transfers", on))


def _rows(rows: QuerySet) -> QuerySet:
    return rows.select_related(
        "person", "handler_te_office", "handler_municipality", "done_by", "customership"
    )


def open_for(user, on: dt.date) -> list[DueTransfer]:
    """Open due transfers the user's organisation must make, whose event is not after `on`, the
    earliest deadline first."""
    return list(open_rows(user, on))


def open_rows(user, on: dt.date) -> QuerySet:
    """`open_for` as a `WorkItemQuerySet`, for the worklist's groups and pages (workitems/groups.py)."""
    rows = _handled_by(user, on).open().arisen_by(on)
    return _rows(rows).order_by("due_by", "event_date", "person_id")


def done_for(user, on: dt.date, days: int = DONE_LISTED_DAYS) -> list[DueTransfer]:
    """The user's organisation's due transfers made within the last `days` days, latest first."""
    since = on - dt.timedelta(days=days)
    rows = _handled_by(user, on).filter(done_on__gte=since, done_on__lte=on)
    return list(_rows(rows).order_by("-done_on", "person_id"))


def last_kept(person: Person, on: dt.date) -> DueTransfer | None:
    """The person's latest due transfer the TE office kept by `on` (with the wish to keep them or from
    the initial batch's exception list; s. 5 mom 3/5), for the person page."""
    rows = DueTransfer.objects.filter(person=person, done_on__lte=on).exclude(keep_reason="")
    return _rows(rows).order_by("-done_on", "-pk").first()


def open_due(person: Person, on: dt.date) -> DueTransfer | None:
    """The person's open due transfer, if its event is not after `on`."""
    return _rows(DueTransfer.objects.open().arisen_by(on).filter(person=person)).first()
