import csv
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import Person
from tests.customers.conftest import make_customer

AUTUMN = dt.date(2022, 10, 3)  # a Monday in autumn 2022: the Nordic schedule and the end-of-service rule


def job_seeker(number: int, kunta: str, *, start: str = "2022-06-01", end: str = "", language: str = "fi"):
    """Test data: an unemployed job seeker of `kunta` whose job search began on `start` (ended on `end`),
    a customer of the trial municipality from the pilot's start."""
    hetu = make_henkilotunnus(dt.date(1990, 1, 15), number)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerow(
        {
            "henkilotunnus": hetu,
            "last_name": "Palvelu",
            "first_name": "Testi",
            "service_language": language,
            "valid_from": "2021-01-01",
            "kotikunta": kunta,
            "mother_tongue": language,
            "immigrant": "false",
            "status": "unemployed",
            "earnings_related_entitlement": "false",
            "job_search_start": start,
            "job_search_end": end,
        }
    )
    import_job_seekers(out.getvalue().encode(), source="test")
    person = Person.objects.get(henkilotunnus=hetu)
    make_customer(person, kunta)
    return person


@pytest.fixture
def world(db, settings):
    settings.KUNTAKOKEILU_TODAY = AUTUMN.isoformat()
    ensure_demo_users()
    user = get_user_model().objects.get
    return {
        "aino": user(username="aino.virtanen"),
        "mikko": user(username="mikko.korhonen"),
        "linnea": user(username="linnea.lindqvist"),
        "sanna": user(username="sanna.makinen"),
        "helsinki": job_seeker(971, "091"),
        "porvoo": job_seeker(972, "638", language="sv"),
    }
