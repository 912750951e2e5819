"""Customerships (R-TG-3): who is responsible from which date to which date, on which ground, with the
rule's decision stored as codes and figures and explained as it was in any language."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Customership, Ground, RequestReason, Responsible
from kuntakokeilu.customers.queries import facts_on, target_group_on
from kuntakokeilu.rules.storage import load_record

from .conftest import HELSINKI_HETU, PORVOO_HETU

START = dt.date(2021, 3, 1)


def _initial(person, on=START):
    outcome = target_group_on(person, on)
    return customerships.start(person, on=on, ground=Ground.INITIAL_TRANSFER, outcome=outcome)


def test_initial_transfer_records_the_municipality_and_the_decision(demo):
    """R-TG-3: the Porvoo job seeker becomes Porvoo's customer from 1.3.2021, on the initial transfer,
    with the rule version and the decision as codes (no rendered text)."""
    person = demo[PORVOO_HETU]
    row, created = _initial(person)
    assert created
    assert (row.responsible, row.municipality.code, row.valid_from, row.valid_to) == (
        Responsible.MUNICIPALITY,
        "638",
        START,
        None,
    )
    assert row.ground == Ground.INITIAL_TRANSFER
    assert row.rule_version == row.decision["version"] != ""
    assert row.decision["rule"] == "target-group"
    assert all(isinstance(check, list) for check in row.decision["checks"])  # compact: a shape and figures
    assert load_record(row.decision).to_record()["checks"][0]["code"] == "pilot_period"


def test_the_stored_explanation_renders_as_decided_in_every_language(demo):
    """R-TG-3: the explanation read back from the record equals the decision's own, in fi, sv and en."""
    person = demo[PORVOO_HETU]
    outcome = target_group_on(person, START)
    row, _ = customerships.start(person, on=START, ground=Ground.INITIAL_TRANSFER, outcome=outcome)
    stored = customerships.explanation(Customership.objects.get(pk=row.pk))
    for lang in ("fi", "sv", "en"):
        assert stored.explanation(lang) == outcome.explanation(lang)
    assert stored.explanation("fi") != stored.explanation("sv")
    assert "Porvoo" in " ".join(stored.explanation("fi"))
    assert "Borgå" in " ".join(stored.explanation("sv"))


def test_a_person_outside_the_group_stays_with_the_te_office(demo):
    """R-TG-3: the Helsinki job seeker with earnings-related entitlement, aged 42, is kept by the
    Uusimaa TE office; the customership names the office."""
    row, created = _initial(demo[HELSINKI_HETU])
    assert created and row.responsible == Responsible.TE_OFFICE
    assert row.te_office is not None and row.municipality is None
    assert row.decision["result"]["in_target_group"] is False


def test_a_rerun_changes_nothing(demo):
    """R-TG-3: starting the same organisation again (a re-run) records nothing new."""
    person = demo[PORVOO_HETU]
    first, _ = _initial(person)
    again, created = _initial(person, START + dt.timedelta(days=3))
    assert not created and again.pk == first.pk
    assert person.customerships.count() == 1 and again.valid_to is None


def test_the_rule_input_carries_the_customership(demo):
    """R-TG-3, R-TG-6: after the transfer the rule's input names the customership; before it, none."""
    person = demo[PORVOO_HETU]
    _initial(person)
    assert facts_on(person, START - dt.timedelta(days=1))["current_customership"] is None
    assert facts_on(person, dt.date(2022, 1, 1))["current_customership"] == {
        "type": "municipality",
        "kunta_code": "638",
        "since": START,
    }


def test_a_request_to_the_te_office_closes_the_municipal_customership(demo):
    """R-TG-3 (L421 s. 5): a move back on the person's request needs a reason of the Act; the municipal
    customership ends the day before, and the periods do not overlap."""
    person = demo[PORVOO_HETU]
    _initial(person)
    moved = dt.date(2021, 9, 1)
    office = demo[HELSINKI_HETU]
    te_row, _ = _initial(office)  # the Uusimaa TE office, the Porvoo person's office too
    back = {"type": "te_office", "te_office_code": te_row.te_office.code}
    with pytest.raises(ValidationError):
        customerships.start(
            person, on=moved, ground=Ground.REQUEST_TO_TE_OFFICE, outcome=None, responsible=back
        )
    assert person.customerships.count() == 1
    _row, created = customerships.start(
        person,
        on=moved,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        outcome=None,
        responsible=back,
        request_reason=RequestReason.LINGUISTIC_RIGHTS,
    )
    assert created
    rows = customerships.timeline(person)
    assert [(r.responsible, r.valid_from, r.valid_to) for r in rows] == [
        (Responsible.MUNICIPALITY, START, moved - dt.timedelta(days=1)),
        (Responsible.TE_OFFICE, moved, None),
    ]
    assert customerships.current(person, moved - dt.timedelta(days=1)).responsible == Responsible.MUNICIPALITY


def test_a_move_to_another_municipality_needs_its_acceptance(demo):
    """R-TG-3 (L421 s. 5): a request to another trial municipality without its acceptance is refused."""
    person = demo[PORVOO_HETU]
    _initial(person)
    helsinki = {"type": "municipality", "kunta_code": "091"}
    with pytest.raises(ValidationError):
        customerships.start(
            person,
            on=dt.date(2021, 9, 1),
            ground=Ground.REQUEST_TO_MUNICIPALITY,
            outcome=None,
            responsible=helsinki,
            request_reason=RequestReason.SAFETY,
        )
    row, _ = customerships.start(
        person,
        on=dt.date(2021, 9, 1),
        ground=Ground.REQUEST_TO_MUNICIPALITY,
        outcome=None,
        responsible=helsinki,
        request_reason=RequestReason.SAFETY,
        accepted_on=dt.date(2021, 8, 25),
    )
    assert row.municipality.code == "091" and row.accepted_on == dt.date(2021, 8, 25)


def test_history_is_not_rewritten(demo):
    """R-TG-3: a customership starting on or before an existing one is refused and changes nothing."""
    person = demo[PORVOO_HETU]
    _initial(person, dt.date(2021, 3, 5))
    with pytest.raises(ValidationError):
        _initial(demo[PORVOO_HETU], START)
    earlier = {"type": "municipality", "kunta_code": "091"}
    with pytest.raises(ValidationError):
        customerships.start(
            person,
            on=dt.date(2021, 3, 5),
            ground=Ground.CHANGE_OF_KOTIKUNTA,
            outcome=None,
            responsible=earlier,
        )
    assert [(r.valid_from, r.valid_to) for r in customerships.timeline(person)] == [
        (dt.date(2021, 3, 5), None)
    ]


def test_the_database_allows_one_open_customership(demo):
    """R-TG-3: the database refuses a second open customership of a person."""
    person = demo[PORVOO_HETU]
    row, _ = _initial(person)
    with pytest.raises(IntegrityError), transaction.atomic():
        Customership.objects.create(
            person=person,
            responsible=row.responsible,
            municipality=row.municipality,
            valid_from=dt.date(2021, 6, 1),
            ground=Ground.CHANGE_OF_FACTS,
        )


def test_the_decision_must_be_of_the_transfer_date(demo):
    """R-TG-3: a decision made for another date is not recorded as the transfer's ground."""
    person = demo[PORVOO_HETU]
    outcome = target_group_on(person, START)
    with pytest.raises(ValidationError):
        customerships.start(person, on=dt.date(2021, 3, 2), ground=Ground.INITIAL_TRANSFER, outcome=outcome)
    assert not person.customerships.exists()
