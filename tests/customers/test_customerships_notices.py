"""Transfer notices (R-TG-7): each transfer notifies the person in their service language and the
receiving organisation, stored as codes and dates and rendered on demand in any language; the printable
page opens to those who may see the person (R-X-1) and writes the access log (R-X-2)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers import customerships, notices
from kuntakokeilu.customers.models import Ground, Notice, NoticeRecipient, RequestReason
from kuntakokeilu.customers.queries import target_group_on

from .conftest import HELSINKI_HETU, PORVOO_HETU

START = dt.date(2021, 3, 1)
MOVED = dt.date(2021, 9, 1)


def _transfer(person, on=START):
    outcome = target_group_on(person, on)
    return customerships.start(person, on=on, ground=Ground.INITIAL_TRANSFER, outcome=outcome)[0]


def _back_to_te_office(demo, person):
    office = _transfer(demo[HELSINKI_HETU]).te_office  # the Uusimaa TE office
    return customerships.start(
        person,
        on=MOVED,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        outcome=None,
        responsible={"type": "te_office", "te_office_code": office.code},
        request_reason=RequestReason.LINGUISTIC_RIGHTS,
    )[0]


def test_a_transfer_issues_two_notices_as_data(demo):
    """R-TG-7: the Swedish-speaking Porvoo job seeker gets a notice in Swedish; Porvoo (bilingual,
    Finnish majority) gets one in Finnish; both hold codes and dates, no text."""
    row = _transfer(demo[PORVOO_HETU])
    person_notice = row.notices.get(recipient=NoticeRecipient.PERSON)
    organisation_notice = row.notices.get(recipient=NoticeRecipient.ORGANISATION)
    assert (person_notice.language, organisation_notice.language) == ("sv", "fi")
    assert person_notice.data == {
        "person": str(demo[PORVOO_HETU].pk),
        "from": None,
        "to": {"type": "municipality", "kunta_code": "638", "te_office_code": None},
        "valid_from": "2021-03-01",
        "previous_until": None,
        "ground": "initial_transfer",
        "request_reason": None,
        "accepted_on": None,
    }


def test_a_rerun_issues_no_second_notice(demo):
    """R-TG-7, R-TG-3: an unchanged customership is not notified again."""
    person = demo[PORVOO_HETU]
    _transfer(person)
    _transfer(person, START + dt.timedelta(days=2))
    assert Notice.objects.filter(customership__person=person).count() == 2


def test_the_notice_renders_in_its_language_and_on_demand_in_the_other(demo):
    """R-TG-7: the person's notice reads in Swedish (Borgå), and in Finnish when asked (Porvoo)."""
    notice = _transfer(demo[PORVOO_HETU]).notices.get(recipient=NoticeRecipient.PERSON)
    swedish, finnish = notices.render(notice), notices.render(notice, "fi")
    assert swedish["lang"] == "sv" and "Borgå" in swedish["lines"][0] and "1.3.2021" in swedish["lines"][0]
    assert "Porvoo" in finnish["lines"][0] and finnish["title"] != swedish["title"]
    assert "inledande överföring" in swedish["lines"][1]


def test_a_move_back_names_the_previous_organisation_and_the_reason(demo):
    """R-TG-7 (L421 s. 5): the move back to the TE office on request tells until when Porvoo served
    and the reason the person gave; the TE office receives its notice."""
    _transfer(demo[PORVOO_HETU])
    row = _back_to_te_office(demo, demo[PORVOO_HETU])
    person_notice = row.notices.get(recipient=NoticeRecipient.PERSON)
    assert person_notice.data["previous_until"] == "2021-08-31"
    assert person_notice.data["from"]["kunta_code"] == "638"
    text = notices.render(person_notice, "fi")["lines"]
    assert "31.8.2021" in text[1] and "Porvoo" in text[1]
    assert any("kielellisten oikeuksien" in line for line in text)
    office_notice = row.notices.get(recipient=NoticeRecipient.ORGANISATION)
    assert "Johan Nyström" in notices.render(office_notice, "en")["lines"][0]


@pytest.mark.parametrize(
    "username,status",
    [("linnea.lindqvist", 200), ("sanna.makinen", 200), ("aino.virtanen", 404), ("elina.laine", 404)],
)
def test_the_printable_notice_opens_within_scope_and_is_logged(demo, client, user, username, status):
    """R-TG-7, R-X-1, R-X-2: the Porvoo case worker and the Uusimaa TE office print the Porvoo person's
    notice; the Helsinki case worker and the ministry may not; each view is logged."""
    person = demo[PORVOO_HETU]
    notice = _transfer(person).notices.get(recipient=NoticeRecipient.PERSON)
    client.force_login(user(username))
    response = client.get(reverse("customers:notice", args=[person.pk, notice.pk]))
    assert response.status_code == status
    logged = AccessLogEntry.objects.filter(user__username=username, what="customers:notice")
    assert logged.count() == (1 if status == 200 else 0)
    if status == 200:
        assert logged.get().purpose == Purpose.CUSTOMER_SERVICE
        assert "Borgå" in response.content.decode()


def test_a_notice_is_not_found_under_another_person(demo, client, user):
    """R-X-1: a notice's address names its person; under another person's id it is not found."""
    notice = _transfer(demo[PORVOO_HETU]).notices.first()
    client.force_login(user("sanna.makinen"))
    response = client.get(reverse("customers:notice", args=[demo[HELSINKI_HETU].pk, notice.pk]))
    assert response.status_code == 404


def test_the_person_page_shows_the_timeline_with_the_stored_explanation(demo, client, user):
    """R-TG-3, R-TG-7, R-X-2: the person page lists each customership with its explanation as decided
    and links to its notices; the view is logged."""
    person = demo[PORVOO_HETU]
    _transfer(person)
    _back_to_te_office(demo, person)
    client.force_login(user("sanna.makinen"))  # the TE office now responsible (Porvoo: no longer hers)
    response = client.get(reverse("customers:person", args=[person.pk]), HTTP_ACCEPT_LANGUAGE="fi")
    page = response.content.decode()
    assert response.status_code == 200
    assert "alkusiirto kokeilun alkaessa" in page and "kielellisten oikeuksien turvaamiseksi" in page
    assert "31.8.2021" in page and "Porvoo" in page
    for notice in Notice.objects.filter(customership__person=person):
        assert reverse("customers:notice", args=[person.pk, notice.pk]) in page
    assert AccessLogEntry.objects.filter(user__username="sanna.makinen", what="customers:person").count() == 1
