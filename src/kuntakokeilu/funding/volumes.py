"""The customer volume per trial area on a date (R-RES-1), for the quota computation by volume.

Funding may not import customers (both are domain apps of one layer): the function that counts a
municipality's customers on a date is named by `settings.FUNDING_VOLUME_SOURCE` (customers'
`counts.municipal_customers_on`) and called here; its counts are summed per trial area over the area's
member municipalities. Only entry points (pages, the API, the demo) call this; the service takes the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from importlib import import_module

from django.conf import settings

from kuntakokeilu.regions.models import TrialAreaMember

from .services import ely_areas


def _source() -> Callable[[list[int], dt.date], dict[int, int]]:
    module, name = settings.FUNDING_VOLUME_SOURCE.rsplit(".", 1)
    return getattr(import_module(module), name)


def area_volumes(ely, on: dt.date) -> dict[int, int]:
    """{trial area number: customers of its member municipalities on `on`} for the ELY centre's areas."""
    areas = ely_areas(ely)
    members = list(
        TrialAreaMember.objects.filter(trial_area__in=areas).values_list(
            "trial_area__number", "municipality_id"
        )
    )
    counts = _source()([m for _, m in members], on)
    volumes = {a.number: 0 for a in areas}
    for number, municipality_id in members:
        volumes[number] += counts.get(municipality_id, 0)
    return volumes
