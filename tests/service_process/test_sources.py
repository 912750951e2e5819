"""Other apps' records in the deadline engine (issue 17; R-SP-1, R-SP-5, R-SP-6): the rows of the modules in
`settings.SERVICE_PROCESS_SOURCES` reach the rule's input on the person's page and in the batch alike."""

import datetime as dt

import pytest
from django.test import override_settings

from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process import batch, queries, services
from kuntakokeilu.service_process.models import DueItem
from tests.customers.conftest import TODAY, make_customer

pytestmark = pytest.mark.django_db
ROWS: list[tuple] = []  # this module is itself the source under test


def deadline_rows(first, last, on):
    return [row for row in ROWS if first <= row[0] <= last]


@pytest.fixture
def source():
    ROWS.clear()
    with override_settings(SERVICE_PROCESS_SOURCES=[__name__]):
        yield ROWS
    ROWS.clear()


@pytest.fixture
def person(demo_customers):
    found = next(p for p in Person.objects.order_by("pk") if queries.deadline_facts(p, TODAY) is not None)
    if not found.customerships.exists():
        make_customer(found, "091")
    return found


def _key(person):
    return next(pk for pk, _m, _b in batch.customers_on(TODAY) if str(pk).replace("-", "") == person.pk.hex)


def test_events_and_services_reach_the_rules_input(source, person):
    """A plan agreed is an event held; a service begun is a service; rows after `on` are left out."""
    key = _key(person)
    later = TODAY + dt.timedelta(days=3)
    source += [
        (key, "event", "typ_plan", TODAY - dt.timedelta(days=10)),
        (key, "event", "typ_plan_review", later),
        (key, "service", TODAY - dt.timedelta(days=5), TODAY + dt.timedelta(days=90)),
        (key, "service", later, later + dt.timedelta(days=60)),
    ]
    given = queries.deadline_facts(person, TODAY)
    assert {"type": "typ_plan", "date": TODAY - dt.timedelta(days=10)} in given["events"]
    assert all(e["type"] != "typ_plan_review" for e in given["events"])
    assert given["events"] == sorted(given["events"], key=lambda e: e["date"])
    assert given["services"] == [
        {"start": TODAY - dt.timedelta(days=5), "expected_end": TODAY + dt.timedelta(days=90)}
    ]


def test_the_batch_reads_the_sources_as_the_persons_page_does(source, person):
    """R-SP-1: with a long service under way the batch writes the same items as the person's refresh."""
    key = _key(person)
    source.append((key, "service", TODAY - dt.timedelta(days=20), TODAY + dt.timedelta(days=120)))
    services.refresh_deadlines(person, TODAY)
    single = sorted(DueItem.objects.filter(person=person).values_list("type", "due_by", "cancelled_on"))
    DueItem.objects.all().delete()
    batch.refresh_all(TODAY)
    assert (
        sorted(DueItem.objects.filter(person=person).values_list("type", "due_by", "cancelled_on")) == single
    )
    ROWS.clear()
    services.refresh_deadlines(person, TODAY)
    without = sorted(DueItem.objects.filter(person=person, cancelled_on=None).values_list("type", "due_by"))
    assert without != [(t, d) for t, d, c in single if c is None]  # the service changed the schedule
