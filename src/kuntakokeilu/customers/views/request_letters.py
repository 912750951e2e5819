"""The TE office's decision on a transfer request as a letter (issue 14 item 3; L421 s. 5 mom 6, s. 17): the
printable page and the PDF, in the person's service language (`?lang=fi|sv` for the other); behind the
notices' action (those who may see the person), each read logged (R-X-2). An undecided request has none."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from kuntakokeilu.access import audit
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.letters.pdf import render_pdf

from .. import request_letter
from ..models import TransferRequest

LANGS = ("fi", "sv")


def decided_request_or_404(request, request_id):
    found = get_object_or_404(
        TransferRequest.objects.select_related(
            "person", "municipality", "handler_te_office", "decided_by", "customership"
        ),
        pk=request_id,
    )
    if not request_letter.is_decided(found):
        raise Http404
    return found


def _lang(request, transfer_request) -> str:
    lang = request.GET.get("lang") or transfer_request.person.service_language
    if lang not in LANGS:
        raise Http404
    return lang


@requires("customers.view_notice", get_object=decided_request_or_404)
@transaction.atomic
def decision(request, transfer_request):
    lang = _lang(request, transfer_request)
    person = transfer_request.person
    audit.record(request.user, [person], "customers:request-decision", Purpose.CUSTOMER_SERVICE)
    return render(
        request,
        "customers/request_decision.html",
        {
            "person": person,
            "transfer_request": transfer_request,
            "letter": request_letter.letter(transfer_request, lang),
            "lang": lang,
            "other": [other for other in LANGS if other != lang],
        },
    )


@requires("customers.view_notice", get_object=decided_request_or_404)
@transaction.atomic
def decision_pdf(request, transfer_request):
    lang = _lang(request, transfer_request)
    audit.record(
        request.user, [transfer_request.person], "customers:request-decision-pdf", Purpose.CUSTOMER_SERVICE
    )
    pdf = render_pdf(request_letter.letter(transfer_request, lang))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="decision-{transfer_request.pk}-{lang}.pdf"'
    return response
