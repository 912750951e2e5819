"""The one catalogue of actions (R-X-1): every page, API endpoint and command asks here.

Each action is declared once with a small predicate over (user, object, date). Pages declare theirs
with `access.decorators.requires`, API views with `kk_action` and the `Catalogue` permission class;
`tests/test_routes_declare_actions.py` fails on any route that declares none. To add an action, append
it to your app's section below; never edit another app's section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kuntakokeilu import clock

from .roles import AREA_STAFF_ROLES, Role
from .scope import grants, resolve

Predicate = Callable[[Any, Any, dt.date], bool]


@dataclass(frozen=True)
class Action:
    code: str
    label: str | Promise
    rule: Predicate
    public: bool = False  # anonymous users too


CATALOGUE: dict[str, Action] = {}


class UnknownAction(LookupError):
    pass


def declare(code: str, label: str | Promise, *, public: bool = False) -> Callable[[Predicate], Predicate]:
    def register(rule: Predicate) -> Predicate:
        if code in CATALOGUE:
            raise ValueError(f"action {code!r} is declared twice")
        CATALOGUE[code] = Action(code, label, rule, public)
        return rule

    return register


def get_action(code: str) -> Action:
    try:
        return CATALOGUE[code]
    except KeyError:
        raise UnknownAction(f"no action {code!r} in the catalogue") from None


def can(user, code: str, obj: Any = None, on: dt.date | None = None) -> bool:
    action = get_action(code)
    if not action.public and not getattr(user, "is_authenticated", False):
        return False
    return bool(action.rule(user, obj, on or clock.today()))


def _has_role(user, on: dt.date, *roles: str) -> bool:
    return any(g.role in roles for g in grants(user, on))


def _anyone(user, obj, on) -> bool:
    return True


# --- web ---------------------------------------------------------------------------------------

declare("web.view_public", _("See the public pages"), public=True)(_anyone)
declare("web.set_language", _("Choose the interface language"), public=True)(_anyone)


def _holds_a_role(user, obj, on) -> bool:
    return bool(grants(user, on))


declare("web.view_home", _("See one's own home page"))(_holds_a_role)


# --- regions -----------------------------------------------------------------------------------

declare("regions.view_reference", _("See municipalities and trial areas"), public=True)(_anyone)


# --- access ------------------------------------------------------------------------------------

declare("access.sign_in", _("Sign in and out"), public=True)(_anyone)


@declare("access.use_admin_site", _("Use the administration site"))
def use_admin_site(user, obj, on) -> bool:
    return _has_role(user, on, Role.ADMIN)


@declare("access.manage_staff", _("Manage a trial area's staff"))
def manage_staff(user, area, on) -> bool:
    """Admins: every area. Area managers: their own area (`area` None: any area of theirs)."""
    if _has_role(user, on, Role.ADMIN):
        return True
    managed = [g for g in grants(user, on) if g.role == Role.AREA_MANAGER]
    return bool(managed) if area is None else any(g.covers(area) for g in managed)


@declare("access.manage_user", _("Manage a staff member's account and roles"))
def manage_user(user, target, on) -> bool:
    """Admins: everyone. Area managers: staff whose current and future roles all lie in their area."""
    if _has_role(user, on, Role.ADMIN):
        return True
    if target is None or target.is_superuser or target.pk == user.pk:
        return False
    managed = [g for g in grants(user, on) if g.role == Role.AREA_MANAGER]
    if not managed:
        return False
    theirs = list(target.role_assignments.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on)))
    return bool(theirs) and all(_area_manager_may_give(managed, a, on) for a in theirs)


@declare("access.give_role", _("Give a role to a staff member"))
def give_role(user, assignment, on) -> bool:
    """Admins: any role. Area managers: case worker, approver or area manager within their area."""
    if _has_role(user, on, Role.ADMIN):
        return True
    managed = [g for g in grants(user, on) if g.role == Role.AREA_MANAGER]
    return assignment is not None and _area_manager_may_give(managed, assignment, on)


def _area_manager_may_give(managed, assignment, on) -> bool:
    if assignment.role not in AREA_STAFF_ROLES:
        return False
    proposed = resolve(assignment, on)
    return any(g.covers_all_of(proposed) for g in managed)


# --- api ---------------------------------------------------------------------------------------

declare("api.view_schema", _("Read the API description"), public=True)(_anyone)


declare("api.view_own_account", _("See one's own roles and scope"))(_holds_a_role)


# --- customers ---------------------------------------------------------------------------------
# Personal data (R-X-1; law notes §7.1: only the data necessary for one's tasks): case workers, approvers
# and area managers see a person while the person is a customer of a municipality in their grant on the
# date, or has an open due transfer handled by one (a kotikunta change), or an open transfer request naming
# one as the receiver (`customers.worklist.involved_municipalities`; a trial-area scope pools its members).
# TE-office officials see the persons whose kotikunta (or, with temporary protection, residence) is in
# their office's area. Ministry, ELY, applicants, researchers and admins see no person's page; admins
# read the access log and answer access requests.

PERSON_ROLES = (Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE)
CORRECTING_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def _person_in_scope(user, obj, on, roles) -> bool:
    """`obj` is a Person or one of its facts."""
    from kuntakokeilu.customers.queries import home_municipality_code
    from kuntakokeilu.customers.worklist import involved_municipalities

    person = getattr(obj, "person", obj)
    relevant = [g for g in grants(user, on) if g.role in roles]
    if person is None or not relevant:
        return False
    if any(g.everything for g in relevant):
        return True
    offices = [g for g in relevant if g.role == Role.TE_OFFICE]
    if offices:
        code = home_municipality_code(person, on)
        if code is not None and any(code in g.municipalities for g in offices):
            return True
    municipal = [g for g in relevant if g.role != Role.TE_OFFICE]
    if not municipal:
        return False
    codes = involved_municipalities(person, on)
    return any(codes & g.municipalities for g in municipal)


@declare("customers.search", _("Search job seekers"))
def customers_search(user, obj, on) -> bool:
    return _has_role(user, on, *PERSON_ROLES)


@declare("customers.view_person", _("See a job seeker's data"))
def customers_view_person(user, person, on) -> bool:
    return _person_in_scope(user, person, on, PERSON_ROLES)


@declare("customers.correct_fact", _("Correct a job seeker's facts"))
def customers_correct_fact(user, person, on) -> bool:
    return _person_in_scope(user, person, on, CORRECTING_ROLES)


@declare("customers.import", _("Import job seekers from a file"))
def customers_import(user, obj, on) -> bool:
    return _has_role(user, on, Role.ADMIN)


# --- customers: transfers ---
# A transfer notice (R-TG-7) is personal data: those who may see the person may print it.
from kuntakokeilu.customers.labels import TRANSFER_ACTION_LABELS  # noqa: E402


@declare("customers.view_notice", TRANSFER_ACTION_LABELS["customers.view_notice"])
def customers_view_notice(user, obj, on) -> bool:
    """`obj` is a Notice or its Person."""
    person = obj.customership.person if hasattr(obj, "customership") else obj
    return _person_in_scope(user, person, on, PERSON_ROLES)


# --- customers: due transfers (worklist) ---
# The 7-day worklist (R-TG-4, R-TG-5): TE-office officials make the transfers of their office's area;
# case workers and approvers of a trial municipality make the kotikunta changes of its customers (L1269
# s. 5 mom 1); area managers see their area's list. `obj` is a DueTransfer (None: any of one's own).
WORKLIST_ROLES = (Role.TE_OFFICE, Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER)
TRANSFERRING_ROLES = (Role.TE_OFFICE, Role.CASE_WORKER, Role.APPROVER)


def _handles(user, due, on, roles) -> bool:
    relevant = [g for g in grants(user, on) if g.role in roles]
    if due is None or not relevant:
        return bool(relevant)
    if due.handler_te_office_id is not None:
        offices = [g for g in relevant if g.role == Role.TE_OFFICE]
        return any(g.everything or g.covers(due.handler_te_office) for g in offices)
    municipal = [g for g in relevant if g.role != Role.TE_OFFICE]
    return any(g.everything or g.covers(due.handler_municipality) for g in municipal)


@declare("customers.view_due_transfers", TRANSFER_ACTION_LABELS["customers.view_due_transfers"])
def customers_view_due_transfers(user, due, on) -> bool:
    return _handles(user, due, on, WORKLIST_ROLES)


@declare("customers.complete_transfer", TRANSFER_ACTION_LABELS["customers.complete_transfer"])
def customers_complete_transfer(user, due, on) -> bool:
    return _handles(user, due, on, TRANSFERRING_ROLES)


# --- customers: customer counts ---
# A trial area's customers per month-end (issue 6): aggregates with small counts hidden, no personal data.
# The area's manager, the ministry, and ELY and TE-office officials of the area's ELY centre or TE
# office. `obj` is a TrialArea (None: any area of one's own).
from kuntakokeilu.customers.labels import COUNTS_ACTION_LABELS  # noqa: E402

COUNT_ROLES = (Role.AREA_MANAGER, Role.MINISTRY, Role.ELY, Role.TE_OFFICE)


@declare("customers.view_customer_counts", COUNTS_ACTION_LABELS["customers.view_customer_counts"])
def customers_view_customer_counts(user, area, on) -> bool:
    relevant = [g for g in grants(user, on) if g.role in COUNT_ROLES]
    return bool(relevant) if area is None else any(g.covers(area) for g in relevant)


# --- customers: transfer requests ---
# A customer's request to move back to the TE office or to another trial municipality (R-TG-5; L1269 s. 5
# as amended by L421/2021). TE-office officials of the person's place and case workers of the municipality
# whose customer the person is record it; approvers and area managers of the receiving municipality
# accept or decline; the TE office of the person's place decides. `obj` is a Person (record) or a
# TransferRequest (answer, decide); None: any of one's own.
from kuntakokeilu.customers.labels import REQUEST_ACTION_LABELS  # noqa: E402

RECORDING_ROLES = (Role.TE_OFFICE, Role.CASE_WORKER)
ANSWERING_ROLES = (Role.APPROVER, Role.AREA_MANAGER)
REQUEST_ROLES = (Role.TE_OFFICE, *ANSWERING_ROLES)


def _te_office_covers_place(relevant, person, on) -> bool:
    from kuntakokeilu.customers.queries import home_municipality_code

    offices = [g for g in relevant if g.role == Role.TE_OFFICE]
    if any(g.everything for g in offices):
        return True
    code = home_municipality_code(person, on) if offices else None
    return code is not None and any(code in g.municipalities for g in offices)


@declare("customers.record_request", REQUEST_ACTION_LABELS["customers.record_request"])
def customers_record_request(user, person, on) -> bool:
    from kuntakokeilu.customers.requests import municipal_customership

    relevant = [g for g in grants(user, on) if g.role in RECORDING_ROLES]
    if person is None or not relevant:
        return bool(relevant)
    if _te_office_covers_place(relevant, person, on):
        return True
    workers = [g for g in relevant if g.role == Role.CASE_WORKER]
    held = municipal_customership(person, on) if workers else None
    return held is not None and any(g.covers(held.municipality) for g in workers)


@declare("customers.view_requests", REQUEST_ACTION_LABELS["customers.view_requests"])
def customers_view_requests(user, obj, on) -> bool:
    return _has_role(user, on, *REQUEST_ROLES)


@declare("customers.answer_request", REQUEST_ACTION_LABELS["customers.answer_request"])
def customers_answer_request(user, request, on) -> bool:
    relevant = [g for g in grants(user, on) if g.role in ANSWERING_ROLES]
    if request is None or not relevant:
        return bool(relevant)
    return request.municipality_id is not None and any(g.covers(request.municipality) for g in relevant)


@declare("customers.decide_request", REQUEST_ACTION_LABELS["customers.decide_request"])
def customers_decide_request(user, request, on) -> bool:
    relevant = [g for g in grants(user, on) if g.role == Role.TE_OFFICE]
    if request is None or not relevant:
        return bool(relevant)
    return _te_office_covers_place(relevant, request.person, on)


@declare("access.read_log", _("Read the access log"))
def access_read_log(user, obj, on) -> bool:
    return _has_role(user, on, Role.ADMIN)


@declare("access.access_request", _("Answer a data subject's access request"))
def access_access_request(user, obj, on) -> bool:
    return _has_role(user, on, Role.ADMIN)


# --- applications ------------------------------------------------------------------------------
# Application rounds (R-APP): applicants see and write their own municipality's applications (the lead
# or a member); ELY officials see those whose lead is in their area on the date; the ministry sees all and
# decides. `obj` is an Application (None: any of one's own). Labels are translated in the applications app.
from kuntakokeilu.applications.messages import ACTION_LABELS as APPLICATION_LABELS  # noqa: E402


def _application_grants(user, application, on, *roles) -> bool:
    relevant = [g for g in grants(user, on) if g.role in roles]
    if application is None or not relevant:
        return bool(relevant)
    places = [application.lead]
    if application.pk is not None and Role.APPLICANT in roles:
        places.extend(application.municipalities.all())
    return any(g.covers(place) for g in relevant for place in places)


@declare("applications.view", APPLICATION_LABELS["applications.view"])
def applications_view(user, application, on) -> bool:
    if _has_role(user, on, Role.MINISTRY):
        return True
    return _application_grants(user, application, on, Role.ELY, Role.APPLICANT)


@declare("applications.apply", APPLICATION_LABELS["applications.apply"])
def applications_apply(user, application, on) -> bool:
    """Applicants of the lead municipality (`application` None: any applicant)."""
    applicants = [g for g in grants(user, on) if g.role == Role.APPLICANT]
    if application is None:
        return bool(applicants)
    return any(g.covers(application.lead) for g in applicants)


@declare("applications.request_supplement", APPLICATION_LABELS["applications.request_supplement"])
def applications_request_supplement(user, application, on) -> bool:
    if _has_role(user, on, Role.MINISTRY):
        return True
    return _application_grants(user, application, on, Role.ELY)


@declare("applications.select", APPLICATION_LABELS["applications.select"])
def applications_select(user, obj, on) -> bool:
    return _has_role(user, on, Role.MINISTRY, Role.ELY)


@declare("applications.decide", APPLICATION_LABELS["applications.decide"])
def applications_decide(user, obj, on) -> bool:
    return _has_role(user, on, Role.MINISTRY)


# --- evaluation --------------------------------------------------------------------------------
# Impact evaluation (R-EVAL-3): researchers and the ministry run specifications and read every run's
# report (national, aggregate statistics; no personal data). ELY officials do not: the issue names
# researchers and ministry users. Labels are translated in the evaluation app.
from kuntakokeilu.evaluation.messages import ACTION_LABELS as EVALUATION_LABELS  # noqa: E402


@declare("evaluation.view_runs", EVALUATION_LABELS["evaluation.view_runs"])
def evaluation_view_runs(user, obj, on) -> bool:
    return _has_role(user, on, Role.RESEARCHER, Role.MINISTRY)


@declare("evaluation.run", EVALUATION_LABELS["evaluation.run"])
def evaluation_run(user, obj, on) -> bool:
    return _has_role(user, on, Role.RESEARCHER, Role.MINISTRY)


# --- jobs --------------------------------------------------------------------------------------
# The background tasks and their workers (issue 11): admins only. Labels are translated in the jobs app.
from kuntakokeilu.jobs.messages import ACTION_LABELS as JOBS_LABELS  # noqa: E402


@declare("jobs.view_jobs", JOBS_LABELS["jobs.view_jobs"])
def jobs_view_jobs(user, obj, on) -> bool:
    return _has_role(user, on, Role.ADMIN)
