# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""The employer side through the API (issue 17 item 4; R-SP-7, R-X-1, R-X-2): every role's answer for
employers, vacancies, presentations, consents and job offers; presenting without a written consent refused
(400, localised, nothing written); a refused offer's judgement by the rule `job-offer-refusal`."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.employers import services
from kuntakokeilu.employers.models import Employer, JobOffer, Presentation, PresentationConsent
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.service_process.models import Meeting
from tests.customers.conftest import (  # noqa: F401 - fixtures
    HELSINKI_HETU,
    PORVOO_HETU,
    TODAY,
    demo,
    demo_customers,
    user,
)

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
ALL_USERS = [
    "aino.virtanen",
    "mikko.korhonen",
    "linnea.lindqvist",
    "juha.heikkinen",
    "ville.hyvonen",
    "emma.kinnunen",
    "sanna.makinen",
    "kaisa.jarvinen",
    "pekka.nieminen",
    "elina.laine",
    "tuomas.koskinen",
    "admin",
]
# (Helsinki employer's vacancies, Porvoo employer's vacancies): the municipalities' staff, and the area
# manager of the trial area (Kainuu: neither)
EMPLOYER_READERS = {"aino.virtanen": (200, 404), "mikko.korhonen": (200, 404), "linnea.lindqvist": (404, 200)}
# (Helsinki customer's job offers, Porvoo customer's): the customer municipality's case workers and approvers
OFFER_READERS = {"aino.virtanen": (200, 404), "mikko.korhonen": (200, 404), "linnea.lindqvist": (404, 200)}


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def world(demo_customers, user):
    aino, linnea = user("aino.virtanen"), user("linnea.lindqvist")
    helsinki, porvoo = Municipality.objects.get(code="091"), Municipality.objects.get(code="638")
    hki = services.add_employer(
        aino, business_id="1618033-3", name="Kahvila Oy", municipality=helsinki, today=TODAY
    )
    pvo = services.add_employer(
        linnea, business_id="1414213-0", name="Borgå Ab", municipality=porvoo, today=TODAY
    )
    return {
        "hki": hki,
        "pvo": pvo,
        "lahtinen": demo_customers[HELSINKI_HETU],
        "nystrom": demo_customers[PORVOO_HETU],
        "vacancy": services.add_vacancy(
            aino,
            hki,
            title="barista",
            municipality=helsinki,
            published_on=D("2023-05-15"),
            apply_by=D("2023-06-15"),
            assignment_date=D("2023-05-12"),
            assignment_text="Välitä.",
            today=TODAY,
        ),
    }


@pytest.mark.parametrize("username", ALL_USERS)
def test_every_role_sees_only_its_employers_and_vacancies(api, world, user, username):
    api.force_authenticate(user(username))
    listed = api.get("/api/v1/employers/")
    got = tuple(
        api.get(f"/api/v1/employers/{e.pk}/vacancies/").status_code for e in (world["hki"], world["pvo"])
    )
    expected = EMPLOYER_READERS.get(username, (404, 404))
    assert got == expected
    if username in EMPLOYER_READERS:
        assert listed.status_code == 200
        names = {row["name"] for row in listed.json()}
        assert names == {"Kahvila Oy"} if expected[0] == 200 else {"Borgå Ab"}
    elif username in ("juha.heikkinen", "ville.hyvonen", "emma.kinnunen"):  # Kainuu's staff: none recorded
        assert listed.status_code == 200 and listed.json() == []
    else:
        assert listed.status_code == 403


@pytest.mark.parametrize("username", ALL_USERS)
def test_every_role_sees_only_its_customers_offers_and_consents(api, world, user, username):
    api.force_authenticate(user(username))
    for kind in ("job-offers", "consents"):
        got = tuple(
            api.get(f"/api/v1/persons/{p.pk}/{kind}/").status_code
            for p in (world["lahtinen"], world["nystrom"])
        )
        assert got == OFFER_READERS.get(username, (404, 404)), kind


def test_anonymous_is_401(api, world):
    assert api.get("/api/v1/employers/").status_code == 401
    assert api.get(f"/api/v1/persons/{world['lahtinen'].pk}/job-offers/").status_code == 401


