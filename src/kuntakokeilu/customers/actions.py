"""The customers app's actions in the catalogue (R-X-1; law notes §7.1): registered by `apps.py`.

Who sees a person is `visibility.py`'s rule; who handles a due transfer or a request is the work item's
declaration (`models.DueTransfer.WORK_ITEM`, `models.TransferRequest.WORK_ITEM`, read by `workitems`).
Labels are translated in this app's catalogue (`labels.py`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import covers_object, declare, scoped
from kuntakokeilu.access.roles import Role
from kuntakokeilu.workitems.models import handles

from .labels import COUNTS_ACTION_LABELS, REQUEST_ACTION_LABELS, TRANSFER_ACTION_LABELS
from .visibility import customer_municipality, person_in_scope, te_office_covers_place

# Personal data: municipal staff of the person's municipalities and the TE office of the person's place.
# Ministry, ELY, applicants, researchers and admins see no person's page.
PERSON_ROLES = (Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE)
CORRECTING_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def _person(user, relevant, obj, on) -> bool:
    """`obj` is a Person or one of its facts."""
    return person_in_scope(relevant, getattr(obj, "person", obj), on)


declare("customers.search", _("Search job seekers"), roles=PERSON_ROLES)
declare("customers.view_person", _("See a job seeker's data"), roles=PERSON_ROLES, scope=_person)
declare("customers.correct_fact", _("Correct a job seeker's facts"), roles=CORRECTING_ROLES, scope=_person)
declare("customers.import", _("Import job seekers from a file"), roles=(Role.ADMIN,))


# --- transfers: notices (R-TG-7): those who may see the person may print their notices ---


@scoped("customers.view_notice", TRANSFER_ACTION_LABELS["customers.view_notice"], roles=PERSON_ROLES)
def view_notice(user, relevant, obj, on) -> bool:
    """`obj` is a Notice, a decided TransferRequest (its decision letter) or their Person."""
    if hasattr(obj, "asked_on"):  # a transfer request
        person = obj.person
    else:
        person = obj.customership.person if hasattr(obj, "customership") else obj
    return person_in_scope(relevant, person, on)


# --- transfers: the 7-day worklist (R-TG-4, R-TG-5) ---
# TE-office officials make the transfers of their office's area; case workers and approvers of a trial
# municipality make the kotikunta changes of its customers (L1269 s. 5 mom 1); area managers see their
# area's list. The object is a DueTransfer.
WORKLIST_ROLES = (Role.TE_OFFICE, Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER)
TRANSFERRING_ROLES = (Role.TE_OFFICE, Role.CASE_WORKER, Role.APPROVER)


def _handles(user, relevant, item, on) -> bool:
    return handles(relevant, item)


declare(
    "customers.view_due_transfers",
    TRANSFER_ACTION_LABELS["customers.view_due_transfers"],
    roles=WORKLIST_ROLES,
    scope=_handles,
)
declare(
    "customers.complete_transfer",
    TRANSFER_ACTION_LABELS["customers.complete_transfer"],
    roles=TRANSFERRING_ROLES,
    scope=_handles,
)

# issue 14: the TE office may keep a person it would transfer (L1269 s. 5 mom 3, mom 5 after L671/2022):
# TE-office officials, on their own office's due transfers.
declare(
    "customers.keep_with_te_office",
    TRANSFER_ACTION_LABELS["customers.keep_with_te_office"],
    roles=(Role.TE_OFFICE,),
    scope=_handles,
)

# --- customer counts (issue 6): aggregates with small counts hidden, no personal data ---
# The area's manager, the ministry, and ELY and TE-office officials of the area's ELY centre or TE office.
declare(
    "customers.view_customer_counts",
    COUNTS_ACTION_LABELS["customers.view_customer_counts"],
    roles=(Role.AREA_MANAGER, Role.MINISTRY, Role.ELY, Role.TE_OFFICE),
    scope=covers_object,
)

# --- transfer requests (R-TG-5; L1269 s. 5 as amended by L421/2021) ---
# TE-office officials of the person's place and case workers of the municipality whose customer the person
# is record a request; approvers and area managers of the receiving municipality accept or decline; the TE
# office of the person's place decides. The object is a Person (record) or a TransferRequest.


@scoped(
    "customers.record_request",
    REQUEST_ACTION_LABELS["customers.record_request"],
    roles=(Role.TE_OFFICE, Role.CASE_WORKER),
)
def record_request(user, relevant, person, on) -> bool:
    if te_office_covers_place(relevant, person, on):
        return True
    workers = [g for g in relevant if g.role == Role.CASE_WORKER]
    held = customer_municipality(person, on) if workers else None
    return held is not None and any(g.covers(held) for g in workers)


declare(
    "customers.view_requests",
    REQUEST_ACTION_LABELS["customers.view_requests"],
    roles=(Role.TE_OFFICE, Role.APPROVER, Role.AREA_MANAGER),
)


@scoped(
    "customers.answer_request",
    REQUEST_ACTION_LABELS["customers.answer_request"],
    roles=(Role.APPROVER, Role.AREA_MANAGER),
)
def answer_request(user, relevant, request, on) -> bool:
    """The receiving municipality's staff, whatever the request's state (the use case refuses a step its
    state does not allow; the worklist lists only the requests awaiting the answer)."""
    return request.municipality_id is not None and any(g.covers(request.municipality) for g in relevant)


@scoped(
    "customers.decide_request",
    REQUEST_ACTION_LABELS["customers.decide_request"],
    roles=(Role.TE_OFFICE,),
)
def decide_request(user, relevant, request, on) -> bool:
    """The deciding TE office: the one of the person's place when the request was asked."""
    return request.handler_te_office_id is not None and any(
        g.covers(request.handler_te_office) for g in relevant
    )
