# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""The services page and the job-search end page (issue 17 items 3 and 6): open as the person page does
(R-X-1), each view logged (R-X-2); forms only for the customer municipality's case workers and approvers,
anyone else's POST the same 404 as for a missing person; a refusal re-renders the page (400) with the
localised message and nothing written (R-X-3, item 9)."""

import pytest

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.referrals.models import Referral
from kuntakokeilu.service_process.models import JobSearchEndReason
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    KAJAANI_HETU,
    PORVOO_HETU,
    demo,
    demo_customers,
    user,
)
from tests.customers.test_pages import PERSON_PAGE_ROLES

pytestmark = pytest.mark.django_db
HETUS = (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU)
RECORDERS = {"aino.virtanen": 0, "mikko.korhonen": 0, "linnea.lindqvist": 1, "ville.hyvonen": 2}


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_the_pages_open_as_the_person_page_and_forms_only_for_recorders(
    demo_customers, client, user, username
):
    client.force_login(user(username))
    got = []
    for index, code in enumerate(HETUS):
        person = demo_customers[code]
        services = client.get(f"/job-seekers/{person.pk}/service/services/")
        ends = client.get(f"/job-seekers/{person.pk}/service/job-search-end/")
        assert services.status_code == ends.status_code
        got.append(services.status_code)
        if services.status_code == 200:
            records = RECORDERS.get(username) == index
            assert (b'aria-labelledby="refer"' in services.content) == records
            assert (b'aria-labelledby="record-end"' in ends.content) == records
        refer = client.post(
            f"/job-seekers/{person.pk}/service/services/refer/",
            {"kind": "work_trial", "provider": "Stara", "referred_on": "2023-05-02"},
        )
        assert refer.status_code == (302 if RECORDERS.get(username) == index else 404)
    assert tuple(got) == PERSON_PAGE_ROLES[username]
    assert AccessLogEntry.objects.filter(
        user__username=username, what="referrals:services"
    ).count() == got.count(200)
    assert Referral.objects.count() == (1 if username in RECORDERS else 0)


def test_an_end_before_the_start_is_shown_and_nothing_saved(demo_customers, client, user):
    client.force_login(user("aino.virtanen"))
    person = demo_customers[HELSINKI_HETU]
    base = f"/job-seekers/{person.pk}/service/services"
    client.post(f"{base}/refer/", {"kind": "work_trial", "provider": "Stara", "referred_on": "2023-05-02"})
    referral = Referral.objects.get()
    response = client.post(
        f"{base}/{referral.pk}/start/",
        {f"r{referral.pk}-start-started_on": "2023-05-10", f"r{referral.pk}-start-planned_end": "2023-05-09"},
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 400
    assert "Palvelu ei voi päättyä ennen kuin se alkaa (10.5.2023)." in response.content.decode()
    assert Referral.objects.get().state == "referred"
    response = client.post(
        f"{base}/{referral.pk}/start/",
        {f"r{referral.pk}-start-started_on": "2023-05-10", f"r{referral.pk}-start-planned_end": "2023-08-31"},
    )
    assert response.status_code == 302 and Referral.objects.get().state == "under_way"
    # another person's referral through this person's URL: missing
    other = demo_customers[PORVOO_HETU]
    assert (
        client.post(f"/job-seekers/{other.pk}/service/services/{referral.pk}/refuse/", {}).status_code == 404
    )


def test_the_end_reason_form_records_and_refuses(demo_customers, client, user):
    client.force_login(user("linnea.lindqvist"))
    person = demo_customers[PORVOO_HETU]
    url = f"/job-seekers/{person.pk}/service/job-search-end/record/"
    response = client.post(url, {"ended_on": "2023-06-02", "reason": "moved"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400 and not JobSearchEndReason.objects.exists()
    assert "Arbetssökandet kan inte ha upphört efter i dag (1.6.2023)." in response.content.decode()
    response = client.post(
        url, {"ended_on": "2023-05-31", "reason": "moved", "text": "Flyttade till Sverige"}
    )
    assert response.status_code == 302
    assert JobSearchEndReason.objects.get().municipality.code == "638"
