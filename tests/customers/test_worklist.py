"""Transfers due after the pilot's start (R-TG-4, R-TG-5, R-TG-6): each registration and each reported
change is evaluated on its date; a due transfer waits 7 days (the parameter) on the worklist of whoever
must make it; completing it makes the customership and its notices (R-TG-7); the end of a job search ends
the customership at once and a restart during the pilot stays with the municipality."""

import dataclasses
import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers import services, worklist
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import (
    Customership,
    DueTransfer,
    FactKind,
    Ground,
    Notice,
    Person,
    Responsible,
)
from kuntakokeilu.rules.parameters import ParameterStore, default_store

from .conftest import make_customer
from .helpers import load

pytestmark = pytest.mark.django_db

YOUNG = make_henkilotunnus(dt.date(2000, 4, 5), 931)  # under 30 throughout the pilot
OLDER = make_henkilotunnus(dt.date(1990, 8, 20), 932)  # turns 30 on 20.8.2020: outside the group by age
SENIOR = make_henkilotunnus(dt.date(1962, 1, 15), 933)  # 55+, change security
KAINUU = make_henkilotunnus(dt.date(1998, 6, 30), 934)
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


def person(code: str) -> Person:
    return Person.objects.get(henkilotunnus=code)


def open_due(code: str) -> DueTransfer | None:
    return DueTransfer.objects.filter(person__henkilotunnus=code, done_on=None, cancelled_on=None).first()


@pytest.fixture
def users(settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-01"
    ensure_demo_users()
    return lambda username: get_user_model().objects.get(username=username)


def test_a_registration_after_the_start_is_due_within_seven_days(users):
    """R-TG-4: the CSV import evaluates a registration of 10.3.2022; the transfer to Helsinki is due by
    17.3.2022 on the Uusimaa TE office's worklist, on the ground of a new registration."""
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})
    due = open_due(YOUNG)
    assert (due.ground, due.event_date, due.due_by) == (
        Ground.NEW_REGISTRATION,
        dt.date(2022, 3, 10),
        dt.date(2022, 3, 17),
    )
    assert due.handler_te_office.code == "01" and due.handler_municipality is None
    assert due.target == {
        "type": "municipality",
        "kunta_code": "091",
        "trial_area_no": due.target["trial_area_no"],
    }
    assert due.decision["result"]["in_target_group"] is True and due.rule_version
    assert due.overdue(dt.date(2022, 3, 18)) and not due.overdue(dt.date(2022, 3, 17))


def test_the_window_comes_from_the_parameter(users):
    """R-TG-4: the deadline is the event date + transfers.transfer_window_days (L1269 s. 5 mom 2)."""
    load(ROW | {"valid_from": "2021-01-01", "status": "employed"})
    store = default_store()
    window = store.parameters["transfers.transfer_window_days"]
    longer = dataclasses.replace(
        window, values=tuple(dataclasses.replace(v, value=10) for v in window.values)
    )
    params = ParameterStore({**store.parameters, window.name: longer}, store.changelog)
    person(YOUNG).facts.create(kind=FactKind.STATUS, valid_from=dt.date(2022, 4, 4), code="unemployed")
    person(YOUNG).facts.create(kind=FactKind.JOB_SEARCH, valid_from=dt.date(2022, 4, 4))
    due = worklist.evaluate_change(person(YOUNG), event_date=dt.date(2022, 4, 4), params=params)
    assert due.due_by == dt.date(2022, 4, 14)


def test_registrations_before_the_start_are_left_to_the_initial_transfer(users):
    """R-TG-3, R-TG-4: changes dated before 1.3.2021 are not evaluated (the initial transfer covers
    those registered by 28.2.2021)."""
    load(ROW | {"valid_from": "2021-02-01", "job_search_start": "2021-02-01"})
    assert not DueTransfer.objects.exists()


