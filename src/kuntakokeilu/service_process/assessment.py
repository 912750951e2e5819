"""The service-need assessment (issue 16 item 4, R-SP-4; JTYPL 2:11, law notes §3.2–3.3): recording a version
and reading the history.

Each area is a structured value and free text. A review at a discussion writes a new version (the next
number for the person); nothing is overwritten. The special-category part (`AssessmentHealth`: work and
functional capacity, social, health and rehabilitation service needs) is stored beside it and read only by
those whom `service_process.view_health_needs` allows; the caller logs that reading with its own purpose.

Bad input gets a `services.Refused` with a localised message naming the field and changes nothing: not the
user's customer, dated after today, outside the job search, not a municipal customer on the date, dated
before the latest version, a meeting of another person or of another day or one not attended, a value not
offered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Person
from kuntakokeilu.customers.queries import current_facts

from .models import (
    Assessment,
    AssessmentHealth,
    JobSearchSkills,
    Likelihood,
    Meeting,
    ServiceNeed,
    SkillsAndGoals,
    TrainingNeed,
    WorkCapacity,
)
from .queries import job_search_on
from .services import Formatted, Refused

# area -> its choices; each area also has `<area>_text`. The order is the page's and the API's.
AREAS = {
    "skills_goals": SkillsAndGoals,
    "training_need": TrainingNeed,
    "job_search_skills": JobSearchSkills,
    "unemployment_risk": Likelihood,
}
HEALTH_AREAS = {
    "work_capacity": WorkCapacity,
    "social_services": ServiceNeed,
    "health_services": ServiceNeed,
    "rehabilitation": ServiceNeed,
}
TEXT_MAX = 2000

NOT_YOURS = _("This job seeker is not among the customers whose assessment you record.")
IN_THE_FUTURE = _("An assessment cannot be dated after today (%(today)s).")
NO_JOB_SEARCH = _("The job seeker had no job search on the assessment's date.")
BEFORE_JOB_SEARCH = _("The assessment is dated before the job search began on %(start)s.")
NOT_A_CUSTOMER = _("The job seeker was not a customer of a trial municipality on the assessment's date.")
BEFORE_LATEST = _("The assessment is dated before the latest assessment of %(date)s.")
OTHER_MEETING = _("The meeting is not one of this job seeker's meetings on the assessment's date.")
MISSED_MEETING = _("The job seeker did not come to this meeting.")
NOT_OFFERED = _("Choose one of the values offered.")
TOO_LONG = _("The text may be at most %(n)s characters long.")


def short_date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _checked(values: dict, areas: dict) -> dict:
    """The areas' values and texts from `values`, each value one of its choices; else Refused."""
    fields = {}
    for area, choices in areas.items():
        value = values.get(area)
        if value not in choices.values:
            raise Refused(area, NOT_OFFERED)
        text = (values.get(f"{area}_text") or "").strip()
        if len(text) > TEXT_MAX:
            raise Refused(f"{area}_text", Formatted(TOO_LONG, n=TEXT_MAX))
        fields[area], fields[f"{area}_text"] = value, text
    return fields


def record_assessment(
    user,
    person: Person,
    *,
    today: dt.date,
    assessed_on: dt.date,
    values: dict,
    health: dict,
    meeting: Meeting | None = None,
) -> Assessment:
    """Record a new version of the person's assessment (with its special-category part); R-SP-4."""
    if not can(user, "service_process.record_assessment", person, today):
        raise Refused(None, NOT_YOURS)
    if assessed_on > today:
        raise Refused("assessed_on", Formatted(IN_THE_FUTURE, today=short_date(today)))
    search, _previous = job_search_on(current_facts(person), assessed_on)
    if search is None:
        raise Refused("assessed_on", NO_JOB_SEARCH)
    if assessed_on < search.valid_from:
        raise Refused("assessed_on", Formatted(BEFORE_JOB_SEARCH, start=short_date(search.valid_from)))
    row = customerships.municipal_customership(person, assessed_on)
    if row is None or row.municipality is None:
        raise Refused("assessed_on", NOT_A_CUSTOMER)
    if meeting is not None:
        if meeting.person_id != person.pk or meeting.date != assessed_on:
            raise Refused("meeting", OTHER_MEETING)
        if meeting.no_show:
            raise Refused("meeting", MISSED_MEETING)
    fields = _checked(values, AREAS)
    health_fields = _checked(health, HEALTH_AREAS)
    with transaction.atomic():
        # the person's row is locked so that two reviews at once get different numbers
        Person.objects.select_for_update().filter(pk=person.pk).first()
        latest = Assessment.objects.filter(person=person).order_by("-version").first()
        if latest is not None and assessed_on < latest.assessed_on:
            raise Refused("assessed_on", Formatted(BEFORE_LATEST, date=short_date(latest.assessed_on)))
        number = (Assessment.objects.filter(person=person).aggregate(n=Max("version"))["n"] or 0) + 1
        version = Assessment.objects.create(
            person=person,
            version=number,
            assessed_on=assessed_on,
            meeting=meeting,
            municipality=row.municipality,
            recorded_by=user if getattr(user, "is_authenticated", False) else None,
            **fields,
        )
        version.health = AssessmentHealth.objects.create(assessment=version, **health_fields)
        return version


@dataclass(frozen=True)
class Row:
    """One area of a version as shown: its label, the value's label and the free text."""

    area: str
    label: str
    value: str
    value_label: str
    text: str


def rows(version, areas: dict) -> list[Row]:
    """The areas of `version` (an Assessment or an AssessmentHealth) in the page's language."""
    out = []
    for area in areas:
        field = version._meta.get_field(area)
        value = getattr(version, area)
        out.append(
            Row(
                area,
                str(field.verbose_name),
                value,
                str(dict(field.choices)[value]),
                getattr(version, f"{area}_text"),
            )
        )
    return out


def history(person: Person, *, with_health: bool) -> list[Assessment]:
    """The person's versions, newest first; the special-category part loaded only `with_health` (else
    never read from the database)."""
    versions = Assessment.objects.filter(person=person).select_related(
        "recorded_by", "meeting", "municipality"
    )
    if with_health:
        versions = versions.select_related("health")
    return list(versions.order_by("-version"))


def initial_values(latest: Assessment | None, *, with_health: bool) -> dict:
    """A form's initial values from the latest version (a review starts from it)."""
    if latest is None:
        return {}
    values = {f: getattr(latest, f) for a in AREAS for f in (a, f"{a}_text")}
    if with_health:
        values |= {f: getattr(latest.health, f) for a in HEALTH_AREAS for f in (a, f"{a}_text")}
    return values
