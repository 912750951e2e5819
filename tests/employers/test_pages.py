"""The employer side's pages (R-SP-7, R-X-1, R-X-2): a job seeker's job offers page is in the access log
and a refused object is a missing one; the vacancy page offers only the customers whose written consent
covers the employer and refuses anyone else in Swedish with nothing saved (issue 17 item 9)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.employers import queries, services
from kuntakokeilu.employers.models import ConsentScope, Presentation, PresentationConsent
from tests.customers.conftest import TODAY

from .conftest import D, initial_interview

pytestmark = pytest.mark.django_db


def test_the_job_offers_page_shows_the_judgement_and_is_logged(client, world):
    person = world["lahtinen"]
    initial_interview(person, D("2022-10-03"))
    offer = services.make_offer(
        world["aino"], person, offered_on=D("2023-05-20"), apply_by=D("2023-05-31"), offered_by="authority",
        job="siivooja", today=TODAY,
    )  # fmt: skip
    services.record_outcome(
        world["aino"], offer, outcome="refused", outcome_on=D("2023-05-25"), refusal_reason="Ei.", today=TODAY
    )
    client.force_login(world["aino"])
    text = client.get(
        reverse("employers:job-offers", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="fi"
    ).content.decode()
    assert "lasketaan laiminlyönniksi" in text and "3.10.2022" in text and "siivooja" in text
    logged = AccessLogEntry.objects.filter(what="employers:job_offers")
    assert {(e.person_id, e.purpose) for e in logged} == {(person.pk, Purpose.CUSTOMER_SERVICE)}


@pytest.mark.parametrize("username", ["linnea.lindqvist", "juha.heikkinen", "sanna.makinen", "elina.laine"])
def test_others_get_a_404_for_the_person_and_the_vacancy_as_for_a_missing_one(client, world, user, username):
    client.force_login(user(username))
    assert client.get(reverse("employers:job-offers", args=[world["lahtinen"].pk])).status_code == 404
    assert client.get(reverse("employers:vacancy", args=[world["vacancy"].pk])).status_code == 404


def test_a_presentation_without_consent_through_the_form_in_swedish_saves_nothing(client, world, user):
    client.force_login(world["aino"])
    answer = client.post(
        reverse("employers:present", args=[world["vacancy"].pk]),
        {"persons": [str(world["lahtinen"].pk)]},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert answer.status_code == 400
    assert "Endast en arbetssökande med ett skriftligt samtycke" in answer.content.decode()
    assert not Presentation.objects.exists()


def test_the_vacancy_offers_only_customers_whose_consent_covers_its_employer(client, world, user):
    """R-SP-7: the list holds the customers who may be presented, and no one else is shown or logged."""
    client.force_login(world["aino"])
    url = reverse("employers:vacancy", args=[world["vacancy"].pk])
    page = client.get(url).content.decode()
    assert "Lahtinen" not in page and 'id="no-candidates"' in page
    PresentationConsent.objects.create(
        person=world["lahtinen"], given_on=TODAY, document="Allekirjoitettu lomake", scope=ConsentScope.ALL
    )
    page = client.get(url).content.decode()
    assert "Lahtinen" in page and 'id="no-candidates"' not in page


def test_the_consent_filter_answers_as_covers_on_every_consent(world):
    """`queries.consents_covering` is `PresentationConsent.covers` as one query: the same answer for every
    kind of consent (withdrawn before, on and after the day, for another employer, blank, given later)."""
    employer = world["vacancy"].employer
    other = services.add_employer(
        world["aino"],
        business_id="1234567-1",
        name="Toinen Oy",
        municipality=employer.municipality,
        today=TODAY,
    )
    person = world["lahtinen"]
    for given, withdrawn, scope, for_employer, document in [
        (TODAY, None, ConsentScope.ALL, None, "lomake"),
        (TODAY, TODAY, ConsentScope.ALL, None, "lomake"),
        (TODAY, TODAY + dt.timedelta(days=1), ConsentScope.ONE, employer, "lomake"),
        (TODAY, None, ConsentScope.ONE, other, "lomake"),
        (TODAY, None, ConsentScope.ALL, None, "  "),
        (TODAY + dt.timedelta(days=1), None, ConsentScope.ALL, None, "lomake"),
    ]:
        PresentationConsent.objects.create(
            person=person,
            given_on=given,
            withdrawn_on=withdrawn,
            scope=scope,
            employer=for_employer,
            document=document,
        )
    for on in (TODAY, TODAY + dt.timedelta(days=1)):
        expected = {c.pk for c in PresentationConsent.objects.all() if c.covers(employer, on)}
        assert set(queries.consents_covering(employer, on).values_list("pk", flat=True)) == expected
        assert expected  # some consents cover, some do not
        assert len(expected) < PresentationConsent.objects.count()
