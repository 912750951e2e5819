"""The public pages of the reference data (R-REF-1): the trial areas, one trial area, one municipality.

They live in the web shell, not in `regions`: regions is a layer below the catalogue (`access`), so its
pages, which ask the catalogue, sit here; their templates stay with the regions app's data.
"""

from django.shortcuts import get_object_or_404, render

from kuntakokeilu import clock
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.regions import queries
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.regions.rules import pilot_period
from kuntakokeilu.rules.parameters import default_store


@requires("regions.view_reference")
def trial_area_list(request):
    """The 25 trial areas of Act 1269/2020 and their members, from the database."""
    today = clock.today()
    areas = queries.trial_areas_with_members(today)
    return render(
        request,
        "regions/trial_area_list.html",
        {
            "areas": areas,
            "today": today,
            "pilot_period": pilot_period(default_store(), today),
            "member_count": sum(len(a.member_rows) for a in areas),
            "population_year": queries.latest_population_year(areas),
        },
    )


def _trial_area(request, number):
    return get_object_or_404(TrialArea.objects.select_related("ely", "te_office"), number=number)


@requires("regions.view_reference", get_object=_trial_area)
def trial_area_detail(request, area):
    today = clock.today()
    areas = queries.trial_areas_with_members(today, numbers=[area.number])
    return render(
        request,
        "regions/trial_area_detail.html",
        {
            "area": areas[0],
            "today": today,
            "pilot_period": pilot_period(default_store(), today),
            "population_year": queries.latest_population_year(areas),
        },
    )


def _municipality(request, code):
    return get_object_or_404(Municipality, code=code)


@requires("regions.view_reference", get_object=_municipality)
def municipality_detail(request, municipality):
    today = clock.today()
    return render(
        request,
        "regions/municipality_detail.html",
        {"today": today, **queries.municipality_page(municipality)},
    )
