"""The demo's assignments and a case worker's week (issue 16 items 2 and 6): own customers in Helsinki and
Porvoo, Kainuu's customers assigned and one bulk reassignment recorded, Kainuu's escalation threshold, the
week's items done, overdue and due; a second run changes nothing."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from kuntakokeilu.service_process.models import AreaEscalationThreshold, CustomerAssignment, DueItem

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)


def test_the_demo_assigns_customers_once(settings):
    """R-SP-2: the demo's assignments go through `assignments.assign` in Kainuu and are idempotent."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    settings.DEMO_STEPS = [
        "kuntakokeilu.regions.demo",
        "kuntakokeilu.access.demo",
        "kuntakokeilu.customers.demo",
        "kuntakokeilu.service_process.demo",
    ]
    out = io.StringIO()
    call_command("demo", "--i-know-this-is-not-production", stdout=out)
    assert "reassigned to emma.kinnunen" in out.getvalue()
    open_rows = CustomerAssignment.objects.filter(valid_to__isnull=True)
    assert open_rows.filter(worker__username="aino.virtanen").count() >= 1
    assert open_rows.filter(worker__username="linnea.lindqvist").count() >= 1
    assert open_rows.filter(worker__username="emma.kinnunen", valid_from=TODAY).count() == 2
    closed = CustomerAssignment.objects.filter(
        worker__username="ville.hyvonen", valid_to=TODAY - dt.timedelta(1)
    )
    assert closed.count() == 2 and all(a.assigned_by.username == "juha.heikkinen" for a in closed)
    threshold = AreaEscalationThreshold.objects.get(trial_area__number=7)
    assert (threshold.working_days, threshold.valid_from) == (3, dt.date(2022, 5, 2))
    # issue 16 item 6: a case worker's week — discussions held this week (items done), items overdue, and
    # items still due on her own list; Kainuu's overdue items escalated to the area manager
    week = (TODAY - dt.timedelta(days=6), TODAY)
    for worker in ("aino.virtanen", "linnea.lindqvist"):
        own = DueItem.objects.filter(person__service_assignments__worker__username=worker)
        assert own.filter(done_on__range=week).exists(), worker
        assert own.open().filter(due_by__lt=TODAY).exists() and own.open().filter(due_by__gte=TODAY).exists()
    kainuu = DueItem.objects.open().filter(handler_municipality__trial_memberships__trial_area__number=7)
    assert kainuu.filter(due_by__lt=TODAY - dt.timedelta(days=7)).exists()
    before = list(CustomerAssignment.objects.values_list("id", "worker_id", "valid_from", "valid_to"))
    items = list(DueItem.objects.values_list("id", "done_on", "cancelled_on"))
    call_command("demo", "--i-know-this-is-not-production", stdout=io.StringIO())
    assert list(CustomerAssignment.objects.values_list("id", "worker_id", "valid_from", "valid_to")) == before
    assert list(DueItem.objects.values_list("id", "done_on", "cancelled_on")) == items
