"""Read side of customer assignments and of the escalation threshold (R-SP-2), as SQL conditions.

`assigned_to(worker, on)` and `customers_of(codes, on)` are `Q`s over a model with a `person` field, so the
worklist and the customer list filter in the database (never the catalogue per row). `escalation_days`
reads every area's threshold on a date in one query; `escalated(areas, on)` is one `Q` that ORs each
area's cut-off date over the area's municipalities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from kuntakokeilu.access.roles import ScopeKind
from kuntakokeilu.customers.models import Customership, Responsible
from kuntakokeilu.rules.calendar import WorkingDayCalendar
from kuntakokeilu.rules.parameters import ParameterStore, default_store

from .models import AreaEscalationThreshold, CustomerAssignment

POLICY = "service_process.escalation_working_days"


def valid_on(on: dt.date, prefix: str = "") -> Q:
    """Rows valid on `on`: valid_from ≤ on ≤ valid_to (null = open)."""
    return Q(**{f"{prefix}valid_from__lte": on}) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


def open_assignments(on: dt.date):
    return CustomerAssignment.objects.filter(valid_on(on))


def assigned_to(worker, on: dt.date, person_field: str = "person") -> Q:
    """Rows whose person is assigned to `worker` on `on` (an EXISTS subquery: no duplicate rows)."""
    mine = open_assignments(on).filter(worker=worker, person_id=OuterRef(person_field))
    return Q(Exists(mine))


def customers_of(codes: Iterable[str], on: dt.date, person_field: str = "person") -> Q:
    """Rows whose person is a customer of one of the municipalities `codes` on `on`."""
    held = Customership.objects.filter(
        valid_on(on),
        responsible=Responsible.MUNICIPALITY,
        municipality__code__in=list(codes),
        person_id=OuterRef(person_field),
    )
    return Q(Exists(held))


@dataclass(frozen=True)
class Threshold:
    """The escalation threshold of a trial area on a date: working days, and whether it is the area's own
    setting (else the project policy)."""

    area: int
    working_days: int
    own: bool


def escalation_days(areas: Iterable[int], on: dt.date, params: ParameterStore | None = None) -> dict:
    """{area number: Threshold} on `on`: the area's own setting, else the project policy (one query)."""
    areas = sorted(set(areas))
    params = params or default_store()
    policy = int(params.value(POLICY, on))
    own = dict(
        AreaEscalationThreshold.objects.filter(valid_on(on), trial_area__number__in=areas).values_list(
            "trial_area__number", "working_days"
        )
    )
    return {a: Threshold(a, own.get(a, policy), a in own) for a in areas}


def escalated(grants, on: dt.date, params: ParameterStore | None = None) -> tuple[Q, list[tuple]]:
    """The condition "overdue for more than the area's threshold" over the grants' trial areas, one `Q`
    (an OR over the areas), and the (threshold, cut-off date) of each area for the page. Municipalities
    outside every trial area of the grants fall back to the project policy."""
    params = params or default_store()
    calendar = WorkingDayCalendar(params)
    areas: dict[int, set[str]] = {}
    rest: set[str] = set()
    for grant in grants:
        if grant.kind == ScopeKind.TRIAL_AREA:
            for number in grant.trial_areas:
                areas.setdefault(number, set()).update(grant.municipalities)
        else:
            rest.update(grant.municipalities)
    thresholds = escalation_days(areas, on, params)
    condition = Q(pk__in=[])
    shown = []
    for number, codes in sorted(areas.items()):
        threshold = thresholds[number]
        before = calendar.add_working_days(on, -threshold.working_days)
        condition |= Q(handler_municipality__code__in=codes, due_by__lt=before)
        shown.append((threshold, before))
    if rest:
        before = calendar.add_working_days(on, -int(params.value(POLICY, on)))
        condition |= Q(handler_municipality__code__in=rest, due_by__lt=before)
    return condition, shown
