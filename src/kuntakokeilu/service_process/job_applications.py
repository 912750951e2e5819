"""The job seeker's reported applications and the job-search obligation over the register (R-SP-5).

`record_application` writes one application the job seeker reported (staff record it until the customer's
own channel exists); bad input is `services.Refused` with a localised message, and nothing is written.
`obligation_facts` / `obligation_for` run the rule `job-search-obligation` for a person on a date over the
register's job search and status, the meetings and the applications. Readings: the periods count from the
first initial interview or job-search discussion held (not a no-show) on or after the later of the job
search's start and the day the obligation came into force (a person registered before 2.5.2022 takes it on
at the next discussion, where the plan is updated); a fully laid-off person's lay-off starts with the status
fact, and the discussion that starts the obligation is the first job-search discussion held once the
lay-off has lasted the parameter's months. The register holds no part-time, self-study, reduced-number or
exception facts yet: those inputs are null (the rules console takes them).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import FactKind, Person
from kuntakokeilu.customers.queries import current_facts
from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from .models import ApplicationKind, JobApplication
from .obligation_rule import OBLIGATION_NAME
from .queries import job_search_on
from .services import NOT_A_CUSTOMER, NOT_YOURS, Formatted, Refused

APPLIED_IN_THE_FUTURE = _("An application cannot be dated after today (%(today)s).")
APPLIED_WITHOUT_JOB_SEARCH = _("The job seeker had no job search on the application's date.")
APPLIED_BEFORE_JOB_SEARCH = _("The application is dated before the job search began on %(start)s.")
NEEDS_TEXT = _("Give the employer and the job title.")
UNKNOWN_KIND = _("Choose the kind of application.")
STARTING_MEETINGS = ("initial_interview", "job_search_discussion")


def _date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def record_application(
    user, person: Person, *, applied_on: dt.date, employer: str, job_title: str, kind: str, today: dt.date
) -> JobApplication:
    """Record one reported application; the person's periods (`obligation_for`) count it at once."""
    if not can(user, "service_process.record_meeting", person, today):
        raise Refused(None, NOT_YOURS)
    employer, job_title = (employer or "").strip(), (job_title or "").strip()
    if not employer:
        raise Refused("employer", NEEDS_TEXT)
    if not job_title:
        raise Refused("job_title", NEEDS_TEXT)
    if kind not in ApplicationKind.values:
        raise Refused("kind", UNKNOWN_KIND)
    if applied_on > today:
        raise Refused("applied_on", Formatted(APPLIED_IN_THE_FUTURE, today=_date(today)))
    search, _previous = job_search_on(current_facts(person), applied_on)
    if search is None:
        raise Refused("applied_on", APPLIED_WITHOUT_JOB_SEARCH)
    if applied_on < search.valid_from:
        raise Refused("applied_on", Formatted(APPLIED_BEFORE_JOB_SEARCH, start=_date(search.valid_from)))
    row = customerships.municipal_customership(person, applied_on)
    if row is None or row.municipality is None:
        raise Refused("applied_on", NOT_A_CUSTOMER)
    with transaction.atomic():
        return JobApplication.objects.create(
            person=person,
            applied_on=applied_on,
            employer=employer,
            job_title=job_title,
            kind=kind,
            municipality=row.municipality,
            recorded_by=user if getattr(user, "is_authenticated", False) else None,
        )


def obligation_facts(person: Person, on: dt.date, params: ParameterStore | None = None) -> dict | None:
    """The rule's input for the person on `on` from the register, or None when no job search has begun."""
    params = params or default_store()
    facts = current_facts(person)
    search, _previous = job_search_on(facts, on)
    if search is None:
        return None
    statuses = sorted(
        (f for f in facts if f.kind == FactKind.STATUS and f.valid_from <= on), key=lambda f: f.valid_from
    )
    status = statuses[-1].code if statuses else "unemployed"
    in_force = params.value("job_search_obligation.in_force_from", on)
    meetings = list(
        person.meetings.filter(
            date__lte=on,
            no_show=False,
            type__in=STARTING_MEETINGS,
            date__gte=max(search.valid_from, in_force),
        ).order_by("date")
    )
    layoff_start = layoff_discussion = None
    if status == "laid_off":
        layoff_start = statuses[-1].valid_from
        months = params.value("job_search_obligation.laid_off_start_after_months", on)
        earliest = add_months(layoff_start, months)
        layoff_discussion = next(
            (m.date for m in meetings if m.type == "job_search_discussion" and m.date >= earliest), None
        )
    applications = person.job_applications.filter(applied_on__gte=search.valid_from, applied_on__lte=on)
    return {
        "job_search_start": search.valid_from,
        "status": status,
        "part_time_or_reduced_hours": None,
        "layoff_start": layoff_start,
        "layoff_discussion": layoff_discussion,
        "self_study_start": None,
        "self_study_end": None,
        "reduced_count": None,
        "reduced_reason": None,
        "exemption": None,
        "initial_interview": meetings[0].date if meetings else None,
        "applications": [{"date": day} for day in applications.values_list("applied_on", flat=True)],
    }


def obligation_for(person: Person, on: dt.date) -> Outcome | None:
    """The person's job-search obligation on `on` (None: no job search by then)."""
    facts = obligation_facts(person, on)
    return get_rule(OBLIGATION_NAME).run(facts, on) if facts is not None else None
