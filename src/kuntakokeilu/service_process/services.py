"""Use cases of the service process that write, each in one transaction and checked against the catalogue.

Bad input gets a `Refused` with a localised message naming the field, and changes nothing (issue 16 item 7):
a meeting dated before the job search began or after today, for a person outside the user's grants, at a
service point of another trial area; an area target weaker than the statutory floor or overlapping another.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Person
from kuntakokeilu.customers.queries import current_facts
from kuntakokeilu.regions.models import TrialArea
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.statements.services import DISCUSSION_MEETINGS, record_event

from . import batch
from .models import AreaFirstContactTarget, Channel, DueItem, Meeting, ServicePoint
from .queries import deadline_facts, job_search_on, trial_area_of
from .rules import NAME


class Refused(Exception):
    """Input the service refuses: `field` (or None for the whole request) and a translatable message."""

    def __init__(self, field: str | None, message):
        super().__init__(str(message))
        self.field, self.message = field, message


NOT_YOURS = _("This job seeker is not among the persons you serve.")
NO_JOB_SEARCH = _("The job seeker had no job search on the meeting's date.")
BEFORE_JOB_SEARCH = _("The meeting is dated before the job search began on %(start)s.")
IN_THE_FUTURE = _("A meeting cannot be dated after today (%(today)s).")
NOT_A_CUSTOMER = _("The job seeker was not a customer of a trial municipality on the meeting's date.")
NEEDS_SERVICE_POINT = _("A face-to-face meeting needs the service point where it was held.")
OTHER_AREA_POINT = _("The service point is not in use in the job seeker's trial area.")
NOT_AREA_MANAGER = _("You do not manage this trial area.")
WEAKER_THAN_LAW = _(
    "The target may not be longer than the statutory deadline of %(days)s working days (JTYPL 2:5 §1)."
)
TARGET_TOO_SHORT = _("The target must be at least one working day.")
TARGET_OVERLAPS = _("The target overlaps another target of the area valid from %(start)s.")
TARGET_ENDS_BEFORE = _("The target ends before it begins.")


def _date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def record_meeting(
    user,
    person: Person,
    *,
    type: str,
    date: dt.date,
    channel: str,
    today: dt.date,
    service_point: ServicePoint | None = None,
    participants: str = "",
    notes: str = "",
    no_show: bool = False,
) -> Meeting:
    """Record a meeting or contact; the person's deadlines (`queries.deadlines_for`) change at once."""
    if not can(user, "service_process.record_meeting", person, today):
        raise Refused(None, NOT_YOURS)
    if date > today:
        raise Refused("date", Formatted(IN_THE_FUTURE, today=_date(today)))
    search, _previous = job_search_on(current_facts(person), date)
    if search is None:
        raise Refused("date", NO_JOB_SEARCH)
    if date < search.valid_from:
        raise Refused("date", Formatted(BEFORE_JOB_SEARCH, start=_date(search.valid_from)))
    row = customerships.municipal_customership(person, date)
    if row is None or row.municipality is None:
        raise Refused("date", NOT_A_CUSTOMER)
    if channel == Channel.FACE_TO_FACE and service_point is None:
        raise Refused("service_point", NEEDS_SERVICE_POINT)
    if service_point is not None:
        area = trial_area_of(person, date)
        if not service_point.active or area is None or service_point.trial_area_id != area.pk:
            raise Refused("service_point", OTHER_AREA_POINT)
    with transaction.atomic():
        meeting = Meeting.objects.create(
            person=person,
            type=type,
            date=date,
            channel=channel,
            service_point=service_point,
            participants=participants,
            notes=notes,
            no_show=no_show,
            municipality=row.municipality,
            recorded_by=user if getattr(user, "is_authenticated", False) else None,
        )
        if no_show and type in DISCUSSION_MEETINGS:  # a missed discussion bears on the benefit (R-SP-8)
            held = person.meetings.filter(type="initial_interview", no_show=False, date__lte=date).first()
            facts = {"initial_interview": held.date if held else None, "meeting_type": type}
            record_event(
                person, "discussion_missed", date, source=f"meeting:{meeting.pk}", facts=facts, by=user
            )
        refresh_deadlines(person, today)
        return meeting


