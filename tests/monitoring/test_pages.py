"""The monitoring pages per role (issue 19; R-X-1): Kainuu's area manager computes, reviews, approves and
corrects its months; the area's ELY centre and the ministry read; others are refused."""

import pytest

from kuntakokeilu.monitoring import services
from kuntakokeilu.monitoring.models import MonthVersion, State
from kuntakokeilu.regions.models import TrialArea

from .made import D, customership, person

pytestmark = pytest.mark.django_db
MARCH = "2022-03"


@pytest.fixture
def kajaani():
    for _ in range(2):
        customership(person(), "205", D(2021, 3, 1))


def test_the_area_manager_computes_reviews_approves_and_corrects(staff_in, kajaani):
    client = staff_in("juha.heikkinen")
    assert client.get("/monitoring/").status_code == 200
    assert 'name="month"' in client.get("/monitoring/areas/7/").content.decode()
    response = client.post("/monitoring/areas/7/compute/", {"month": MARCH})
    assert response.status_code == 302
    version = MonthVersion.objects.get(trial_area__number=7, month=D(2022, 3, 1))
    page = client.get(f"/monitoring/areas/7/{MARCH}/").content.decode()
    assert 'data-indicator="customers_stock"' in page
    assert "ei lähdettä vielä" in page  # customer satisfaction: no source yet
    client.post(f"/monitoring/areas/7/{MARCH}/review/")
    client.post(f"/monitoring/areas/7/{MARCH}/approve/")
    version.refresh_from_db()
    assert version.state == State.APPROVED
    client.post("/monitoring/areas/7/compute/", {"month": MARCH})  # refused: approved
    assert MonthVersion.objects.filter(trial_area__number=7, month=D(2022, 3, 1)).count() == 1
    customership(person(), "205", D(2022, 3, 5))
    client.post(f"/monitoring/areas/7/{MARCH}/correct/", {"reason": "Myöhässä kirjattu asiakas"})
    page = client.get(f"/monitoring/areas/7/{MARCH}/").content.decode()
    assert "Myöhässä kirjattu asiakas" in page
    assert '<tr data-indicator="customers_stock" class="changed">' in page
    assert "<mark>3</mark>" in page
    old = client.get(f"/monitoring/areas/7/{MARCH}/?version=1").content.decode()
    assert "<mark>" not in old


def test_a_correction_needs_a_reason(staff_in, kajaani):
    client = staff_in("juha.heikkinen")
    (version,) = services.compute_month(D(2022, 3, 1), areas=[TrialArea.objects.get(number=7)])
    services.approve(services.review(version, None), None)
    client.post(f"/monitoring/areas/7/{MARCH}/correct/", {"reason": " "})
    assert MonthVersion.objects.filter(trial_area__number=7).count() == 1


@pytest.mark.parametrize(
    ("username", "reads", "closes"),
    [
        ("juha.heikkinen", 200, True),
        ("heikki.kemppainen", 200, False),  # Kainuu's ELY centre reads
        ("elina.laine", 200, False),  # the ministry reads
        ("kaisa.jarvinen", 404, False),  # Uusimaa's ELY centre: not its area
        ("ville.hyvonen", 404, False),  # a case worker of Kajaani: no monitoring (as if missing)
    ],
)
def test_who_reads_and_who_closes_kainuus_month(staff_in, kajaani, username, reads, closes):
    services.compute_month(D(2022, 3, 1), areas=[TrialArea.objects.get(number=7)])
    client = staff_in(username)
    assert client.get(f"/monitoring/areas/7/{MARCH}/").status_code == reads
    client.post(f"/monitoring/areas/7/{MARCH}/review/")
    state = MonthVersion.objects.get(trial_area__number=7, month=D(2022, 3, 1)).state
    assert state == (State.REVIEWED if closes else State.COMPUTED)


def test_the_area_list_shows_only_the_users_areas(staff_in):
    page = staff_in("heikki.kemppainen").get("/monitoring/").content.decode()
    assert "/monitoring/areas/7/" in page
    assert (
        page.count('<th scope="row"><a href="/monitoring/areas/')
        == TrialArea.objects.filter(ely__code="14").count()
    )


def test_a_month_outside_the_pilot_or_malformed_is_not_found(staff_in):
    client = staff_in("juha.heikkinen")
    assert client.post("/monitoring/areas/7/compute/", {"month": "2020-01"}).status_code == 404
    assert client.post("/monitoring/areas/7/compute/", {"month": "maaliskuu"}).status_code == 404
    assert client.get("/monitoring/areas/7/2022-13/").status_code == 404
    assert client.get("/monitoring/areas/7/2022-03/?version=99999999999999999999").status_code == 404
    assert not MonthVersion.objects.exists()
