"""A trial area's customers over time (issue 6, R-TG-3): customers per member municipality and in total
on each month's last day, from aggregate queries, small counts hidden; the page and who may see it
(R-X-1)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.customers import counts
from kuntakokeilu.customers.counts import COMPLEMENTARY, SMALL, Cell
from kuntakokeilu.customers.models import Responsible
from kuntakokeilu.regions.models import TrialArea

from .helpers import START, bulk_customers

SEEN_ON = dt.date(2021, 7, 15)


@pytest.fixture
def kainuu(db):
    """Kajaani: 8 customers from 1.3.2021, two of them until 31.5.2021 (still on 31 May), one until
    15.6.2021, one more from 30.4.2021; Sotkamo: 3 (a small count); a Kainuu TE office customer and
    Helsinki customers do not count in Kainuu."""
    bulk_customers(
        "205",
        [(START, None)] * 5 + [(START, dt.date(2021, 5, 31))] * 2 + [(START, dt.date(2021, 6, 15))],
        first_number=100,
    )
    bulk_customers("205", [(dt.date(2021, 4, 30), None)], first_number=200)
    bulk_customers("765", [(START, None)] * 3, first_number=300)
    bulk_customers("205", [(START, None)], responsible=Responsible.TE_OFFICE, first_number=400)
    bulk_customers("091", [(START, None)] * 6, first_number=500)
    return TrialArea.objects.get(number=7)


@pytest.mark.nodb
def test_month_ends():
    assert counts.month_ends(START, dt.date(2021, 6, 29)) == [
        dt.date(2021, 3, 31),
        dt.date(2021, 4, 30),
        dt.date(2021, 5, 31),
    ]
    assert counts.month_ends(dt.date(2023, 12, 1), dt.date(2024, 2, 29))[-1] == dt.date(2024, 2, 29)
    assert counts.month_ends(START, dt.date(2021, 3, 30)) == []


@pytest.mark.nodb
def test_small_counts_are_hidden_and_the_total_does_not_give_one_away():
    """Counts of 1–4 are hidden; a month hiding one municipality's count hides the smallest other."""
    assert counts.suppress([10, 20]) == ((Cell(10), Cell(20)), Cell(30))
    assert counts.suppress([3, 100, 40]) == (
        (Cell(None, SMALL), Cell(100), Cell(None, COMPLEMENTARY)),
        Cell(143),
    )
    assert counts.suppress([2, 3, 50]) == ((Cell(None, SMALL), Cell(None, SMALL), Cell(50)), Cell(55))
    assert counts.suppress([0, 7]) == ((Cell(0), Cell(7)), Cell(7))
    assert counts.suppress([4]) == ((Cell(None, SMALL),), Cell(None, SMALL))
    assert counts.suppress([3, 0]) == ((Cell(None, SMALL), Cell(None, COMPLEMENTARY)), Cell(None, SMALL))


def test_customers_per_month_end_per_municipality(kainuu, settings, django_assert_num_queries):
    """A customership counts on a month-end it covers (valid_to inclusive); only the area's municipal
    customerships count; the months run from the pilot's first to the last ended by `on`."""
    with django_assert_num_queries(3):  # members, starts, ends: whatever the number of persons
        found = counts.area_counts(kainuu, SEEN_ON)
    codes = [m.code for m in found.members]
    assert sorted(codes) == ["105", "205", "290", "578", "697", "765", "777"]
    kajaani, sotkamo = codes.index("205"), codes.index("765")
    assert [m.month for m in found.months] == ["2021-03", "2021-04", "2021-05", "2021-06"]
    assert [m.cells[kajaani].count for m in found.months] == [8, 9, 9, 6]
    assert [m.cells[sotkamo] for m in found.months] == [Cell(None, SMALL)] * 4
    assert [m.total.count for m in found.months] == [11, 12, 12, 9]
    hidden = [c for m in found.months for c in m.cells if c.suppressed == COMPLEMENTARY]
    assert len(hidden) == 4  # one more per month, so 3 cannot be worked out from the total


def test_before_the_first_month_ends_there_is_nothing(kainuu):
    assert counts.area_counts(kainuu, dt.date(2021, 3, 30)).months == ()
    assert len(counts.area_counts(kainuu, dt.date(2026, 1, 1)).months) == 46  # 3/2021–12/2024


PAGE = {
    # username: (Kainuu area 7, Helsinki area 20)
    "juha.heikkinen": (200, 404),  # Kainuu area manager
    "elina.laine": (200, 200),  # ministry
    "kaisa.jarvinen": (404, 200),  # Uusimaa ELY centre
    "sanna.makinen": (404, 200),  # Uusimaa TE office
    "aino.virtanen": (404, 404),  # Helsinki case worker
    "ville.hyvonen": (404, 404),  # Kajaani case worker
    "pekka.nieminen": (404, 404),  # applicant
    "tuomas.koskinen": (404, 404),  # researcher
    "admin": (404, 404),
}


@pytest.mark.parametrize("username", sorted(PAGE))
def test_who_sees_the_counts_page(kainuu, demo, client, user, username, settings):
    """R-X-1: the area's manager, the ministry, the ELY centre and TE office of the area."""
    settings.KUNTAKOKEILU_TODAY = SEEN_ON.isoformat()
    client.force_login(user(username))
    got = tuple(client.get(reverse("customers:customer-counts", args=[n])).status_code for n in (7, 20))
    assert got == PAGE[username]
    assert not AccessLogEntry.objects.exists()  # aggregates: no personal data


def test_the_page_shows_the_table_the_chart_and_the_hidden_counts(kainuu, demo, client, user, settings):
    settings.KUNTAKOKEILU_TODAY = SEEN_ON.isoformat()
    client.force_login(user("juha.heikkinen"))
    response = client.get(reverse("customers:customer-counts", args=[7]), HTTP_ACCEPT_LANGUAGE="fi")
    page = response.content.decode()
    assert response.status_code == 200
    assert "&lt;5" in page and "×" in page and 'role="img"' in page
    assert "31.5.2021" in page and ">12<" in page
    assert "Aggregaatti" not in page  # no person is named
    missing = client.get(reverse("customers:customer-counts", args=[99]))
    assert missing.status_code == 404


def test_the_counts_index_and_the_trial_area_link(kainuu, demo, client, user, settings):
    """The area manager goes straight to their area; the ministry chooses among all 25; the trial
    area page links to the counts for those who may see them."""
    settings.KUNTAKOKEILU_TODAY = SEEN_ON.isoformat()
    index = reverse("customers:customer-counts-index")
    client.force_login(user("juha.heikkinen"))
    assert client.get(index).url == reverse("customers:customer-counts", args=[7])
    area_page = client.get(reverse("web:trial-area", args=[7])).content.decode()
    assert reverse("customers:customer-counts", args=[7]) in area_page
    other_page = client.get(reverse("web:trial-area", args=[20])).content.decode()
    assert reverse("customers:customer-counts", args=[20]) not in other_page
    client.force_login(user("elina.laine"))
    page = client.get(index).content.decode()
    assert all(reverse("customers:customer-counts", args=[n]) in page for n in range(1, 26))
    client.force_login(user("aino.virtanen"))
    assert client.get(index).status_code == 403
