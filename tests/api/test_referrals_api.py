# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""A job seeker's services (issue 17 item 3, R-SP-6) and why a job search ended (item 6) through the API,
with the permissions of every role (R-X-1: a refused object is the same 404 as a missing one), refusals as
localised 400s that change nothing (R-X-3; item 9: a service ending before it starts) and the access log
written in the read's or write's transaction (R-X-2)."""

import uuid

import pytest
from rest_framework.test import APIClient

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
# who records for (Helsinki person, Porvoo person, Kajaani person): the customer municipality's case
# workers and approvers; everyone else the same 404 as for a missing person
RECORDERS = {
    "aino.virtanen": (201, 404, 404),
    "mikko.korhonen": (201, 404, 404),
    "linnea.lindqvist": (404, 201, 404),
    "ville.hyvonen": (404, 404, 201),
}
REFERRAL = {"kind": "work_trial", "provider": "Stara", "referred_on": "2023-05-02"}


@pytest.fixture
def api():
    return APIClient()


def logged(username: str, what: str) -> int:
    return AccessLogEntry.objects.filter(user__username=username, what=what).count()


def written():
    return Referral.objects.count(), JobSearchEndReason.objects.count(), AccessLogEntry.objects.count()


def test_an_anonymous_caller_gets_401_from_every_endpoint(demo_customers, api):
    base = f"/api/v1/persons/{demo_customers[HELSINKI_HETU].pk}"
    for response in (
        api.get(f"{base}/services/"),
        api.post(f"{base}/services/", REFERRAL, format="json"),
        api.post(f"{base}/services/1/start/", {}, format="json"),
        api.get(f"{base}/job-search-end/"),
        api.post(f"{base}/job-search-end/", {}, format="json"),
    ):
        assert response.status_code == 401
    assert written() == (0, 0, 0)


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_services_and_end_reasons_are_read_as_the_person_page_and_logged(demo_customers, api, user, username):
    """R-X-1: as the person page (the municipality's staff, the area manager's area, the TE office of the
    place); R-X-2: each read logged, a refusal not."""
    api.force_authenticate(user(username))
    missing = api.get(f"/api/v1/persons/{uuid.UUID(int=1)}/services/").json()
    got = []
    for code in HETUS:
        base = f"/api/v1/persons/{demo_customers[code].pk}"
        services, ends = api.get(f"{base}/services/"), api.get(f"{base}/job-search-end/")
        assert services.status_code == ends.status_code
        if services.status_code == 404:
            assert services.json() == missing and missing["error"]["code"] == "person_not_found"
        else:
            assert services.json() == [] and ends.json() == []
        got.append(services.status_code)
    assert tuple(got) == PERSON_PAGE_ROLES[username]
    assert (
        logged(username, "api:person-services")
        == logged(username, "api:person-job-search-end")
        == got.count(200)
    )


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_only_the_customer_municipality_s_staff_refer_and_record_the_end(demo_customers, api, user, username):
    """R-SP-6, R-X-1: refer, start and the end reason by the customer municipality's case workers and
    approvers; anyone else gets the same 404 as for a missing person and nothing is written."""
    api.force_authenticate(user(username))
    got, ends, starts = [], [], []
    for code in HETUS:
        base = f"/api/v1/persons/{demo_customers[code].pk}"
        before = written()
        response = api.post(f"{base}/services/", REFERRAL, format="json")
        got.append(response.status_code)
        end = api.post(
            f"{base}/job-search-end/", {"ended_on": "2023-05-31", "reason": "open_market"}, format="json"
        )
        ends.append(end.status_code)
        if response.status_code == 404:
            assert response.json()["error"]["code"] == "person_not_found"
            assert written() == before
    expected = RECORDERS.get(username, (404, 404, 404))
    assert tuple(got) == tuple(ends) == expected
    # another's referral: refused as a missing one
    other = Referral.objects.create(
        person=demo_customers[HELSINKI_HETU],
        kind="work_trial",
        provider="Stara",
        referred_on="2023-05-02",
        municipality_id=demo_customers[HELSINKI_HETU].facts.filter(kind="kotikunta").first().municipality_id,
    )
    body = {"started_on": "2023-05-03", "planned_end": "2023-08-31"}
    start = api.post(f"/api/v1/persons/{other.person_id}/services/{other.pk}/start/", body, format="json")
    starts.append(start.status_code)
    assert start.status_code == (200 if expected[0] == 201 else 404)
    if start.status_code == 404:
        assert start.json()["error"]["code"] == "referral_not_found"
        assert Referral.objects.get(pk=other.pk).state == "referred"


def test_a_work_trial_through_the_api_and_an_end_before_the_start(demo_customers, api, user):
    """R-SP-6 and item 9: refer, start, an end before the start refused in the request's language with the
    field named and nothing changed, then an interruption with its reason."""
    api.force_authenticate(user("aino.virtanen"))
    base = f"/api/v1/persons/{demo_customers[HELSINKI_HETU].pk}/services"
    created = api.post(f"{base}/", REFERRAL, format="json").json()
    assert (created["state"], created["municipality"], created["outcome"]) == ("referred", "091", None)
    started = api.post(
        f"{base}/{created['id']}/start/",
        {"started_on": "2023-05-03", "planned_end": "2023-08-31"},
        format="json",
    ).json()
    assert (started["state"], started["started_on"], started["planned_end"]) == (
        "under_way",
        "2023-05-03",
        "2023-08-31",
    )
    before = list(Referral.objects.values())
    bad = api.post(
        f"{base}/{created['id']}/end/",
        {"actual_end": "2023-05-02", "outcome": "completed"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert bad.status_code == 400
    assert bad.json()["error"]["fields"] == {
        "actual_end": ["Tjänsten kan inte sluta innan den börjar (3.5.2023)."]
    }
    assert list(Referral.objects.values()) == before
    stopped = api.post(
        f"{base}/{created['id']}/interrupt/",
        {"interrupted_on": "2023-05-20", "reason": "illness", "text": "sairausloma"},
        format="json",
    ).json()
    assert (stopped["state"], stopped["outcome"], stopped["interruption_reason"], stopped["actual_end"]) == (
        "interrupted",
        "interrupted",
        "illness",
        "2023-05-20",
    )
    again = api.post(f"{base}/{created['id']}/refuse/", {"refused_on": "2023-05-21"}, format="json")
    assert again.status_code == 400 and again.json()["error"]["code"] == "service_refused"
    listed = api.get(f"{base}/").json()
    assert [r["id"] for r in listed] == [created["id"]]


def test_labour_market_training_selection_through_the_api(demo_customers, api, user):
    """R-SP-6: the selection stays with the TE office / ELY centre; training starts once selected."""
    api.force_authenticate(user("linnea.lindqvist"))
    base = f"/api/v1/persons/{demo_customers[PORVOO_HETU].pk}/services"
    training = api.post(
        f"{base}/",
        {"kind": "labour_market_training", "provider": "NTM", "referred_on": "2023-04-03"},
        format="json",
    ).json()
    early = api.post(
        f"{base}/{training['id']}/start/",
        {"started_on": "2023-05-02", "planned_end": "2023-09-29"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert early.status_code == 400 and "fields" not in early.json()["error"]
    assert early.json()["error"]["message"] == (
        "Arbetskraftsutbildningen kan börja först när TE-byrån eller NTM-centralen har antagit den "
        "arbetssökande."
    )
    chosen = api.post(
        f"{base}/{training['id']}/select/",
        {"selection": "selected", "selection_on": "2023-04-20"},
        format="json",
    ).json()
    assert (chosen["selection"], chosen["selection_on"], chosen["state"]) == (
        "selected",
        "2023-04-20",
        "referred",
    )
    started = api.post(
        f"{base}/{training['id']}/start/",
        {"started_on": "2023-05-02", "planned_end": "2023-09-29"},
        format="json",
    )
    assert started.status_code == 200 and started.json()["state"] == "under_way"
