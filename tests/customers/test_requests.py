"""Transfers on the customer's request (R-TG-5, R-TG-7; L1269 s. 5 as amended by L421/2021, law notes
§2.3): the customer asks, with a reason of the Act, and the move must not endanger services matching the
customer's needs; a move to another trial municipality needs its acceptance; the TE office decides and a
grant makes the customership with its notices in fi and sv."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.customers import notices, transfer_requests
from kuntakokeilu.customers.models import (
    Customership,
    Ground,
    Notice,
    NoticeRecipient,
    RequestReason,
    RequestStatus,
    TransferRequest,
)
from kuntakokeilu.regions.models import Municipality

from .conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU

pytestmark = pytest.mark.django_db

ASKED = dt.date(2023, 5, 2)
DECIDED = dt.date(2023, 5, 10)
LINGUISTIC = RequestReason.LINGUISTIC_RIGHTS


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


def ask_to_helsinki(demo, user, **changes):
    """Porvoo's Swedish-speaking customer asks to move to Helsinki (recorded by Porvoo's case worker)."""
    values = {
        "actor": user("linnea.lindqvist"),
        "asked_on": ASKED,
        "ground": Ground.REQUEST_TO_MUNICIPALITY,
        "reason": LINGUISTIC,
        "services_secured": True,
        "municipality": municipality("091"),
    } | changes
    return transfer_requests.ask(demo[PORVOO_HETU], **values)


def ask_back(demo, user, **changes):
    """Helsinki's customer asks to move back to the TE office (recorded by the Uusimaa TE office)."""
    values = {
        "actor": user("sanna.makinen"),
        "asked_on": ASKED,
        "ground": Ground.REQUEST_TO_TE_OFFICE,
        "reason": LINGUISTIC,
        "services_secured": True,
    } | changes
    return transfer_requests.ask(demo[HELSINKI_HETU], **values)


def test_a_request_to_another_municipality_waits_for_its_acceptance(demo_customers, user):
    """R-TG-5: a move to another trial municipality is recorded awaiting that municipality's answer."""
    row = ask_to_helsinki(demo_customers, user)
    assert (row.status, row.municipality.code, row.recorded_by.username) == (
        RequestStatus.AWAITING_ACCEPTANCE,
        "091",
        "linnea.lindqvist",
    )


def test_a_request_back_to_the_te_office_waits_for_the_decision(demo_customers, user):
    """R-TG-5: a move back to the TE office goes straight to the TE office's decision."""
    row = ask_back(demo_customers, user, actor=user("aino.virtanen"))
    assert (row.status, row.municipality) == (RequestStatus.PENDING, None)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"asked_on": dt.date(2021, 5, 31)}, "asked_on"),  # before L421 came into force on 1.6.2021
        ({"asked_on": dt.date(2025, 1, 2)}, "asked_on"),  # after the pilot
        ({"reason": "dislike"}, "reason"),
        ({"reason": ""}, "reason"),
        ({"ground": Ground.CHANGE_OF_KOTIKUNTA}, "ground"),
        ({"municipality": None}, "municipality"),
        ({"municipality": "434"}, "municipality"),  # Loviisa: not a trial municipality
        ({"municipality": "638"}, "municipality"),  # the one responsible now
    ],
)
def test_a_request_is_refused_with_a_reason_and_nothing_changes(demo_customers, user, changes, field):
    """R-TG-5: the date (from 1.6.2021, within the pilot), a reason of the Act, a request ground and a
    receiving trial municipality other than the current one are required; nothing is recorded."""
    if isinstance(changes.get("municipality"), str):
        changes = {"municipality": municipality(changes["municipality"])}
    with pytest.raises(ValidationError) as caught:
        ask_to_helsinki(demo_customers, user, **changes)
    assert field in caught.value.message_dict
    assert not TransferRequest.objects.exists()


