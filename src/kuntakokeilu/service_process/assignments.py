"""Assigning job seekers to case workers (R-SP-2, issue 16 item 2): one person or many at once.

`assign(user, persons, worker, on=, today=)` is the one writer, for a single assignment and for the area
manager's bulk reassignment alike. Readings (documented choices):

- Who: the area manager of the trial area (action `service_process.assign_customers`). Approvers do not
  assign: the issue gives the (bulk) reassignment to the area manager, and an approver's competence is
  decisions, not the division of work.
- What: every person must be a customer of a municipality of the user's trial area on `on`, and the worker
  must hold a case-worker role covering that municipality on `on`. Otherwise `services.Refused` with a
  fi/sv message naming the person or the worker, and nothing changes: a bulk reassignment is all or
  nothing.
- When: an assignment begins on `on`, never before today (the division of work is not backdated) and
  never before the person's current assignment began. The previous assignment ends the day before. On the
  same day, the later assignment replaces the earlier one in its row (an assignment holds for whole days;
  the row keeps who assigned it last). Assigning a person to the worker they already have changes nothing.
- Escalation thresholds of an area (`set_escalation_threshold`): at least one working day, no overlap
  with another of the area's thresholds, checked like the first-contact target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.roles import Role
from kuntakokeilu.access.scope import grants
from kuntakokeilu.customers.models import Customership, Person, Responsible
from kuntakokeilu.regions.models import Municipality, TrialArea

from .assignment_queries import valid_on
from .models import AreaEscalationThreshold, CustomerAssignment
from .services import NOT_AREA_MANAGER, Formatted, Refused, _date, store_area_setting

ONE_DAY = dt.timedelta(days=1)
ACTION = "service_process.assign_customers"

NO_PERSONS = _("Choose at least one job seeker.")
NOT_AREA_CUSTOMER = _("%(name)s is not a customer of a municipality of your trial area on %(date)s.")
NOT_CASE_WORKER = _("%(worker)s is not a case worker of %(municipality)s on %(date)s.")
BACKDATED = _("An assignment cannot begin before today (%(today)s).")
BEFORE_CURRENT = _("%(name)s is assigned from %(start)s; a new assignment cannot begin before it.")
THRESHOLD_TOO_SHORT = _("The threshold must be at least one working day.")
THRESHOLD_OVERLAPS = _("The threshold overlaps another threshold of the area valid from %(start)s.")


class _Name:
    """A municipality's name in the language active when the message is shown."""

    def __init__(self, municipality: Municipality):
        self.municipality = municipality

    def __str__(self) -> str:
        return self.municipality.names().get(translation.get_language() or "fi") or self.municipality.name_fi


@dataclass(frozen=True)
class Assigned:
    changed: int
    unchanged: int


def _worker_name(worker) -> str:
    return worker.get_full_name() or worker.username


def _customer_municipalities(persons: list[Person], on: dt.date) -> dict:
    """{person id: the Municipality whose customer the person is on `on`} in one query."""
    rows = Customership.objects.filter(
        valid_on(on), person__in=persons, responsible=Responsible.MUNICIPALITY
    ).select_related("municipality")
    return {row.person_id: row.municipality for row in rows}


def assign(user, persons: Iterable[Person], worker, *, on: dt.date, today: dt.date) -> Assigned:
    """Assign `persons` to the case worker `worker` from `on` (all or nothing; see the module)."""
    persons = list(dict.fromkeys(persons))
    if not can(user, ACTION, None, today):
        raise Refused(None, NOT_AREA_MANAGER)
    if not persons:
        raise Refused("persons", NO_PERSONS)
    if on < today:
        raise Refused("on", Formatted(BACKDATED, today=_date(today)))
    areas = grants_for(user, ACTION, today)
    codes = set().union(*(g.municipalities for g in areas))
    held = _customer_municipalities(persons, on)
    for person in persons:
        municipality = held.get(person.pk)
        if municipality is None or municipality.code not in codes:
            raise Refused("persons", Formatted(NOT_AREA_CUSTOMER, name=person.full_name, date=_date(on)))
    covered = set().union(*(g.municipalities for g in grants(worker, on) if g.role == Role.CASE_WORKER))
    for municipality in {m.code: m for m in held.values()}.values():
        if municipality.code not in covered:
            message = Formatted(
                NOT_CASE_WORKER, worker=_worker_name(worker), municipality=_Name(municipality), date=_date(on)
            )
            raise Refused("worker", message)
    with transaction.atomic():
        current = {
            a.person_id: a
            for a in CustomerAssignment.objects.select_for_update().filter(
                person__in=persons, valid_to__isnull=True
            )
        }
        for person in persons:
            row = current.get(person.pk)
            if row is not None and row.valid_from > on:
                start = _date(row.valid_from)
                raise Refused("on", Formatted(BEFORE_CURRENT, name=person.full_name, start=start))
        changed = unchanged = 0
        for person in persons:
            row = current.get(person.pk)
            if row is not None and row.worker_id == worker.pk:
                unchanged += 1
                continue
            if row is not None and row.valid_from == on:  # the same day: the later assignment holds
                row.worker, row.assigned_by = worker, user
                row.save(update_fields=["worker", "assigned_by"])
            else:
                if row is not None:
                    row.valid_to = on - ONE_DAY
                    row.save(update_fields=["valid_to"])
                CustomerAssignment.objects.create(
                    person=person, worker=worker, valid_from=on, assigned_by=user
                )
            changed += 1
    return Assigned(changed, unchanged)


def case_workers(area: TrialArea, on: dt.date):
    """The users holding a case-worker role on `on` for a municipality of `area` or the area itself."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.access.models import RoleAssignment

    codes = list(area.members.values_list("municipality__code", flat=True))
    held = (
        RoleAssignment.objects.valid_on(on)
        .filter(role=Role.CASE_WORKER)
        .filter(Q(municipality__code__in=codes) | Q(trial_area=area))
    )
    users = get_user_model().objects.filter(is_active=True, pk__in=held.values("user_id"))
    return users.order_by("last_name", "first_name", "username")


def set_escalation_threshold(
    user,
    area: TrialArea,
    *,
    working_days: int,
    valid_from: dt.date,
    valid_to: dt.date | None,
    today: dt.date,
) -> AreaEscalationThreshold:
    """Store the area's own escalation threshold (R-SP-2): at least one working day, no overlap."""
    if not can(user, "service_process.manage_service_points", area, today):
        raise Refused(None, NOT_AREA_MANAGER)
    if working_days < 1:
        raise Refused("working_days", THRESHOLD_TOO_SHORT)
    return store_area_setting(
        AreaEscalationThreshold, user, area, working_days, valid_from, valid_to, overlaps=THRESHOLD_OVERLAPS
    )
