"""The service process's actions in the catalogue (R-X-1): registered by `apps.py`.

A person's deadlines and meetings are seen by those who may see the person (customers' visibility rule);
meetings are recorded by the municipality's case workers and approvers; service points and the area's
first-contact target are the area manager's, for the trial areas the grants cover.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.models import Customership, Responsible
from kuntakokeilu.customers.visibility import customer_municipality, person_in_scope

PERSON_ROLES = (Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE)
RECORDING_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def _person(user, relevant, obj, on) -> bool:
    """`obj` is a Person or a Meeting."""
    return person_in_scope(relevant, getattr(obj, "person", obj), on)


def _area(user, relevant, obj, on) -> bool:
    """`obj` is a TrialArea, a ServicePoint or an AreaFirstContactTarget."""
    area = getattr(obj, "trial_area", obj)
    return any(g.covers(area) for g in relevant)


declare(
    "service_process.view_deadlines",
    _("See a job seeker's deadlines and meetings"),
    roles=PERSON_ROLES,
    scope=_person,
)
declare(
    "service_process.record_meeting",
    _("Record a meeting with a job seeker"),
    roles=RECORDING_ROLES,
    scope=_person,
)
declare(
    "service_process.manage_service_points",
    _("Manage the trial area's service points and first-contact target"),
    roles=(Role.AREA_MANAGER,),
    scope=_area,
)

# The worklist of deadlines (R-SP-2): rows are filtered in SQL by `workitems.handled_by` over the grants.
declare(
    "service_process.view_worklist",
    _("See the deadlines of one's own customers, municipality or trial area"),
    roles=(Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER),
)

# The service-need assessment (R-SP-4). Least privilege: its non-sensitive part is seen by the staff of the
# municipalities involved with the person (case workers, approvers; the area manager, who answers for the
# area's service and its escalated deadlines); the TE office does not serve the municipality's customers
# and sees none of it. The special-category part (work and functional capacity, social, health and
# rehabilitation service needs; GDPR art. 9) and the recording — whose form shows it — belong only to the
# case workers and approvers of the municipality whose customer the person is on the date.


def _customer_municipality(user, relevant, obj, on) -> bool:
    """`obj` is a Person or an Assessment: the grants cover the municipality whose customer the person is."""
    municipality = customer_municipality(getattr(obj, "person", obj), on)
    if municipality is None:
        return False
    return any(g.covers(municipality) for g in relevant)


declare(
    "service_process.view_assessment",
    _("See a job seeker's service-need assessment (without the special-category data)"),
    roles=(Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER),
    scope=_person,
)
declare(
    "service_process.record_assessment",
    _("Record a job seeker's service-need assessment"),
    roles=RECORDING_ROLES,
    scope=_customer_municipality,
)
declare(
    "service_process.view_health_needs",
    _("See the work and functional capacity and the social, health and rehabilitation service needs"),
    roles=RECORDING_ROLES,
    scope=_customer_municipality,
)

# Customer assignment (R-SP-2, issue 16 item 2): the area manager assigns the area's customers to its case
# workers, one or many at once (`assignments.assign`; approvers do not: see that module). The own customer
# list is behind `service_process.view_worklist`.
declare(
    "service_process.assign_customers",
    _("Assign the trial area's job seekers to case workers"),
    roles=(Role.AREA_MANAGER,),
    scope=_area,
)


# The area's service points as a list for its staff (issue 16 item 5: the API), so that a meeting can name
# the point where it was held: those who record meetings in one of the area's municipalities, and the area
# manager — the least that `record_meeting` and `manage_service_points` need; no one else's.
def _area_staff(user, relevant, obj, on) -> bool:
    """`obj` is a TrialArea: a grant of the area, or of one of its member municipalities."""
    members = set(obj.members.values_list("municipality__code", flat=True))
    return any(g.covers(obj) or g.municipalities & members for g in relevant)


declare(
    "service_process.view_service_points",
    _("See the service points of one's own trial area"),
    roles=(*RECORDING_ROLES, Role.AREA_MANAGER),
    scope=_area_staff,
)


# Why a job search ended (issue 17 item 6): recorded by the case workers and approvers of the municipality
# whose customer the person is, or was last — the end of the job search ends the customership at once.
def _last_customer_municipality(user, relevant, obj, on) -> bool:
    """`obj` is a Person or a JobSearchEndReason."""
    row = (
        Customership.objects.filter(
            person=getattr(obj, "person", obj), responsible=Responsible.MUNICIPALITY, valid_from__lte=on
        )
        .exclude(municipality=None)
        .select_related("municipality")
        .order_by("-valid_from")
        .first()
    )
    return row is not None and any(g.covers(row.municipality) for g in relevant)


declare(
    "service_process.record_end_reason",
    _("Record why a job seeker's job search ended"),
    roles=RECORDING_ROLES,
    scope=_last_customer_municipality,
)
