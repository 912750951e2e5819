"""The area manager's pages (issue 16 items 2 and 3): the trial area's service points (list, create,
edit), its own first-contact target and its escalation threshold (list and add, with validity dates).
Every write goes through the domain (`services.save_service_point`, `services.set_first_contact_target`,
`assignments.set_escalation_threshold`), which refuses bad input with a fi/sv message and changes nothing.
No person's data is shown here, so nothing is written to the access log."""

from __future__ import annotations

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kuntakokeilu import clock
from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.regions.models import TrialArea

from . import assignments, services
from .assignment_queries import escalation_days
from .forms import DatedDaysForm, ServicePointForm
from .models import AreaEscalationThreshold, AreaFirstContactTarget, Organisation, ServicePoint

ACTION = "service_process.manage_service_points"


def area_or_404(request, area_no):
    return get_object_or_404(TrialArea, number=area_no)


def point_or_404(request, point_id):
    return get_object_or_404(ServicePoint.objects.select_related("trial_area"), pk=point_id)


@requires(ACTION)
def home(request):
    """The navigation's entry: the (first) trial area the user manages."""
    numbers = sorted(n for g in grants_for(request.user, ACTION, clock.today()) for n in g.trial_areas)
    if not numbers:
        raise PermissionDenied
    return redirect("service_process:area", area_no=numbers[0])


def _settings_page(request, area, target_form=None, threshold_form=None, status=200):
    today = clock.today()
    organisations = dict(Organisation.choices)
    points = [
        {"point": p, "organisations": [organisations.get(o, o) for o in p.organisations]}
        for p in ServicePoint.objects.filter(trial_area=area).select_related("municipality")
    ]
    context = {
        "area": area,
        "today": today,
        "points": points,
        "targets": AreaFirstContactTarget.objects.filter(trial_area=area),
        "thresholds": AreaEscalationThreshold.objects.filter(trial_area=area),
        "threshold_now": escalation_days([area.number], today)[area.number],
        "target_form": target_form or DatedDaysForm(prefix="target", initial={"valid_from": today}),
        "threshold_form": threshold_form or DatedDaysForm(prefix="threshold", initial={"valid_from": today}),
    }
    return render(request, "service_process/area_settings.html", context, status=status)


@requires(ACTION, get_object=area_or_404)
def area_settings(request, area):
    return _settings_page(request, area)


def _add_dated(request, area, prefix, write):
    if request.method != "POST":
        return redirect("service_process:area", area_no=area.number)
    form = DatedDaysForm(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            write(request.user, area, today=clock.today(), **form.cleaned_data)
        except services.Refused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, str(refused.message))
        else:
            flash.success(request, _("Saved."))
            return redirect("service_process:area", area_no=area.number)
    forms = {"target_form" if prefix == "target" else "threshold_form": form}
    return _settings_page(request, area, status=400, **forms)


@requires(ACTION, get_object=area_or_404)
def add_first_contact_target(request, area):
    return _add_dated(request, area, "target", services.set_first_contact_target)


@requires(ACTION, get_object=area_or_404)
def add_escalation_threshold(request, area):
    return _add_dated(request, area, "threshold", assignments.set_escalation_threshold)


def _point_page(request, area, point):
    form = ServicePointForm(request.POST or None, instance=point, area=area)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.save_service_point(request.user, form.save(commit=False), today=clock.today())
            except services.Refused as refused:
                form.add_error(refused.field if refused.field in form.fields else None, str(refused.message))
            else:
                flash.success(request, _("The service point is saved."))
                return redirect("service_process:area", area_no=area.number)
    context = {"area": area, "form": form, "point": point if point.pk else None}
    return render(request, "service_process/service_points_form.html", context, status=status)


@requires(ACTION, get_object=area_or_404)
def point_new(request, area):
    return _point_page(request, area, ServicePoint(trial_area=area, organisations=[]))


@requires(ACTION, get_object=point_or_404)
def point_edit(request, point):
    return _point_page(request, point.trial_area, point)
