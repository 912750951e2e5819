"""Retention runs on a small world (R-X-4): the demo job seekers and Oona Virta's ended customership, without
the 3,000 synthetic ones. What keeps an ended customership, what a run clears and keeps, a dry run, the job
queue, and a person's facts read after the anonymisation (the rule reads the birth year kept)."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers import demo as customers_demo
from kuntakokeilu.customers import queries as customer_queries
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.retention import services
from kuntakokeilu.retention.models import RetentionRun, Status
from kuntakokeilu.service_process.models import Meeting

from .conftest import OONA_HETU, TODAY

AFTER_THE_PERIOD = dt.date(2028, 6, 1)  # her customership ended on 26.5.2023; 60 months and a few days


@pytest.fixture
def oona(db, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    import_job_seekers(customers_demo.demo_csv(TODAY), source="demo")
    assert any("Oona Virta" in line for line in customers_demo.ended_customership_demo(TODAY))
    return Person.objects.get(henkilotunnus=OONA_HETU)


def _meeting(person, notes="Oona kertoi muuttavansa Tampereelle."):
    return Meeting.objects.create(
        person=person,
        type="initial_interview",
        date=TODAY - dt.timedelta(days=60),
        channel="phone",
        participants="Oona Virta, Aino Virtanen",
        notes=notes,
        municipality=Municipality.objects.get(code="091"),
    )


def _execute(on, dry_run=False) -> RetentionRun:
    run = services.create(on, dry_run)
    services.execute(run.pk)
    return RetentionRun.objects.get(pk=run.pk)


def test_a_dry_run_counts_and_changes_nothing(oona):
    run = _execute(AFTER_THE_PERIOD, dry_run=True)
    assert (run.status, run.due, run.anonymised, run.cleared) == (Status.DONE, 1, 0, {})
    oona.refresh_from_db()
    assert oona.henkilotunnus == OONA_HETU and oona.anonymised_at is None


def test_the_free_texts_are_cleared_and_the_statistics_kept(oona):
    meeting = _meeting(oona)
    Fact.objects.filter(person=oona).update(reason="Korjattu Oonan soiton perusteella")
    run = _execute(AFTER_THE_PERIOD)
    assert run.anonymised == 1
    assert run.cleared["service_process.Meeting"] == 1 and run.cleared["customers.Fact"] >= 1
    meeting.refresh_from_db()
    assert (meeting.participants, meeting.notes) == ("", "")
    kept = (meeting.date, meeting.type, meeting.municipality.code)
    assert kept == (TODAY - dt.timedelta(days=60), "initial_interview", "091")
    assert not Fact.objects.filter(person=oona).exclude(reason="", source="").exists()
    assert Fact.objects.filter(person=oona, kind=FactKind.KOTIKUNTA, municipality__code="091").exists()
    # the rule still reads her facts (for statistics, e.g. the what-if): the birth year kept
    oona.refresh_from_db()
    facts = customer_queries.facts_on(oona, TODAY - dt.timedelta(days=30))
    assert facts["henkilotunnus"] is None and facts["birth_date"] == dt.date(2001, 1, 1)
    assert customer_queries.target_group_on(oona, TODAY - dt.timedelta(days=30)) is not None


def test_a_job_search_begun_again_keeps_the_data(oona):
    Fact.objects.create(person=oona, kind=FactKind.JOB_SEARCH, valid_from=dt.date(2028, 1, 10))
    run = _execute(AFTER_THE_PERIOD)
    assert (run.due, run.anonymised) == (0, 0)
    assert Person.objects.get(pk=oona.pk).anonymised_at is None


def test_tokens_are_unique_and_never_an_identity_code(oona):
    from kuntakokeilu.customers.identity import InvalidHenkilotunnus, parse_henkilotunnus

    tokens = services.new_tokens(500)
    assert len(set(tokens)) == 500
    for token in tokens[:50]:
        assert len(token) == 11 and token.startswith("ANON")
        with pytest.raises(InvalidHenkilotunnus):
            parse_henkilotunnus(token)


def test_the_command_and_the_queue(oona, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "--on", AFTER_THE_PERIOD.isoformat(), "--queue")
    run = RetentionRun.objects.get()
    assert (run.status, run.anonymised) == (Status.DONE, 1)  # the tests' queue runs the job on commit
    call_command("retention", "--on", AFTER_THE_PERIOD.isoformat(), "--dry-run")
    assert "0 due" in capsys.readouterr().out
    with pytest.raises(CommandError, match=r"31\.2\.2028"):
        call_command("retention", "--on", "31.2.2028")