def test_only_a_customer_may_ask_and_only_once_at_a_time(demo, demo_customers, user):
    """R-TG-5: a person who is no trial municipality's customer has nothing to move; an open request
    blocks a second one; a move back to the TE office names no municipality."""
    with pytest.raises(ValidationError):
        ask_back(demo_customers, user, asked_on=dt.date(2021, 6, 1) - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="municipality"):
        ask_back(demo_customers, user, municipality=municipality("049"))
    ask_back(demo_customers, user)
    with pytest.raises(ValidationError):
        ask_back(demo_customers, user)
    assert TransferRequest.objects.count() == 1


def test_a_person_who_is_not_a_customer_cannot_ask(demo, user):
    """R-TG-5: only a trial municipality's customer can ask to be transferred (the message in sv)."""
    with translation.override("sv"), pytest.raises(ValidationError) as caught:
        ask_back(demo, user)
    assert "inte kund hos en försökskommun" in " ".join(caught.value.messages)
    assert not TransferRequest.objects.exists()


def test_who_may_record_answer_and_decide(demo_customers, user):
    """R-X-1, R-TG-5: another municipality's case worker may not record; only the receiving municipality
    answers; only the TE office of the person's place decides."""
    with pytest.raises(PermissionDenied):
        ask_to_helsinki(demo_customers, user, actor=user("ville.hyvonen"))
    row = ask_to_helsinki(demo_customers, user)
    with pytest.raises(PermissionDenied):
        transfer_requests.answer(row, actor=user("juha.heikkinen"), on=ASKED, accept=True)
    transfer_requests.answer(row, actor=user("mikko.korhonen"), on=ASKED, accept=True)
    with pytest.raises(PermissionDenied):
        transfer_requests.decide(row, actor=user("aino.virtanen"), on=DECIDED, grant=True)


def test_accepted_and_granted_moves_the_customer_with_notices_in_fi_and_sv(demo_customers, user):
    """R-TG-5, R-TG-7: Helsinki accepts, the TE office grants; the customership starts on the decision's
    date with the reason and the acceptance; the notices (the person's in Swedish) say so and that the
    plan stays binding."""
    row = ask_to_helsinki(demo_customers, user)
    transfer_requests.answer(row, actor=user("mikko.korhonen"), on=dt.date(2023, 5, 5), accept=True)
    row.refresh_from_db()
    assert (row.status, row.accepted_on) == (RequestStatus.PENDING, dt.date(2023, 5, 5))
    decided = transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=True)
    created = decided.customership
    assert decided.status == RequestStatus.TRANSFERRED
    assert (created.municipality.code, created.ground, created.request_reason, created.accepted_on) == (
        "091",
        Ground.REQUEST_TO_MUNICIPALITY,
        LINGUISTIC,
        dt.date(2023, 5, 5),
    )
    assert created.valid_from == DECIDED
    previous = Customership.objects.get(person=demo_customers[PORVOO_HETU], municipality__code="638")
    assert previous.valid_to == DECIDED - dt.timedelta(days=1)
    to_person = Notice.objects.get(customership=created, recipient=NoticeRecipient.PERSON)
    assert to_person.language == "sv"
    sv = " ".join(notices.render(to_person)["lines"])
    fi = " ".join(notices.render(to_person, "fi")["lines"])
    assert "Helsingfors" in sv and "språkliga rättigheter" in sv and "Borgå" in sv
    assert "Helsinki" in fi and "kielellisten oikeuksien" in fi and "hyväksyi" in fi
    assert "sitoo" in fi
    to_helsinki = Notice.objects.get(customership=created, recipient=NoticeRecipient.ORGANISATION)
    assert "Nyström" in " ".join(notices.render(to_helsinki, "sv")["lines"])


def test_a_decline_closes_the_request(demo_customers, user):
    """R-TG-5: without the receiving municipality's acceptance there is no move; nothing is left to decide."""
    row = ask_to_helsinki(demo_customers, user)
    transfer_requests.answer(row, actor=user("mikko.korhonen"), on=ASKED, accept=False)
    row.refresh_from_db()
    assert row.status == RequestStatus.NOT_ACCEPTED
    with pytest.raises(ValidationError):
        transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=True)
    with pytest.raises(ValidationError):
        transfer_requests.answer(row, actor=user("mikko.korhonen"), on=ASKED, accept=True)


