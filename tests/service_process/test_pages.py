"""A job seeker's service-process page (R-SP-1, R-SP-3, R-X-2): deadlines with explanations in fi/sv,
every view in the access log, recording a meeting through the form, bad input refused with nothing
changed, and another area's case worker seeing nothing (404, R-X-2)."""

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.service_process.models import Meeting
from tests.customers.conftest import HELSINKI_HETU, PORVOO_HETU

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_deadlines_in_finnish_and_logs_the_view(client, demo_customers, user):
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    page = client.get(reverse("service_process:process", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="fi")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Palveluprosessi" in text and "Ensimmäinen haastattelu" in text and "Kirjaa tapaaminen" in text
    logged = AccessLogEntry.objects.get(what="service_process:process")
    assert (logged.person_id, logged.purpose) == (person.pk, Purpose.CUSTOMER_SERVICE)


def test_porvoo_page_in_swedish(client, demo_customers, user):
    person = demo_customers[PORVOO_HETU]
    client.force_login(user("linnea.lindqvist"))
    page = client.get(reverse("service_process:process", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="sv")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Serviceprocess" in text and "Första intervjun" in text and "Registrera ett möte" in text


def test_recording_through_the_form_changes_the_deadlines(client, demo_customers, user):
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    url = reverse("service_process:record-meeting", args=[person.pk])
    data = {"type": "job_search_discussion", "date": "2023-05-15", "channel": "phone", "notes": "Puhelu"}
    answer = client.post(url, data)
    assert answer.status_code == 302
    page = client.get(answer["Location"], HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "15.8.2023" in page  # the next job-search discussion, 3 months on
    assert Meeting.objects.get().notes == "Puhelu"


def test_a_meeting_after_today_is_refused_in_finnish_and_nothing_changes(client, demo_customers, user):
    """Issue 16 item 7."""
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("aino.virtanen"))
    url = reverse("service_process:record-meeting", args=[person.pk])
    answer = client.post(
        url,
        {"type": "initial_interview", "date": "2023-06-02", "channel": "phone"},
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert answer.status_code == 400
    assert "Tapaamista ei voi päivätä tämän päivän (1.6.2023) jälkeen." in answer.content.decode()
    assert not Meeting.objects.exists()


def test_another_municipalitys_case_worker_sees_nothing(client, demo_customers, user):
    person = demo_customers[HELSINKI_HETU]
    client.force_login(user("linnea.lindqvist"))
    assert client.get(reverse("service_process:process", args=[person.pk])).status_code == 404
    answer = client.post(
        reverse("service_process:record-meeting", args=[person.pk]),
        {"type": "initial_interview", "date": "2023-05-15", "channel": "phone"},
    )
    assert answer.status_code == 404
    assert not Meeting.objects.exists()
    assert not AccessLogEntry.objects.filter(what="service_process:process").exists()


def test_the_worklist_has_the_counts_on_top_50_rows_a_page_and_logs_each_person(client, demo_customers, user):
    """R-SP-2: the Helsinki case worker's overdue deadlines; 60 items make two pages of 50 and 10."""
    import datetime as dt

    from kuntakokeilu.regions.models import Municipality
    from kuntakokeilu.service_process.models import DueItem
    from kuntakokeilu.service_process.services import refresh_deadlines
    from tests.customers.conftest import TODAY

    person = demo_customers[HELSINKI_HETU]
    refresh_deadlines(person, TODAY)
    helsinki = Municipality.objects.get(code="091")
    DueItem.objects.bulk_create(
        DueItem(
            person=person,
            type="job_search_discussion",
            reference="JTYPL 2:6 §1 p2 (1379/2021)",
            rule_version="test",
            event_date=TODAY,
            due_by=TODAY - dt.timedelta(days=1 + i),
            handler_municipality=helsinki,
        )
        for i in range(60)
    )
    overdue = DueItem.objects.overdue(TODAY).count()
    client.force_login(user("aino.virtanen"))
    url = reverse("service_process:worklist")
    page = client.get(url, {"group": "overdue"}, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert f"Myöhässä ({overdue})" in page
    assert page.count('class="row-link"') == 50
    assert f"Sivu 1 / {(overdue + 49) // 50}" in page
    second = client.get(url, {"group": "overdue", "page": 2}, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert second.count('class="row-link"') == overdue - 50
    assert AccessLogEntry.objects.filter(what="service_process:worklist", person=person).count() == 2
    porvoo = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
    assert porvoo.status_code == 200
    client.force_login(user("linnea.lindqvist"))
    assert "Lahtinen" not in client.get(url, {"group": "all"}).content.decode()
