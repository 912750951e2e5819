"""The service-need assessment (issue 16 item 4, R-SP-4): each area a structured value and free text, a review
a new version with the history kept; the special-category part (work and functional capacity, social, health
and rehabilitation service needs) only for those with `service_process.view_health_needs`, every view of it
logged with its own purpose (R-X-2); bad input refused in fi and sv, changing nothing (issue 16 item 7).
The demo's job seekers: Mikael Lahtinen (Helsinki), Johan Nyström (Porvoo), Jari Kemppainen (Kajaani)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.service_process import assessment, services
from kuntakokeilu.service_process.models import AppendOnlyVersion, Assessment, AssessmentHealth, Meeting
from tests.customers.conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU, TODAY

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat

VALUES = {
    "skills_goals": "need_updating",
    "skills_goals_text": "Tavoitteena logistiikka-ala.",
    "training_need": "supplementary",
    "training_need_text": "Trukkikortti.",
    "job_search_skills": "needs_support",
    "job_search_skills_text": "",
    "unemployment_risk": "medium",
    "unemployment_risk_text": "Työttömyys jatkunut 10 kk.",
}
HEALTH = {
    "work_capacity": "reduced",
    "work_capacity_text": "Selkävaivoja: ei raskasta nostamista.",
    "social_services": "none",
    "social_services_text": "",
    "health_services": "yes",
    "health_services_text": "Työterveyshuollon arvio.",
    "rehabilitation": "yes",
    "rehabilitation_text": "Ammatillinen kuntoutus selvitetään.",
}
SECRET = "Selkävaivoja"  # a special-category free text


def record(user, person, on=D("2023-05-15"), **change):
    values = {**VALUES, **change.pop("values", {})}
    health = {**HEALTH, **change.pop("health", {})}
    return assessment.record_assessment(
        user, person, today=TODAY, assessed_on=on, values=values, health=health, **change
    )


def test_a_review_writes_a_new_version_and_keeps_the_history(demo_customers, user):
    """R-SP-4: the first assessment and its review at a meeting are two versions; nothing is overwritten."""
    aino, person = user("aino.virtanen"), demo_customers[HELSINKI_HETU]
    first = record(aino, person)
    meeting = services.record_meeting(
        aino, person, type="job_search_discussion", date=D("2023-05-31"), channel="phone", today=TODAY
    )
    second = record(
        aino, person, on=D("2023-05-31"), meeting=meeting, values={"training_need": "degree"}, health={}
    )
    assert (first.version, second.version) == (1, 2)
    versions = assessment.history(person, with_health=True)
    assert [v.version for v in versions] == [2, 1]
    assert [v.training_need for v in versions] == ["degree", "supplementary"]
    assert versions[0].meeting == meeting and versions[1].meeting is None
    assert versions[0].municipality.code == "091" and versions[0].recorded_by.username == "aino.virtanen"
    assert versions[1].health.work_capacity == "reduced"
    first.training_need = "none"
    with pytest.raises(AppendOnlyVersion):
        first.save()
    with pytest.raises(AppendOnlyVersion):
        first.health.save()
    assert Assessment.objects.get(pk=first.pk).training_need == "supplementary"


def _refusal(user, person, **change):
    with pytest.raises(services.Refused) as refused:
        record(user, person, **change)
    return refused.value


@pytest.mark.parametrize(
    ("username", "hetu", "change", "field", "fi", "sv"),
    [
        (
            "aino.virtanen",
            HELSINKI_HETU,
            {"on": D("2023-06-02")},
            "assessed_on",
            "tämän päivän",
            "efter i dag",
        ),
        ("aino.virtanen", HELSINKI_HETU, {"on": D("2020-10-30")}, "assessed_on", "työnhaku", "arbetssökande"),
        ("aino.virtanen", PORVOO_HETU, {}, None, "ei ole", "hör inte"),
        ("sanna.makinen", HELSINKI_HETU, {}, None, "ei ole", "hör inte"),
        ("juha.heikkinen", KAJAANI_HETU, {}, None, "ei ole", "hör inte"),
        (
            "aino.virtanen",
            HELSINKI_HETU,
            {"values": {"training_need": "phd"}},
            "training_need",
            "arvoista",
            "värdena",
        ),
        (
            "aino.virtanen",
            HELSINKI_HETU,
            {"health": {"rehabilitation": ""}},
            "rehabilitation",
            "arvoista",
            "värdena",
        ),
    ],
)
def test_bad_input_is_refused_in_fi_and_sv_and_changes_nothing(
    demo_customers, user, username, hetu, change, field, fi, sv
):
    """R-SP-4, issue 16 item 7: after today, before the job search, not one's customer (another
    municipality, the TE office, the area manager), a value not offered → a localised refusal."""
    refused = _refusal(user(username), demo_customers[hetu], **change)
    assert refused.field == field
    with translation.override("fi"):
        assert fi in str(refused.message)
    with translation.override("sv"):
        assert sv in str(refused.message)
    assert not Assessment.objects.exists() and not AssessmentHealth.objects.exists()


def test_a_review_dated_before_the_latest_or_at_another_meeting_is_refused(demo_customers, user):
    """R-SP-4: the history stays in order; a version is linked only to the person's attended meeting of
    its day."""
    aino, person = user("aino.virtanen"), demo_customers[HELSINKI_HETU]
    record(aino, person, on=D("2023-05-15"))
    assert _refusal(aino, person, on=D("2023-05-10")).field == "assessed_on"
    missed = services.record_meeting(
        aino, person, type="job_search_discussion", date=D("2023-05-20"), channel="phone", no_show=True,
        today=TODAY,
    )  # fmt: skip
    assert _refusal(aino, person, on=D("2023-05-20"), meeting=missed).field == "meeting"
    assert _refusal(aino, person, on=D("2023-05-21"), meeting=missed).field == "meeting"
    assert Assessment.objects.count() == 1 and AssessmentHealth.objects.count() == 1
    assert Meeting.objects.count() == 1


def _page(client, person, lang="fi"):
    return client.get(reverse("service_process:process", args=[person.pk]), HTTP_ACCEPT_LANGUAGE=lang)


def _special(username):
    return AccessLogEntry.objects.filter(user__username=username, purpose=Purpose.SPECIAL_CATEGORY)


def test_the_page_shows_the_special_category_part_only_with_its_action_and_logs_it(
    demo_customers, user, client
):
    """R-SP-4, R-X-2: the Helsinki case worker sees the whole assessment, and its special-category part is
    logged with its own purpose; the area manager of Kainuu sees the Kajaani customer's assessment without
    that part and no special-category entry is written; the TE office sees no assessment."""
    kajaani = demo_customers[KAJAANI_HETU]
    record(user("ville.hyvonen"), kajaani)
    record(user("ville.hyvonen"), kajaani, on=D("2023-05-31"), values={"unemployment_risk": "high"})

    client.force_login(user("ville.hyvonen"))
    page = _page(client, kajaani).content.decode()
    assert "Palvelutarpeen arviointi" in page and SECRET in page
    assert "Aiemmat versiot" in page and "15.5.2023" in page
    assert _special("ville.hyvonen").get().what == "service_process:process"

    client.force_login(user("juha.heikkinen"))
    page = _page(client, kajaani).content.decode()
    assert "Palvelutarpeen arviointi" in page and "<td>suuri</td>" in page
    assert SECRET not in page and "Työ- ja toimintakyky" not in page
    assert "record-assessment" not in page and "/service/assessment/" not in page
    assert not _special("juha.heikkinen").exists()
    assert AccessLogEntry.objects.filter(
        user__username="juha.heikkinen", purpose=Purpose.CUSTOMER_SERVICE
    ).exists()

    helsinki = demo_customers[HELSINKI_HETU]
    record(user("aino.virtanen"), helsinki)
    client.force_login(user("sanna.makinen"))
    page = _page(client, helsinki).content.decode()
    assert "Palvelutarpeen arviointi" not in page and SECRET not in page
    assert not _special("sanna.makinen").exists()


def test_the_form_records_a_review_prefilled_with_the_latest(demo_customers, user, client):
    """R-SP-4 on the page: the form starts from the latest version; saving writes version 2, in Swedish."""
    linnea, person = user("linnea.lindqvist"), demo_customers[PORVOO_HETU]
    record(linnea, person)
    client.force_login(linnea)
    url = reverse("service_process:record-assessment", args=[person.pk])
    form = client.get(url, HTTP_ACCEPT_LANGUAGE="sv")
    assert form.status_code == 200
    assert form.context["form"].initial["work_capacity"] == "reduced"
    assert "Bedömning av servicebehovet" in form.content.decode()
    assert _special("linnea.lindqvist").count() == 1
    posted = {**VALUES, **HEALTH, "assessed_on": "31.5.2023", "meeting": "", "training_need": "language"}
    done = client.post(url, posted, HTTP_ACCEPT_LANGUAGE="sv")
    assert done.status_code == 302 and done["Location"].endswith("#assessment")
    assert [v.training_need for v in assessment.history(person, with_health=False)] == [
        "language",
        "supplementary",
    ]
    bad = client.post(url, {**posted, "assessed_on": "2.6.2023"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert bad.status_code == 400 and "efter i dag" in bad.content.decode()
    assert Assessment.objects.filter(person=person).count() == 2


def test_the_form_is_refused_to_those_who_may_not_record(demo_customers, user, client):
    """R-X-1: the area manager sees the assessment but neither records it nor opens the form."""
    person = demo_customers[KAJAANI_HETU]
    client.force_login(user("juha.heikkinen"))
    url = reverse("service_process:record-assessment", args=[person.pk])
    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {**VALUES, **HEALTH, "assessed_on": "15.5.2023"}).status_code in (403, 404)
    assert not Assessment.objects.exists()


def test_the_demo_records_an_assessment_and_a_review_each_idempotently(demo):
    """Issue 16 item 6 for R-SP-4: Hodan Warsame (Helsinki) and Johan Nyström (Porvoo) have two versions each;
    a second run records nothing more."""
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.service_process import demo as service_demo
    from tests.customers.conftest import make_customer

    for born, number, kunta in ((D("1985-09-02"), 902, "091"), (D("1988-04-19"), 908, "638")):
        make_customer(Person.objects.get(henkilotunnus=make_henkilotunnus(born, number)), kunta)
    out = list(service_demo.run(D("2022-09-01")))
    assert "Service-need assessments: 4 versions recorded (Warsame, Nyström: each with a review)." in out, out
    by_person = {
        name: [
            (v.version, v.assessed_on, v.meeting_id is not None)
            for v in Assessment.objects.filter(person__last_name=name).order_by("version")
        ]
        for name in ("Warsame", "Nyström")
    }
    assert by_person == {
        "Warsame": [(1, D("2021-04-15"), True), (2, D("2022-06-01"), True)],
        "Nyström": [(1, D("2021-04-20"), True), (2, D("2022-03-15"), False)],
    }
    list(service_demo.run(D("2022-09-01")))
    assert Assessment.objects.count() == 4 and AssessmentHealth.objects.count() == 4


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_assessment_pages_speak_the_users_language(demo_customers, user, client, lang):
    """R-X-8 on the assessment's section, its history and its form: no English word, ISO date or code."""
    from tests.glossary import english_words
    from tests.web.test_crawl_language import CODE, ISO_DATE, visible_text

    person = demo_customers[PORVOO_HETU]
    record(user("linnea.lindqvist"), person, health={"rehabilitation_text": ""})
    record(user("linnea.lindqvist"), person, on=D("2023-05-31"))
    client.force_login(user("linnea.lindqvist"))
    for url in (
        reverse("service_process:process", args=[person.pk]),
        reverse("service_process:record-assessment", args=[person.pk]),
    ):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        text = visible_text(page)
        section = text.split("Palvelutarpeen arviointi" if lang == "fi" else "Bedömning av servicebehovet", 1)
        assert len(section) == 2, url
        found = [*english_words(text), *(m.group(0) for m in ISO_DATE.finditer(text)), *CODE.findall(text)]
        assert not found, (url, found)


def test_a_receiving_municipality_sees_the_assessment_but_not_its_special_category_part(db):
    """R-SP-4, least privilege (R-X-1): while a Vantaa customer's request to move to Helsinki is open, the
    Helsinki case worker sees the person (law notes §7.1) and the assessment's general part, but neither its
    special-category part nor the recording: those belong to the customer's own municipality."""
    from kuntakokeilu.access.actions import can
    from kuntakokeilu.access.demo import ensure_demo_users
    from kuntakokeilu.customers.models import RequestReason
    from tests.access.test_authorisation_matrix import ON, _requests

    ensure_demo_users()
    request, _other = _requests()
    request.asked_on, request.reason = ON, RequestReason.values[0]
    request.save()
    aino = user_named("aino.virtanen")
    assert can(aino, "service_process.view_assessment", request.person, ON)
    assert not can(aino, "service_process.view_health_needs", request.person, ON)
    assert not can(aino, "service_process.record_assessment", request.person, ON)


def user_named(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)