def test_a_grant_needs_every_condition(demo_customers, user):
    """R-TG-5: services not shown to be secured → no grant, nothing changed; the TE office may refuse."""
    row = ask_back(demo_customers, user, services_secured=False)
    with translation.override("fi"), pytest.raises(ValidationError) as caught:
        transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=True)
    assert "palvelut" in " ".join(caught.value.messages)
    row.refresh_from_db()
    assert (row.status, row.decided_on, row.customership) == (RequestStatus.PENDING, None, None)
    assert Customership.objects.filter(person=demo_customers[HELSINKI_HETU]).count() == 1
    assert transfer_requests.unmet_conditions(row)
    transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=False)
    row.refresh_from_db()
    assert (row.status, row.decided_on, row.customership) == (RequestStatus.REFUSED, DECIDED, None)


def test_the_decision_cannot_precede_the_request(demo_customers, user):
    row = ask_back(demo_customers, user)
    with pytest.raises(ValidationError):
        transfer_requests.decide(
            row, actor=user("sanna.makinen"), on=ASKED - dt.timedelta(days=1), grant=True
        )


def test_granted_back_to_the_te_office_of_the_persons_place(demo_customers, user):
    """R-TG-5: a move back goes to the TE office of the person's place (Helsinki → Uusimaa, 01)."""
    row = transfer_requests.decide(
        ask_back(demo_customers, user), actor=user("sanna.makinen"), on=DECIDED, grant=True
    )
    created = row.customership
    assert (created.responsible, created.te_office.code, created.ground, created.request_reason) == (
        "te_office",
        "01",
        Ground.REQUEST_TO_TE_OFFICE,
        LINGUISTIC,
    )
    assert created.accepted_on is None
    for lang in ("fi", "sv"):
        for notice in created.notices.all():
            assert notices.render(notice, lang)["lines"]


def test_a_customership_changed_since_the_request_refuses_the_grant(demo_customers, user):
    """R-TG-5: the request concerned the customership it was made in; after another move it is stale."""
    row = ask_back(demo_customers, user)
    from kuntakokeilu.customers import customerships

    customerships.start(
        demo_customers[HELSINKI_HETU],
        on=dt.date(2023, 5, 6),
        ground=Ground.CHANGE_OF_KOTIKUNTA,
        outcome=None,
        responsible={"type": "municipality", "kunta_code": "049"},
    )
    with pytest.raises(ValidationError):
        transfer_requests.decide(row, actor=user("sanna.makinen"), on=DECIDED, grant=True)
    row.refresh_from_db()
    assert row.status == RequestStatus.PENDING


# --- pages -------------------------------------------------------------------------------------


def test_recording_from_the_person_page(demo_customers, user, client):
    """R-TG-5: the case worker of the customer's municipality records the request from the person page;
    the person page lists it; the form page is logged (R-X-2)."""
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    page = client.get(reverse("customers:person", args=[person.pk]))
    url = reverse("customers:record-request", args=[person.pk])
    assert url in page.content.decode()
    assert client.get(url).status_code == 200
    assert AccessLogEntry.objects.filter(what="customers:record-request", user__username="aino.virtanen")
    bad = client.post(url, {"asked_on": "2023-05-02", "ground": "request_to_te_office"})
    assert bad.status_code == 200 and not TransferRequest.objects.exists()
    data = {"ground": "request_to_te_office", "reason": "safety", "services_secured": "on"}
    future = client.post(url, data | {"asked_on": "2023-06-02"})  # today is 1.6.2023
    assert future.status_code == 200 and not TransferRequest.objects.exists()
    response = client.post(
        url,
        {
            "asked_on": "2023-05-02",
            "ground": "request_to_te_office",
            "reason": "safety",
            "services_secured": "on",
        },
    )
    assert response.status_code == 302
    row = TransferRequest.objects.get()
    assert (row.reason, row.services_secured, row.status) == ("safety", True, RequestStatus.PENDING)
    page = client.get(reverse("customers:person", args=[person.pk])).content.decode()
    assert "transfer-requests" in page