def test_complete_makes_the_customership_with_its_notices(users):
    """R-TG-4, R-TG-7: the TE official completes the transfer; the customership starts on that day,
    both notices exist, the row is done and linked; a second completion is refused."""
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})
    due = open_due(YOUNG)
    sanna = users("sanna.makinen")
    row = worklist.complete(due, actor=sanna, on=dt.date(2022, 3, 14))
    assert (row.responsible, row.municipality.code, row.valid_from, row.ground) == (
        Responsible.MUNICIPALITY,
        "091",
        dt.date(2022, 3, 14),
        Ground.NEW_REGISTRATION,
    )
    assert row.recorded_by == sanna and row.decision["on"] == "2022-03-14"
    assert Notice.objects.filter(customership=row).count() == 2
    due.refresh_from_db()
    assert (due.done_on, due.done_by, due.customership) == (dt.date(2022, 3, 14), sanna, row)
    with translation.override("en"), pytest.raises(ValidationError, match="already"):
        worklist.complete(due, actor=sanna, on=dt.date(2022, 3, 15))


def test_only_the_handler_may_complete(users):
    """R-TG-4, R-X-1: the Helsinki case worker does not make a TE office's transfer."""
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})
    with pytest.raises(PermissionDenied):
        worklist.complete(open_due(YOUNG), actor=users("aino.virtanen"), on=dt.date(2022, 3, 14))
    assert not Customership.objects.exists()


def test_a_transfer_no_longer_due_is_cancelled_and_cannot_be_completed(users):
    """R-TG-4: a reported change that takes the person out of the group cancels the open due transfer;
    completing it is refused with a message and changes nothing."""
    load(
        ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"},
        ROW | {"valid_from": "2022-03-12", "status": "employed"},
    )
    cancelled = DueTransfer.objects.get(person__henkilotunnus=YOUNG)
    assert cancelled.cancelled_on == dt.date(2022, 3, 12) and open_due(YOUNG) is None
    with translation.override("en"), pytest.raises(ValidationError, match="no longer due"):
        worklist.complete(cancelled, actor=users("sanna.makinen"), on=dt.date(2022, 3, 14))
    assert not Customership.objects.exists()


