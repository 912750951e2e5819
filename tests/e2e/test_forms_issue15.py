"""Issue 15 in the browser, in Finnish and Swedish (R-X-6, R-X-2, R-APP-2, R-X-7, R-X-8): the empty sign-in
form names what is missing; the job-seeker search names a wrong identity code and says what a search that
finds no one covered; an application with another lead municipality than one's own is a form error that
keeps the input. Every page passes the accessibility check."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from kuntakokeilu.applications.demo import DEMO_ROUND, ensure_open_round
from kuntakokeilu.applications.models import Application
from kuntakokeilu.applications.rounds import load_rounds
from kuntakokeilu.customers.demo import demo_csv
from kuntakokeilu.customers.importer import import_job_seekers
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2026, 11, 28)

WORDS = {
    "fi": {
        "sign_in": "Kirjaudu sisään",
        "username_missing": "Anna käyttäjätunnuksesi.",
        "password_missing": "Anna salasanasi.",
        "query": "Nimi tai henkilötunnus",
        "search": "Hae",
        "check": "Tarkistusmerkki ei täsmää",
        "covered": "Haku kattoi työnhakijat, joiden tietoja saat nähdä",
        "lead_error": "Vastuukunnan on oltava oma kuntasi: Loviisa (434).",
        "save": "Tallenna luonnos",
    },
    "sv": {
        "sign_in": "Logga in",
        "username_missing": "Ange ditt användarnamn.",
        "password_missing": "Ange ditt lösenord.",
        "query": "Namn eller personbeteckning",
        "search": "Sök",
        "check": "Kontrolltecknet stämmer inte",
        "covered": "Sökningen omfattade de arbetssökande vars uppgifter du får se",
        "lead_error": "Ansvarskommunen måste vara din egen kommun: Lovisa (434).",
        "save": "Spara utkast",
    },
}


@pytest.fixture
def in_language(browser, site):
    """A page whose browser asks for the given language (Accept-Language), as a Swedish-speaking user's."""
    contexts = []

    def open_page(lang: str):
        context = browser.new_context(locale={"fi": "fi-FI", "sv": "sv-FI"}[lang], base_url=site.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_empty_sign_in_form_names_what_is_missing(in_language, lang):
    page = in_language(lang)
    words = WORDS[lang]
    page.goto("/sign-in/")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(words["username_missing"])
    expect(alert).to_contain_text(words["password_missing"])
    expect(page.locator("#id_username")).to_have_attribute("aria-invalid", "true")
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_search_names_a_wrong_identity_code_and_what_it_covered(in_language, settings, lang):
    settings.KUNTAKOKEILU_TODAY = "2022-01-10"
    import_job_seekers(demo_csv(), source="demo")
    page = in_language(lang)
    words = WORDS[lang]
    sign_in(page, "linnea.lindqvist" if lang == "sv" else "aino.virtanen")
    page.goto("/job-seekers/")
    page.get_by_label(words["query"]).fill("100577-234X")
    page.get_by_role("button", name=words["search"], exact=True).click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(words["check"])
    expect(page.get_by_label(words["query"])).to_have_value("100577-234X")
    check_accessibility(page)
    page.get_by_label(words["query"]).fill("Olematon Henkilö")
    page.get_by_role("button", name=words["search"], exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("status")).to_contain_text(words["covered"])
    check_accessibility(page)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_another_lead_municipality_is_a_form_error_that_keeps_the_input(in_language, settings, lang):
    settings.KUNTAKOKEILU_TODAY = TODAY
    load_rounds()
    ensure_open_round(TODAY)
    page = in_language(lang)
    words = WORDS[lang]
    sign_in(page, "pekka.nieminen")  # his saved language is Finnish: the switch in the header changes it
    page.locator("#lang-select").select_option(lang)
    page.locator("form.lang-switch button").click()
    page.wait_for_load_state()
    page.goto(f"/applications/rounds/{DEMO_ROUND}/new/")
    page.locator("#id_name").fill("Porvoon ja Loviisan kokeilu")
    page.locator("#id_municipalities").select_option(["434", "638"])
    page.locator("#id_lead").select_option("638")
    page.get_by_role("button", name=words["save"]).click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(words["lead_error"])
    expect(page.locator("#id_name")).to_have_value("Porvoon ja Loviisan kokeilu")
    expect(page.locator("#id_lead")).to_have_value("638")
    assert not Application.objects.filter(name="Porvoon ja Loviisan kokeilu").exists()
    check_accessibility(page)


WITHDRAW = {
    "fi": ("Peru hakemus", "peruttu", "Poista luonnos", "Kokeiluhakemukset"),
    "sv": ("Återkalla ansökan", "återkallad", "Radera utkastet", "Ansökningar till försöket"),
}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_applicant_deletes_a_draft_and_withdraws_a_submitted_application(in_language, settings, lang):
    """R-APP-2, issue 15: a draft is deleted; a submitted application is withdrawn and says so."""
    settings.KUNTAKOKEILU_TODAY = TODAY
    load_rounds()
    round_, _changed = ensure_open_round(TODAY)
    from kuntakokeilu.access.demo import ensure_demo_users
    from kuntakokeilu.applications.models import ApplicationStatus
    from kuntakokeilu.regions.models import Municipality

    ensure_demo_users()
    loviisa = Municipality.objects.get(code="434")
    draft = Application.objects.create(round=round_, lead=loviisa, name="Luonnos")
    sent = Application.objects.create(
        round=round_, lead=loviisa, name="Lähetetty", status=ApplicationStatus.SUBMITTED
    )
    withdraw, withdrawn, delete, heading = WITHDRAW[lang]
    page = in_language(lang)
    sign_in(page, "pekka.nieminen")
    page.locator("#lang-select").select_option(lang)
    page.locator("form.lang-switch button").click()
    page.wait_for_load_state()
    page.goto(f"/applications/{draft.pk}/")
    check_accessibility(page)
    page.get_by_role("button", name=delete).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    assert not Application.objects.filter(pk=draft.pk).exists()
    page.goto(f"/applications/{sent.pk}/")
    page.get_by_role("button", name=withdraw).click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text(withdrawn)
    expect(page.get_by_role("button", name=withdraw)).to_have_count(0)
    check_accessibility(page)
    sent.refresh_from_db()
    assert sent.status == ApplicationStatus.WITHDRAWN
