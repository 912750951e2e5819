"""Reading plans (R-SP-5): a person's plans with their versions, steps, services and approvals, newest
version first; a version's approvals by party."""

from __future__ import annotations

from django.db.models import Prefetch

from kuntakokeilu.customers.models import Person

from .models import Plan, PlanVersion


def versions_prefetched():
    return PlanVersion.objects.prefetch_related("steps", "services", "approvals").select_related(
        "recorded_by"
    )


def plans_of(person: Person) -> list[Plan]:
    """The person's plans, each with `versions` (newest first) loaded."""
    newest_first = Prefetch("versions", queryset=versions_prefetched().order_by("-number"))
    return list(
        Plan.objects.filter(person=person).select_related("municipality").prefetch_related(newest_first)
    )


def version_of(person: Person, plan_id: int, number: int) -> PlanVersion | None:
    """The version `number` of the person's plan `plan_id`, or None (another's plan is a missing one)."""
    return (
        versions_prefetched()
        .select_related("plan", "plan__municipality", "plan__person")
        .filter(plan__person=person, plan_id=plan_id, number=number)
        .first()
    )


def approvals(version: PlanVersion) -> dict:
    """The version's approvals by party."""
    return {a.party: a for a in version.approvals.all()}


def is_agreed(version: PlanVersion) -> bool:
    """Both parties have approved the version (JTYPL 2:12)."""
    return len({a.party for a in version.approvals.all()}) == 2