def test_a_domain_refusal_is_shown_on_the_form(demo_customers, user, client):
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    url = reverse("customers:record-request", args=[person.pk])
    data = {"asked_on": "2023-05-02", "ground": "request_to_municipality", "reason": "safety"}
    response = client.post(url, data | {"municipality": municipality("091").pk})
    assert response.status_code == 200
    assert "error" in response.content.decode() and not TransferRequest.objects.exists()


def test_others_may_not_record(demo_customers, user, client):
    client.force_login(user("ville.hyvonen"))
    url = reverse("customers:record-request", args=[demo_customers[HELSINKI_HETU].pk])
    assert client.get(url).status_code == 404


def test_the_requests_page_accept_then_grant(demo_customers, user, client):
    """R-TG-5: the receiving municipality's approver accepts on the page; the TE office sees the
    conditions and grants; each listed person is logged (R-X-2)."""
    row = ask_to_helsinki(demo_customers, user)
    index = reverse("customers:transfer-requests")
    client.force_login(user("sanna.makinen"))
    assert "Nyström" not in client.get(index).content.decode()  # not yet accepted
    client.force_login(user("mikko.korhonen"))
    assert "Nyström" in client.get(index).content.decode()
    assert AccessLogEntry.objects.filter(what="customers:transfer-requests", user__username="mikko.korhonen")
    assert client.get(reverse("customers:answer-request", args=[row.pk])).status_code == 405
    client.post(reverse("customers:answer-request", args=[row.pk]), {"answer": "yes"})
    row.refresh_from_db()
    assert row.status == RequestStatus.PENDING
    client.force_login(user("juha.heikkinen"))
    assert (
        client.post(reverse("customers:decide-request", args=[row.pk]), {"answer": "yes"}).status_code == 404
    )
    client.force_login(user("sanna.makinen"))
    page = client.get(index).content.decode()
    assert "Nyström" in page and "check-pass" in page
    response = client.post(reverse("customers:decide-request", args=[row.pk]), {"answer": "yes"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.status == RequestStatus.TRANSFERRED and row.customership.municipality.code == "091"


@pytest.mark.parametrize(
    ("username", "status"),
    [
        ("sanna.makinen", 200),
        ("mikko.korhonen", 200),
        ("juha.heikkinen", 200),
        ("aino.virtanen", 403),
        ("kaisa.jarvinen", 403),
    ],
)
def test_the_requests_page_per_role(demo_customers, user, client, username, status):
    client.force_login(user(username))
    assert client.get(reverse("customers:transfer-requests")).status_code == status


def test_a_kajaani_request_is_not_on_the_uusimaa_list(demo_customers, user, client):
    """R-X-1: the Uusimaa TE office decides only for persons of its area."""
    transfer_requests.ask(
        demo_customers[KAJAANI_HETU],
        actor=user("ville.hyvonen"),
        asked_on=ASKED,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        reason=RequestReason.SAFETY,
        services_secured=True,
    )
    client.force_login(user("sanna.makinen"))
    assert "Kemppainen" not in client.get(reverse("customers:transfer-requests")).content.decode()


def test_the_demo_requests(demo, user):
    """R-TG-5: the demo leaves one request for the Uusimaa TE office to decide and one for Helsinki to
    accept; a second run changes nothing; before 1.6.2021 (+3 days) the step is skipped."""
    from kuntakokeilu.customers import transfers
    from kuntakokeilu.customers.demo import transfer_requests_demo

    transfers.initial(dt.date(2021, 3, 1))
    today = dt.date(2022, 9, 1)
    lines = list(transfer_requests_demo(today))
    assert "2 recorded" in lines[-1]
    assert [len(v) for v in transfer_requests.open_for(user("sanna.makinen"), today).values()] == [1, 0]
    assert [len(v) for v in transfer_requests.open_for(user("mikko.korhonen"), today).values()] == [0, 1]
    assert list(transfer_requests_demo(today)) == ["Transfer requests: no change."]
    assert "skipped" in next(iter(transfer_requests_demo(dt.date(2021, 6, 2))))
    assert TransferRequest.objects.count() == 2
