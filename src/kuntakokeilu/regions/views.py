from django.shortcuts import render

from kuntakokeilu import clock
from kuntakokeilu.rules.parameters import default_store

from . import queries
from .rules import pilot_period


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
            "population_year": max((y for a in areas for y in a.population_years), default=None),
        },
    )
