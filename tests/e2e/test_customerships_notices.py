"""A transfer notice in the browser (R-TG-7, R-X-1): the Porvoo case worker opens the printable notice of a
Porvoo job seeker's initial transfer from the person's customership timeline, in Swedish, the person's
service language."""

import datetime as dt

import pytest

from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.demo import demo_csv
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import Ground, NoticeRecipient, Person
from kuntakokeilu.customers.queries import target_group_on
from tests.e2e.conftest import check_accessibility, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]

NYSTROM = make_henkilotunnus(dt.date(1988, 4, 19), 908)  # demo: Porvoo, Swedish service language
START = dt.date(2021, 3, 1)


def test_the_porvoo_case_worker_prints_a_transfer_notice(page, site, live_server, settings):
    settings.KUNTAKOKEILU_TODAY = "2021-03-02"
    import_job_seekers(demo_csv(), source="demo")
    person = Person.objects.get(henkilotunnus=NYSTROM)
    outcome = target_group_on(person, START)
    row, _ = customerships.start(person, on=START, ground=Ground.INITIAL_TRANSFER, outcome=outcome)
    notice = row.notices.get(recipient=NoticeRecipient.PERSON)
    sign_in(page, "linnea.lindqvist")
    page.goto(f"{live_server.url}/job-seekers/{person.pk}/")
    page.wait_for_load_state()
    timeline = page.locator("table.customerships")
    assert "1.3.2021" in timeline.inner_text()
    check_accessibility(page)
    timeline.locator(f"a[href$='/notices/{notice.pk}/']").click()
    page.wait_for_load_state()
    article = page.locator("article.notice")
    assert article.get_attribute("lang") == "sv"
    assert "Borgå" in article.inner_text() and "1.3.2021" in article.inner_text()
    check_accessibility(page)
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert article.is_visible()
