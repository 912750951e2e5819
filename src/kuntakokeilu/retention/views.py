"""The admins' page of retention runs (R-X-4): the period in force (the controller's choice), what a run
clears and keeps, the runs with their counts, and a form that queues a run (or a dry run) on the job queue."""

from __future__ import annotations

from django.shortcuts import redirect, render

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.rules.parameters import default_store

from . import queries, rules, services
from .forms import RunForm
from .messages import CLEARED_TEXTS


def _page(request, form: RunForm, status: int = 200):
    today = clock.today()
    period = default_store().get(rules.PERIOD, today)
    return render(
        request,
        "retention/runs.html",
        {
            "runs": queries.runs(),
            "period": period,
            "form": form,
            "may_run": can(request.user, "retention.run"),
            "cleared": CLEARED_TEXTS,
        },
        status=status,
    )


@requires("retention.view_runs")
def runs(request):
    return _page(request, RunForm(initial={"on": clock.today(), "dry_run": True}))


@requires("retention.run")
def start(request):
    if request.method != "POST":  # e.g. the language switch after a refused form: back to the list
        return redirect("retention:runs")
    form = RunForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    services.submit(form.cleaned_data["on"], form.cleaned_data["dry_run"], request.user)
    return redirect("retention:runs")
