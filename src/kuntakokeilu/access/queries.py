"""Read models of the access app: who works where."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from kuntakokeilu.regions.models import TrialArea

from .models import RoleAssignment
from .roles import ScopeKind


def _current_or_future(on: dt.date) -> Q:
    return Q(valid_to__isnull=True) | Q(valid_to__gte=on)


def area_staff(area: TrialArea, on: dt.date) -> list:
    """Users holding a current or future role in the area or one of its municipalities, with those roles."""
    in_area = Q(trial_area=area) | Q(municipality__trial_memberships__trial_area=area)
    assignments = (
        RoleAssignment.objects.filter(in_area & _current_or_future(on))
        .select_related("user", "municipality", "trial_area")
        .order_by("user__last_name", "user__first_name", "valid_from")
    )
    staff: dict[int, tuple] = {}
    for a in assignments:
        staff.setdefault(a.user_id, (a.user, []))[1].append(a)
    return list(staff.values())


def home_area_of(user, on: dt.date) -> TrialArea | None:
    """The trial area a staff member works in (through an area role or a trial municipality's role)."""
    for a in user.role_assignments.filter(_current_or_future(on)).select_related(
        "trial_area", "municipality"
    ):
        if a.scope_kind == ScopeKind.TRIAL_AREA:
            return a.trial_area
        if a.scope_kind == ScopeKind.MUNICIPALITY:
            area = TrialArea.objects.filter(members__municipality=a.municipality).first()
            if area:
                return area
    return None
