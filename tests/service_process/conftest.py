import csv
import datetime as dt
import io

import pytest

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
from kuntakokeilu.customers.models import Person
from tests.customers.conftest import HELSINKI_HETU, KAJAANI_HETU, demo, demo_customers, make_customer, user  # noqa: F401  (the customers' demo world)

# --- customer assignments (issue 16 item 2): Kainuu's area manager, its two case workers and customers ---


def kajaani_customer(number: int = 957, last: str = "Oikarinen", first: str = "Tiina") -> Person:
    """Test data: a second Kajaani job seeker, a customer of Kajaani from the pilot's start."""
    hetu = make_henkilotunnus(dt.date(1991, 2, 3), number)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerow(
        {
            "henkilotunnus": hetu,
            "last_name": last,
            "first_name": first,
            "service_language": "fi",
            "valid_from": "2021-01-01",
            "kotikunta": "205",
            "mother_tongue": "fi",
            "immigrant": "false",
            "status": "unemployed",
            "earnings_related_entitlement": "false",
            "job_search_start": "2022-10-03",
        }
    )
    import_job_seekers(out.getvalue().encode(), source="test")
    person = Person.objects.get(henkilotunnus=hetu)
    make_customer(person, "205")
    return person


@pytest.fixture
def kainuu(demo_customers, user):  # noqa: F811  (the customers' fixtures imported above)
    return {
        "manager": user("juha.heikkinen"),
        "ville": user("ville.hyvonen"),
        "emma": user("emma.kinnunen"),
        "jari": demo_customers[KAJAANI_HETU],
        "tiina": kajaani_customer(),
        "helsinki": demo_customers[HELSINKI_HETU],
    }
