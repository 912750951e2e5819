# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""The worklist's groups (R-SP-2, R-TG-4): the same overdue / today / this week / all, counted in one
aggregate query, over any work item — the service process's deadlines and the TE office's due
transfers — and the page both worklists show (50 rows, links keeping the other query parameters)."""

import datetime as dt

import pytest
from django.http import QueryDict

from kuntakokeilu.customers.models import DueTransfer, Ground, Person
from kuntakokeilu.regions.models import Municipality, TeOffice
from kuntakokeilu.service_process.models import DueItem
from kuntakokeilu.workitems import groups

from ..customers.conftest import HELSINKI_HETU, demo  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
THURSDAY = dt.date(2022, 9, 1)
# due on: last Monday and yesterday (overdue), today, Sunday (this week), next Monday (only in all)
DUE = [dt.date(2022, 8, 29), dt.date(2022, 8, 31), THURSDAY, dt.date(2022, 9, 4), dt.date(2022, 9, 5)]
EXPECTED = {"overdue": 2, "today": 1, "week": 2, "all": 5}


def transfers(person) -> list[DueTransfer]:
    """One open due transfer per person (a constraint): five of the demo's job seekers with none."""
    office = TeOffice.objects.get(code="01")
    return [
        DueTransfer.objects.create(
            person=other,
            ground=Ground.NEW_REGISTRATION,
            event_date=due - dt.timedelta(days=7),
            due_by=due,
            target={"type": "municipality", "kunta_code": "091"},
            handler_te_office=office,
        )
        for due, other in zip(
            DUE, Person.objects.filter(due_transfers__isnull=True).order_by("henkilotunnus")[:5], strict=True
        )
    ]


def deadlines(person, due_dates=DUE) -> list[DueItem]:
    helsinki = Municipality.objects.get(code="091")
    return DueItem.objects.bulk_create(
        DueItem(
            person=person,
            type="job_search_discussion",
            reference="JTYPL 2:6",
            rule_version="test",
            event_date=dt.date(2022, 8, 1),
            due_by=due,
            handler_municipality=helsinki,
        )
        for due in due_dates
    )


@pytest.mark.parametrize("kind", [transfers, deadlines], ids=["due transfers", "deadlines"])
def test_both_kinds_of_item_are_grouped_alike_in_one_query(demo, kind, django_assert_num_queries):
    """R-SP-2: overdue (before today), today, this week (today to Sunday of a Monday–Sunday week) and
    all, counted in ONE query; a done or no-longer-due row is not counted once the caller asks `open()`."""
    made = kind(demo[HELSINKI_HETU])
    mine = type(made[0]).objects.filter(pk__in=[m.pk for m in made])  # the demo has due transfers of its own
    rows = mine.open()
    with django_assert_num_queries(1):
        assert rows.group_counts(THURSDAY) == EXPECTED
    assert [r.due_by for r in rows.in_group("overdue", THURSDAY).order_by("due_by")] == DUE[:2]
    assert [r.due_by for r in rows.in_group("today", THURSDAY)] == [THURSDAY]
    assert sorted(r.due_by for r in rows.in_group("week", THURSDAY)) == [THURSDAY, DUE[3]]
    assert rows.in_group("all", THURSDAY).count() == 5
    made[0].done_on = THURSDAY
    made[0].save()
    assert mine.open().group_counts(THURSDAY) == {**EXPECTED, "overdue": 1, "all": 4}
    with pytest.raises(groups.UnknownGroup):
        rows.in_group("later", THURSDAY)


@pytest.mark.nodb
def test_the_week_ends_on_sunday():
    assert [groups.week_end(dt.date(2022, 8, 29) + dt.timedelta(days=n)) for n in range(7)] == [
        dt.date(2022, 9, 4)
    ] * 7


def test_a_page_keeps_the_other_parameters_and_holds_50_rows(demo):
    """R-SP-2: 51 rows are pages of 50 and 1; a tab starts from the first page and keeps `q`; the page
    links keep the group and `q`; an unknown group is the page's default."""
    deadlines(demo[HELSINKI_HETU], [THURSDAY + dt.timedelta(days=n) for n in range(51)])
    rows = DueItem.objects.open().order_by("due_by", "id")
    first = groups.page(rows, THURSDAY, QueryDict("group=all&q=x"))
    assert (first.group, len(first.rows), first.counts["all"], first.counts["today"]) == ("all", 50, 51, 1)
    assert first.previous_url == "" and first.next_url == "?group=all&q=x&page=2"
    second = groups.page(rows, THURSDAY, QueryDict("group=all&q=x&page=2"))
    assert [r.due_by for r in second.rows] == [THURSDAY + dt.timedelta(days=50)]
    assert second.previous_url == "?group=all&q=x&page=1" and second.next_url == ""
    assert [(t.name, t.count, t.url, t.current) for t in second.tabs] == [
        ("overdue", 0, "?group=overdue&q=x", False),
        ("today", 1, "?group=today&q=x", False),
        ("week", 4, "?group=week&q=x", False),
        ("all", 51, "?group=all&q=x", True),
    ]
    unknown = groups.page(rows, THURSDAY, QueryDict("group=later"), default="today")
    assert unknown.group == "today" and [r.due_by for r in unknown.rows] == [THURSDAY]
