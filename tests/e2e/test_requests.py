"""Transfer requests in the browser (R-TG-5, R-TG-7, R-X-7): Porvoo's case worker records her Swedish-
speaking customer's request to move to Helsinki (in Swedish), Helsinki's approver accepts it, and the
Uusimaa TE official sees the conditions met and grants it; the customer becomes Helsinki's with notices."""

import pytest

from kuntakokeilu.customers.models import Customership, Ground, RequestStatus, TransferRequest
from tests.e2e.conftest import check_accessibility, porvoo_customer_since_the_start, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


@pytest.fixture
def porvoo_customer(site, settings):
    return porvoo_customer_since_the_start(settings, "2023-05-02")


def _as(browser, site, username, locale="fi-FI"):
    context = browser.new_context(locale=locale, base_url=site.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    sign_in(page, username)
    return context, page


def test_recorded_accepted_and_granted(browser, site, porvoo_customer):
    person = porvoo_customer
    context, page = _as(browser, site, "linnea.lindqvist", "sv-FI")
    try:
        page.goto(f"/job-seekers/{person.pk}/")
        check_accessibility(page)
        page.locator("a[href$='/requests/new/']").click()
        page.wait_for_load_state()
        check_accessibility(page)
        page.locator("input[name=ground][value=request_to_municipality]").check()
        page.locator("#id_municipality").select_option(label="Helsingfors")
        page.locator("input[name=reason][value=inappropriate_relationship]").check()
        page.locator("#id_services_secured").check()
        page.locator("form.form button[type=submit]").click()
        page.wait_for_load_state()
        text = page.locator("main").inner_text()
        assert "Begäran om överföring har registrerats." in text
        assert "väntar på den mottagande kommunens godkännande" in text
        check_accessibility(page)
    finally:
        context.close()
    row = TransferRequest.objects.get(person=person)
    assert (row.status, row.municipality.code) == (RequestStatus.AWAITING_ACCEPTANCE, "091")

    context, page = _as(browser, site, "mikko.korhonen")
    try:
        page.get_by_role("navigation").get_by_role("link", name="Siirtopyynnöt").click()
        page.wait_for_load_state()
        check_accessibility(page)
        page.get_by_role("button", name="Hyväksy henkilön Johan Nyström siirto").click()
        page.wait_for_load_state()
        assert "Henkilön Johan Nyström siirto hyväksyttiin." in page.locator("main").inner_text()
        check_accessibility(page)
    finally:
        context.close()

    context, page = _as(browser, site, "sanna.makinen")
    try:
        page.goto("/transfers/requests/")
        conditions = page.locator("table.transfer-requests ul.checks").inner_text()
        assert "ei täyty" not in conditions and "Vastaanottava kunta hyväksyi 2.5.2023." in conditions
        check_accessibility(page)
        page.get_by_role("button", name="Hyväksy henkilön Johan Nyström pyyntö").click()
        page.wait_for_load_state()
        assert "on siirretty" in page.locator("main").inner_text()
        assert "Mikään pyyntö ei odota ratkaisua." in page.locator("main").inner_text()
    finally:
        context.close()
    held = Customership.objects.get(person=person, valid_to=None)
    assert (held.municipality.code, held.ground, held.notices.count()) == (
        "091",
        Ground.REQUEST_TO_MUNICIPALITY,
        3,  # the person, Helsinki that receives and Porvoo that loses the customer (L421 s. 5 mom 6)
    )
