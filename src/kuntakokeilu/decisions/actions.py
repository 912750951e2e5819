"""The benefit decisions' actions in the catalogue (R-X-1, R-BEN-1): registered by `apps.py`.

A person's decisions are seen by the case workers, approvers and area managers who may see the person
(customers' visibility rule); they are prepared by the case workers and accepted by the approvers of the
municipality whose customer the person is on the date (maker–checker: `services.accept` refuses the
preparer); the letter templates are edited by the area managers and admins.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.visibility import customer_municipality, person_in_scope


def _person(user, relevant, obj, on) -> bool:
    """`obj` is a Person or a Decision."""
    return person_in_scope(relevant, getattr(obj, "person", obj), on)


def _customer_municipality(user, relevant, obj, on) -> bool:
    """`obj` is a Person or a Decision: the grants cover the municipality whose customer the person is (for a
    decision: the municipality that decided it)."""
    municipality = getattr(obj, "municipality", None)
    if municipality is None:
        municipality = customer_municipality(getattr(obj, "person", obj), on)
    if municipality is None:
        return False
    return any(g.covers(municipality) for g in relevant)


declare(
    "decisions.view",
    _("See a job seeker's benefit decisions"),
    roles=(Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER),
    scope=_person,
)
declare(
    "decisions.prepare",
    _("Prepare, cancel and correct benefit decisions"),
    roles=(Role.CASE_WORKER,),
    scope=_customer_municipality,
)
declare(
    "decisions.accept",
    _("Accept benefit decisions"),
    roles=(Role.APPROVER,),
    scope=_customer_municipality,
)
declare(
    "decisions.manage_templates",
    _("Edit the decision letter templates"),
    roles=(Role.AREA_MANAGER, Role.ADMIN),
)
