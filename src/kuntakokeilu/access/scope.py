"""What a user's role assignments cover on a date (R-X-1).

A `Grant` is one assignment valid on the date, resolved into the places it covers then: an ELY
centre's scope follows the regional division of that date (Heinävesi is in Pohjois-Karjala's from
1.1.2021), a trial area's scope is its member municipalities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kuntakokeilu.regions.models import (
    ElyCentre,
    Municipality,
    RegionalMembership,
    TeOffice,
    TrialArea,
    TrialAreaMember,
)

from .models import RoleAssignment
from .roles import ScopeKind


@dataclass(frozen=True)
class Grant:
    assignment_id: int
    role: str
    kind: str
    everything: bool
    municipalities: frozenset[str]
    trial_areas: frozenset[int]
    elys: frozenset[str]
    te_offices: frozenset[str]

    def covers(self, place) -> bool:
        if self.everything:
            return True
        if isinstance(place, Municipality):
            return place.code in self.municipalities
        if isinstance(place, TrialArea):
            return place.number in self.trial_areas
        if isinstance(place, ElyCentre):
            return place.code in self.elys
        if isinstance(place, TeOffice):
            return place.code in self.te_offices
        return False

    def covers_all_of(self, other: Grant) -> bool:
        """Everything `other` covers lies within this grant."""
        if self.everything:
            return True
        if other.everything:
            return False
        return (
            other.municipalities <= self.municipalities
            and other.trial_areas <= self.trial_areas
            and other.elys <= self.elys
            and other.te_offices <= self.te_offices
        )


def resolve(assignment: RoleAssignment, on: dt.date) -> Grant:
    kind = assignment.scope_kind
    municipalities: set[str] = set()
    trial_areas: set[int] = set()
    elys: set[str] = set()
    te_offices: set[str] = set()
    memberships = RegionalMembership.objects.valid_on(on)
    if kind == ScopeKind.MUNICIPALITY:
        municipalities = {assignment.municipality.code}
    elif kind == ScopeKind.TRIAL_AREA:
        trial_areas = {assignment.trial_area.number}
        municipalities = set(
            TrialAreaMember.objects.filter(trial_area=assignment.trial_area).values_list(
                "municipality__code", flat=True
            )
        )
    elif kind == ScopeKind.TE_OFFICE:
        te_offices = {assignment.te_office.code}
        municipalities = set(
            memberships.filter(te_office=assignment.te_office).values_list("municipality__code", flat=True)
        )
        trial_areas = set(
            TrialArea.objects.filter(te_office=assignment.te_office).values_list("number", flat=True)
        )
    elif kind == ScopeKind.ELY:
        elys = {assignment.ely.code}
        municipalities = set(
            memberships.filter(ely=assignment.ely).values_list("municipality__code", flat=True)
        )
        trial_areas = set(TrialArea.objects.filter(ely=assignment.ely).values_list("number", flat=True))
        te_offices = set(TeOffice.objects.filter(ely=assignment.ely).values_list("code", flat=True))
    return Grant(
        assignment_id=assignment.pk,
        role=assignment.role,
        kind=kind,
        everything=kind == ScopeKind.COUNTRY,
        municipalities=frozenset(municipalities),
        trial_areas=frozenset(trial_areas),
        elys=frozenset(elys),
        te_offices=frozenset(te_offices),
    )


def grants(user, on: dt.date) -> tuple[Grant, ...]:
    """The user's assignments valid on `on`, resolved; cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ()
    cache = user.__dict__.setdefault("_kk_grants", {})
    if on not in cache:
        assignments = (
            RoleAssignment.objects.valid_on(on)
            .filter(user=user)
            .select_related("municipality", "trial_area", "te_office", "ely")
        )
        cache[on] = tuple(resolve(a, on) for a in assignments)
    return cache[on]


def roles_on(user, on: dt.date) -> set[str]:
    return {g.role for g in grants(user, on)}
