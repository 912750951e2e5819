"""Job seekers' dated facts (R-TG-1): facts as on a date, derived validity, corrections keep the history."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from kuntakokeilu.customers import services
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.customers.queries import facts_on, history, home_municipality_code, target_group_on
from kuntakokeilu.regions.models import Municipality

from .conftest import HELSINKI_HETU, TODAY

pytestmark = pytest.mark.django_db


def _rasanen():
    return Person.objects.get(last_name="Räsänen")


def test_facts_on_a_date_follow_a_move_from_espoo_to_helsinki(demo):
    """R-TG-1: the kotikunta is dated; the rule's input as on each date."""
    person = _rasanen()
    before, after = facts_on(person, dt.date(2023, 4, 30)), facts_on(person, dt.date(2023, 5, 1))
    assert (before["kotikunta"], after["kotikunta"]) == ("049", "091")
    assert before["birth_date"] == dt.date(1993, 1, 20) and before["henkilotunnus"] == person.henkilotunnus
    assert before["job_search_valid"] and not facts_on(person, dt.date(2023, 10, 1))["job_search_valid"]
    assert set(before) == {
        "henkilotunnus", "birth_date", "kotikunta", "residence", "mother_tongue", "immigrant", "status",
        "earnings_related_entitlement", "temporary_protection", "change_security_55",
        "change_security_notice_date", "job_search_valid", "current_customership",
    }  # fmt: skip


def test_before_any_fact_nothing_is_known(demo):
    facts = facts_on(_rasanen(), dt.date(2020, 6, 1))
    assert facts["status"] is None and facts["kotikunta"] is None and facts["mother_tongue"] == "xx"
    assert target_group_on(_rasanen(), dt.date(2020, 6, 1)) is None


def test_change_security_notice_date_and_temporary_protection_residence(demo):
    makela = Person.objects.get(last_name="Mäkelä")
    facts = facts_on(makela, dt.date(2023, 5, 1))
    assert (facts["change_security_55"], facts["change_security_notice_date"]) == (True, dt.date(2023, 2, 1))
    kovalenko = Person.objects.get(last_name="Kovalenko")
    assert facts_on(kovalenko, dt.date(2023, 3, 1))["temporary_protection"] is True
    assert home_municipality_code(kovalenko, dt.date(2023, 3, 1)) == "091"  # by residence


def test_history_derives_the_end_of_each_row(demo):
    rows = history(_rasanen())[FactKind.KOTIKUNTA]
    assert [(r.fact.value, r.valid_to) for r in rows] == [("049", dt.date(2023, 4, 30)), ("091", None)]
    search = history(_rasanen())[FactKind.JOB_SEARCH]
    assert [(r.fact.valid_from, r.valid_to) for r in search] == [(dt.date(2020, 12, 1), dt.date(2023, 9, 30))]


def test_a_correction_keeps_the_old_row_with_the_reason(demo_customers, user):
    """R-TG-1: corrected with history kept."""
    person = Person.objects.get(henkilotunnus=HELSINKI_HETU)
    old = person.facts.current().get(kind=FactKind.STATUS)
    new = services.correct_fact(
        user("aino.virtanen"),
        old,
        valid_from=old.valid_from,
        values={"code": "laid_off"},
        reason="The employer's notice shows a lay-off, not a dismissal.",
        on=TODAY,
    )
    old.refresh_from_db()
    assert old.superseded and new.corrects == old and not new.superseded
    assert facts_on(person, TODAY)["status"] == "laid_off"
    rows = history(person)[FactKind.STATUS]
    assert [(r.fact.code, r.superseded) for r in rows] == [("unemployed", True), ("laid_off", False)]
    assert rows[1].fact.reason.startswith("The employer's notice")
    with pytest.raises(ValidationError):  # an old row cannot be corrected twice
        services.correct_fact(
            user("aino.virtanen"),
            old,
            valid_from=old.valid_from,
            values={"code": "employed"},
            reason="x",
            on=TODAY,
        )


def test_a_correction_needs_a_reason_a_change_and_the_right(demo_customers, user):
    person = Person.objects.get(henkilotunnus=HELSINKI_HETU)
    fact = person.facts.current().get(kind=FactKind.STATUS)
    aino = user("aino.virtanen")
    with pytest.raises(ValidationError):
        services.correct_fact(
            aino, fact, valid_from=fact.valid_from, values={"code": "laid_off"}, reason=" ", on=TODAY
        )
    with pytest.raises(ValidationError):
        services.correct_fact(
            aino, fact, valid_from=fact.valid_from, values={"code": fact.code}, reason="x", on=TODAY
        )
    with pytest.raises(PermissionDenied):  # the Porvoo case worker: not her municipality
        services.correct_fact(
            user("linnea.lindqvist"),
            fact,
            valid_from=fact.valid_from,
            values={"code": "laid_off"},
            reason="x",
            on=TODAY,
        )
    assert person.facts.filter(kind=FactKind.STATUS).count() == 1


def test_one_current_fact_per_kind_and_date(demo):
    person = Person.objects.get(henkilotunnus=HELSINKI_HETU)
    with pytest.raises(IntegrityError), transaction.atomic():
        Fact.objects.create(
            person=person,
            kind=FactKind.KOTIKUNTA,
            valid_from=dt.date(2021, 1, 1),
            municipality=Municipality.objects.get(code="049"),
        )


def test_the_target_group_rule_reads_the_facts_of_the_date(demo):
    """R-TG-2 through R-TG-1: a Somali-speaking Helsinki resident is in the target group."""
    warsame = Person.objects.get(last_name="Warsame")
    outcome = target_group_on(warsame, dt.date(2022, 1, 10))
    assert outcome.result["in_target_group"] is True
    lahtinen = Person.objects.get(henkilotunnus=HELSINKI_HETU)  # 43, Finnish, earnings-related entitlement
    assert target_group_on(lahtinen, dt.date(2022, 1, 10)).result["in_target_group"] is False
