"""The referrals app's actions in the catalogue (R-X-1): registered by `apps.py`.

A person's services are seen as the person's deadlines and meetings are (customers' visibility rule);
referrals and participation are recorded by the case workers and approvers of the municipality whose
customer the person is on the date.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.visibility import customer_municipality, person_in_scope

PERSON_ROLES = (Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE)
RECORDING_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def _person(user, relevant, obj, on) -> bool:
    """`obj` is a Person or a Referral."""
    return person_in_scope(relevant, getattr(obj, "person", obj), on)


def _customer_municipality(user, relevant, obj, on) -> bool:
    """`obj` is a Person or a Referral: the grants cover the municipality whose customer the person is."""
    municipality = customer_municipality(getattr(obj, "person", obj), on)
    if municipality is None:
        return False
    return any(g.covers(municipality) for g in relevant)


declare(
    "referrals.view",
    _("See a job seeker's services and referrals"),
    roles=PERSON_ROLES,
    scope=_person,
)
declare(
    "referrals.record",
    _("Refer a job seeker to a service and record the participation"),
    roles=RECORDING_ROLES,
    scope=_customer_municipality,
)
