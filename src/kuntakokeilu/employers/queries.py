"""Reading the employer side: the employers and vacancies a user's grants cover, a person's valid consent,
and the latest initial interview before a job offer (from the service process's meetings)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process.models import Meeting

from .models import ConsentScope, Employer, PresentationConsent, Vacancy


def _municipality_filter(user, code: str, on: dt.date) -> dict | None:
    """Filter keywords for the rows of the municipalities the user's grants of `code` cover (None: all)."""
    grants = grants_for(user, code, on)
    if any(g.everything for g in grants):
        return None
    codes = set().union(*(g.municipalities for g in grants)) if grants else set()
    return {"municipality__code__in": sorted(codes)}


def employers_for(user, on: dt.date) -> QuerySet[Employer]:
    rows = Employer.objects.select_related("municipality")
    where = _municipality_filter(user, "employers.view", on)
    return rows if where is None else rows.filter(**where)


def vacancies_for(user, on: dt.date) -> QuerySet[Vacancy]:
    rows = Vacancy.objects.select_related("employer", "municipality")
    where = _municipality_filter(user, "employers.view", on)
    return rows if where is None else rows.filter(**where)


def consents_covering(employer: Employer, on: dt.date) -> QuerySet[PresentationConsent]:
    """The consents for which `PresentationConsent.covers(employer, on)` holds, as one query (a list offers
    only the job seekers who may be presented; the test compares the two on every consent)."""
    return (
        PresentationConsent.objects.filter(written=True, given_on__lte=on)
        .exclude(document__regex=r"^\s*$")
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on))
        .filter(Q(scope=ConsentScope.ALL) | Q(employer=employer))
    )


def valid_consent(person: Person, employer: Employer, on: dt.date) -> PresentationConsent | None:
    """The person's stored written consent that covers `employer` on `on` (the latest given), or None."""
    for consent in person.presentation_consents.order_by("-given_on", "-id"):
        if consent.covers(employer, on):
            return consent
    return None


def initial_interview_before(person: Person, offered_on: dt.date) -> dt.date | None:
    """The date of the latest initial interview held (not a no-show) on or before the offer's date."""
    meeting = (
        Meeting.objects.filter(person=person, type="initial_interview", no_show=False, date__lte=offered_on)
        .order_by("-date")
        .first()
    )
    return meeting.date if meeting else None
