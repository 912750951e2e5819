"""The statements app's actions in the catalogue (R-X-1, R-SP-8): registered by `apps.py`.

A person's benefit events, reminders, statements and notices are seen and recorded by the case workers and
approvers of the municipality whose customer the person is (for a stored event, statement, notice or
reminder: the municipality that recorded the event). The TE office sees the notices addressed to it — the
notices whose handling TE office its grants cover — and nothing else of the app.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.models import Person
from kuntakokeilu.customers.visibility import customer_municipality

MUNICIPAL_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def _municipality(obj, on):
    """The municipality that answers for `obj`: a Person's customer municipality on `on`; an event's, a
    statement's, a notice's or a reminder's recording municipality."""
    if isinstance(obj, Person):
        return customer_municipality(obj, on)
    return obj.municipality


def _customer_municipality(user, relevant, obj, on) -> bool:
    place = _municipality(obj, on)
    return place is not None and any(g.covers(place) for g in relevant)


def _addressed_te_office(user, relevant, obj, on) -> bool:
    """`obj` is a TeOfficeNotice sent (a draft is the municipality's still): the grants cover the TE office
    it is addressed to."""
    office = getattr(obj, "handler_te_office", None)
    if office is None or getattr(obj, "status", "draft") == "draft":
        return False
    return any(g.covers(office) for g in relevant)


declare(
    "statements.view",
    _("See a job seeker's benefit events, reminders, labour-policy statements and notices to the TE office"),
    roles=MUNICIPAL_ROLES,
    scope=_customer_municipality,
)
declare(
    "statements.record",
    _("Record a benefit event and give labour-policy statements and notices to the TE office"),
    roles=MUNICIPAL_ROLES,
    scope=_customer_municipality,
)
declare(
    "statements.view_notices",
    _("See the notices of trial municipalities addressed to one's own TE office"),
    roles=(Role.TE_OFFICE,),
    scope=_addressed_te_office,
)
