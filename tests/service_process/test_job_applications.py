"""Reported applications and the job-search obligation page (R-SP-5, R-X-1, R-X-2, R-X-3; issue 17 item 2):
staff record what the job seeker reported, it is counted in the rule's review periods at once, bad input is
refused in fi/sv with nothing written, the page is in the access log. The demo's Mikael Lahtinen
(Helsinki, registered before 2.5.2022) takes the obligation on at his job-search discussion of 15.5.2023."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.service_process import job_applications, services
from kuntakokeilu.service_process.models import JobApplication
from tests.customers.conftest import HELSINKI_HETU, PORVOO_HETU, TODAY

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


@pytest.fixture
def lahtinen(demo_customers, user):
    person = demo_customers[HELSINKI_HETU]
    services.record_meeting(
        user("aino.virtanen"), person, type="job_search_discussion", date=D("2023-05-15"), channel="phone",
        today=TODAY,
    )  # fmt: skip
    return person


def apply(user, person, day, **extra):
    data = {"employer": "Demo Oy", "job_title": "myyjä", "kind": "vacancy", **extra}
    return job_applications.record_application(user, person, applied_on=D(day), today=TODAY, **data)


def test_the_obligation_starts_at_the_discussion_and_counts_the_applications(lahtinen, user):
    """R-SP-5: registered before 2.5.2022, the periods count from the discussion of 15.5.2023; two
    applications reported are counted in the first period at once."""
    outcome = job_applications.obligation_for(lahtinen, TODAY)
    assert outcome.result["variant"] == "normal"
    first = outcome.result["periods"][0]
    assert (first["start"], first["end"], first["required"], first["reported"]) == (
        D("2023-05-16"), D("2023-06-15"), 4, 0,
    )  # fmt: skip
    worker = user("aino.virtanen")
    apply(worker, lahtinen, "2023-05-20")
    apply(worker, lahtinen, "2023-05-31", kind="job_offer")
    assert job_applications.obligation_for(lahtinen, TODAY).result["periods"][0]["reported"] == 2
    row = JobApplication.objects.get(applied_on=D("2023-05-31"))
    assert (row.municipality.code, row.recorded_by.username, row.kind) == (
        "091",
        "aino.virtanen",
        "job_offer",
    )


def test_no_job_search_discussion_yet_means_not_begun(demo_customers):
    outcome = job_applications.obligation_for(demo_customers[HELSINKI_HETU], TODAY)
    assert outcome.result["periods"] == []
    assert next(c for c in outcome.checks if c.code == "start").found == {"begins": None}


@pytest.mark.parametrize(
    ("username", "hetu", "change", "field", "fi", "sv"),
    [
        ("aino.virtanen", HELSINKI_HETU, {"day": "2023-06-02"}, "applied_on", "tämän päivän", "efter i dag"),
        ("aino.virtanen", HELSINKI_HETU, {"day": "2020-10-30"}, "applied_on", "työnhaku", "arbetssök"),
        ("aino.virtanen", PORVOO_HETU, {}, None, "ei kuulu", "hör inte"),
        ("linnea.lindqvist", HELSINKI_HETU, {}, None, "ei kuulu", "hör inte"),
        ("aino.virtanen", HELSINKI_HETU, {"employer": "  "}, "employer", "työnantaja", "arbetsgivare"),
        ("aino.virtanen", HELSINKI_HETU, {"kind": "lottery"}, "kind", "hakemuksen", "ansökan"),
    ],
)
def test_bad_input_is_refused_in_fi_and_sv_and_writes_nothing(
    demo_customers, user, username, hetu, change, field, fi, sv
):
    """R-SP-5 with issue 16 item 7's rule: after today, before the job search, outside the grants → a
    localised refusal naming the field, nothing written."""
    day = change.pop("day", "2023-05-20")
    with pytest.raises(services.Refused) as refused:
        apply(user(username), demo_customers[hetu], day, **change)
    assert refused.value.field == field
    with translation.override("fi"):
        assert fi in str(refused.value.message)
    with translation.override("sv"):
        assert sv in str(refused.value.message)
    assert not JobApplication.objects.exists()


def test_an_application_is_append_only(lahtinen, user):
    row = apply(user("aino.virtanen"), lahtinen, "2023-05-20")
    row.employer = "Toinen Oy"
    with pytest.raises(ValueError, match="append-only"):
        row.save()
    with pytest.raises(ValueError, match="append-only"):
        row.delete()
    assert JobApplication.objects.get().employer == "Demo Oy"


def test_the_page_shows_the_periods_in_finnish_and_logs_the_view(client, lahtinen, user):
    """R-SP-5, R-X-3: the periods with the count, the form; the view is in the access log."""
    client.force_login(user("aino.virtanen"))
    url = reverse("service_process:job-search", args=[lahtinen.pk])
    answer = client.post(
        reverse("service_process:record-application", args=[lahtinen.pk]),
        {"applied_on": "20.5.2023", "employer": "Kahvila Demo", "job_title": "barista", "kind": "vacancy"},
    )
    assert answer.status_code == 302 and answer["Location"] == url
    text = client.get(url, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Työnhakuvelvollisuus" in text and "16.5.2023–15.6.2023" in text and "Kahvila Demo" in text
    assert "jakso on käynnissä" in text and "Kirjaa hakemus" in text
    logged = AccessLogEntry.objects.filter(what="service_process:job_search")
    assert {(e.person_id, e.purpose) for e in logged} == {(lahtinen.pk, Purpose.CUSTOMER_SERVICE)}


def test_a_refused_application_through_the_form_in_swedish_changes_nothing(client, lahtinen, user):
    client.force_login(user("aino.virtanen"))
    answer = client.post(
        reverse("service_process:record-application", args=[lahtinen.pk]),
        {"applied_on": "2023-06-02", "employer": "Demo Oy", "job_title": "myyjä", "kind": "vacancy"},
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert answer.status_code == 400
    assert "(1.6.2023)" in answer.content.decode() and "efter i dag" in answer.content.decode()
    assert not JobApplication.objects.exists()


def test_another_areas_case_worker_sees_nothing(client, lahtinen, user):
    """R-X-2: a refused object is a missing one."""
    client.force_login(user("linnea.lindqvist"))
    assert client.get(reverse("service_process:job-search", args=[lahtinen.pk])).status_code == 404
    assert not AccessLogEntry.objects.filter(what="service_process:job_search").exists()


def test_the_demo_records_hodan_warsames_applications_once(demo, user):
    """The demo step (idempotent): the Helsinki demo customer's applications, counted in the periods."""
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.customers.transfers import initial
    from kuntakokeilu.service_process import demo as service_demo

    initial(dt.date(2021, 3, 1))
    today = D("2022-08-05")
    first = list(service_demo.run(today))
    again = list(service_demo.run(today))
    assert "Reported applications: 5 recorded for Hodan Warsame." in first
    assert "Reported applications: 0 recorded for Hodan Warsame." in again
    warsame = Person.objects.get(henkilotunnus=make_henkilotunnus(dt.date(1985, 9, 2), 902))
    periods = job_applications.obligation_for(warsame, today).result["periods"]
    assert [(p["start"], p["reported"], p["met"]) for p in periods] == [
        (D("2022-06-02"), 4, True),
        (D("2022-07-02"), 1, False),
        (D("2022-08-02"), 0, None),
    ]
