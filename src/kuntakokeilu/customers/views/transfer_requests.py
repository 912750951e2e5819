"""Transfer requests (R-TG-5; L1269 s. 5 as amended by L421/2021): recording one, the open requests,
the receiving municipality's answer and the TE office's decision."""

from __future__ import annotations

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose

from .. import customerships, notices, request_letter, transfer_requests
from ..forms import RequestAnswerForm, RequestForm
from ..models import TransferRequest
from ..visibility import customer_municipality
from .common import add_errors, logged, organisation_name, person_or_404


def _transfer_request(request, request_id):
    return get_object_or_404(TransferRequest.objects.select_related("person", "municipality"), pk=request_id)


def request_context(user, person, today) -> dict:
    """The person page's part: the person's requests and whether the user may record one."""
    return {
        "transfer_requests": transfer_requests.of_person(person),
        "decided_statuses": request_letter.DECIDED,
        "may_record_request": can(user, "customers.record_request", person, today)
        and customer_municipality(person, today) is not None,
    }


@requires("customers.record_request", get_object=person_or_404)
def record_request(request, person):
    """Record a job seeker's request to move back to the TE office or to another trial municipality, on
    the person's behalf (R-TG-5)."""
    today = clock.today()
    form = RequestForm(request.POST or None, initial={"asked_on": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            logged(
                request,
                person,
                "customers:record-request",
                lambda: transfer_requests.ask(
                    person,
                    actor=request.user,
                    asked_on=data["asked_on"],
                    ground=data["ground"],
                    reason=data["reason"],
                    services_secured=data["services_secured"],
                    municipality=data["municipality"],
                    recorded_on=today,
                ),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            flash.success(request, _("The transfer request has been recorded."))
            return redirect("customers:person", person_id=person.pk)
    with transaction.atomic():
        audit.record(request.user, [person], "customers:record-request", Purpose.TRANSFER)
        current = customerships.municipal_customership(person, today)
        return render(
            request, "customers/request_form.html", {"form": form, "person": person, "current": current}
        )


def _request_row(row: TransferRequest, today, lang: str) -> dict:
    current = customerships.municipal_customership(row.person, today)
    conditions = transfer_requests.conditions(row)
    return {
        "request": row,
        "from": organisation_name(notices.organisation(current), lang) if current else "–",
        "to": row.municipality.name_in(lang) if row.municipality else _("TE office"),
        "conditions": conditions,
        "all_met": all(c.met for c in conditions),
    }


@requires("customers.view_requests")
@transaction.atomic
def open_requests(request):
    """The open requests in the user's scope: the TE office's to decide, the receiving municipality's to
    accept or decline (R-TG-5). Each listed person is logged (R-X-2)."""
    today = clock.today()
    lang = translation.get_language() or "fi"
    found = transfer_requests.open_for(request.user, today)
    persons = {row.person_id: row.person for rows in found.values() for row in rows}
    audit.record(request.user, persons.values(), "customers:transfer-requests", Purpose.TRANSFER)
    return render(
        request,
        "customers/requests.html",
        {
            "to_decide": [_request_row(row, today, lang) for row in found["to_decide"]],
            "to_answer": [_request_row(row, today, lang) for row in found["to_answer"]],
            "may_decide": can(request.user, "customers.decide_request", None, today),
            "may_answer": can(request.user, "customers.answer_request", None, today),
        },
    )


def _step(request, transfer_request, *, unchosen, what: str, call, done):
    """One yes/no step on a request from the list page: the form's answer, the domain's `call(yes)` with
    the access logged in its transaction, and the outcome (`done(result, yes)`'s words) as a message."""
    form = RequestAnswerForm(request.POST)
    if not form.is_valid():
        flash.error(request, unchosen)
        return redirect("customers:transfer-requests")
    try:
        result = logged(request, transfer_request.person, what, lambda: call(form.yes))
    except ValidationError as exc:
        flash.error(request, " ".join(exc.messages))
    else:
        flash.success(request, done(result, form.yes))
    return redirect("customers:transfer-requests")


@require_POST
@requires("customers.answer_request", get_object=_transfer_request)
def answer_request(request, transfer_request):
    """The receiving municipality accepts the move or declines it."""
    name = {"person": transfer_request.person.full_name}
    return _step(
        request,
        transfer_request,
        unchosen=_("Choose whether to accept the transfer."),
        what="customers:answer-request",
        call=lambda yes: transfer_requests.answer(
            transfer_request, actor=request.user, on=clock.today(), accept=yes
        ),
        done=lambda _row, yes: (
            (
                _("The transfer of %(person)s was accepted.")
                if yes
                else _("The transfer of %(person)s was declined.")
            )
            % name
        ),
    )


@require_POST
@requires("customers.decide_request", get_object=_transfer_request)
def decide_request(request, transfer_request):
    """The TE office grants the request (the customership and its notices) or refuses it."""
    return _step(
        request,
        transfer_request,
        unchosen=_("Choose whether to grant the request."),
        what="customers:decide-request",
        call=lambda yes: transfer_requests.decide(
            transfer_request, actor=request.user, on=clock.today(), grant=yes
        ),
        done=lambda decided, _yes: _decided(decided),
    )


def _decided(decided) -> str:
    name = decided.person.full_name
    if decided.customership is None:
        return _("The request of %(person)s was refused.") % {"person": name}
    lang = translation.get_language() or "fi"
    return _("%(person)s has been transferred to %(organisation)s from %(on)s; the notices were issued.") % {
        "person": name,
        "organisation": organisation_name(notices.organisation(decided.customership), lang),
        "on": formats.date_format(decided.customership.valid_from, "SHORT_DATE_FORMAT"),
    }
