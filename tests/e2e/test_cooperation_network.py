"""The regional co-operation network in the browser (R-SP-9, R-X-1, R-X-3, R-X-7; issue 17 item 7), on
15.9.2022 (injected clock), in Finnish and one view in Swedish: the Kainuu area manager adds a skills-service
provider to his area's network and records a meeting with the members present; a participant who was not a
member on the meeting's date is refused with the localised message and nothing is saved; a Kajaani case
worker sees the network but cannot edit it; the Porvoo case worker reads her area's network in Swedish."""

import datetime as dt

import pytest

from kuntakokeilu.cooperation.models import NetworkMeeting, NetworkMember
from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice, TrialArea
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]
TODAY = dt.date(2022, 9, 15)
START = dt.date(2021, 3, 1)


def kainuu_network():
    area = TrialArea.objects.get(number=7)
    NetworkMember.objects.create(
        trial_area=area,
        kind="municipality",
        municipality=Municipality.objects.get(code="205"),
        member_from=START,
    )
    NetworkMember.objects.create(
        trial_area=area, kind="ely_centre", ely=ElyCentre.objects.get(code="14"), member_from=START
    )
    NetworkMember.objects.create(
        trial_area=area, kind="te_office", te_office=TeOffice.objects.get(code="14"), member_from=START
    )


def test_the_kainuu_area_manager_keeps_the_network_and_a_case_worker_reads_it(page, site, settings, browser):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    kainuu_network()
    sign_in(page, "juha.heikkinen")
    page.get_by_role("navigation").get_by_role("link", name="Yhteistyöverkosto").click()
    page.wait_for_load_state()
    assert page.url.endswith("/trial-areas/7/network/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kokeilualueen Kainuu yhteistyöverkosto"
    check_accessibility(page)

    # a skills-service provider joins on 1.9.2022
    page.get_by_role("link", name="Lisää jäsen").click()
    page.wait_for_load_state()
    page.get_by_label("jäsenen laji").select_option(label="osaamispalveluiden tuottaja")
    page.get_by_label("organisaation nimi").fill("Kainuun ammattiopisto")
    page.locator("#id_contact_name").fill("Kaisa Demo")
    page.get_by_label("jäsen alkaen").fill("2022-09-01")
    check_accessibility(page)
    page.get_by_role("button", name="Lisää jäsen").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text() == "Jäsen on lisätty verkostoon."
    providers = page.locator("ul.network-members[data-kind=skills_service_provider]")
    assert providers.inner_text().startswith("Kainuun ammattiopisto — Kaisa Demo")

    # a meeting of 20.8.2022 cannot list the provider, who joined on 1.9.2022: nothing is saved
    page.get_by_role("link", name="Kirjaa verkoston kokous").click()
    page.wait_for_load_state()
    page.get_by_label("kokouksen päivämäärä").fill("2022-08-20")
    page.get_by_label("kokoustapa").select_option(label="etäkokous")
    page.get_by_label("paikka tai linkki").fill("Teams")
    page.get_by_label("esityslista").fill("1. Avaus\n2. Syksyn koulutustarpeet")
    page.get_by_label("pöytäkirja").fill("Sovittiin koulutustarpeiden kokoamisesta.")
    page.get_by_label("Kajaani (kunta)").check()
    page.get_by_label("Kainuun ammattiopisto (osaamispalveluiden tuottaja)").check()
    page.get_by_role("button", name="Tallenna kokous").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary").inner_text()
    assert "Kainuun ammattiopisto ei ollut verkoston jäsen 20.8.2022." in summary
    assert NetworkMeeting.objects.count() == 0
    check_accessibility(page)

    # without the provider the meeting is recorded
    page.get_by_label("Kainuun ammattiopisto (osaamispalveluiden tuottaja)").uncheck()
    page.get_by_role("button", name="Tallenna kokous").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Yhteistyöverkoston kokous 20.8.2022"
    participants = page.locator("ul.network-participants").inner_text()
    assert "Kajaani (kunta)" in participants and "Kainuun ammattiopisto" not in participants
    assert "Sovittiin koulutustarpeiden kokoamisesta." in page.locator("main").inner_text()
    check_accessibility(page)
    meeting = NetworkMeeting.objects.get()
    assert list(meeting.participants.values_list("municipality__code", flat=True)) == ["205"]

    # the Kajaani case worker sees the network and the meeting, but no way to edit them
    context = browser.new_context(locale="fi-FI", base_url=site.url)
    other = context.new_page()
    sign_in(other, "ville.hyvonen")
    other.goto("/trial-areas/7/network/")
    other.wait_for_load_state()
    main = other.locator("main").inner_text()
    assert "Kainuun ammattiopisto" in main and "20.8.2022" in main
    assert other.get_by_role("link", name="Lisää jäsen").count() == 0
    assert other.get_by_role("link", name="Kirjaa verkoston kokous").count() == 0
    assert other.get_by_role("link", name="Päätä jäsenyys").count() == 0
    check_accessibility(other)
    response = other.goto("/trial-areas/7/network/members/new/")
    assert response.status == 404
    response = other.goto("/trial-areas/7/network/meetings/new/")
    assert response.status == 404
    context.close()
    assert NetworkMember.objects.count() == 4 and NetworkMeeting.objects.count() == 1


def test_the_porvoo_case_worker_reads_her_area_s_network_in_swedish(browser, site, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    area = TrialArea.objects.get(number=22)
    borga = NetworkMember.objects.create(
        trial_area=area,
        kind="municipality",
        municipality=Municipality.objects.get(code="638"),
        member_from=START,
    )
    inveon = NetworkMember.objects.create(
        trial_area=area, kind="skills_service_provider", name="Inveon", member_from=START
    )
    meeting = NetworkMeeting.objects.create(
        trial_area=area,
        date=dt.date(2022, 4, 7),
        channel="in_person",
        place="Borgå stadshus",
        agenda="1. Öppnande",
    )
    meeting.participants.set([borga, inveon])
    context = browser.new_context(locale="sv-SE", base_url=site.url)
    page = context.new_page()
    sign_in(page, "linnea.lindqvist")
    page.get_by_role("navigation").get_by_role("link", name="Samarbetsnätverk").click()
    page.wait_for_load_state()
    assert page.url.endswith("/trial-areas/22/network/")
    assert page.get_by_role("heading", level=1).inner_text() == "Samarbetsnätverket i försöksområdet Borgå"
    main = page.locator("main").inner_text()
    assert "Borgå" in main and "Inveon" in main and "Producent av kompetenstjänster" in main
    check_accessibility(page)
    page.get_by_role("link", name="7.4.2022").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Samarbetsnätverkets möte 7.4.2022"
    assert "fysiskt möte" in page.locator("main").inner_text()
    check_accessibility(page)
    context.close()
