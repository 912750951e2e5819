"""The worklist page's SQL stays constant as the data grows (issue 16 item 8; R-SP-2): a page of the
case worker's deadlines takes the same number of queries with N open items as with 3N."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kuntakokeilu.customers import synthetic
from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process.models import DueItem
from tests.customers.conftest import TODAY, make_customer

pytestmark = pytest.mark.django_db
N = 20
TYPES = ("first_interview", "job_search_discussion", "supplementary_discussion")


def _add_customers_with_items(count: int, offset: int) -> None:
    """`count` more Helsinki customers, each with an open item due around today (so every group has some)."""
    persons = list(Person.objects.filter(henkilotunnus__regex=r"-?9\d\d.$").order_by("pk")[offset:])[:count]
    assert len(persons) == count
    for index, person in enumerate(persons, start=offset):
        make_customer(person, "091")
        DueItem.objects.create(
            person=person,
            type=TYPES[index % len(TYPES)],
            reference="JTYPL 2:5",
            rule_version="test",
            event_date=TODAY,
            due_by=TODAY + dt.timedelta(days=index % 9 - 4),
            handler_municipality_id=person.customerships.get().municipality_id,
        )


def _queries(client, group: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("service_process:worklist"), {"group": group})
    assert response.status_code == 200
    return len(captured), response.content.count(b'class="row-link"')


@pytest.mark.parametrize("group", ["all", "overdue", "week"])
def test_a_worklist_page_takes_the_same_queries_with_three_times_the_items(demo, user, client, group):
    """R-SP-2: with N and with 3N items (N = 20: the page of 50 rows fills), the page's query count is
    the same: no query per row (person, municipality, label, access-log entry)."""
    synthetic.generate(3 * N, seed=5)
    client.force_login(user("aino.virtanen"))
    _add_customers_with_items(N, 0)
    small, small_rows = _queries(client, group)
    _add_customers_with_items(2 * N, N)
    large, large_rows = _queries(client, group)
    assert large_rows > small_rows > 0
    assert large == small
