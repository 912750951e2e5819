"""Pending matters when the customership changes otherwise (R-TG-5, R-TG-6, R-X-1, R-X-2; law notes §7.1,
§7.3): an open request lapses when the person's customership changes before a decision, and with it the
receiving municipality's access; the pilot's end passes every pending matter to the TE office; a request
granted cancels a transfer due before it; the page actions on a person's case are logged; an official
records a request dated before their own assignment began."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kuntakokeilu.access.actions import can
from kuntakokeilu.access.models import AccessLogEntry, RoleAssignment
from kuntakokeilu.customers import pilot_end, transfer_requests, worklist
from kuntakokeilu.customers.models import (
    DueTransfer,
    Fact,
    FactKind,
    Ground,
    RequestReason,
    RequestStatus,
    TransferRequest,
)
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.queries import te_office_of

from .conftest import HELSINKI_HETU, PORVOO_HETU
from .test_pilot_end import TE_LAW

pytestmark = pytest.mark.django_db

ASKED = dt.date(2023, 5, 2)


def ask_to_helsinki(person, user, asked_on=ASKED, **extra):
    return transfer_requests.ask(
        person,
        actor=user("linnea.lindqvist"),
        asked_on=asked_on,
        ground=Ground.REQUEST_TO_MUNICIPALITY,
        reason=RequestReason.LINGUISTIC_RIGHTS,
        services_secured=True,
        municipality=Municipality.objects.get(code="091"),
        **extra,
    )


def test_the_pilots_end_lapses_requests_and_cancels_due_transfers(demo_customers, user):
    """Law notes §7.3 (L421 s. 25): on 1.1.2025 the TE office takes the pending matters; Helsinki loses
    the access the open request gave it."""
    porvoo = demo_customers[PORVOO_HETU]
    row = ask_to_helsinki(porvoo, user)
    assert can(user("aino.virtanen"), "customers.view_person", porvoo, dt.date(2024, 12, 31))
    due = DueTransfer.objects.create(
        person=demo_customers[HELSINKI_HETU],
        ground=Ground.CHANGE_OF_KOTIKUNTA,
        event_date=dt.date(2024, 12, 20),
        due_by=dt.date(2024, 12, 27),
        handler_municipality=Municipality.objects.get(code="091"),
        target={"type": "te_office", "te_office_code": "01"},
    )
    pilot_end.return_customers(dt.date(2025, 1, 1), TE_LAW)  # Porvoo and Kajaani have no area loaded
    row.refresh_from_db()
    due.refresh_from_db()
    assert row.status == RequestStatus.LAPSED
    assert due.cancelled_on == dt.date(2025, 1, 1) and due.done_on is None
    assert not can(user("aino.virtanen"), "customers.view_person", porvoo, dt.date(2025, 1, 2))


def test_a_completed_transfer_lapses_the_open_request(demo_customers, user):
    """R-TG-5: the request was made of the Porvoo customership; when the person moves to Loviisa (outside
    the pilot) and Porvoo makes the transfer first, the request lapses and Helsinki's access with it."""
    porvoo = demo_customers[PORVOO_HETU]
    row = ask_to_helsinki(porvoo, user)
    assert can(user("mikko.korhonen"), "customers.view_person", porvoo, dt.date(2023, 5, 4))
    moved = dt.date(2023, 5, 3)
    Fact.objects.create(
        person=porvoo,
        kind=FactKind.KOTIKUNTA,
        valid_from=moved,
        municipality=Municipality.objects.get(code="434"),
    )
    due = worklist.evaluate_change(porvoo, event_date=moved)
    assert (due.ground, due.handler_municipality.code) == (Ground.CHANGE_OF_KOTIKUNTA, "638")
    worklist.complete(due, actor=user("linnea.lindqvist"), on=dt.date(2023, 5, 4))
    row.refresh_from_db()
    assert row.status == RequestStatus.LAPSED
    assert not can(user("mikko.korhonen"), "customers.view_person", porvoo, dt.date(2023, 5, 4))


def test_a_granted_request_cancels_a_transfer_due_before_it(demo_customers, user):
    """R-TG-5: after the grant the person's case is judged anew on the next change."""
    helsinki = demo_customers[HELSINKI_HETU]
    due = DueTransfer.objects.create(
        person=helsinki,
        ground=Ground.CHANGE_OF_FACTS,
        event_date=dt.date(2023, 5, 3),
        due_by=dt.date(2023, 5, 10),
        handler_te_office=te_office_of("091", dt.date(2023, 5, 3)),
        target={"type": "te_office", "te_office_code": "01"},
    )
    asked = transfer_requests.ask(
        helsinki,
        actor=user("sanna.makinen"),
        asked_on=ASKED,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        reason=RequestReason.SAFETY,
        services_secured=True,
    )
    transfer_requests.decide(asked, actor=user("sanna.makinen"), on=dt.date(2023, 5, 5), grant=True)
    due.refresh_from_db()
    assert due.cancelled_on == dt.date(2023, 5, 5) and due.done_on is None


def test_a_request_dated_before_the_officials_assignment(demo_customers, user):
    """R-TG-5 with R-X-1: permission is asked for the day of recording, the case's facts for the day the
    customer asked."""
    worker = user("linnea.lindqvist")
    RoleAssignment.objects.filter(user=worker).update(valid_from=dt.date(2023, 6, 1))
    porvoo = demo_customers[PORVOO_HETU]
    with pytest.raises(PermissionDenied):  # by default permission is asked for the asked date
        ask_to_helsinki(porvoo, user)
    row = ask_to_helsinki(porvoo, user, recorded_on=dt.date(2023, 6, 5))
    assert row.asked_on == ASKED and row.status == RequestStatus.AWAITING_ACCEPTANCE


def test_the_page_actions_on_a_case_are_logged(demo_customers, user, client, settings):
    """R-X-2: recording, answering and deciding a request from the pages each write an access-log entry
    with the person, in the same transaction as the write."""
    settings.KUNTAKOKEILU_TODAY = "2023-05-02"
    porvoo = demo_customers[PORVOO_HETU]
    client.force_login(user("linnea.lindqvist"))
    response = client.post(
        reverse("customers:record-request", args=[porvoo.pk]),
        {
            "asked_on": "2023-05-02",
            "ground": Ground.REQUEST_TO_MUNICIPALITY,
            "reason": RequestReason.LINGUISTIC_RIGHTS,
            "services_secured": "on",
            "municipality": Municipality.objects.get(code="091").pk,
        },
    )
    assert response.status_code == 302
    row = TransferRequest.objects.get(person=porvoo)
    client.force_login(user("mikko.korhonen"))
    client.post(reverse("customers:answer-request", args=[row.pk]), {"answer": "yes"})
    client.force_login(user("sanna.makinen"))
    client.post(reverse("customers:decide-request", args=[row.pk]), {"answer": "yes"})
    row.refresh_from_db()
    assert row.status == RequestStatus.TRANSFERRED
    logged = {
        (e.user.username, e.what) for e in AccessLogEntry.objects.filter(person=porvoo).select_related("user")
    }
    assert {
        ("linnea.lindqvist", "customers:record-request"),
        ("mikko.korhonen", "customers:answer-request"),
        ("sanna.makinen", "customers:decide-request"),
    } <= logged
