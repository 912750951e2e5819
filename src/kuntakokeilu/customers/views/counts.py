"""A trial area's customer counts over time (issue 6): aggregates, small counts hidden."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.regions.models import TrialArea


def _trial_area(request, area_no):
    return get_object_or_404(TrialArea.objects.select_related("ely", "te_office"), number=area_no)


@requires("customers.view_customer_counts")
def customer_counts_index(request):
    """The trial areas whose customer counts the user may see; with one, straight to it."""
    today = clock.today()
    areas = [
        a for a in TrialArea.objects.all() if can(request.user, "customers.view_customer_counts", a, today)
    ]
    if len(areas) == 1:
        return redirect("customers:customer-counts", area_no=areas[0].number)
    return render(request, "customers/customer_counts_index.html", {"areas": areas})


@requires("customers.view_customer_counts", get_object=_trial_area)
def customer_counts(request, area):
    """A trial area's customers on each month's last day, per member municipality and in total, with
    small counts hidden (aggregates; no personal data, so no access-log entry)."""
    from .. import counts

    today = clock.today()
    found = counts.area_counts(area, today)
    return render(
        request,
        "customers/customer_counts.html",
        {
            "area": area,
            "counts": found,
            "chart": counts.chart(found),
            "today": today,
            "threshold": counts.THRESHOLD,
        },
    )
