"""Work items: matters that wait on an organisation's worklist until they are done or no longer due.

The 7-day transfer list and transfer requests are work items today; the service process's contacts,
interviews and reviews reuse the same pieces. A model declares, as data, which rows are open, which date
field is the deadline and who handles a row (`WorkItemSpec`), and uses `WorkItemQuerySet` as its manager:

- `open()`, `arisen_by(on)`, `overdue(on)` — the open items as QuerySet methods, for any model;
- `handled_by(grants)` — who handles an item as one SQL filter over the user's grants (a TE-office grant
  handles the rows naming its office, any other grant the rows naming a municipality it covers), never
  the catalogue called per row;
- `group_counts(on)`, `in_group(name, on)` — the worklist's groups overdue / today / this week / all,
  counted in one query (`groups.py`, with the page that both worklists show);
- `due_date(event_date, parameter, params)` — the deadline by a dated parameter counted in calendar days
  (`unit: days`) or working days (`unit: working_days`, over `rules.calendar`);
- `Transitions` — the allowed status changes as a table (see `transitions.py`).

`WorkItem` is the abstract model new work items inherit (dates and the two handler fields).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.roles import ScopeKind
from kuntakokeilu.access.scope import Grant
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.rules.calendar import WorkingDayCalendar
from kuntakokeilu.rules.parameters import ParameterStore

from . import groups

NOBODY = Q(pk__in=[])


@dataclass(frozen=True)
class Handler:
    """Rows whose fields have the values in `when` ({field: (values…)}; empty: every row) are handled by
    the TE office in field `te_office` or the municipality in field `municipality` (either may be empty).
    Read both as SQL (`WorkItemQuerySet.handled_by`) and on one object (`handles`)."""

    when: dict[str, tuple] = field(default_factory=dict)
    te_office: str = ""
    municipality: str = ""

    def applies_to(self, obj) -> bool:
        return all(str(getattr(obj, name)) in map(str, values) for name, values in self.when.items())

    def condition(self) -> Q:
        return Q(**{f"{name}__in": values for name, values in self.when.items()})


@dataclass(frozen=True)
class WorkItemSpec:
    open: Q
    due_field: str = ""
    event_field: str = "event_date"
    handlers: tuple[Handler, ...] = ()


def _offices_and_places(grants: Iterable[Grant]) -> tuple[set[str], set[str]]:
    """A TE-office grant handles its offices' items; any other grant the items of its municipalities."""
    grants = list(grants)
    offices = {code for g in grants if g.kind == ScopeKind.TE_OFFICE for code in g.te_offices}
    places = {code for g in grants if g.kind != ScopeKind.TE_OFFICE for code in g.municipalities}
    return offices, places


def _handler_filter(handler: Handler, grants: Iterable[Grant]) -> Q:
    offices, places = _offices_and_places(grants)
    found = NOBODY
    if handler.te_office and offices:
        found |= Q(**{f"{handler.te_office}__code__in": offices})
    if handler.municipality and places:
        # by id, not by a join on the code: the planner then knows a large municipality's share of rows and
        # walks its (handler, due date) index in order for a page (benchmarks/README.md, issue 16 item 8)
        ids = sorted(Municipality.objects.filter(code__in=places).values_list("pk", flat=True))
        found |= Q(**{f"{handler.municipality}__in": ids})
    return handler.condition() & found


def handles(grants: Iterable[Grant], item) -> bool:
    """Whether the grants handle one item (saved or not): the same answer as `handled_by` in SQL."""
    grants = list(grants)
    if any(g.everything for g in grants):
        return bool(grants)
    offices, places = _offices_and_places(grants)
    for handler in item.WORK_ITEM.handlers:
        if not handler.applies_to(item):
            continue
        office = getattr(item, handler.te_office, None) if handler.te_office else None
        place = getattr(item, handler.municipality, None) if handler.municipality else None
        if (office is not None and office.code in offices) or (place is not None and place.code in places):
            return True
    return False


class WorkItemQuerySet(models.QuerySet):
    @property
    def spec(self) -> WorkItemSpec:
        return self.model.WORK_ITEM

    def open(self) -> WorkItemQuerySet:
        return self.filter(self.spec.open)

    def arisen_by(self, on: dt.date) -> WorkItemQuerySet:
        return self.filter(**{f"{self.spec.event_field}__lte": on})

    def overdue(self, on: dt.date) -> WorkItemQuerySet:
        if not self.spec.due_field:
            return self.none()
        return self.open().filter(**{f"{self.spec.due_field}__lt": on})

    def handled_by(self, grants: Iterable[Grant]) -> WorkItemQuerySet:
        """The rows the grants handle (a country-wide grant: every row)."""
        grants = list(grants)
        if not grants:
            return self.none()
        if any(g.everything for g in grants):
            return self.all()
        query = NOBODY
        for handler in self.spec.handlers:
            query |= _handler_filter(handler, grants)
        return self.filter(query)

    # --- the worklist's groups (groups.py): overdue / today / this week / all, by the deadline ---

    def group_counts(self, on: dt.date) -> dict[str, int]:
        """{"overdue", "today", "week", "all": the number of these rows in each} in one aggregate query."""
        return groups.counts(self, on, self.spec.due_field)

    def in_group(self, name: str, on: dt.date) -> WorkItemQuerySet:
        """These rows of group `name` on `on` (`groups.UnknownGroup` for another name)."""
        return self.filter(groups.condition(name, on, self.spec.due_field))


def due_date(event_date: dt.date, parameter: str, params: ParameterStore) -> dt.date:
    """The deadline of a matter that arose on `event_date`: the parameter's number of days in force on
    that date, in calendar days (`unit: days`) or working days (`unit: working_days`)."""
    value = params.get(parameter, event_date)
    if value.unit == "days":
        return event_date + dt.timedelta(days=int(value.value))
    if value.unit == "working_days":
        return WorkingDayCalendar(params).add_working_days(event_date, int(value.value))
    raise ValueError(f"{parameter}: a deadline needs the unit days or working_days, not {value.unit!r}")


class WorkItem(models.Model):
    """The abstract work item: it arose on `event_date`, is due by `due_by` (None: no deadline), and is
    done (`done_on`) or no longer due (`cancelled_on`); a TE office or a municipality handles it."""

    event_date = models.DateField(_("arose on"))
    due_by = models.DateField(_("due by"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    cancelled_on = models.DateField(_("no longer due on"), null=True, blank=True)
    handler_te_office = models.ForeignKey(
        "regions.TeOffice", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handler_municipality = models.ForeignKey(
        "regions.Municipality", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    WORK_ITEM = WorkItemSpec(
        open=Q(done_on__isnull=True, cancelled_on__isnull=True),
        due_field="due_by",
        handlers=(Handler(te_office="handler_te_office", municipality="handler_municipality"),),
    )
    objects = WorkItemQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        return self.done_on is None and self.cancelled_on is None

    def overdue(self, on: dt.date) -> bool:
        return self.is_open and self.due_by is not None and on > self.due_by
