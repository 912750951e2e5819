"""The initial transfer (R-TG-3; L1269 s. 24): everyone registered by 28.2.2021 whom the rule sends to a
trial municipality, as one batch with a summary per trial area; a re-run changes nothing; a failure
leaves nothing behind."""

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from kuntakokeilu.customers import transfers
from kuntakokeilu.customers.models import Customership, Ground, Notice, Responsible
from kuntakokeilu.customers.queries import target_group_on
from kuntakokeilu.customers.synthetic import generate
from kuntakokeilu.rules.storage import load_record

from .conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU

START = dt.date(2021, 3, 1)


def test_the_demo_people_are_moved_as_the_rule_says(demo):
    """R-TG-3: the Porvoo and Kajaani job seekers go to their municipalities, with the decision the rule
    gives one by one; the Helsinki one (42, earnings-related entitlement) is kept, and counted."""
    one = target_group_on(demo[PORVOO_HETU], START)  # as decided before any customership
    summary = transfers.initial(START)
    moved = {c.person.henkilotunnus: c for c in Customership.objects.select_related("person", "municipality")}
    assert moved[PORVOO_HETU].municipality.code == "638" and moved[KAJAANI_HETU].municipality.code == "205"
    assert HELSINKI_HETU not in moved
    assert all(c.ground == Ground.INITIAL_TRANSFER and c.valid_from == START for c in moved.values())
    assert load_record(moved[PORVOO_HETU].decision).to_record() == one.to_record()
    assert Notice.objects.count() == 2 * len(moved)
    assert summary.transferred == len(moved)
    helsinki_area = next(a for a, s in summary.areas.items() if s.kept and a is not None)
    assert sum(summary.areas[helsinki_area].kept.values()) >= 1


def test_those_registered_after_february_are_not_in_the_batch(demo):
    """R-TG-3 (s. 24): a job search started 1.3.2021 or later is not part of the initial transfer."""
    transfers.initial(START)
    assert not Customership.objects.filter(
        person__facts__kind="job_search", person__facts__valid_from__gt=dt.date(2021, 2, 28)
    ).exists()


def test_a_rerun_changes_nothing(demo):
    """R-TG-3: the second run transfers no one and leaves every row as it was."""
    transfers.initial(START)
    before = sorted(Customership.objects.values_list("pk", "person_id", "valid_from", "responsible"))
    again = transfers.initial(START)
    assert again.transferred == 0 and again.already == len(before)
    assert sorted(Customership.objects.values_list("pk", "person_id", "valid_from", "responsible")) == before


def test_a_failure_midway_leaves_nothing(db):
    """R-TG-3: a failure in the second chunk rolls back the first: the whole batch or nothing."""
    generate(300, seed=3)
    real = transfers._chunk
    calls = []

    def failing(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args)

    with (
        mock.patch.object(transfers, "CHUNK", 100),
        mock.patch.object(transfers, "_chunk", failing),
        pytest.raises(RuntimeError),
    ):
        transfers.initial(START)
    assert not Customership.objects.exists() and not Notice.objects.exists()


def test_the_command_summarises_per_trial_area(db):
    """R-TG-3: the synthetic job seekers: the command prints each trial area's transferred and kept with
    the reasons, and the batch's total agrees with the rows."""
    generate(400, seed=5)
    out = StringIO()
    with translation.override("en"):
        call_command("transfer", "initial", "--on", "2021-03-01", stdout=out)
    text = out.getvalue()
    count = Customership.objects.filter(responsible=Responsible.MUNICIPALITY).count()
    assert count > 0 and f"Transferred {count} persons" in text
    assert "trial area" in text and "kotikunta" in text  # the kept outside the areas, by reason


def test_a_bad_date_is_refused(db):
    with pytest.raises(CommandError):
        call_command("transfer", "initial", "--on", "1.3.2021", stdout=StringIO())


# --- The initial transfer's dates (issue 14 item 6; R-X-3, L1269 s. 24) ---


def test_a_day_before_the_pilot_is_refused_in_the_users_language_and_changes_nothing(demo):
    """R-X-3, R-TG-3: `--on 2021-02-28` (the day before the pilot's start) was a traceback; now a
    localised error, exit 2, and no customership is written."""
    for lang, words in (("fi", "ennen kuin kokeilu alkaa"), ("sv", "innan försöket börjar")):
        with translation.override(lang), pytest.raises(CommandError) as refused:
            call_command("transfer", "initial", "--on", "2021-02-28", stdout=StringIO(), stderr=StringIO())
        assert refused.value.returncode == 2
        assert words in str(refused.value) and "1.3.2021" in str(refused.value)
    assert not Customership.objects.exists() and not Notice.objects.exists()
    with pytest.raises(ValidationError):
        transfers.initial(dt.date(2021, 2, 28))


def test_after_the_deadline_of_s_24_the_transfer_runs_with_a_warning_naming_the_parameter(demo):
    """R-TG-3 (s. 24): the TE offices were to transfer existing customers by 31.3.2021; a later run still
    transfers (the persons must not be lost) but warns, naming the parameter."""
    assert transfers.check_date(dt.date(2021, 3, 31)) == []
    err = StringIO()
    with translation.override("en"):
        call_command("transfer", "initial", "--on", "2021-04-01", stdout=StringIO(), stderr=err)
    assert "transfers.initial_transferred_by" in err.getvalue() and "31 March 2021" in err.getvalue()
    assert Customership.objects.filter(valid_from=dt.date(2021, 4, 1)).exists()
