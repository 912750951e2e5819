import datetime as dt

import pytest

from kuntakokeilu.plans import services
from tests.customers.conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU, demo, demo_customers, user  # noqa: F401  (the customers' demo world)

TODAY = dt.date(2023, 6, 1)  # the customers' demo date


def content(agreed_on: dt.date = dt.date(2023, 5, 15), **changes) -> dict:
    """Test data: a version's content with two steps and a service."""
    return {
        "agreed_on": agreed_on,
        "goals": "Töihin logistiikka-alalle.",
        "job_search_obligation": "4 työmahdollisuutta kuukaudessa.",
        "steps": [
            {
                "text": "Hae neljää työpaikkaa.",
                "due_on": agreed_on + dt.timedelta(days=30),
                "responsible": "job_seeker",
            },
            {
                "text": "Varaa uravalmennus.",
                "due_on": agreed_on + dt.timedelta(days=14),
                "responsible": "case_worker",
            },
        ],
        "services": [
            {"kind": "career_guidance", "starts_on": agreed_on, "ends_on": agreed_on + dt.timedelta(days=60)}
        ],
    } | changes


@pytest.fixture
def world(demo_customers, user):  # noqa: F811
    return {
        "aino": user("aino.virtanen"),
        "mikko": user("mikko.korhonen"),
        "linnea": user("linnea.lindqvist"),
        "sanna": user("sanna.makinen"),
        "helsinki": demo_customers[HELSINKI_HETU],
        "porvoo": demo_customers[PORVOO_HETU],
        "kajaani": demo_customers[KAJAANI_HETU],
    }


@pytest.fixture
def plan_version(world):
    """An employment plan of the Helsinki customer made by aino.virtanen, not yet approved."""
    return services.create_plan(world["aino"], world["helsinki"], "employment", today=TODAY, **content())
