"""Decision letters and the end of a customership in the browser (issue 14 items 3 and 4; R-TG-5, R-TG-6,
R-TG-7, R-X-7): the Uusimaa TE official refuses a Porvoo customer's request and opens the decision from the
person page — in Swedish, the service language, with its rectification instructions — and prints the notice
of an ended customership."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.customers import customerships, transfer_requests
from kuntakokeilu.customers.models import Ground, NoticeRecipient, RequestReason
from tests.e2e.conftest import check_accessibility, porvoo_customer_since_the_start, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


@pytest.fixture
def porvoo_customer(site, settings):
    return porvoo_customer_since_the_start(settings, "2023-05-20")


def test_the_te_official_opens_a_refused_requests_decision(page, site, porvoo_customer):
    users = get_user_model().objects
    asked = transfer_requests.ask(
        porvoo_customer,
        actor=users.get(username="linnea.lindqvist"),
        asked_on=dt.date(2023, 5, 2),
        ground=Ground.REQUEST_TO_TE_OFFICE,
        reason=RequestReason.INAPPROPRIATE_RELATIONSHIP,
        services_secured=False,
    )
    transfer_requests.decide(
        asked, actor=users.get(username="sanna.makinen"), on=dt.date(2023, 5, 10), grant=False
    )
    sign_in(page, "sanna.makinen")
    page.goto(f"/job-seekers/{porvoo_customer.pk}/")
    page.wait_for_load_state()
    page.get_by_role("link", name="Päätöskirje").click()
    page.wait_for_load_state()
    article = page.locator("article.decision")
    assert article.get_attribute("lang") == "sv"
    text = article.inner_text()
    assert "Beslut om begäran om överföring" in text and "avslår" in text
    assert "Anvisning för begäran om omprövning" in text and "30 dagar" in text
    check_accessibility(page)
    page.get_by_role("link", name="Päätös suomeksi").click()
    page.wait_for_load_state()
    assert "Oikaisuvaatimusohje" in page.locator("article.decision").inner_text()
    check_accessibility(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()


def test_the_te_official_prints_an_ended_customerships_notice(page, site, porvoo_customer, settings):
    """The Porvoo case worker no longer sees the person once the customership has ended (visibility,
    law notes §7.1); the Uusimaa TE official, whose area holds the kotikunta, prints the notice."""
    settings.KUNTAKOKEILU_TODAY = "2023-04-03"
    ended, _ = customerships.start(
        porvoo_customer, on=dt.date(2023, 4, 1), ground=Ground.JOB_SEARCH_ENDED, outcome=None, responsible={}
    )
    notice = ended.notices.get(recipient=NoticeRecipient.PERSON)
    sign_in(page, "sanna.makinen")
    page.goto(f"/job-seekers/{porvoo_customer.pk}/notices/{notice.pk}/")
    page.wait_for_load_state()
    article = page.locator("article.notice")
    text = article.inner_text()
    assert article.get_attribute("lang") == "sv"
    assert "Meddelande om att en kundrelation har upphört" in text and "Borgå" in text
    assert "tillhandahålls av ingen" not in text and "upphörde den 31.3.2023" in text
    check_accessibility(page)
