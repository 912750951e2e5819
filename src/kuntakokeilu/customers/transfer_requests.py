"""Transfers on the customer's request (R-TG-5; L1269 s. 5 as amended by L421/2021, law notes §2.3).

From `transfers.requests_from` (1.6.2021) a trial municipality's customer may ask to be transferred back
to the TE office or to another trial municipality. The TE office decides: it may grant the move only when
all three conditions hold — the customer asks (`ask` records it), one of the reasons of the Act
(`RequestReason`), and the move does not endanger access to services matching the customer's needs
(`services_secured`) — and, for a move to another trial municipality, that municipality has accepted
(`answer`). A grant (`decide`) starts the customership through `customerships.start`, which issues the
notices; the plan in force stays binding (the notice says so). Every refusal is a localised
`ValidationError` and changes nothing; an actor who may not act gets `PermissionDenied`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.queries import municipality_history, te_office_of
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, default_store

from . import customerships
from .models import (
    REQUEST_GROUNDS,
    Customership,
    Ground,
    Person,
    RequestReason,
    RequestStatus,
    TransferRequest,
)
from .queries import home_municipality_code
from .worklist import cancel_open, in_pilot


def _allowed(actor, code: str, obj, on: dt.date) -> None:
    if actor is not None and not can(actor, code, obj, on):
        raise PermissionDenied


def check_in_force(on: dt.date, params: ParameterStore | None = None) -> None:
    """Refuse a request dated outside the pilot or before L421 came into force (1.6.2021)."""
    params = params or default_store()
    try:
        since = params.get("transfers.requests_from", on).value
    except NoParameterValue:
        since = None
    if since is None or on < since or not in_pilot(on, params):
        raise ValidationError(
            {
                "asked_on": _(
                    "A transfer on the customer's request is possible only during the pilot from 1.6.2021 "
                    "(Act 1269/2020 s. 5 as amended by Act 421/2021)."
                )
            }
        )


def _check_receiver(ground: str, municipality: Municipality | None, current: Customership) -> None:
    if ground == Ground.REQUEST_TO_TE_OFFICE:
        if municipality is not None:
            raise ValidationError(
                {"municipality": _("A transfer back to the TE office names no receiving municipality.")}
            )
        return
    if municipality is None:
        raise ValidationError({"municipality": _("Choose the receiving trial municipality.")})
    history = municipality_history(municipality.code)
    if history is None or history.trial is None:
        raise ValidationError({"municipality": _("The receiving municipality must be a trial municipality.")})
    if municipality.pk == current.municipality_id:
        raise ValidationError(
            {"municipality": _("The receiving municipality must be another than the one responsible now.")}
        )


@transaction.atomic
def ask(
    person: Person,
    *,
    actor,
    asked_on: dt.date,
    ground: str,
    reason: str,
    services_secured: bool,
    municipality: Municipality | None = None,
    params: ParameterStore | None = None,
    recorded_on: dt.date | None = None,
) -> TransferRequest:
    """Record the customer's request (condition 1). A move to another trial municipality waits for its
    acceptance; a move back to the TE office waits for the TE office's decision. The actor's permission
    is asked for `recorded_on` (the day of recording; default `asked_on`), the case's facts for
    `asked_on`; a request cannot be dated after the day it is recorded."""
    params = params or default_store()
    Person.objects.select_for_update().get(pk=person.pk)
    _allowed(actor, "customers.record_request", person, recorded_on or asked_on)
    if ground not in REQUEST_GROUNDS:
        raise ValidationError(
            {"ground": _("Choose a transfer back to the TE office or to another trial municipality.")}
        )
    if reason not in RequestReason.values:
        raise ValidationError({"reason": _("Choose one of the reasons of the Act.")})
    if recorded_on is not None and asked_on > recorded_on:
        raise ValidationError({"asked_on": _("The request cannot be dated in the future.")})
    check_in_force(asked_on, params)
    current = customerships.municipal_customership(person, asked_on)
    if current is None:
        raise ValidationError(
            _("On %(on)s the person is not a trial municipality's customer: there is nothing to transfer.")
            % {"on": date_format(asked_on, "SHORT_DATE_FORMAT")}
        )
    _check_receiver(ground, municipality, current)
    if TransferRequest.objects.open().filter(person=person).exists():
        raise ValidationError(_("The person already has an open transfer request."))
    waiting = ground == Ground.REQUEST_TO_MUNICIPALITY
    row = TransferRequest(
        handler_te_office=deciding_te_office(person, asked_on),
        person=person,
        asked_on=asked_on,
        ground=ground,
        reason=reason,
        municipality=municipality if waiting else None,
        services_secured=services_secured,
        status=RequestStatus.AWAITING_ACCEPTANCE if waiting else RequestStatus.PENDING,
        recorded_by=actor,
    )
    try:
        with transaction.atomic():  # a savepoint: a simultaneous request for the person loses here
            row.save()
    except IntegrityError:
        raise ValidationError(_("The person already has an open transfer request.")) from None
    return row


def deciding_te_office(person: Person, on: dt.date):
    """The TE office that decides a request asked on `on`: the one of the person's place (kotikunta; with
    temporary protection and none, the residence) then."""
    office = te_office_of(home_municipality_code(person, on), on)
    if office is None:
        raise ValidationError(_("The register holds no place that names the competent TE office."))
    return office


def _locked(request: TransferRequest) -> TransferRequest:
    return (
        TransferRequest.objects.select_for_update(of=("self",))
        .select_related("person", "municipality")
        .get(pk=request.pk)
    )


def _check_date(on: dt.date, since: dt.date) -> None:
    if on < since:
        raise ValidationError(
            {
                "on": _("The date cannot be before %(since)s.")
                % {"since": date_format(since, "SHORT_DATE_FORMAT")}
            }
        )


@transaction.atomic
def answer(request: TransferRequest, *, actor, on: dt.date, accept: bool) -> TransferRequest:
    """The receiving trial municipality accepts the move, or does not (which closes the request)."""
    _allowed(actor, "customers.answer_request", request, on)
    request = _locked(request)
    status = TransferRequest.TRANSITIONS.after(request.status, "accept" if accept else "decline")
    _check_date(on, request.asked_on)
    request.answered_by, request.status = actor, status
    if accept:
        request.accepted_on = on
    request.save(update_fields=["status", "accepted_on", "answered_by"])
    return request


@dataclass(frozen=True)
class Condition:
    text: str
    met: bool


def conditions(request: TransferRequest) -> list[Condition]:
    """The conditions of s. 5 (as amended by L421) as the TE office weighs them, in the active language:
    the customer's asking, a reason of the Act, services matching the needs secured, and for a move to
    another trial municipality its acceptance."""
    found = [
        Condition(_("The customer asked for the transfer on %(on)s.") % {"on": _day(request.asked_on)}, True),
        Condition(_("Reason of the Act: %(reason)s.") % {"reason": request.get_reason_display()}, True)
        if request.reason in RequestReason.values
        else Condition(_("The request gives no reason of the Act."), False),
        Condition(
            _("The move does not endanger services matching the customer's needs.")
            if request.services_secured
            else _("It has not been established that the move keeps services matching the needs."),
            request.services_secured,
        ),
    ]
    if request.ground == Ground.REQUEST_TO_MUNICIPALITY:
        if request.accepted_on is not None:
            text = _("The receiving municipality accepted on %(on)s.") % {"on": _day(request.accepted_on)}
        else:
            text = _("The receiving municipality has not accepted the move.")
        found.append(Condition(text, request.accepted_on is not None))
    return found


def unmet_conditions(request: TransferRequest) -> list[str]:
    """The conditions of s. 5 the request does not meet, as translated texts."""
    return [c.text for c in conditions(request) if not c.met]


def _day(day: dt.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _target(request: TransferRequest) -> dict:
    """The organisation a grant makes responsible: the receiving municipality, or the deciding TE office
    (the one of the person's place when the request was asked)."""
    if request.ground == Ground.REQUEST_TO_MUNICIPALITY:
        return {"type": "municipality", "kunta_code": request.municipality.code}
    return {"type": "te_office", "te_office_code": request.handler_te_office.code}


@transaction.atomic
def decide(request: TransferRequest, *, actor, on: dt.date, grant: bool) -> TransferRequest:
    """The TE office's decision. A grant needs every condition met and the person still the same trial
    municipality's customer; it starts the customership (with its notices) and links it."""
    Person.objects.select_for_update().get(pk=request.person_id)  # the person first, as every writer does
    _allowed(actor, "customers.decide_request", request, on)
    request = _locked(request)
    status = TransferRequest.TRANSITIONS.after(request.status, "grant" if grant else "refuse")
    _check_date(on, request.accepted_on or request.asked_on)
    request.decided_on, request.decided_by = on, actor
    if not grant:
        request.status = status
        request.save(update_fields=["status", "decided_on", "decided_by"])
        return request
    unmet = unmet_conditions(request)
    if unmet:
        raise ValidationError(unmet)
    current = customerships.municipal_customership(request.person, on)
    asked = customerships.municipal_customership(request.person, request.asked_on)
    if current is None or asked is None or current.pk != asked.pk:
        raise ValidationError(
            _("The person's customership has changed since the request: record a new request.")
        )
    customership, _created = customerships.start(
        request.person,
        on=on,
        ground=request.ground,
        outcome=None,
        responsible=_target(request),
        actor=actor,
        request_reason=request.reason,
        accepted_on=request.accepted_on,
    )
    request.status, request.customership = status, customership
    request.save(update_fields=["status", "decided_on", "decided_by", "customership"])
    cancel_open(request.person, on)  # a transfer due before the grant is judged anew on the next change
    return request


def open_for(user, on: dt.date) -> dict[str, list[TransferRequest]]:
    """The open requests the user may act on: `to_decide` (the TE office) and `to_answer` (the receiving
    municipality), each one SQL query over the user's grants (`workitems`)."""
    rows = TransferRequest.objects.select_related("person", "municipality", "recorded_by").order_by(
        "asked_on", "recorded_at"
    )
    deciding = grants_for(user, "customers.decide_request", on)
    answering = grants_for(user, "customers.answer_request", on)
    return {
        "to_decide": list(rows.filter(status=RequestStatus.PENDING).handled_by(deciding)),
        "to_answer": list(rows.filter(status=RequestStatus.AWAITING_ACCEPTANCE).handled_by(answering)),
    }


def of_person(person: Person) -> list[TransferRequest]:
    return list(
        person.transfer_requests.select_related("municipality", "customership").order_by("-asked_on", "-pk")
    )
