"""The employer side's actions in the catalogue (R-SP-7, R-X-1): registered by `apps.py`.

Employers and their vacancies are the municipality's: seen and managed by the case workers and approvers of
the employer's (or vacancy's) municipality and by the area manager of the trial area it belongs to. A job
seeker's consents, presentations and job offers are the customer's data: only the case workers and approvers
of the municipality whose customer the person is on the date (as the service process's assessment).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.visibility import customer_municipality

PLACE_ROLES = (Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER)
PERSON_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def _place(user, relevant, obj, on) -> bool:
    """`obj` is an Employer or a Vacancy: a grant covers its municipality."""
    return any(g.covers(obj.municipality) for g in relevant)


def _customer_municipality(user, relevant, obj, on) -> bool:
    """`obj` is a Person (or a row with `person`): the grants cover the municipality whose customer the
    person is on the date."""
    municipality = customer_municipality(getattr(obj, "person", obj), on)
    if municipality is None:
        return False
    return any(g.covers(municipality) for g in relevant)


declare("employers.view", _("See employers and their vacancies"), roles=PLACE_ROLES, scope=_place)
declare("employers.manage", _("Record employers and their vacancies"), roles=PLACE_ROLES, scope=_place)
declare(
    "employers.view_offers",
    _("See a job seeker's job offers, consents and presentations"),
    roles=PERSON_ROLES,
    scope=_customer_municipality,
)
declare(
    "employers.record_offer",
    _("Record a job offer to a job seeker and its outcome"),
    roles=PERSON_ROLES,
    scope=_customer_municipality,
)
declare(
    "employers.record_consent",
    _("Record a job seeker's written consent to be presented to employers"),
    roles=PERSON_ROLES,
    scope=_customer_municipality,
)
declare(
    "employers.present",
    _("Present a job seeker to an employer"),
    roles=PERSON_ROLES,
    scope=_customer_municipality,
)
