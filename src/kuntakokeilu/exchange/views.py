"""The admins' page of export and import jobs (issue 20 items 1 and 6): start one, follow its progress,
read its result — an import's errors in the reader's language — and download an export."""

from __future__ import annotations

import tempfile
import zipfile

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.jobs.queries import error_of

from . import queries, services
from .forms import TYPE_LABELS, ExportForm, ImportForm

ERRORS_SHOWN = 500


@requires("exchange.view_jobs")
def jobs(request, export_form=None, import_form=None):
    rows = [queries.summary(job) for job in queries.jobs()]
    return render(
        request,
        "exchange/jobs.html",
        {
            "jobs": rows,
            "export_form": export_form or ExportForm(),
            "import_form": import_form or ImportForm(),
        },
    )


@require_POST
@requires("exchange.run")
def start_export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return jobs(request, export_form=form)
    on = form.cleaned_data["as_of"] or clock.today()
    services.start_export(form.cleaned_data["types"], on, form.cleaned_data["with_csv"])
    return redirect("exchange:jobs")


@require_POST
@requires("exchange.run")
def start_import(request):
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return jobs(request, import_form=form)
    services.start_import(form.cleaned_data["file"])
    return redirect("exchange:jobs")


@requires("exchange.view_jobs")
def job(request, job_id):
    found = queries.job(job_id)
    if found is None:
        raise Http404
    summary = queries.summary(found)
    errors = [
        {**e, "text": services.render(e, get_language() or "fi")} for e in summary["errors"][:ERRORS_SHOWN]
    ]
    return render(
        request,
        "exchange/job.html",
        {
            "job": summary,
            "errors": errors,
            "more_errors": max(0, len(summary["errors"]) - ERRORS_SHOWN),
            "failure": error_of(found),
            "labels": TYPE_LABELS,
        },
    )


@requires("exchange.view_jobs")
def download(request, job_id):
    found = queries.job(job_id)
    summary = queries.summary(found) if found is not None else None
    if summary is None or summary["kind"] != "export" or not summary["manifest"]:
        raise Http404
    directory = services.export_directory(summary["token"])
    names = ["manifest.json"] + [f["file"] for f in summary["manifest"]["files"]]
    if not all((directory / name).exists() for name in names):
        raise Http404
    services.log_handover(request.user, directory, summary["manifest"], "exchange:download")
    out = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.write(directory / name, name)
    out.seek(0)
    filename = f"export-{summary['manifest']['exported_on']}.zip"
    return FileResponse(out, as_attachment=True, filename=filename, content_type="application/zip")
