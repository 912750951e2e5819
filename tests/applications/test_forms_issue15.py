"""Issue 15 on the application pages (R-APP-2, R-X-1, R-X-8): no Åland municipality is offered, the Swedish
list is in Swedish alphabetical order, another lead municipality than one's own is a form error that keeps
the input, drafts are the applicants' own, the ministry's ticks are not shown to the applicant, and dates
are read as Finns write them."""

import pytest

from kuntakokeilu.applications.demo import DEMO_ROUND
from kuntakokeilu.applications.forms import alphabetical, offered_municipalities
from kuntakokeilu.applications.models import Application, ApplicationStatus
from kuntakokeilu.applications.services import tick

from .test_pages import FILLED, TODAY, demo, signed_in  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db
NEW = f"/applications/rounds/{DEMO_ROUND}/new/"


def test_aland_municipalities_are_not_offered(demo):  # noqa: F811
    """R-APP-2: the pilot act does not apply on Åland: Maarianhamina (478), Jomala (170) are not offered."""
    codes = {m.code for m in offered_municipalities(TODAY)}
    assert {"091", "434", "638"} <= codes
    assert not {"478", "170", "035"} & codes


def test_the_swedish_list_is_in_swedish_alphabetical_order(demo, client):  # noqa: F811
    """R-X-8: by the Swedish name, å ä ö after z (Ylöjärvi, Åbo, Äänekoski), not by the Finnish name."""
    page = signed_in(client, "pekka.nieminen").get(NEW, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert page.index("Lovisa (434)") < page.index("Närpes (545)") < page.index("Åbo (853)")
    assert page.index("Åbo (853)") < page.index("Äänekoski (992)")
    assert alphabetical("Åbo") < alphabetical("Äänekoski") < alphabetical("Övermark")
    assert alphabetical("Zorro") < alphabetical("Åbo")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Vastuukunnan on oltava oma kuntasi: Loviisa (434)."),
        ("sv", "Ansvarskommunen måste vara din egen kommun: Lovisa (434)."),
    ],
)
def test_another_lead_municipality_is_a_form_error_that_keeps_the_input(demo, client, lang, expected):  # noqa: F811
    """R-X-1: not a 403 that loses the form: the error names one's own municipality; nothing is stored."""
    response = signed_in(client, "pekka.nieminen").post(
        NEW, {**FILLED, "lead": "091", "municipalities": ["091", "434"]}, HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert expected in page
    assert FILLED["service_model"] in page  # the input is kept
    assert not Application.objects.filter(name=FILLED["name"]).exists()


def test_a_finnish_date_is_read_and_a_month_first_date_refused(demo, client):  # noqa: F811
    """Issue 15: 15.8.2022 is 15 August 2022 in every language; 8/5/2022 is refused, never another date."""
    client = signed_in(client, "pekka.nieminen")
    client.post(NEW, {**FILLED, "negotiated_with_ely_on": "15.8.2026"}, HTTP_ACCEPT_LANGUAGE="sv")
    application = Application.objects.get(name=FILLED["name"])
    assert str(application.negotiated_with_ely_on) == "2026-08-15"
    response = client.post(
        NEW, {**FILLED, "name": "Toinen", "negotiated_with_ely_on": "8/5/2026"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert response.status_code == 200 and "Fyll i ett giltigt datum." in response.content.decode()
    assert not Application.objects.filter(name="Toinen").exists()


def test_drafts_are_the_applicants_own(demo, client):  # noqa: F811
    """R-X-1: the ministry and the ELY official do not see an unsubmitted draft; once submitted they do."""
    signed_in(client, "pekka.nieminen").post(NEW, FILLED)
    draft = Application.objects.get(name=FILLED["name"])
    assert draft.status == ApplicationStatus.DRAFT
    for username in ("elina.laine", "kaisa.jarvinen"):
        client.force_login(draft.created_by.__class__.objects.get(username=username))
        assert client.get(f"/applications/{draft.pk}/").status_code == 404
        assert FILLED["name"] not in client.get("/applications/").content.decode()
    Application.objects.filter(pk=draft.pk).update(status=ApplicationStatus.SUBMITTED)
    assert client.get(f"/applications/{draft.pk}/").status_code == 200


def test_the_applicant_does_not_see_the_selection_ticks(demo, client):  # noqa: F811
    """Issue 15: the ministry's ticks in the selection view are its working notes, not the applicant's."""
    applicant = signed_in(client, "pekka.nieminen")
    applicant.post(NEW, {**FILLED, "action": "submit"})
    application = Application.objects.get(name=FILLED["name"])
    ministry = application.created_by.__class__.objects.get(username="elina.laine")
    tick(ministry, application, True, TODAY)
    page = applicant.get(f"/applications/{application.pk}/").content.decode()
    assert "merkitty valintanäkymässä" not in page
    client.force_login(ministry)
    assert "merkitty valintanäkymässä" in client.get(f"/applications/{application.pk}/").content.decode()


@pytest.mark.parametrize(
    ("lang", "caption"),
    [("fi", "Tällä kierroksella valitut kokeilualueet"), ("sv", "Försöksområden som valdes i denna omgång")],
)
def test_a_decided_rounds_selection_page_shows_its_areas(demo, client, lang, caption):  # noqa: F811
    """R-APP-5, issue 15: the main round 2019 selected 18 areas, e.g. area 1 (a new area)."""
    from kuntakokeilu.applications.models import Selection

    ministry = signed_in(client, "elina.laine")
    page = ministry.get(
        "/applications/rounds/main-2019/selection/", HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert caption in page
    selected = Selection.objects.filter(round__code="main-2019").count()
    assert selected > 10 and page.count('href="/trial-areas/') >= selected


def test_a_draft_is_deleted_and_a_submitted_application_withdrawn(demo, client):  # noqa: F811
    """R-APP-2, issue 15: the applicant deletes a draft (gone with its history) and withdraws a submitted
    application (kept, no longer screened or ticked, the withdrawal in its history); neither twice."""
    from kuntakokeilu.applications.models import EventKind

    applicant = signed_in(client, "pekka.nieminen")
    applicant.post(NEW, FILLED)
    draft = Application.objects.get(name=FILLED["name"])
    assert applicant.post(f"/applications/{draft.pk}/withdraw/").status_code == 400  # a draft is deleted
    assert applicant.post(f"/applications/{draft.pk}/delete/").status_code == 302
    assert not Application.objects.filter(pk=draft.pk).exists()

    applicant.post(NEW, {**FILLED, "action": "submit"})
    submitted = Application.objects.get(name=FILLED["name"])
    assert submitted.status == ApplicationStatus.SUBMITTED
    response = applicant.post(f"/applications/{submitted.pk}/delete/", HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 400 and "Endast ett utkast kan raderas" in response.content.decode()
    assert applicant.post(f"/applications/{submitted.pk}/withdraw/").status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WITHDRAWN and not submitted.ticked
    assert submitted.events.last().kind == EventKind.WITHDRAWN
    assert applicant.post(f"/applications/{submitted.pk}/withdraw/").status_code == 400


def test_others_may_not_delete_or_withdraw(demo, client):  # noqa: F811
    """R-X-1, R-X-2: only the applicant (applications.apply); to the ministry the object is a missing one."""
    signed_in(client, "pekka.nieminen").post(NEW, {**FILLED, "action": "submit"})
    submitted = Application.objects.get(name=FILLED["name"])
    ministry = signed_in(client, "elina.laine")
    assert ministry.post(f"/applications/{submitted.pk}/withdraw/").status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_the_demo_shows_a_withdrawn_application_in_fi_and_sv(demo, client):  # noqa: F811
    """Issue 15: the demo's open round has Loviisa's withdrawn application; a second run adds nothing."""
    from kuntakokeilu.applications.demo import WITHDRAWN_NAME, run

    list(run(TODAY))
    list(run(TODAY))
    application = Application.objects.get(name=WITHDRAWN_NAME)
    assert application.status == ApplicationStatus.WITHDRAWN and application.submitted_on == TODAY
    applicant = signed_in(client, "pekka.nieminen")
    assert "peruttu" in applicant.get(f"/applications/{application.pk}/").content.decode()
    page = applicant.get(f"/applications/{application.pk}/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "återkallad" in page
