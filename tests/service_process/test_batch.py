"""The batch refresh of every customer's deadlines (issue 16 items 2 and 8; R-SP-1, R-SP-2): the same input
as the person's page, the same work items as the person-by-person writer, and a re-run changes nothing."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process import batch, queries, services, synthetic
from kuntakokeilu.service_process.models import DueItem, Meeting
from tests.customers.conftest import TODAY, make_customer

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
COLUMNS = ("person_id", "type", "count", "reference", "rule_version", "event_date", "due_by", "done_on")
COLUMNS += ("cancelled_on", "handler_municipality_id")
TRIAL_KUNTA = ("091", "638", "205", "092")


@pytest.fixture
def customers(demo_customers):
    """Every demo job seeker a customer of a trial municipality, and a year of synthetic meetings."""
    persons = list(Person.objects.order_by("pk"))
    for index, person in enumerate(persons):
        if not person.customerships.exists():
            make_customer(person, TRIAL_KUNTA[index % len(TRIAL_KUNTA)])
    synthetic.generate(TODAY, seed=3)
    return persons


def _rows():
    return sorted(DueItem.objects.values_list(*COLUMNS), key=repr)


def _one_by_one(on):
    for person in Person.objects.order_by("pk"):
        services.refresh_deadlines(person, on)


def test_the_batch_builds_the_same_input_as_the_persons_page(customers):
    """R-SP-1: `queries.rule_input` over the batch's plain rows equals `deadline_facts` for each person."""
    on = TODAY
    rows = {pk: (m, b) for pk, m, b in batch.customers_on(on)}
    keys = sorted(rows)
    facts, meetings, _items = batch.chunk_rows(keys[0], keys[-1], on)
    days = batch.first_contact_days(on)
    compared = 0
    for pk in keys:
        person = Person.objects.get(pk=Person._meta.pk.to_python(pk))
        municipality, born = rows[pk]
        plain = queries.rule_input(facts[pk], born, meetings[pk], days.get(municipality), on)
        assert plain == queries.deadline_facts(person, on)
        compared += plain is not None and bool(plain["events"])
    assert compared >= 3  # persons with a job search and meetings were compared


def test_the_batch_writes_what_the_person_by_person_refresh_writes(customers):
    """R-SP-2: on two dates in a row (items done, cancelled and written anew on the second), the batch and
    `services.refresh_deadlines` for each person leave identical rows."""
    first, second = D("2023-01-31"), TODAY
    _one_by_one(first)
    _one_by_one(second)
    single = _rows()
    DueItem.objects.all().delete()
    batch.refresh_all(first, chunk=3)
    summary = batch.refresh_all(second, chunk=3)
    assert _rows() == single
    assert summary.created and summary.done + summary.cancelled  # the second date changed items
    assert len(single) > 2 * len(customers) // 3


def test_a_second_run_changes_nothing(customers):
    """R-SP-2: the refresh is idempotent."""
    batch.refresh_all(TODAY)
    before = list(DueItem.objects.order_by("pk").values_list("pk", *COLUMNS))
    summary = batch.refresh_all(TODAY, chunk=2)
    assert (summary.created, summary.done, summary.cancelled) == (0, 0, 0)
    assert list(DueItem.objects.order_by("pk").values_list("pk", *COLUMNS)) == before


def test_a_former_customers_items_are_no_longer_due(customers):
    """R-SP-2: a person whose customership ended has nothing open after the batch."""
    batch.refresh_all(TODAY)
    # a customer with something open (persons are ordered by a random UUID, so not simply the first one)
    person = next(p for p in customers if DueItem.objects.open().filter(person=p).exists())
    held = person.customerships.get(valid_to__isnull=True)
    held.valid_to = TODAY - dt.timedelta(days=1)
    held.save()
    batch.refresh_all(TODAY)
    assert not DueItem.objects.open().filter(person=person).exists()
    assert DueItem.objects.filter(person=person, cancelled_on=TODAY).exists()


def test_synthetic_meetings_are_in_the_job_search_and_not_after_the_day(customers):
    """The synthetic year: each meeting within the person's job search and the year up to the day; the same
    seed gives the same meetings and a re-run adds none."""
    meetings = list(Meeting.objects.values_list("person_id", "type", "date", "channel", "no_show"))
    assert len(meetings) >= len(customers)
    window = TODAY - dt.timedelta(days=364)
    for person_id, _type, date, _channel, _no_show in meetings:
        search, _previous = queries.job_search_on(
            list(Person.objects.get(pk=person_id).facts.current()), date
        )
        assert search is not None and search.valid_from <= date and window <= date <= TODAY
    assert synthetic.generate(TODAY, seed=3) == 0
    Meeting.objects.all().delete()
    synthetic.generate(TODAY, seed=3)
    assert sorted(Meeting.objects.values_list("person_id", "type", "date", "channel", "no_show")) == sorted(
        meetings
    )


def test_the_command_queues_the_job_or_runs_now(customers, django_capture_on_commit_callbacks):
    """The month's close: `kuntakokeilu refresh_deadlines --on DATE` queues `run_refresh` (the tests'
    immediate backend runs it on commit); --now runs it at once."""
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        call_command("refresh_deadlines", "--on", TODAY.isoformat(), stdout=out)
    assert not DueItem.objects.exists() and len(queued) == 1  # nothing done until the job runs
    queued[0]()
    after_job = _rows()
    assert after_job and "Queued" in out.getvalue()
    DueItem.objects.all().delete()
    call_command("refresh_deadlines", "--on", TODAY.isoformat(), "--now", stdout=out)
    assert _rows() == after_job and "Refreshed" in out.getvalue()
