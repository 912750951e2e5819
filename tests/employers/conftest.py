import datetime as dt

import pytest

from kuntakokeilu.employers import services
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.service_process.models import Meeting
from tests.customers.conftest import HELSINKI_HETU, PORVOO_HETU, TODAY, demo, demo_customers, user  # noqa: F401

D = dt.date.fromisoformat


@pytest.fixture
def world(demo_customers, user):  # noqa: F811
    """A Helsinki employer with an open vacancy; Mikael Lahtinen (Helsinki) and Johan Nyström (Porvoo)."""
    aino = user("aino.virtanen")
    helsinki = Municipality.objects.get(code="091")
    employer = services.add_employer(
        aino, business_id="1618033-3", name="Kahvila Testi Oy", municipality=helsinki, today=TODAY
    )
    vacancy = services.add_vacancy(
        aino,
        employer,
        title="barista",
        municipality=helsinki,
        published_on=D("2023-05-15"),
        apply_by=D("2023-06-15"),
        assignment_date=D("2023-05-12"),
        assignment_text="Välitä paikka.",
        today=TODAY,
    )
    return {
        "aino": aino,
        "linnea": user("linnea.lindqvist"),
        "employer": employer,
        "vacancy": vacancy,
        "lahtinen": demo_customers[HELSINKI_HETU],
        "nystrom": demo_customers[PORVOO_HETU],
    }


def initial_interview(person, day, code="091"):
    """Test data: an initial interview held on `day`."""
    return Meeting.objects.create(
        person=person,
        type="initial_interview",
        date=day,
        channel="phone",
        municipality=Municipality.objects.get(code=code),
    )
