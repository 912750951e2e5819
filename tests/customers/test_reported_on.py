"""The 7-day window counts from the report (issue 14 item 5; R-TG-4, R-X-3; L1269 s. 5 mom 2): facts carry
the day they were reported (the import's optional `reported_on` column, a correction's day; for old rows and
an empty cell their `valid_from`), and a due transfer's deadline counts from the start of the job search or
from the report of the change."""

import csv
import datetime as dt
import importlib
import io

import pytest
from django.apps import apps
from django.utils import translation

from kuntakokeilu.customers import worklist
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, ImportRejected, import_job_seekers
from kuntakokeilu.customers.models import DueTransfer, Fact, FactKind, Ground

pytestmark = pytest.mark.django_db

YOUNG = make_henkilotunnus(dt.date(2000, 4, 5), 941)
ROW = {
    "henkilotunnus": YOUNG,
    "last_name": "Laine",
    "first_name": "Veera",
    "service_language": "fi",
    "kotikunta": "091",
    "mother_tongue": "fi",
    "immigrant": "false",
    "status": "unemployed",
    "earnings_related_entitlement": "true",
}


def load(*rows: dict) -> None:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=(*COLUMNS, "reported_on"), restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    import_job_seekers(out.getvalue().encode(), source="reported.csv")


def open_due() -> DueTransfer:
    return DueTransfer.objects.get(person__henkilotunnus=YOUNG, done_on=None, cancelled_on=None)


def test_a_late_report_counts_the_window_from_the_report(settings):
    """R-TG-4: registered in Helsinki on 10.3.2022 (due 17.3., from the job search's start even when
    reported later); the move to Espoo of 13.3.2022 reported only on 25.3.2022 is due by 1.4.2022, not
    20.3.2022; the row's event date is the report day and the rule is run on the day of the move."""
    settings.KUNTAKOKEILU_TODAY = "2022-04-01"
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10", "reported_on": "2022-03-12"})
    first = open_due()
    assert (first.event_date, first.due_by) == (dt.date(2022, 3, 10), dt.date(2022, 3, 17))
    load(ROW | {"valid_from": "2022-03-13", "kotikunta": "049", "reported_on": "2022-03-25"})
    due = open_due()
    assert (due.ground, due.target["kunta_code"]) == (Ground.CHANGE_OF_KOTIKUNTA, "049")
    assert (due.event_date, due.due_by) == (dt.date(2022, 3, 25), dt.date(2022, 4, 1))
    assert str(due.decision["on"]) == "2022-03-13"
    moved = Fact.objects.get(person__henkilotunnus=YOUNG, kind=FactKind.KOTIKUNTA, valid_from="2022-03-13")
    assert moved.reported_on == dt.date(2022, 3, 25)
    start = Fact.objects.get(person__henkilotunnus=YOUNG, kind=FactKind.JOB_SEARCH)
    assert start.reported_on == dt.date(2022, 3, 10)  # the registration's window counts from the start


def test_an_empty_report_day_is_the_valid_from_date(settings):
    """R-X-3: without a report day the fact was reported on the day it holds from (as before)."""
    settings.KUNTAKOKEILU_TODAY = "2022-04-01"
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})
    load(ROW | {"valid_from": "2022-03-13", "kotikunta": "049"})
    assert open_due().due_by == dt.date(2022, 3, 20)
    assert {f.reported for f in Fact.objects.filter(person__henkilotunnus=YOUNG)} >= {dt.date(2022, 3, 13)}


def test_a_bad_report_day_is_refused_with_line_and_field():
    """R-X-3: a report day that is no date is an error naming the line and the field; nothing is stored."""
    with translation.override("sv"), pytest.raises(ImportRejected) as caught:
        load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10", "reported_on": "25.3.2022"})
    assert any(e.line == 2 and e.field == "reported_on" for e in caught.value.errors)
    assert not Fact.objects.filter(person__henkilotunnus=YOUNG).exists()


def test_the_migration_gives_old_rows_their_valid_from(settings):
    """Migration 0012: a fact stored without a report day gets its `valid_from`."""
    settings.KUNTAKOKEILU_TODAY = "2022-04-01"
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})
    Fact.objects.update(reported_on=None)
    migration = importlib.import_module("kuntakokeilu.customers.migrations.0012_fact_reported_on")
    migration.reported_on_valid_from(apps, None)
    assert all(f.reported_on == f.valid_from for f in Fact.objects.all())
    assert worklist.report_dates(Fact.objects.exclude(kind=FactKind.JOB_SEARCH).filter(pk__gt=0)) == {
        dt.date(2022, 3, 10): dt.date(2022, 3, 10)
    }


def test_a_correction_counts_from_the_day_it_was_reported(settings):
    """R-TG-4, R-TG-1: a Helsinki customer whose move to Espoo on 2.5.2022 was recorded wrongly as Vantaa;
    the case worker corrects it on 1.9.2022 giving the report day 29.8.2022: due by 5.9.2022; a report day
    after the correction is refused (in sv) and changes nothing."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from kuntakokeilu.access.demo import ensure_demo_users
    from kuntakokeilu.customers import services
    from kuntakokeilu.regions.models import Municipality

    from .conftest import make_customer

    settings.KUNTAKOKEILU_TODAY = "2022-09-01"
    ensure_demo_users()
    worker = get_user_model().objects.get(username="aino.virtanen")
    load(ROW | {"valid_from": "2021-01-01", "job_search_start": "2021-01-01"})
    make_customer(Fact.objects.filter(person__henkilotunnus=YOUNG).first().person, "091")
    load(ROW | {"valid_from": "2022-05-02", "kotikunta": "092"})
    fact = Fact.objects.current().get(
        person__henkilotunnus=YOUNG, kind=FactKind.KOTIKUNTA, valid_from="2022-05-02"
    )
    espoo = {"municipality": Municipality.objects.get(code="049")}
    day = dt.date(2022, 9, 1)
    with translation.override("sv"), pytest.raises(ValidationError) as caught:
        services.correct_fact(
            worker,
            fact,
            valid_from=fact.valid_from,
            values=espoo,
            reason="Espoo",
            on=day,
            reported_on=dt.date(2022, 9, 2),
        )
    assert "reported_on" in caught.value.message_dict
    services.correct_fact(
        worker,
        fact,
        valid_from=fact.valid_from,
        values=espoo,
        reason="Espoo",
        on=day,
        reported_on=dt.date(2022, 8, 29),
    )
    due = open_due()
    assert (due.target["kunta_code"], due.event_date, due.due_by) == (
        "049",
        dt.date(2022, 8, 29),
        dt.date(2022, 9, 5),
    )
