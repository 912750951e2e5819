"""Plans agreed in the service process's deadline engine (issue 17; R-SP-5, law notes §3.5–3.6): a module of
`settings.SERVICE_PROCESS_SOURCES` (see `service_process/sources.py`).

A version approved by both parties is agreed on its date: a TYP plan's first version is the event
`typ_plan`, a later one `typ_plan_review`; an activation plan's `activation_plan` / `activation_plan_review`.
The engine has no event for the employment plan (its review is the interviews' and discussions', which are
the engine's own meetings) nor for the integration plan (its one-year term and entitlement are shown on the
plan's page): they give no rows."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from kuntakokeilu.customers import bulk

from .models import Kind, PlanVersion

EVENTS = {
    Kind.TYP: ("typ_plan", "typ_plan_review"),
    Kind.ACTIVATION: ("activation_plan", "activation_plan_review"),
}


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def deadline_rows(first, last, on: dt.date):
    """`(person_id, "event", type, date)` for the agreed TYP and activation plan versions of the persons
    first..last dated by `on`, ids in the database's form."""
    agreed = (
        PlanVersion.objects.filter(
            plan__person_id__gte=first,
            plan__person_id__lte=last,
            plan__kind__in=tuple(EVENTS),
            agreed_on__lte=on,
        )
        .annotate(parties=Count("approvals__party", distinct=True, filter=Q(approvals__approved_on__lte=on)))
        .filter(parties=2)
    )
    for pk, kind, number, agreed_on in bulk.raw_rows(
        agreed, ("plan__person_id", "plan__kind", "number", "agreed_on")
    ):
        first_type, review_type = EVENTS[kind]
        yield (pk, "event", first_type if number == 1 else review_type, _date(agreed_on))
