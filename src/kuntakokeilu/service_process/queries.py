"""Read models of the service process: a person's deadlines (the rule `service-deadlines` over the register's
facts and the recorded meetings), the area's first-contact target on a date, the face-to-face share."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, Q

from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.customers.queries import current_facts
from kuntakokeilu.regions.models import TrialArea, TrialAreaMember
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.registry import get_rule

from . import sources
from .models import AreaFirstContactTarget, Channel, Meeting
from .rules import NAME

UNEMPLOYED_STATUSES = ("unemployed", "laid_off")


def trial_area_of(person: Person, on: dt.date) -> TrialArea | None:
    """The trial area of the municipality whose customer the person is on `on` (None: not a customer)."""
    row = customerships.municipal_customership(person, on)
    if row is None or row.municipality_id is None:
        return None
    member = TrialAreaMember.objects.filter(municipality_id=row.municipality_id).select_related("trial_area")
    found = member.first()
    return found.trial_area if found else None


def first_contact_target(area: TrialArea | None, on: dt.date) -> AreaFirstContactTarget | None:
    if area is None:
        return None
    valid = Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    return AreaFirstContactTarget.objects.filter(valid, trial_area=area).first()


def job_search_on(facts: list[Fact], on: dt.date) -> tuple[Fact | None, Fact | None]:
    """The job search held on `on` (the latest begun by then) and the one before it."""
    searches = sorted(
        (f for f in facts if f.kind == FactKind.JOB_SEARCH and not f.superseded and f.valid_from <= on),
        key=lambda f: f.valid_from,
    )
    if not searches:
        return None, None
    return searches[-1], searches[-2] if len(searches) > 1 else None


def deadline_facts(person: Person, on: dt.date, meetings: list[Meeting] | None = None) -> dict | None:
    """The rule's input for the person on `on`, or None when no job search has begun by then."""
    facts = current_facts(person)
    search, _previous = job_search_on(facts, on)
    if search is None:
        return None
    if meetings is None:
        meetings = list(person.meetings.filter(date__lte=on))
    target = first_contact_target(trial_area_of(person, on), on)
    key = Person._meta.pk.get_db_prep_value(person.pk, connection)  # the database's form, as the batch's
    other = sources.rows(key, key, on)
    return rule_input(
        [(f.kind, f.valid_from, f.code, f.end_date) for f in facts if not f.superseded],
        person.birth_date,
        [(m.type, m.date, m.no_show) for m in meetings],
        target.working_days if target else None,
        on,
        other.events.get(key, ()),
        other.services.get(key, ()),
    )


def rule_input(
    facts, birth_date, meetings, first_contact_days, on: dt.date, events=(), services=()
) -> dict | None:
    """The rule's input from plain rows: the person's current facts as (kind, valid_from, code, end_date),
    the meetings as (type, date, no_show) in date order, the area's first-contact target in working days
    (or None), and from the other apps' records (`sources.rows`) the events held as (type, date) and the
    services as (start, expected_end). None when no job search has begun by `on`. The one builder of the
    input: the person's page and refresh (`deadline_facts`) and the batch (`batch.refresh_all`) call it."""
    searches = sorted((f for f in facts if f[0] == FactKind.JOB_SEARCH and f[1] <= on), key=lambda f: f[1])
    if not searches:
        return None
    search, previous = searches[-1], searches[-2] if len(searches) > 1 else None
    statuses = sorted((f for f in facts if f[0] == FactKind.STATUS and f[1] <= on), key=lambda f: f[1])
    status = statuses[-1][2] if statuses else "unemployed"
    # continuous unemployment: since the first of the unbroken run of unemployed statuses up to `on`
    since = None
    for fact in reversed(statuses):
        if fact[2] not in UNEMPLOYED_STATUSES:
            break
        since = fact[1]
    return {
        "job_search_start": search[1],
        "unemployment_start": since,
        "job_search_end": search[3],
        "previous_job_search_end": previous[3] if previous else None,
        "status": status,
        "laid_off": status == "laid_off",
        "laid_off_block_requested": False,
        "birth_date": birth_date,
        "lms_days": None,
        "integration_start": None,
        "events": sorted(
            [{"type": t, "date": d} for t, d, no_show in meetings if not no_show and d <= on]
            + [{"type": t, "date": d} for t, d in events if d <= on],
            key=lambda e: e["date"],
        ),
        "services": [{"start": start, "expected_end": end} for start, end in services if start <= on],
        "area_first_contact_days": first_contact_days,
    }


def deadlines_for(person: Person, on: dt.date) -> Outcome | None:
    """The person's deadlines on `on` by the rule `service-deadlines` (None: no job search by then)."""
    facts = deadline_facts(person, on)
    return get_rule(NAME).run(facts, on) if facts is not None else None


def face_to_face_share(area: TrialArea, year: int, month: int) -> tuple[int, int]:
    """(face-to-face meetings, all meetings held) in the area's municipalities in the month (R-PREM-1)."""
    held = Meeting.objects.filter(
        municipality__trial_memberships__trial_area=area, date__year=year, date__month=month, no_show=False
    )
    counts = held.aggregate(total=Count("id"), face=Count("id", filter=Q(channel=Channel.FACE_TO_FACE)))
    return counts["face"], counts["total"]


def escalated_before(on: dt.date, params=None) -> dt.date:
    """Items due before this date have been overdue for more than the escalation parameter's working days."""
    from kuntakokeilu.rules.calendar import WorkingDayCalendar
    from kuntakokeilu.rules.parameters import default_store

    params = params or default_store()
    days = params.value("service_process.escalation_working_days", on)
    return WorkingDayCalendar(params).add_working_days(on, -days)


def worklist(grants, on: dt.date, *, group: str = "all", escalated: bool = False, assigned_to=None):
    """The open deadlines the grants handle (R-SP-2), soonest first, and the counts of the groups
    overdue / today / this week (Monday–Sunday of `on`'s week), counted in one query. `escalated`: only
    those overdue for more than the working days of each trial area's threshold on `on` (its own setting,
    else the project policy `service_process.escalation_working_days`; the area manager's list).
    `assigned_to`: only the persons assigned to that case worker on `on` (my customers)."""
    from . import assignment_queries
    from .models import DueItem

    items = DueItem.objects.open().handled_by(grants).select_related("person", "handler_municipality")
    if escalated:
        items = items.filter(assignment_queries.escalated(grants, on)[0])
    if assigned_to is not None:
        items = items.filter(assignment_queries.assigned_to(assigned_to, on))
    # the groups are the workitems app's, shared with the TE office's 7-day transfer list
    counts = items.group_counts(on)
    return items.in_group(group, on).order_by("due_by", "person__last_name", "id"), counts