def refresh_deadlines(person: Person, on: dt.date) -> None:
    """Bring the person's work items in line with the rule on `on` (`batch.changes`, as the month's close
    does for everyone): an item met is done, one whose deadline moved or that is no longer required is no
    longer due, a new dated open or overdue item is written. Handled by the municipality whose customer the
    person is on `on` (none: nothing is open)."""
    facts = deadline_facts(person, on)
    outcome = get_rule(NAME).run(facts, on) if facts is not None else None
    row = customerships.municipal_customership(person, on)
    municipality = row.municipality_id if row is not None else None
    with transaction.atomic():
        existing = {
            i.type: (i.pk, i.due_by, i.event_date) for i in DueItem.objects.open().filter(person=person)
        }
        events = facts["events"] if facts is not None else ()
        done, cancelled, new = batch.changes(outcome, municipality, existing, on, events)
        for pk, day in done:
            DueItem.objects.filter(pk=pk).update(done_on=day)
        DueItem.objects.filter(pk__in=cancelled).update(cancelled_on=on)
        DueItem.objects.bulk_create(
            DueItem(
                person=person,
                type=item["type"],
                count=item["count"],
                reference=item["reference"],
                rule_version=outcome.rule_version,
                event_date=on,
                due_by=item["due_date"],
                handler_municipality_id=municipality,
            )
            for item in new
        )


def set_first_contact_target(
    user,
    area: TrialArea,
    *,
    working_days: int,
    valid_from: dt.date,
    valid_to: dt.date | None,
    today: dt.date,
    params: ParameterStore | None = None,
) -> AreaFirstContactTarget:
    """Store the area's own first-contact target: never longer than the statutory deadline."""
    if not can(user, "service_process.manage_service_points", area, today):
        raise Refused(None, NOT_AREA_MANAGER)
    params = params or default_store()
    try:
        floor = params.value("service_process.initial_interview_working_days", valid_from)
    except NoParameterValue:
        floor = params.history("service_process.initial_interview_working_days")[0].value
    if working_days < 1:
        raise Refused("working_days", TARGET_TOO_SHORT)
    if working_days > floor:
        raise Refused("working_days", Formatted(WEAKER_THAN_LAW, days=floor))
    return store_area_setting(
        AreaFirstContactTarget, user, area, working_days, valid_from, valid_to, overlaps=TARGET_OVERLAPS
    )


def store_area_setting(model, user, area: TrialArea, working_days: int, valid_from, valid_to, *, overlaps):
    """Store a trial area's dated setting in working days (its first-contact target, its escalation
    threshold), its value already checked: refused when it ends before it begins or overlaps another of the
    area's settings of the kind (`overlaps`: the message, given the other's start)."""
    if valid_to is not None and valid_to < valid_from:
        raise Refused("valid_to", TARGET_ENDS_BEFORE)
    overlapping = model.objects.filter(trial_area=area).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from)
    )
    if valid_to is not None:
        overlapping = overlapping.filter(valid_from__lte=valid_to)
    other = overlapping.first()
    if other is not None:
        raise Refused("valid_from", Formatted(overlaps, start=_date(other.valid_from)))
    with transaction.atomic():
        return model.objects.create(
            trial_area=area,
            working_days=working_days,
            valid_from=valid_from,
            valid_to=valid_to,
            recorded_by=user,
        )


def save_service_point(user, point: ServicePoint, *, today: dt.date) -> ServicePoint:
    """Create or update a service point of an area the user manages."""
    if not can(user, "service_process.manage_service_points", point.trial_area, today):
        raise Refused(None, NOT_AREA_MANAGER)
    if not point.trial_area.members.filter(municipality_id=point.municipality_id).exists():
        raise Refused("municipality", OTHER_AREA_POINT)
    with transaction.atomic():
        point.save()
    return point


class Formatted:
    """A translatable message with its arguments, formatted in the language active when shown."""

    def __init__(self, message, **args):
        self.message, self.args = message, args

    def __str__(self) -> str:
        return str(self.message) % self.args
