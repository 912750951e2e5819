"""The plans' pages (R-SP-5): the list, a version as its letter and PDF in the service language, the forms;
bad input shows the localised message and saves nothing; every page is in the access log (R-X-2); a refused
object is a missing one (404)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.plans.models import Plan, PlanApproval, PlanVersion

pytestmark = pytest.mark.django_db


def _client(user, lang="fi"):
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.force_login(user)
    client.cookies["django_language"] = lang
    return client


def _form(agreed="2023-05-15", due2="2023-06-15", kind="employment"):
    data = {
        "agreed_on": agreed,
        "goals": "Töihin varastoalalle.",
        "job_search_obligation": "4 työmahdollisuutta kuukaudessa.",
        "step_1_text": "Hae neljää työpaikkaa kuukaudessa.",
        "step_1_due_on": "2023-06-30",
        "step_1_responsible": "job_seeker",
        "step_2_text": "Järjestä työkokeilupaikka.",
        "step_2_due_on": due2,
        "step_2_responsible": "case_worker",
        "service_1_kind": "work_trial",
        "service_1_starts_on": "2023-06-01",
        "service_1_ends_on": "2023-08-31",
    }
    for n in (3, 4):
        data[f"step_{n}_responsible"] = "job_seeker"
    if kind:
        data["kind"] = kind
    return data


def test_the_case_worker_makes_a_plan_approves_it_and_prints_it(world):
    client = _client(world["aino"])
    person = world["helsinki"]
    response = client.post(reverse("plans:new-plan", args=[person.pk]), _form())
    version = PlanVersion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:version", args=[person.pk, version.plan_id, 1])
    assert [s.position for s in version.steps.all()] == [1, 2]
    url = reverse("plans:approve", args=[person.pk, version.plan_id, 1])
    for party in ("job_seeker", "case_worker"):
        response = client.post(url, {"party": party, "approved_on": "2023-05-15", "channel": "in_person"})
        assert response.status_code == 302
    page = client.get(reverse("plans:version", args=[person.pk, version.plan_id, 1]))
    text = page.content.decode()
    assert "Työllistymissuunnitelma" in text and "Hae neljää työpaikkaa kuukaudessa." in text
    assert "työkokeilu" in text and "15.8.2023" in text  # the review date in the letter
    assert "valitusosoitus" not in text.lower()
    pdf = client.get(reverse("plans:version-pdf", args=[person.pk, version.plan_id, 1]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    listing = client.get(reverse("plans:plans", args=[person.pk])).content.decode()
    assert "15.8.2023" in listing and "kyllä" in listing
    logged = set(AccessLogEntry.objects.filter(person=person).values_list("what", flat=True))
    assert {"plans:version", "plans:version-pdf", "plans:plans"} <= logged


def test_a_step_due_before_the_plan_shows_the_message_and_saves_nothing(world):
    """Issue 17 item 9: the localised message on the step's field; no plan, version or step."""
    response = _client(world["aino"]).post(
        reverse("plans:new-plan", args=[world["helsinki"].pk]), _form(due2="2023-05-01")
    )
    assert response.status_code == 400
    assert (
        "Vaihe 2 on määrä tehdä 1.5.2023, ennen suunnitelman päivämäärää 15.5.2023."
        in response.content.decode()
    )
    assert not Plan.objects.exists()


def test_in_swedish_for_a_porvoo_customer(world):
    """The plan prints in the job seeker's service language (sv) for Porvoo's case worker."""
    person = world["porvoo"]
    assert person.service_language == "sv"
    client = _client(world["linnea"], "sv")
    response = client.post(reverse("plans:new-plan", args=[person.pk]), _form(due2="2023-05-01"))
    assert "före planens datum" in response.content.decode()
    client.post(reverse("plans:new-plan", args=[person.pk]), _form())
    version = PlanVersion.objects.get()
    text = client.get(reverse("plans:version", args=[person.pk, version.plan_id, 1])).content.decode()
    assert "Sysselsättningsplan" in text and "arbetsprövning" in text


def test_an_approval_before_the_plan_is_refused(world, plan_version):
    person = world["helsinki"]
    url = reverse("plans:approve", args=[person.pk, plan_version.plan_id, 1])
    response = _client(world["aino"]).post(
        url, {"party": "job_seeker", "approved_on": "2023-05-01", "channel": "phone"}
    )
    assert response.status_code == 400
    assert "ennen suunnitelman päivämäärää" in response.content.decode()
    assert not PlanApproval.objects.exists()


def test_a_new_version_keeps_the_old_one(world, plan_version):
    person = world["helsinki"]
    client = _client(world["mikko"])
    form = client.get(reverse("plans:new-version", args=[person.pk, plan_version.plan_id]))
    assert "Töihin logistiikka-alalle." in form.content.decode()  # the goals from the latest version
    data = _form(agreed="2023-05-31", due2="2023-06-20", kind=None)
    response = client.post(reverse("plans:new-version", args=[person.pk, plan_version.plan_id]), data)
    assert response.status_code == 302
    assert list(PlanVersion.objects.values_list("number", "agreed_on")) == [
        (1, dt.date(2023, 5, 15)),
        (2, dt.date(2023, 5, 31)),
    ]
    old = client.get(reverse("plans:version", args=[person.pk, plan_version.plan_id, 1])).content.decode()
    assert "Töihin logistiikka-alalle." in old and "Suunnitelmasta on uudempi versio." in old


def test_others_get_404(world, plan_version):
    """R-X-1: Porvoo's case worker and the TE office see nothing of a Helsinki customer's plan; another
    person's plan under this person is a missing one."""
    person = world["helsinki"]
    for who in ("linnea", "sanna"):
        client = _client(world[who])
        assert client.get(reverse("plans:plans", args=[person.pk])).status_code == 404
        assert (
            client.get(reverse("plans:version", args=[person.pk, plan_version.plan_id, 1])).status_code == 404
        )
    client = _client(world["aino"])
    other = world["porvoo"]
    assert client.get(reverse("plans:version", args=[other.pk, plan_version.plan_id, 1])).status_code == 404


def test_the_service_process_page_links_to_the_plans(world):
    person = world["helsinki"]
    page = _client(world["aino"]).get(reverse("service_process:process", args=[person.pk])).content.decode()
    assert reverse("plans:plans", args=[person.pk]) in page