def test_completion_re_evaluates_on_its_own_date(users):
    """R-TG-4: facts that changed after the evaluation (here stored without one) are read again when the
    transfer is made; a transfer no longer due is refused."""
    load(ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"})
    person(YOUNG).facts.create(kind=FactKind.STATUS, valid_from=dt.date(2022, 3, 12), code="employed")
    with translation.override("en"), pytest.raises(ValidationError, match="no longer due"):
        worklist.complete(open_due(YOUNG), actor=users("sanna.makinen"), on=dt.date(2022, 3, 14))
    assert not Customership.objects.exists()


def test_a_reimport_and_a_rerun_change_nothing(users):
    """R-TG-4: evaluating the same change again keeps the one open due transfer."""
    rows = (ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"},)
    load(*rows)
    first = open_due(YOUNG)
    load(*rows)
    again = worklist.evaluate_change(person(YOUNG), event_date=dt.date(2022, 3, 10))
    assert again.pk == first.pk and DueTransfer.objects.count() == 1


def test_a_later_change_replaces_the_open_due_transfer(users):
    """R-TG-4, R-TG-5: a move to Espoo before the transfer is made replaces the due transfer to Helsinki
    (one open per person; the older one is cancelled on the new event's date)."""
    load(
        ROW | {"valid_from": "2022-03-10", "job_search_start": "2022-03-10"},
        ROW | {"valid_from": "2022-03-13", "kotikunta": "049"},
    )
    rows = list(DueTransfer.objects.filter(person__henkilotunnus=YOUNG).order_by("event_date"))
    assert [(r.target["kunta_code"], r.cancelled_on) for r in rows] == [
        ("091", dt.date(2022, 3, 13)),
        ("049", None),
    ]
    assert rows[1].ground == Ground.CHANGE_OF_KOTIKUNTA and rows[1].due_by == dt.date(2022, 3, 20)


def test_a_kotikunta_change_of_a_customer_is_made_by_the_municipality(users):
    """R-TG-5 (L1269 s. 5 mom 1): a Helsinki customer moving to Espoo is due to move to Espoo, and it is
    Helsinki that makes the transfer; a move out of the pilot (Loviisa) goes back to the TE office."""
    load(ROW | {"valid_from": "2021-01-01", "job_search_start": "2021-01-01"})
    make_customer(person(YOUNG), "091")
    load(ROW | {"valid_from": "2022-05-02", "kotikunta": "049"})
    due = open_due(YOUNG)
    assert (due.ground, due.handler_municipality.code, due.handler_te_office) == (
        Ground.CHANGE_OF_KOTIKUNTA,
        "091",
        None,
    )
    assert due.target["kunta_code"] == "049"
    with pytest.raises(PermissionDenied):
        worklist.complete(due, actor=users("sanna.makinen"), on=dt.date(2022, 5, 4))
    row = worklist.complete(due, actor=users("aino.virtanen"), on=dt.date(2022, 5, 4))
    assert (row.municipality.code, row.ground) == ("049", Ground.CHANGE_OF_KOTIKUNTA)
    load(ROW | {"valid_from": "2022-07-01", "kotikunta": "434"})
    back = open_due(YOUNG)
    assert (back.handler_municipality.code, back.target["type"]) == ("049", "te_office")


def test_change_security_returns_a_customer_to_the_te_office(users):
    """R-TG-2, law notes §2.3 (L671/2022): an Espoo customer who comes under change security with a notice
    given from 1.1.2023 is due back to the TE office, which makes the transfer."""
    load(
        ROW
        | {
            "henkilotunnus": SENIOR,
            "kotikunta": "049",
            "earnings_related_entitlement": "false",
            "valid_from": "2021-01-01",
            "job_search_start": "2021-01-01",
        }
    )
    make_customer(person(SENIOR), "049")
    load(
        ROW
        | {
            "henkilotunnus": SENIOR,
            "kotikunta": "049",
            "earnings_related_entitlement": "false",
            "valid_from": "2023-03-01",
            "change_security_55": "true",
            "change_security_notice_date": "2023-02-01",
        }
    )
    due = open_due(SENIOR)
    assert (due.ground, due.handler_te_office.code, due.target["type"]) == (
        Ground.CHANGE_SECURITY_RETURN,
        "01",
        "te_office",
    )


def test_the_end_of_the_job_search_ends_the_customership_at_once(users):
    """R-TG-6 (L1269 s. 6): the day after the job search ends no one is responsible — no 7-day window;
    an open due transfer is cancelled."""
    load(ROW | {"valid_from": "2021-01-01", "job_search_start": "2021-01-01"})
    make_customer(person(YOUNG), "091")
    load(ROW | {"valid_from": "2022-05-02", "kotikunta": "049"})
    assert open_due(YOUNG) is not None
    load(ROW | {"valid_from": "2021-01-01", "job_search_start": "2021-01-01", "job_search_end": "2022-05-31"})
    ended = Customership.objects.get(person__henkilotunnus=YOUNG, valid_to=None)
    assert (ended.responsible, ended.valid_from, ended.ground) == (
        Responsible.NONE,
        dt.date(2022, 6, 1),
        Ground.JOB_SEARCH_ENDED,
    )
    assert open_due(YOUNG) is None
    assert Notice.objects.filter(customership=ended).count() == 2


def test_a_restarted_job_search_stays_with_the_municipality(users):
    """R-TG-6 (L1269 s. 6 mom 2): a former Helsinki customer, now over 30 and entitled to the
    earnings-related allowance, restarts the job search during the pilot: the customership continues at
    once with Helsinki, though the group criteria are no longer met."""
    older = ROW | {"henkilotunnus": OLDER, "earnings_related_entitlement": "false"}
    load(
        older | {"valid_from": "2021-01-01", "job_search_start": "2021-01-01", "job_search_end": "2022-01-31"}
    )
    make_customer(person(OLDER), "091")
    worklist.evaluate_change(person(OLDER), event_date=dt.date(2022, 2, 1))
    load(
        older
        | {
            "valid_from": "2022-06-01",
            "earnings_related_entitlement": "true",
            "job_search_start": "2022-06-01",
        }
    )
    rows = list(person(OLDER).customerships.order_by("valid_from"))
    assert [(r.responsible, r.ground, r.valid_from) for r in rows] == [
        (Responsible.MUNICIPALITY, Ground.INITIAL_TRANSFER, dt.date(2021, 3, 1)),
        (Responsible.NONE, Ground.JOB_SEARCH_ENDED, dt.date(2022, 2, 1)),
        (Responsible.MUNICIPALITY, Ground.NEW_REGISTRATION, dt.date(2022, 6, 1)),
    ]
    assert rows[-1].municipality.code == "091" and open_due(OLDER) is None
    assert rows[-1].decision["result"]["in_target_group"] is True


def test_a_correction_is_evaluated_like_a_reported_change(users):
    """R-TG-4, R-TG-1: a Helsinki customer's move to Espoo makes a transfer due; the case worker
    corrects the move away (the register was wrong) and the due transfer is cancelled."""
    load(ROW | {"valid_from": "2021-01-01", "job_search_start": "2021-01-01"})
    make_customer(person(YOUNG), "091")
    load(ROW | {"valid_from": "2022-05-02", "kotikunta": "049"})
    assert open_due(YOUNG).target["kunta_code"] == "049"
    fact = person(YOUNG).facts.current().get(kind=FactKind.KOTIKUNTA, valid_from=dt.date(2022, 5, 2))
    services.correct_fact(
        users("aino.virtanen"),
        fact,
        valid_from=dt.date(2022, 5, 2),
        values={"municipality": fact.municipality.__class__.objects.get(code="091")},
        reason="Did not move",
        on=dt.date(2022, 9, 1),
    )
    assert open_due(YOUNG) is None
    assert DueTransfer.objects.get(person__henkilotunnus=YOUNG).cancelled_on == dt.date(2022, 5, 2)


def test_open_for_lists_the_users_own_earliest_first(users):
    """R-TG-4: the worklist holds the user's organisation's open transfers, earliest deadline first;
    later events, other offices' and done ones are not listed."""
    young = ROW | {"valid_from": "2022-08-20", "job_search_start": "2022-08-20"}
    older = ROW | {"henkilotunnus": OLDER, "immigrant": "true", "valid_from": "2022-08-10"}
    kainuu = ROW | {"henkilotunnus": KAINUU, "kotikunta": "205", "valid_from": "2022-08-11"}
    later = ROW | {"henkilotunnus": SENIOR, "immigrant": "true", "valid_from": "2022-09-05"}
    load(*(row | {"job_search_start": row["valid_from"]} for row in (young, older, kainuu, later)))
    on = dt.date(2022, 9, 1)
    sanna = users("sanna.makinen")
    assert [d.person.henkilotunnus for d in worklist.open_for(sanna, on)] == [OLDER, YOUNG]
    assert worklist.open_for(users("aino.virtanen"), on) == []
    assert worklist.open_for(users("kaisa.jarvinen"), on) == []
    worklist.complete(open_due(OLDER), actor=sanna, on=on)
    assert [d.person.henkilotunnus for d in worklist.open_for(sanna, on)] == [YOUNG]
    assert [d.person.henkilotunnus for d in worklist.done_for(sanna, on)] == [OLDER]
    assert worklist.done_for(sanna, on + dt.timedelta(days=31)) == []


# --- pages -----------------------------------------------------------------------------------------

WORKLIST_STATUS = {
    "sanna.makinen": 200,  # Uusimaa TE office
    "aino.virtanen": 200,  # Helsinki case worker (its customers' kotikunta changes)
    "mikko.korhonen": 200,  # Helsinki approver
    "ville.hyvonen": 200,  # Kajaani case worker
    "juha.heikkinen": 200,  # Kainuu area manager (sees, does not complete)
    "linnea.lindqvist": 200,  # Porvoo case worker
    "kaisa.jarvinen": 403,  # ELY
    "pekka.nieminen": 403,  # applicant
    "elina.laine": 403,  # ministry
    "tuomas.koskinen": 403,  # researcher
    "admin": 403,
}


@pytest.mark.parametrize("username", sorted(WORKLIST_STATUS))
def test_the_worklist_page_per_role(users, client, username):
    """R-TG-4, R-X-1, R-X-2: who sees the worklist; the TE office sees its overdue row in red with a text
    label and a button; every person listed is logged."""
    load(ROW | {"valid_from": "2022-08-20", "job_search_start": "2022-08-20"})
    client.force_login(users(username))
    response = client.get(reverse("customers:due-transfers"), HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == WORKLIST_STATUS[username]
    page = response.content.decode()
    listed = AccessLogEntry.objects.filter(what="customers:due-transfers", purpose=Purpose.TRANSFER)
    if username == "sanna.makinen":
        assert 'class="overdue"' in page and "Myöhässä" in page and "Laine, Veera" in page
        assert reverse("customers:complete-transfer", args=[open_due(YOUNG).pk]) in page
        assert listed.count() == 1
    elif response.status_code == 200:
        assert "Laine, Veera" not in page and listed.count() == 0


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get(reverse("customers:due-transfers"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_completing_from_the_page(users, client):
    """R-TG-4, R-TG-7: the button posts; a GET is refused; another organisation gets 404 (R-X-2); the TE
    official completes and sees the success message, and the person is then the Helsinki case worker's."""
    load(ROW | {"valid_from": "2022-08-29", "job_search_start": "2022-08-29"})
    due = open_due(YOUNG)
    url = reverse("customers:complete-transfer", args=[due.pk])
    client.force_login(users("sanna.makinen"))
    assert client.get(url).status_code == 405
    client.force_login(users("aino.virtanen"))
    assert client.post(url).status_code == 404
    person_url = reverse("customers:person", args=[due.person_id])
    assert client.get(person_url).status_code == 404  # the target's competence begins with the transfer
    client.force_login(users("sanna.makinen"))
    response = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert response.redirect_chain[-1][0] == reverse("customers:due-transfers")
    assert "has been transferred to Helsinki from" in response.content.decode()
    assert Customership.objects.get(person=due.person).municipality.code == "091"
    again = client.post(url, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "already been made" in again.content.decode()
    client.force_login(users("aino.virtanen"))
    assert client.get(person_url).status_code == 200  # now Helsinki's customer (R-X-1)
    client.force_login(users("linnea.lindqvist"))
    assert client.get(person_url).status_code == 404


def test_the_person_page_shows_the_open_due_transfer(users, client):
    """R-TG-4: the person page says a transfer is due and by when."""
    load(ROW | {"valid_from": "2022-08-20", "job_search_start": "2022-08-20"})
    client.force_login(users("sanna.makinen"))
    page = client.get(reverse("customers:person", args=[person(YOUNG).pk]), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "A transfer is due" in text and "27 August 2022" in text and "Overdue" in text


# --- the demo --------------------------------------------------------------------------------------


def _run_demo(today):
    from kuntakokeilu.customers import demo

    return list(demo.run(today))


@pytest.mark.parametrize("today", [dt.date(2022, 9, 1), dt.date(2024, 6, 15)])
def test_the_demo_gives_the_te_office_due_transfers_one_overdue(users, today):
    """R-TG-4: on the demo's today (any day of the pilot) the Uusimaa TE office has due transfers, one of
    them overdue; Kajaani has a customer's move to Oulu; a second run changes nothing."""
    _run_demo(today)
    rows = worklist.open_for(users("sanna.makinen"), today)
    assert len(rows) >= 3 and any(r.overdue(today) for r in rows)
    kajaani = worklist.open_for(users("ville.hyvonen"), today)
    assert [(d.ground, d.target["kunta_code"]) for d in kajaani] == [(Ground.CHANGE_OF_KOTIKUNTA, "564")]
    assert worklist.open_for(users("juha.heikkinen"), today) == kajaani
    counts = (DueTransfer.objects.count(), Customership.objects.count(), Person.objects.count())
    assert "no change" in _run_demo(today)[-1]
    assert (DueTransfer.objects.count(), Customership.objects.count(), Person.objects.count()) == counts


def test_the_demo_step_is_skipped_outside_the_pilot(users):
    """R-TG-4: before the pilot's start (or after its end) there is nothing to transfer."""
    lines = _run_demo(dt.date(2020, 6, 1))
    assert "skipped" in lines[-1] and not DueTransfer.objects.filter(person__last_name="Koskinen").exists()
