"""The plans' actions in the catalogue (R-X-1, R-SP-5): registered by `apps.py`.

A person's plans are seen as the service-need assessment is (`service_process.view_assessment`): by the case
workers, approvers and area managers who may see the person. They are recorded by the case workers and
approvers of the municipality whose customer the person is on the date (`service_process.record_assessment`'s
scope). The TE office does not serve the municipality's customers (L1269 s. 9 gives the plans to the
municipality) and sees none of them.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.visibility import customer_municipality, person_in_scope


def _person_of(obj):
    """A Person, or a Plan / PlanVersion of one."""
    if hasattr(obj, "plan"):
        obj = obj.plan
    return getattr(obj, "person", obj)


def _person(user, relevant, obj, on) -> bool:
    return person_in_scope(relevant, _person_of(obj), on)


def _customer_municipality(user, relevant, obj, on) -> bool:
    municipality = customer_municipality(_person_of(obj), on)
    if municipality is None:
        return False
    return any(g.covers(municipality) for g in relevant)


declare(
    "plans.view",
    _("See a job seeker's plans"),
    roles=(Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER),
    scope=_person,
)
declare(
    "plans.record",
    _("Record a job seeker's plan, its versions and approvals"),
    roles=(Role.CASE_WORKER, Role.APPROVER),
    scope=_customer_municipality,
)
