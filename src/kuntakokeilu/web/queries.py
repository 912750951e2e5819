"""What a signed-in user's home page shows: each role held today, its scope and the trial areas in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kuntakokeilu.access.models import RoleAssignment
from kuntakokeilu.access.scope import grants
from kuntakokeilu.regions.models import Municipality, RegionalMembership, TrialArea
from kuntakokeilu.regions.queries import trial_areas_with_members


@dataclass
class HomeScope:
    assignment: RoleAssignment
    areas: list[TrialArea]
    municipalities: list[tuple[Municipality, RegionalMembership | None]]  # outside any trial area


def home_scopes(user, on: dt.date) -> list[HomeScope]:
    user_grants = grants(user, on)
    assignments = {
        a.pk: a
        for a in RoleAssignment.objects.filter(pk__in=[g.assignment_id for g in user_grants]).select_related(
            "municipality", "trial_area", "te_office", "ely"
        )
    }
    all_areas = trial_areas_with_members(on)
    scopes = []
    for grant in user_grants:
        areas = [
            a
            for a in all_areas
            if grant.covers(a) or any(m.municipality.code in grant.municipalities for m, _p in a.member_rows)
        ]
        in_areas = {m.municipality.code for a in areas for m, _p in a.member_rows}
        outside = [] if grant.everything else sorted(grant.municipalities - in_areas)
        memberships = {
            m.municipality.code: m
            for m in RegionalMembership.objects.valid_on(on)
            .filter(municipality__code__in=outside)
            .select_related("municipality", "ely", "te_office")
        }
        scopes.append(
            HomeScope(
                assignment=assignments[grant.assignment_id],
                areas=areas,
                municipalities=[
                    (memberships[c].municipality, memberships[c]) for c in outside if c in memberships
                ],
            )
        )
    return scopes
