"""Pages of monthly monitoring (issue 19): the trial areas, an area's months, a month's indicator table with
its close (review, approve, recompute, correct as a new version) and what a correction changed."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.regions.models import TrialArea

from . import queries, services
from .models import Locked, MonthVersion, State


def _area(request, number, **kwargs):
    return get_object_or_404(TrialArea, number=number)


def _month(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{value}-01")
    except ValueError:
        raise Http404 from None


def _version(request, number, month, **kwargs):
    """The month's current version, or the one asked for by ?version=."""
    area = get_object_or_404(TrialArea, number=number)
    versions = MonthVersion.objects.filter(trial_area=area, month=_month(month))
    wanted = request.GET.get("version", "")
    if wanted.isdigit():
        if len(wanted) > 4:  # more than the column holds: no such version
            raise Http404
        return get_object_or_404(versions, version=int(wanted))
    found = versions.order_by("-version").first()
    if found is None:
        raise Http404
    return found


def _lang() -> str:
    return (translation.get_language() or "fi")[:2]


@requires("monitoring.view")
def index(request):
    lang = _lang()
    areas = [
        a
        for a in TrialArea.objects.select_related("ely").order_by("number")
        if can(request.user, "monitoring.view", a)
    ]
    latest = {}
    for v in MonthVersion.objects.filter(trial_area__in=areas).order_by("month", "version"):
        latest[v.trial_area_id] = v
    rows = [{"area": a, "name": a.names().get(lang) or a.name_fi, "latest": latest.get(a.pk)} for a in areas]
    return render(request, "monitoring/index.html", {"rows": rows})


@requires("monitoring.view", get_object=_area)
def area(request, area):
    lang = _lang()
    return render(
        request,
        "monitoring/area.html",
        {
            "area": area,
            "name": area.names().get(lang) or area.name_fi,
            "months": queries.months_of(area),
            "may_close": can(request.user, "monitoring.close", area),
            "choices": [m.strftime("%Y-%m") for m in reversed(services.pilot_months(clock.today()))],
        },
    )


@require_POST
@requires("monitoring.close", get_object=_area)
def compute(request, area):
    month = _month(request.POST.get("month", ""))
    if month not in services.pilot_months(clock.today()):
        raise Http404
    version = services.current(area, month)
    if version is not None and version.locked:
        messages.error(request, services.LOCKED)
    else:
        services.compute_month(month, areas=[area], by=request.user)
    return redirect("monitoring:month", area.number, month.strftime("%Y-%m"))


@requires("monitoring.view", get_object=_version)
def month(request, version):
    lang = _lang()
    area = version.trial_area
    latest = services.current(area, version.month)
    is_latest = latest is not None and latest.pk == version.pk
    return render(
        request,
        "monitoring/month.html",
        {
            "version": version,
            "area": area,
            "name": area.names().get(lang) or area.name_fi,
            "lines": queries.table(version, lang),
            "lang": lang,
            "events": version.events.select_related("by"),
            "versions": MonthVersion.objects.filter(trial_area=area, month=version.month).order_by("version"),
            "is_latest": is_latest,
            "may_close": is_latest and can(request.user, "monitoring.close", version),
            "may_correct": is_latest
            and version.state == State.APPROVED
            and can(request.user, "monitoring.correct", version),
            "slug": version.month.strftime("%Y-%m"),
        },
    )


def _step(request, version, step):
    try:
        if step == "review":
            services.review(version, request.user)
        elif step == "approve":
            services.approve(version, request.user)
        else:
            services.recompute(version, request.user)
    except services.CloseError as exc:
        messages.error(request, exc.message)
    except Locked:
        messages.error(request, services.LOCKED)
    return redirect("monitoring:month", version.trial_area.number, version.month.strftime("%Y-%m"))


@require_POST
@requires("monitoring.close", get_object=_version)
def review(request, version):
    return _step(request, version, "review")


@require_POST
@requires("monitoring.close", get_object=_version)
def approve(request, version):
    return _step(request, version, "approve")


@require_POST
@requires("monitoring.close", get_object=_version)
def recompute(request, version):
    return _step(request, version, "recompute")


@require_POST
@requires("monitoring.correct", get_object=_version)
def correct(request, version):
    try:
        services.correct(version, request.POST.get("reason", ""), request.user)
    except services.CloseError as exc:
        messages.error(request, exc.message)
    return redirect("monitoring:month", version.trial_area.number, version.month.strftime("%Y-%m"))
