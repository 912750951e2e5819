"""The administrators' pages: the access log, the data subject's access request (R-X-2) and the
import (R-X-3)."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import render

from kuntakokeilu.access import audit
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose

from ..forms import HenkilotunnusForm, ImportForm
from ..importer import ImportRejected, import_job_seekers
from ..labels import IMPORT_COLUMNS
from ..models import Person
from ..statuses import STATUSES
from .persons import history_tables


def _about_one_person(request, template: str, what: str, purpose: str, read) -> object:
    """A page about one person found by identity code (POST: no identity code in the URL): `read(subject)`
    gives the page's data, and the access is logged in the same transaction (R-X-2)."""
    form = HenkilotunnusForm(request.POST or None)
    context = {"form": form, "searched": False}
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            subject = Person.objects.filter(henkilotunnus=form.cleaned_data["henkilotunnus"]).first()
            context.update(searched=True, subject=subject)
            if subject is not None:
                context.update(read(subject))
                audit.record(request.user, [subject], what, purpose)
    return render(request, template, context)


@requires("access.read_log")
def access_log(request):
    """The access log of one person."""
    return _about_one_person(
        request,
        "customers/access_log.html",
        "customers:access-log",
        Purpose.SUPERVISION,
        lambda subject: {"entries": list(audit.entries_about(subject))},
    )


@requires("access.access_request")
def access_request(request):
    """The data subject's access request: what the register holds on a person and who has looked."""
    return _about_one_person(
        request,
        "customers/access_request.html",
        "customers:access-request",
        Purpose.ACCESS_REQUEST,
        lambda subject: {"history": history_tables(subject), "entries": list(audit.entries_about(subject))},
    )


@requires("customers.import")
def import_format(request):
    """The CSV format of the import as a page in the reader's language (docs/formats/job_seekers.md is the
    developers' copy; issue 15: the upload form pointed to that file)."""
    return render(request, "customers/import_format.html", {"columns": IMPORT_COLUMNS, "statuses": STATUSES})


@requires("customers.import")
def import_file(request):
    """Upload a CSV of job seekers: all rows or none, every error with line, field and reason (R-X-3)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_job_seekers(upload.read(), source=upload.name, actor=request.user)
        except ImportRejected as exc:
            context["errors"] = exc.errors
        else:
            context["summary"] = report.summary(upload.name)
    return render(request, "customers/import.html", context)
