"""The worklist's groups (R-SP-2, R-TG-4): any work items by their deadline on a date, the same for the
service process's deadlines and the TE office's 7-day transfer list.

- `overdue`: due before the date; `today`: due on it; `week`: due from the date to the Sunday of its week
  (Monday–Sunday: the days of the week already past are in `overdue`); `all`: every row given.
- `counts(queryset, on)` counts every group in ONE aggregate query over the rows given (which the caller
  has already filtered: open, handled by the user's grants…); `in_group` filters the rows of one group.
- `page(queryset, on, query, default)` is what a worklist page shows: the group asked in the query string
  (an unknown one is the default), the counts, 50 rows a page, and the links of the tabs and pages, each
  keeping the query's other parameters (`chosen`, `paginate` and `navigation` for a page whose rows come
  from elsewhere). The shared includes `workitems/_group_tabs.html` and `workitems/_pages.html` show it
  and `static/workitems/worklist.js` moves between the rows of a `table[data-worklist]` with j/k.

Pure of any domain app: the due-date field is the model's `WorkItemSpec.due_field`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

GROUPS = ("overdue", "today", "week", "all")
LABELS = {"overdue": _("Overdue"), "today": _("Today"), "week": _("This week"), "all": _("All open")}
ROWS_PER_PAGE = 50


class UnknownGroup(ValueError):
    pass


def week_end(on: dt.date) -> dt.date:
    """The Sunday of `on`'s week (Monday–Sunday)."""
    return on + dt.timedelta(days=7 - on.isoweekday())


def condition(name: str, on: dt.date, due_field: str) -> Q:
    """The rows of group `name` on `on` as a filter over the deadline field."""
    if name == "overdue":
        return Q(**{f"{due_field}__lt": on})
    if name == "today":
        return Q(**{due_field: on})
    if name == "week":
        return Q(**{f"{due_field}__gte": on, f"{due_field}__lte": week_end(on)})
    if name == "all":
        return Q()
    raise UnknownGroup(name)


def counts(queryset: QuerySet, on: dt.date, due_field: str) -> dict[str, int]:
    """The number of rows of every group, in one aggregate query."""
    pk = queryset.model._meta.pk.name
    named = {name: Count(pk, filter=condition(name, on, due_field)) for name in GROUPS if name != "all"}
    return queryset.aggregate(all=Count(pk), **named)


@dataclass(frozen=True)
class Tab:
    name: str
    label: str
    count: int
    url: str
    current: bool


@dataclass(frozen=True)
class WorklistPage:
    group: str
    counts: dict[str, int]
    page: Page
    tabs: list[Tab]
    previous_url: str
    next_url: str

    @property
    def rows(self) -> list:
        return list(self.page.object_list)


def _url(query, **changes) -> str:
    query = query.copy()
    for key, value in changes.items():
        query[key] = str(value)
    return "?" + query.urlencode()


def chosen(query, default: str = "overdue") -> str:
    """The group the query string names; a missing or unknown one is `default`."""
    group = query.get("group", default)
    return group if group in GROUPS else default


def paginate(rows: QuerySet, query, count: int | None = None) -> Page:
    """Page `query["page"]` of the rows, 50 a page (missing or out of range: the first or the last).
    `count`: the rows' number when already known (counted with the groups: no second COUNT over the rows)."""
    paginator = Paginator(rows, ROWS_PER_PAGE)
    if count is not None:
        paginator.count = count
    return paginator.get_page(query.get("page"))


def navigation(group: str, found: dict[str, int], current: Page, query) -> WorklistPage:
    """The tabs of the groups with their counts and the links to the previous and next page, each
    keeping the query string's other parameters (a tab starts again from the first page)."""
    base = query.copy()
    base.pop("page", None)
    tabs = [
        Tab(name, str(LABELS[name]), found[name], _url(base, group=name), name == group) for name in GROUPS
    ]
    paged = query.copy()
    paged["group"] = group
    return WorklistPage(
        group=group,
        counts=found,
        page=current,
        tabs=tabs,
        previous_url=_url(paged, page=current.previous_page_number()) if current.has_previous() else "",
        next_url=_url(paged, page=current.next_page_number()) if current.has_next() else "",
    )


def page(queryset: QuerySet, on: dt.date, query, *, default: str = "overdue") -> WorklistPage:
    """The worklist page the query string asks for over `queryset` (a `WorkItemQuerySet`, filtered and
    ordered by the caller): the group (`chosen`), the counts of every group, the group's page of rows."""
    group = chosen(query, default)
    counts = queryset.group_counts(on)
    return navigation(group, counts, paginate(queryset.in_group(group, on), query, counts[group]), query)