def test_an_employer_with_a_wrong_check_digit_is_refused_in_swedish(api, world, user):
    api.force_authenticate(user("linnea.lindqvist"))
    answer = api.post(
        "/api/v1/employers/",
        {"business_id": "2236067-3", "name": "X Ab", "municipality": "638"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert answer.status_code == 400
    assert "kontrollsiffra" in answer.json()["error"]["fields"]["business_id"][0]
    assert Employer.objects.count() == 2
    created = api.post(
        "/api/v1/employers/",
        {"business_id": "2236067-2", "name": "X Ab", "municipality": "638"},
        format="json",
    )
    assert created.status_code == 201 and created.json()["business_id"] == "2236067-2"


def test_presenting_without_consent_is_refused_then_allowed_with_it(api, world, user):
    """Issue 17 item 9: no written consent → 400 with the reason, nothing written."""
    api.force_authenticate(user("aino.virtanen"))
    url = f"/api/v1/vacancies/{world['vacancy'].pk}/presentations/"
    body = {"persons": [str(world["lahtinen"].pk)]}
    refused = api.post(url, body, format="json", HTTP_ACCEPT_LANGUAGE="fi")
    assert refused.status_code == 400
    assert "kirjallista suostumusta" in refused.json()["error"]["message"]
    assert not Presentation.objects.exists()
    consent = api.post(
        f"/api/v1/persons/{world['lahtinen'].pk}/consents/",
        {"given_on": "2023-05-31", "document": "Lomake 31.5.2023", "scope": "all"},
        format="json",
    )
    assert consent.status_code == 201
    presented = api.post(url, body, format="json")
    assert presented.status_code == 201
    assert presented.json()[0]["consent"] == consent.json()["id"]
    assert [row["person"] for row in api.get(url).json()] == [str(world["lahtinen"].pk)]
    assert AccessLogEntry.objects.filter(what="api:vacancy-presentations", person=world["lahtinen"]).exists()


def test_another_municipalitys_customer_cannot_be_presented(api, world, user):
    api.force_authenticate(user("aino.virtanen"))
    PresentationConsent.objects.create(
        person=world["nystrom"], given_on=D("2023-05-01"), document="x", scope="all"
    )
    answer = api.post(
        f"/api/v1/vacancies/{world['vacancy'].pk}/presentations/",
        {"persons": [str(world["nystrom"].pk)]},
        format="json",
    )
    assert answer.status_code == 400 and not Presentation.objects.exists()


def test_a_job_offer_and_its_refusal_judged_by_the_rule(api, world, user):
    person = world["lahtinen"]
    Meeting.objects.create(
        person=person,
        type="initial_interview",
        date=D("2022-10-03"),
        channel="phone",
        municipality=Municipality.objects.get(code="091"),
    )
    api.force_authenticate(user("mikko.korhonen"))
    created = api.post(
        f"/api/v1/persons/{person.pk}/job-offers/",
        {
            "vacancy": world["vacancy"].pk,
            "offered_on": "2023-05-20",
            "apply_by": "2023-05-31",
            "offered_by": "authority",
        },
        format="json",
    )
    assert created.status_code == 201 and created.json()["judgement"] is None
    url = f"/api/v1/persons/{person.pk}/job-offers/{created.json()['id']}/outcome/"
    too_early = api.post(url, {"outcome": "no_answer", "outcome_on": "2023-05-25"}, format="json")
    assert too_early.status_code == 400 and "outcome_on" in too_early.json()["error"]["fields"]
    done = api.post(
        url + "?lang=sv",
        {"outcome": "refused", "outcome_on": "2023-05-25", "refusal_reason": "Nej."},
        format="json",
    )
    assert done.status_code == 200
    judgement = done.json()["judgement"]
    assert judgement["counts"] is True and "räknas som en försummelse" in judgement["explanation"][0]
    listed = api.get(f"/api/v1/persons/{person.pk}/job-offers/?lang=fi").json()
    assert "lasketaan" in listed[0]["judgement"]["explanation"][0]
    other = api.post(
        f"/api/v1/persons/{world['nystrom'].pk}/job-offers/{created.json()['id']}/outcome/",
        {"outcome": "applied", "outcome_on": "2023-05-25"},
        format="json",
    )
    assert other.status_code == 404
    assert JobOffer.objects.get().outcome == "refused"
