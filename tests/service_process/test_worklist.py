"""The deadlines on the worklists (R-SP-2): work items written from the rule after each meeting, handled
by the municipality whose customer the person is, counted as overdue / today / this week in one query."""

import datetime as dt

import pytest

from kuntakokeilu.access.scope import grants
from kuntakokeilu.service_process import services
from kuntakokeilu.service_process.models import DueItem
from kuntakokeilu.service_process.queries import worklist
from tests.customers.conftest import HELSINKI_HETU, PORVOO_HETU, TODAY

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def test_a_meeting_marks_the_item_done_and_writes_the_next(demo_customers, user):
    """Mikael Lahtinen's first interview is overdue; the discussion of 15.5.2023 meets it and the next
    job-search discussion, due 15.8.2023, takes its place on Helsinki's list."""
    person = demo_customers[HELSINKI_HETU]
    services.refresh_deadlines(person, TODAY)
    first = DueItem.objects.get(person=person, type="first_interview")
    assert first.overdue(TODAY) and first.handler_municipality.code == "091"
    services.record_meeting(
        user("aino.virtanen"),
        person,
        type="job_search_discussion",
        date=D("2023-05-15"),
        channel="phone",
        today=TODAY,
    )
    first.refresh_from_db()
    assert first.done_on == D("2023-05-15")
    discussion = DueItem.objects.open().get(person=person, type="job_search_discussion")
    assert discussion.due_by == D("2023-08-15") and discussion.reference.startswith("JTYPL 2:6")


def test_the_worklist_is_the_grants_own_with_the_counts_on_top(demo_customers, user):
    for hetu in (HELSINKI_HETU, PORVOO_HETU):
        services.refresh_deadlines(demo_customers[hetu], TODAY)
    helsinki = grants(user("aino.virtanen"), TODAY)
    rows, counts = worklist(helsinki, TODAY, group="overdue")
    assert {r.person.pk for r in rows} == {demo_customers[HELSINKI_HETU].pk}
    assert counts["overdue"] == len(rows) >= 1 and counts["all"] >= counts["overdue"]
    porvoo_rows, _counts = worklist(grants(user("linnea.lindqvist"), TODAY), TODAY)
    assert {r.person.pk for r in porvoo_rows} == {demo_customers[PORVOO_HETU].pk}
    assert (
        not worklist(grants(user("ville.hyvonen"), TODAY), TODAY)[0]
        .filter(person=demo_customers[HELSINKI_HETU])
        .exists()
    )


def test_refreshing_twice_changes_nothing(demo_customers):
    person = demo_customers[HELSINKI_HETU]
    services.refresh_deadlines(person, TODAY)
    before = list(DueItem.objects.values_list("id", "type", "due_by", "done_on", "cancelled_on"))
    services.refresh_deadlines(person, TODAY)
    assert list(DueItem.objects.values_list("id", "type", "due_by", "done_on", "cancelled_on")) == before
