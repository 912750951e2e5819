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


def test_overdue_items_reach_the_area_managers_list_after_five_working_days(demo_customers, user, client):
    """R-SP-2: Kainuu's area manager sees Jari Kemppainen's (Kajaani) long-overdue item, not one overdue
    for 2 working days; the escalation is the dated parameter service_process.escalation_working_days."""
    from django.urls import reverse

    from kuntakokeilu.service_process.queries import escalated_before
    from tests.customers.conftest import KAJAANI_HETU

    person = demo_customers[KAJAANI_HETU]
    services.refresh_deadlines(person, TODAY)
    assert escalated_before(TODAY) == D("2023-05-25")  # Thursday 1.6.2023 − 5 working days
    recent = DueItem.objects.create(
        person=person,
        type="typ_plan_review",
        reference="1369/2014 s. 6",
        rule_version="test",
        event_date=TODAY,
        due_by=D("2023-05-30"),
        handler_municipality=person.due_items.first().handler_municipality,
    )
    manager = grants(user("juha.heikkinen"), TODAY)
    rows, counts = worklist(manager, TODAY, group="overdue", escalated=True)
    assert rows.exists() and recent not in rows and counts["overdue"] == rows.count()
    assert recent in worklist(grants(user("ville.hyvonen"), TODAY), TODAY, group="overdue")[0]
    client.force_login(user("juha.heikkinen"))
    page = client.get(reverse("service_process:worklist"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Kokeilualueelle nousseet määräajat" in page and "25.5.2023" in page and "Kemppainen" in page
