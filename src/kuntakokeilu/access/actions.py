"""The one catalogue of actions (R-X-1): every page, API endpoint and command asks here.

eVaka-style: one list, one entry per action, each with the roles that may ever take it and, where the
answer depends on the object, one scope predicate over (user, the user's grants of those roles, object,
date). The catalogue imports no domain app: each app declares its own actions in its `actions.py`, which
its `AppConfig.ready` imports, so the list is complete once Django has started (`make catalogue` and the
admins' page `/access/catalogue/` print it). Pages declare theirs with `access.decorators.requires`, API
views with `kk_action` and the `Catalogue` permission class; `tests/test_routes_declare_actions.py` fails
on any route that declares none, and `tests/access/test_authorisation_matrix.py` on an action without a
row. The access app's own actions, and the reference data's (regions is a layer below), are declared at
the end of this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kuntakokeilu import clock

from .roles import AREA_STAFF_ROLES, Role
from .scope import Grant, grants, resolve

# (user, the user's grants of the action's roles on the date, object, date) -> allowed
Scope = Callable[[Any, tuple[Grant, ...], Any, dt.date], bool]


@dataclass(frozen=True)
class Action:
    """One action: `roles` may ever take it; `scope` (when given) decides for one object. `public`
    actions are open to everyone, signed in or not."""

    code: str
    label: str | Promise
    roles: tuple[str, ...]
    scope: Scope | None = None
    public: bool = False
    app: str = ""

    def allows(self, user, obj: Any, on: dt.date) -> bool:
        if self.public:
            return True
        if not getattr(user, "is_authenticated", False):
            return False
        relevant = held(user, on, self.roles)
        if not relevant:
            return False
        if obj is None or self.scope is None:
            return True
        return bool(self.scope(user, relevant, obj, on))


CATALOGUE: dict[str, Action] = {}


class UnknownAction(LookupError):
    pass


def declare(
    code: str,
    label: str | Promise,
    *,
    roles: Iterable[str] = (),
    scope: Scope | None = None,
    public: bool = False,
) -> Action:
    """Add an action to the catalogue (once; a second declaration of a code is an error)."""
    if code in CATALOGUE:
        raise ValueError(f"action {code!r} is declared twice")
    roles = tuple(roles)
    if not public and not roles:
        raise ValueError(f"action {code!r} names no role")
    action = Action(code, label, roles, scope, public, code.split(".", 1)[0])
    CATALOGUE[code] = action
    return action


def scoped(code: str, label: str | Promise, *, roles: Iterable[str]) -> Callable[[Scope], Scope]:
    """`declare` as a decorator of the action's scope predicate."""

    def register(scope: Scope) -> Scope:
        declare(code, label, roles=roles, scope=scope)
        return scope

    return register


def get_action(code: str) -> Action:
    try:
        return CATALOGUE[code]
    except KeyError:
        raise UnknownAction(f"no action {code!r} in the catalogue") from None


def can(user, code: str, obj: Any = None, on: dt.date | None = None) -> bool:
    """Whether `user` may take action `code` on `obj` (None: on some object of their own) on `on`."""
    return get_action(code).allows(user, obj, on or clock.today())


def held(user, on: dt.date, roles: Iterable[str]) -> tuple[Grant, ...]:
    """The user's grants on `on` of any of `roles`."""
    wanted = set(roles)
    return tuple(g for g in grants(user, on) if g.role in wanted)


def grants_for(user, code: str, on: dt.date) -> tuple[Grant, ...]:
    """The user's grants that action `code` counts on `on`: what QuerySet filters of the action's
    objects are built from (instead of asking the catalogue row by row)."""
    action = get_action(code)
    if not getattr(user, "is_authenticated", False):
        return ()
    return held(user, on, action.roles)


ALL_ROLES = tuple(Role.values)


def covers_object(user, relevant, obj, on) -> bool:
    """The common scope: a grant covers the object (a place)."""
    return any(g.covers(obj) for g in relevant)


# --- access ------------------------------------------------------------------------------------

declare("access.sign_in", _("Sign in and out"), public=True)
declare("access.use_admin_site", _("Use the administration site"), roles=(Role.ADMIN,))


def _admin(relevant) -> bool:
    return any(g.role == Role.ADMIN for g in relevant)


@scoped("access.manage_staff", _("Manage a trial area's staff"), roles=(Role.ADMIN, Role.AREA_MANAGER))
def manage_staff(user, relevant, area, on) -> bool:
    """Admins: every area. Area managers: their own area."""
    return _admin(relevant) or any(g.covers(area) for g in relevant)


@scoped(
    "access.manage_user",
    _("Manage a staff member's account and roles"),
    roles=(Role.ADMIN, Role.AREA_MANAGER),
)
def manage_user(user, relevant, target, on) -> bool:
    """Admins: everyone. Area managers: staff whose current and future roles all lie in their area."""
    if _admin(relevant):
        return True
    if target.is_superuser or target.pk == user.pk:
        return False
    theirs = list(target.role_assignments.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on)))
    return bool(theirs) and all(_area_manager_may_give(relevant, a, on) for a in theirs)


@scoped("access.give_role", _("Give a role to a staff member"), roles=(Role.ADMIN, Role.AREA_MANAGER))
def give_role(user, relevant, assignment, on) -> bool:
    """Admins: any role. Area managers: case worker, approver or area manager within their area."""
    return _admin(relevant) or _area_manager_may_give(relevant, assignment, on)


def _area_manager_may_give(managed, assignment, on) -> bool:
    if assignment.role not in AREA_STAFF_ROLES:
        return False
    proposed = resolve(assignment, on)
    return any(g.covers_all_of(proposed) for g in managed if g.role == Role.AREA_MANAGER)


# The access log and the data subject's access request (R-X-2): the system's administrators.
declare("access.read_log", _("Read the access log"), roles=(Role.ADMIN,))
declare("access.access_request", _("Answer a data subject's access request"), roles=(Role.ADMIN,))
declare("access.view_catalogue", _("See the action catalogue"), roles=(Role.ADMIN,))

# --- regions (a layer below access: its one action is declared here) ----------------------------

declare("regions.view_reference", _("See municipalities and trial areas"), public=True)
