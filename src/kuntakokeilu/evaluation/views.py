"""Pages of the impact evaluation (R-EVAL-3): run a specification, follow it, browse runs, open reports."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires

from . import report_words, services, spec
from .forms import RunForm, initial_from, spec_rows
from .messages import step_label
from .models import EvaluationRun

# The files of a run that may be served: name -> (content type, download rather than open).
FILES = {
    "report.html": ("text/html; charset=utf-8", False),
    "report.pdf": ("application/pdf", True),
    "results.json": ("application/json", False),
    "event_study.png": ("image/png", False),
    "event_study.svg": ("image/svg+xml", False),
}
# The report and the plot are standalone documents with inline styles (no scripts).
INLINE_STYLES = {"style-src": ["'unsafe-inline'"]}


@requires("evaluation.view_runs")
def runs(request):
    return render(
        request,
        "evaluation/runs.html",
        {
            "runs": EvaluationRun.objects.select_related("created_by"),
            "may_run": can(request.user, "evaluation.run"),
        },
    )


@requires("evaluation.run")
def new(request):
    if request.method == "POST":
        form = RunForm(request.POST)
        if form.is_valid() and form.specification is not None:
            run = services.submit(form.specification, request.user, translation.get_language() or "fi")
            return redirect("evaluation:run", pk=run.pk)
    else:
        form = RunForm(initial=initial_from(spec.load()))
    return render(
        request,
        "evaluation/new.html",
        {"form": form},
    )


@requires("evaluation.view_runs")
def run(request, pk: int):
    evaluation_run = get_object_or_404(EvaluationRun.objects.select_related("created_by"), pk=pk)
    return render(
        request,
        "evaluation/run.html",
        {
            "run": evaluation_run,
            "step": step_label(evaluation_run.step),
            "spec_json": json.dumps(evaluation_run.spec, ensure_ascii=False, indent=2, sort_keys=True),
            "spec_rows": spec_rows(evaluation_run.spec),  # issue 15: the settings as a table
            "files": list(FILES) if evaluation_run.status == "done" else [],
            # the method by its name in the reader's language, not the runner's English (issue 15)
            "inference": report_words.inference((evaluation_run.headline or {}).get("inference", "")),
        },
    )


@requires("evaluation.view_runs")
def run_file(request, pk: int, name: str):
    """One of the run's files, in the reader's language where the run wrote one (`<language>/name`, issue 15),
    else the run's own; any other name or path is not found (no path traversal)."""
    evaluation_run = get_object_or_404(EvaluationRun, pk=pk, status="done")
    if name not in FILES or not evaluation_run.output_dir:
        raise Http404
    runs_dir = Path(settings.EVALUATION_RUNS_DIR).resolve()
    folder = evaluation_run.output_path().resolve()
    language = translation.get_language() or ""
    places = [folder]
    other = language in dict(settings.LANGUAGES) and language != evaluation_run.language
    if other and name != "results.json":
        places.insert(0, folder / language)  # the data file has no language: only its own is served
    if runs_dir not in folder.parents:
        raise Http404
    for place in places:
        path = (place / name).resolve()
        if path.parent == place.resolve() and path.parent in (folder, folder / language) and path.is_file():
            return _file_response(path, name)
    raise Http404


def _file_response(path: Path, name: str):
    content_type, download = FILES[name]
    response = FileResponse(path.open("rb"), content_type=content_type, as_attachment=download, filename=name)
    if name.endswith((".html", ".svg")):
        response._csp_update = INLINE_STYLES  # type: ignore[attr-defined]
    return response
