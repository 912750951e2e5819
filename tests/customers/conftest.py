import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import Ground, Person

TODAY = dt.date(2023, 6, 1)
HELSINKI_HETU = make_henkilotunnus(dt.date(1978, 5, 14), 901)  # demo: Mikael Lahtinen, Helsinki
PORVOO_HETU = make_henkilotunnus(dt.date(1988, 4, 19), 908)  # demo: Johan Nyström, Porvoo
KAJAANI_HETU = make_henkilotunnus(dt.date(1972, 8, 15), 910)  # demo: Jari Kemppainen, Kajaani


@pytest.fixture
def demo(db, settings):
    """The demo users and the demo job seekers, on a fixed date."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    from kuntakokeilu.customers.demo import demo_csv

    ensure_demo_users()
    import_job_seekers(demo_csv(), source="demo")
    return {
        code: Person.objects.get(henkilotunnus=code) for code in (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
    }


@pytest.fixture
def user():
    return lambda username: get_user_model().objects.get(username=username)


CUSTOMERS_SINCE = dt.date(2021, 3, 1)


def make_customer(person, kunta_code: str, on: dt.date = CUSTOMERS_SINCE):
    """Test data: make the person a customer of the trial municipality from `on` (R-TG-3)."""
    responsible = {"type": "municipality", "kunta_code": kunta_code}
    row, _created = customerships.start(
        person, on=on, ground=Ground.INITIAL_TRANSFER, outcome=None, responsible=responsible
    )
    return row


@pytest.fixture
def demo_customers(demo):
    """The demo, with the Helsinki, Porvoo and Kajaani job seekers customers of their kotikunta from the
    pilot's start: municipal staff see only their customers (R-X-1, law notes §7.1)."""
    for code, kunta in ((HELSINKI_HETU, "091"), (PORVOO_HETU, "638"), (KAJAANI_HETU, "205")):
        make_customer(demo[code], kunta)
    return demo
