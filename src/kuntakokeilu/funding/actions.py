"""The funding actions in the catalogue (R-X-1, R-RES-1, R-RES-3, R-RES-4): registered by `apps.py`.

The ministry allocates to the ELY centres; an ELY centre's officials divide its allocation among the trial
areas of their own area and record the state staff placed under those areas' direction; quotas are seen by
the ministry (all), the ELY officials (their own area) and the area managers (their own area). Own funding
is recorded by the area manager for the area's municipalities and seen by them, the ministry and the ELY
centre of the area. Objects: an ELY centre, a trial area or a municipality (or a row naming one).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea


def place_of(obj):
    """The place an object names: itself, or a row's ELY centre, trial area or municipality."""
    if isinstance(obj, ElyCentre | TrialArea | Municipality):
        return obj
    for name in ("trial_area", "ely", "municipality"):
        place = getattr(obj, name, None)
        if place is not None:
            return place
    return obj


def _covers(user, relevant, obj, on) -> bool:
    place = place_of(obj)
    return any(g.covers(place) for g in relevant)


def _quota_scope(user, relevant, obj, on) -> bool:
    """An ELY centre is seen by the ministry and its own officials; a trial area also by its manager."""
    place = place_of(obj)
    return any(
        g.covers(place) for g in relevant if g.role != Role.AREA_MANAGER or isinstance(place, TrialArea)
    )


declare(
    "funding.allocate",
    _("Allocate the appropriations to the ELY centres"),
    roles=(Role.MINISTRY,),
    scope=_covers,
)
declare(
    "funding.set_quotas",
    _("Set the trial areas' quotas of one's own ELY centre"),
    roles=(Role.ELY,),
    scope=_covers,
)
declare(
    "funding.view_quotas",
    _("See the allocations and the trial areas' quotas"),
    roles=(Role.MINISTRY, Role.ELY, Role.AREA_MANAGER),
    scope=_quota_scope,
)
declare(
    "funding.record_person_years",
    _("Record the state staff placed under a trial area's direction"),
    roles=(Role.ELY,),
    scope=_covers,
)
declare(
    "funding.record_own_funding",
    _("Record the municipalities' own funding and 2018 expenditure"),
    roles=(Role.AREA_MANAGER,),
    scope=_covers,
)
declare(
    "funding.view_own_funding",
    _("See the municipalities' own funding and the state staff"),
    roles=(Role.AREA_MANAGER, Role.MINISTRY, Role.ELY),
    scope=_covers,
)
declare(
    "funding.import_payments",
    _("Import the payments of a trial area's benefit decisions"),
    roles=(Role.AREA_MANAGER, Role.ADMIN),
    scope=_covers,
)
