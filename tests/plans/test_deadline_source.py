"""Plans agreed in the deadline engine (issue 17; R-SP-5, law notes §3.5–3.6): an agreed TYP plan meets the
mapping period's `typ_plan` item on the person's refresh and in the batch alike."""

import datetime as dt

import pytest

from kuntakokeilu.customers.models import Person
from kuntakokeilu.plans import deadline_source, services
from kuntakokeilu.service_process import batch, queries
from kuntakokeilu.service_process import services as sp_services
from kuntakokeilu.service_process.models import DueItem

from .conftest import TODAY, content

pytestmark = pytest.mark.django_db
TYP_START = dt.date(2023, 4, 3)


def _typ_started(world):
    person = world["helsinki"]
    sp_services.record_meeting(
        world["aino"], person, type="typ_start", date=TYP_START, channel="phone", today=TODAY
    )
    return person


def _agree(world, person, kind="typ", agreed=dt.date(2023, 5, 15)):
    version = services.create_plan(world["aino"], person, kind, today=TODAY, **content(agreed))
    for party in ("case_worker", "job_seeker"):
        services.record_approval(
            world["aino"], person, version, today=TODAY, party=party, approved_on=agreed, channel="in_person"
        )
    return version


def _key(person):
    return next(pk for pk, _m, _b in batch.customers_on(TODAY) if str(pk).replace("-", "") == person.pk.hex)


def test_rows_only_for_versions_approved_by_both(world):
    person = _typ_started(world)
    version = services.create_plan(world["aino"], person, "typ", today=TODAY, **content())
    key = _key(person)
    assert list(deadline_source.deadline_rows(key, key, TODAY)) == []
    services.record_approval(
        world["aino"], person, version, today=TODAY, party="job_seeker", approved_on=TODAY, channel="phone"
    )
    assert list(deadline_source.deadline_rows(key, key, TODAY)) == []
    services.record_approval(
        world["aino"],
        person,
        version,
        today=TODAY,
        party="case_worker",
        approved_on=TODAY,
        channel="in_person",
    )
    assert list(deadline_source.deadline_rows(key, key, TODAY)) == [
        (key, "event", "typ_plan", dt.date(2023, 5, 15))
    ]
    assert list(deadline_source.deadline_rows(key, key, TODAY - dt.timedelta(days=1))) == []  # approved later


def test_an_agreed_typ_plan_closes_the_due_item_on_refresh(world):
    """R-SP-5: the mapping period's TYP plan item is done when the plan is agreed; its review follows."""
    person = _typ_started(world)
    sp_services.refresh_deadlines(person, TODAY)
    item = DueItem.objects.open().get(person=person, type="typ_plan")
    assert item.due_by == dt.date(2023, 7, 3)
    _agree(world, person)
    sp_services.refresh_deadlines(person, TODAY)
    item.refresh_from_db()
    assert item.done_on == dt.date(2023, 5, 15)
    review = DueItem.objects.open().get(person=person, type="typ_plan_review")
    assert review.due_by == dt.date(2023, 11, 15)


def test_the_batch_closes_it_as_the_refresh_does(world):
    person = _typ_started(world)
    batch.refresh_all(TODAY)
    assert DueItem.objects.open().filter(person=person, type="typ_plan").exists()
    _agree(world, person)
    batch.refresh_all(TODAY)
    assert DueItem.objects.get(person=person, type="typ_plan").done_on == dt.date(2023, 5, 15)
    assert DueItem.objects.open().get(person=person, type="typ_plan_review").due_by == dt.date(2023, 11, 15)


def test_an_activation_plans_versions_are_plan_then_review(world):
    person = world["helsinki"]
    first = _agree(world, person, "activation", dt.date(2023, 3, 1))
    second = services.add_version(
        world["aino"], person, first.plan, today=TODAY, **content(dt.date(2023, 5, 15))
    )
    for party in ("case_worker", "job_seeker"):
        services.record_approval(
            world["aino"], person, second, today=TODAY, party=party, approved_on=TODAY, channel="e_service"
        )
    key = _key(person)
    assert [r[2:] for r in deadline_source.deadline_rows(key, key, TODAY)] == [
        ("activation_plan", dt.date(2023, 3, 1)),
        ("activation_plan_review", dt.date(2023, 5, 15)),
    ]
    given = queries.deadline_facts(Person.objects.get(pk=person.pk), TODAY)
    assert {"type": "activation_plan_review", "date": dt.date(2023, 5, 15)} in given["events"]
    sp_services.refresh_deadlines(person, TODAY)
    assert DueItem.objects.open().get(person=person, type="activation_plan_review").due_by == dt.date(
        2023, 8, 15
    )


def test_employment_plans_give_no_rows(world, plan_version):
    person = world["helsinki"]
    for party in ("case_worker", "job_seeker"):
        services.record_approval(
            world["aino"],
            person,
            plan_version,
            today=TODAY,
            party=party,
            approved_on=TODAY,
            channel="in_person",
        )
    key = _key(person)
    assert list(deadline_source.deadline_rows(key, key, TODAY)) == []
