"""The scopes of the worklist page (R-SP-2, issue 16 item 2): whose deadlines the list shows.

- `mine` (my customers): the items of the persons assigned to the user today — the default of a case
  worker who has customers assigned; one with none assigned starts on `municipality`, so that a new case
  worker does not face an empty list;
- `municipality`: every item the user's case-worker and approver grants handle, assigned or not (the
  approver's default);
- `escalated` (the area manager's default): the area's items overdue for more than the area's threshold;
- `area`: every item of the area manager's trial area.

Each scope narrows the grants the list is built from and adds at most one SQL condition
(`queries.worklist`'s `escalated` and `assigned_to`), so the rows stay one query.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.roles import Role
from kuntakokeilu.regions.models import TrialArea

from .assignment_queries import escalated, open_assignments

SCOPE_LABELS = {
    "mine": _("My customers"),
    "municipality": _("Municipality"),
    "escalated": _("Escalated to the trial area"),
    "area": _("Trial area"),
}
MUNICIPAL_ROLES = (Role.CASE_WORKER, Role.APPROVER)


def choose(user, grants, asked: str | None, today: dt.date):
    """(scope, the scopes offered as (code, label), the grants of the scope, whether only my customers)."""
    municipal = tuple(g for g in grants if g.role in MUNICIPAL_ROLES)
    managed = tuple(g for g in grants if g.role == Role.AREA_MANAGER)
    offered = []
    if any(g.role == Role.CASE_WORKER for g in municipal):
        offered.append("mine")
    if municipal:
        offered.append("municipality")
    if managed:
        offered += ["escalated", "area"]
    if asked in offered:
        scope = asked
    elif managed and not municipal:
        scope = "escalated"
    elif "mine" in offered and open_assignments(today).filter(worker=user).exists():
        scope = "mine"
    else:
        scope = offered[0] if offered else "municipality"
        scope = "municipality" if scope == "mine" else scope
    scoped = managed if scope in ("escalated", "area") else municipal
    return scope, [(code, SCOPE_LABELS[code]) for code in offered], scoped, scope == "mine"


def escalation_rows(grants, today: dt.date) -> list[dict]:
    """Each trial area's threshold and cut-off date on `today`, for the page's sentence."""
    _condition, shown = escalated(grants, today)
    areas = TrialArea.objects.in_bulk([t.area for t, _before in shown], field_name="number")
    return [
        {"area": areas.get(t.area), "days": t.working_days, "own": t.own, "before": before}
        for t, before in shown
    ]
