"""A service over a month replaces the job-search discussions (R-SP-6, R-SP-1; JTYPL 2:7, law notes §3.3):
the referrals' rows reach the deadline engine through `settings.SERVICE_PROCESS_SOURCES` — the person's
refresh (`service_process.services.refresh_deadlines`) and the batch (`batch.refresh_all`) alike."""

import datetime as dt

import pytest
from django.db import connection

from kuntakokeilu.customers.models import Person
from kuntakokeilu.referrals import deadline_source, services
from kuntakokeilu.service_process import batch, explanations, queries
from kuntakokeilu.service_process import services as sp_services
from kuntakokeilu.service_process.models import DueItem

from .conftest import AUTUMN

pytestmark = pytest.mark.django_db
D = dt.date


def _key(person):
    return Person._meta.pk.get_db_prep_value(person.pk, connection)


def _check(person, type_):
    outcome = queries.deadlines_for(person, AUTUMN)
    return next(c for c in outcome.checks if c.code == f"due_{type_}")


def _interviewed(world):
    """The initial interview held on 7.6.2022: the job-search discussions fall due every three months."""
    sp_services.record_meeting(
        world["aino"],
        world["helsinki"],
        type="initial_interview",
        date=D(2022, 6, 7),
        channel="phone",
        today=AUTUMN,
    )


def _open_items(person):
    return sorted(DueItem.objects.filter(person=person, cancelled_on=None).values_list("type", "due_by"))


def _work_trial(world, planned_end=D(2022, 12, 1)):
    referral = services.refer(
        world["aino"],
        world["helsinki"],
        kind="work_trial",
        provider="Stara",
        referred_on=D(2022, 8, 15),
        today=AUTUMN,
    )
    return services.start(
        world["aino"], referral, started_on=D(2022, 9, 1), planned_end=planned_end, today=AUTUMN
    )


def test_the_rows_are_the_services_begun(world):
    """A service begun by `on` gives (person, "service", start, expected end); a referral not begun, one
    refused or another person's gives nothing; an ended service's expected end is its actual end."""
    person = world["helsinki"]
    trial = _work_trial(world)
    services.refer(
        world["aino"],
        person,
        kind="job_search_coaching",
        provider="Valmennus Oy",
        referred_on=AUTUMN,
        today=AUTUMN,
    )
    key = _key(person)
    assert list(deadline_source.deadline_rows(key, key, AUTUMN)) == [
        (key, "service", D(2022, 9, 1), D(2022, 12, 1))
    ]
    assert list(deadline_source.deadline_rows(key, key, D(2022, 8, 31))) == []
    other = _key(world["porvoo"])
    assert list(deadline_source.deadline_rows(other, other, AUTUMN)) == []
    services.interrupt(world["aino"], trial, interrupted_on=D(2022, 9, 30), reason="employment", today=AUTUMN)
    assert list(deadline_source.deadline_rows(key, key, AUTUMN)) == [
        (key, "service", D(2022, 9, 1), D(2022, 9, 30))
    ]


def test_a_three_month_work_trial_replaces_the_job_search_discussions(world):
    """R-SP-6 / JTYPL 2:7: during a work trial of 1.9.–1.12.2022 (over a month, ending after 1.6.2022) no
    job-search discussion is required; an end-of-service discussion is due a month before its end."""
    person = world["helsinki"]
    _interviewed(world)
    before = _check(person, "job_search_discussion")
    assert before.found["state"] not in ("not_required", "open") and before.found["due_date"]
    assert _check(person, "end_of_service_discussion").found["state"] == "not_required"
    _work_trial(world)
    during = _check(person, "job_search_discussion")
    assert during.found["state"] == "not_required"
    basis = during.message.args["basis"]
    assert basis.msgid == str(explanations.IN_LONG_SERVICE)
    assert (basis.args["start"], basis.args["end"]) == (D(2022, 9, 1), D(2022, 12, 1))
    ending = _check(person, "end_of_service_discussion")
    assert (ending.found["state"], ending.found["due_date"]) == ("open", D(2022, 11, 1))


def test_a_short_service_does_not(world):
    """A work trial of under a month leaves the schedule as it was."""
    person = world["helsinki"]
    _interviewed(world)
    before = _check(person, "job_search_discussion").found
    _work_trial(world, planned_end=D(2022, 9, 20))
    assert _check(person, "job_search_discussion").found == before


def test_the_person_s_refresh_and_the_batch_agree(world):
    """R-SP-1: with the work trial under way the batch writes the same items as the person's refresh, and
    they differ from the items without it."""
    person = world["helsinki"]
    _interviewed(world)
    sp_services.refresh_deadlines(person, AUTUMN)
    without = _open_items(person)
    _work_trial(world)
    sp_services.refresh_deadlines(person, AUTUMN)
    single = _open_items(person)
    assert single != without
    assert "job_search_discussion" not in {t for t, _d in single}
    DueItem.objects.all().delete()
    batch.refresh_all(AUTUMN)
    assert _open_items(person) == single
