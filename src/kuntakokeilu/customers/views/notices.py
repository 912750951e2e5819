"""Transfer notices (R-TG-7): the printable page and the PDF letter, each read logged (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render

from kuntakokeilu.access import audit
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.letters.pdf import render_pdf

from .. import notice_letter
from .common import notice_or_404


@requires("customers.view_notice", get_object=notice_or_404)
@transaction.atomic
def notice(request, notice):
    """A transfer notice (R-TG-7), printable, in the language it was issued in."""
    person = notice.customership.person
    audit.record(request.user, [person], "customers:notice", Purpose.CUSTOMER_SERVICE)
    return render(
        request,
        "customers/notice.html",
        {"person": person, "notice": notice, "letter": notice_letter.letter(notice)},
    )


@requires("customers.view_notice", get_object=notice_or_404)
@transaction.atomic
def notice_pdf(request, notice):
    """The transfer notice as a PDF letter in its own language (R-TG-7); logged like the page (R-X-2)."""
    person = notice.customership.person
    audit.record(request.user, [person], "customers:notice-pdf", Purpose.CUSTOMER_SERVICE)
    response = HttpResponse(render_pdf(notice_letter.letter(notice)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-{notice.pk}-{notice.language}.pdf"'
    return response
