"""The application pages (R-APP-2, R-APP-3, R-APP-5): the Loviisa applicant applies in the demo's open round,
officials ask for a supplement, the ministry ticks and decides; every step is in the history."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.applications.demo import DEMO_ROUND, ensure_open_round
from kuntakokeilu.applications.models import Application, ApplicationStatus, EventKind, Selection
from kuntakokeilu.regions.models import Municipality, TrialArea

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 28)
FILLED = {
    "name": "Loviisan työllisyyskokeilu",
    "lead": "434",
    "municipalities": ["434"],
    "extends_area": "",
    "extension_consent": "",
    "estimated_customers": "",
    "own_resourcing_eur": "250000",
    "own_resourcing_person_years": "3.5",
    "lms_expenditure": "434: 1400000",
    "service_model": "Nopea kontaktointi ja yksilöllinen palvelutarpeen arviointi.",
    "cooperation_structure": "Loviisa, Uudenmaan ELY-keskus, TE-toimisto, oppilaitokset.",
    "division_of_work": "",
    "negotiated_with_ely_on": "2026-11-20",
    "negotiated_with_te_office_on": "2026-11-21",
    "premises": "Yhteispalvelupiste kaupungintalolla.",
    "justification": "Kaksikielinen kunta; kokeilu tarvitsee ruotsinkielisiä palveluja.",
}


@pytest.fixture
def demo(rounds, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY
    ensure_demo_users()
    ensure_open_round(TODAY)


def signed_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_a_draft_saves_incomplete_and_submission_lists_the_missing_items(demo, client):
    """R-APP-2: a draft saves with missing items; submitting names each missing item (an empty string is
    missing) and leaves the application a draft."""
    client = signed_in(client, "pekka.nieminen")
    draft = {**FILLED, "premises": "   ", "service_model": "", "negotiated_with_te_office_on": ""}
    response = client.post(
        f"/applications/rounds/{DEMO_ROUND}/new/", {**draft, "action": "submit"}, follow=True
    )
    application = Application.objects.get(name=FILLED["name"])
    assert application.status == ApplicationStatus.DRAFT
    page = response.content.decode()
    assert "Missing items" in page or "Puuttuvat kohdat" in page or "puuttuu" in page.lower()
    for label in ("tehostettu palvelumalli", "TE-toimiston kanssa", "toimitilat"):
        assert label in page
    assert [e.kind for e in application.events.all()] == [EventKind.CREATED]


def test_submit_screen_supplement_tick_and_decide(demo, client):
    """R-APP-2, R-APP-3, R-APP-5: submit, screening on the page, a supplement asked by the Uusimaa ELY centre,
    the ministry's tick (JSON) and decision, which creates trial area 26 and a fi/sv letter."""
    applicant = signed_in(client, "pekka.nieminen")
    applicant.post(f"/applications/rounds/{DEMO_ROUND}/new/", {**FILLED, "action": "submit"})
    application = Application.objects.get(name=FILLED["name"])
    assert application.status == ApplicationStatus.SUBMITTED
    page = applicant.get(f"/applications/{application.pk}/").content.decode()
    assert "hakevan kunnan yhteenlaskettu asukasluku" in page  # the screening, in Finnish, singular (R-X-8)

    ely = signed_in(client, "kaisa.jarvinen")
    assert ely.post(f"/applications/{application.pk}/supplement/", {"note": ""}).status_code == 400
    ely.post(f"/applications/{application.pk}/supplement/", {"note": "Tarkenna toimitilat."})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUPPLEMENT_REQUESTED

    applicant = signed_in(client, "pekka.nieminen")
    applicant.post(
        f"/applications/{application.pk}/edit/", {**FILLED, "premises": "Uudet tilat.", "action": "submit"}
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED

    ministry = signed_in(client, "elina.laine")
    before = ministry.get(f"/applications/rounds/{DEMO_ROUND}/selection/")
    assert before.status_code == 200
    ticked = ministry.post(
        f"/applications/rounds/{DEMO_ROUND}/selection/tick/", {"application": application.pk, "ticked": "1"}
    )
    data = ticked.json()
    uusimaa = next(e for e in data["elys"] if e["code"] == "01")
    assert data["ticked"] == [application.pk]
    assert data["bilingual"] == 1 and data["size_classes"] == [1, 0, 0, 0]
    unticked = ministry.post(
        f"/applications/rounds/{DEMO_ROUND}/selection/tick/", {"application": application.pk, "ticked": "0"}
    )
    assert next(e for e in unticked.json()["elys"] if e["code"] == "01")["customers"] < uusimaa["customers"]
    ministry.post(
        f"/applications/rounds/{DEMO_ROUND}/selection/tick/", {"application": application.pk, "ticked": "1"}
    )

    decision = {
        "decided_on": "2026-12-15",
        "decision_maker": "Työministeri",
        "grounds": "Kaksikielinen kunta.",
    }
    response = ministry.post(f"/applications/rounds/{DEMO_ROUND}/decision/", decision, follow=True)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SELECTED
    area = TrialArea.objects.get(number=26)
    assert list(area.members.values_list("municipality__code", flat=True)) == ["434"]
    assert Selection.objects.get(application=application).trial_area == area
    letter = response.content.decode()
    assert "Beslut om val av försöksområden" in letter and "Päätös kokeilualueiden valinnasta" in letter
    kinds = [e.kind for e in application.events.all()]
    assert kinds == [
        EventKind.CREATED,
        EventKind.SUBMITTED,
        EventKind.SUPPLEMENT_REQUESTED,
        EventKind.SAVED,
        EventKind.SUBMITTED,
        EventKind.TICKED,
        EventKind.UNTICKED,
        EventKind.TICKED,
        EventKind.SELECTED,
    ]


def test_an_applicant_sees_only_their_municipalitys_applications(demo, client):
    """R-APP-2, R-X-1: a Kotka application is not Loviisa's applicant's to see or edit."""
    signed_in(client, "pekka.nieminen").post(
        f"/applications/rounds/{DEMO_ROUND}/new/", {**FILLED, "action": "save"}
    )
    own = Application.objects.get(name=FILLED["name"])
    kotka = Application.objects.create(
        round=own.round, name="Kotka", lead=Municipality.objects.get(code="285")
    )
    kotka.municipalities.set([kotka.lead])
    assert client.get(f"/applications/{kotka.pk}/").status_code == 404
    assert client.get(f"/applications/{kotka.pk}/edit/").status_code == 404
    assert "Kotka" not in client.get("/applications/").content.decode()


@pytest.mark.parametrize(
    ("username", "selection", "decide"),
    [("kaisa.jarvinen", 200, 404), ("pekka.nieminen", 404, 404), ("aino.virtanen", 404, 404)],
)
def test_who_may_use_the_selection_view(demo, client, username, selection, decide):
    """R-APP-5, R-X-1: ministry and ELY users compare; only the ministry records the decision."""
    client = signed_in(client, username)
    assert client.get(f"/applications/rounds/{DEMO_ROUND}/selection/").status_code == selection
    decision = {"decided_on": "2026-12-15", "decision_maker": "X", "grounds": "Y"}
    assert client.post(f"/applications/rounds/{DEMO_ROUND}/decision/", decision).status_code == decide


def test_a_decision_without_ticks_changes_nothing(demo, client):
    """R-APP-5: bad input gets a clear message and changes nothing."""
    client = signed_in(client, "elina.laine")
    decision = {"decided_on": "2026-12-15", "decision_maker": "Työministeri", "grounds": "Perustelut."}
    response = client.post(f"/applications/rounds/{DEMO_ROUND}/decision/", decision)
    assert response.status_code == 400
    assert "Merkitse vähintään yksi valittava hakemus." in response.content.decode()
    assert not TrialArea.objects.filter(number__gte=26).exists()
