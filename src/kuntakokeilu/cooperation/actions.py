"""The co-operation network's actions in the catalogue (R-X-1, R-SP-9): registered by `apps.py`.

The network is the trial area's and the state's together (L1269 s. 21): it is seen by the area's own staff
(area managers, case workers and approvers of the area or of one of its municipalities), by the officials
of the ELY centre and the TE office whose area the trial area is, and by the ministry; it is kept by the
area managers of the area. No job seeker's data is in it, so nothing is written to the access log.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role

VIEW_ROLES = (Role.AREA_MANAGER, Role.CASE_WORKER, Role.APPROVER, Role.ELY, Role.TE_OFFICE, Role.MINISTRY)


def area_of(obj):
    """`obj` is a TrialArea, a NetworkMember or a NetworkMeeting."""
    return getattr(obj, "trial_area", obj)


def _sees(user, relevant, obj, on) -> bool:
    """A grant of the area (the ministry's covers all; an ELY centre's or a TE office's the trial areas it
    serves), or a municipal grant of one of the area's member municipalities."""
    area = area_of(obj)
    members: set[str] | None = None
    for grant in relevant:
        if grant.covers(area):
            return True
        if grant.role in (Role.CASE_WORKER, Role.APPROVER) and grant.municipalities:
            if members is None:
                members = set(area.members.values_list("municipality__code", flat=True))
            if grant.municipalities & members:
                return True
    return False


def _manages(user, relevant, obj, on) -> bool:
    area = area_of(obj)
    return any(g.covers(area) for g in relevant)


declare(
    "cooperation.view",
    _("See the trial area's co-operation network and its meetings"),
    roles=VIEW_ROLES,
    scope=_sees,
)
declare(
    "cooperation.manage",
    _("Keep the trial area's co-operation network: members and meetings"),
    roles=(Role.AREA_MANAGER,),
    scope=_manages,
)
