"""Issue 14 (R-TG-2, R-TG-5, R-X-1): the municipal worker's job-seeker search says who is the TE office's.

A person whose kotikunta (with temporary protection and none, the residence) is in the worker's own area and
whose customer the TE office is — kept by it with a reason (L1269 s. 5 mom 3, as mom 5 after L671/2022), or
registered but not in the target group — is named as the TE office's, with the keep reason; nothing of theirs
opens. A person outside the worker's area stays the same not-found as before (issue 15's wording)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.customers import reevaluation, search, worklist
from kuntakokeilu.customers.models import DueTransfer, KeepReason, Person

from .conftest import make_customer
from .helpers import load
from .test_reevaluation import (
    AT_RISK,
    AT_RISK_ROW,
    L149_DAY,
    OLDER_ROW,
    RAASEPORI_ROW,
    UKRAINIAN,
    UKRAINIAN_ROW,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2023, 3, 2)
KEEP_TEXT = "Asiakkuus jatkuu TE-toimiston kotoutumiskoulutuksessa."
NOT_FOUND_FI = "Haku kattoi työnhakijat, joiden tietoja saat nähdä: alueesi kokeilun asiakkaat"


def build_world() -> None:
    """Helsinki: Olena Kovalenko (temporary protection, residence Helsinki), listed on 1.3.2023 and kept by
    the Uusimaa TE office for another reason; Aleksi Virta (52, earnings-related: not in the group),
    registered; Aleksi Mäkelä, a customer of Helsinki. Raasepori (no trial municipality): Emma Lindholm."""
    from django.contrib.auth import get_user_model

    ensure_demo_users()
    load(UKRAINIAN_ROW, OLDER_ROW, AT_RISK_ROW, RAASEPORI_ROW)
    make_customer(Person.objects.get(henkilotunnus=AT_RISK), "091", dt.date(2022, 5, 9))
    reevaluation.reevaluate(L149_DAY)
    due = DueTransfer.objects.get(person__henkilotunnus=UKRAINIAN)
    sanna = get_user_model().objects.get(username="sanna.makinen")
    worklist.keep(due, actor=sanna, on=TODAY, reason=KeepReason.OTHER, text=KEEP_TEXT)


@pytest.fixture
def world(settings):
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    build_world()


def names(rows) -> list[str]:
    return [row.person.last_name for row in rows]


def test_the_domain_names_the_te_offices_persons_of_the_workers_own_area(world, user):
    """R-TG-5, R-X-1: for the Helsinki case worker, Kovalenko (kept, with the reason) and Virta (registered,
    not in the group) are the TE office's; Mäkelä is Helsinki's own (found, not repeated); Lindholm lives
    outside the area and is not mentioned."""
    aino = user("aino.virtanen")
    found = search.search(aino, "Kovalenko", TODAY)
    [kept] = search.te_office_customers(aino, "Kovalenko", TODAY, found)
    assert found == [] and (kept.keep_reason, kept.keep_text) == (KeepReason.OTHER, KEEP_TEXT)
    [virta] = search.te_office_customers(aino, "Virta", TODAY, [])
    assert virta.keep_reason == "" and virta.keep_reason_label == ""
    found = search.search(aino, "Aleksi", TODAY)
    assert [p.last_name for p in found] == ["Mäkelä"]
    assert names(search.te_office_customers(aino, "Aleksi", TODAY, found)) == ["Virta"]
    assert search.te_office_customers(aino, "Lindholm", TODAY, []) == []


def test_a_former_job_seeker_is_not_named(world, user):
    """R-TG-5: only a valid job search makes the person the TE office's customer."""
    from kuntakokeilu.customers.models import Fact, FactKind

    Fact.objects.filter(person__last_name="Virta", kind=FactKind.JOB_SEARCH).update(
        end_date=dt.date(2023, 1, 31)
    )
    assert search.te_office_customers(user("aino.virtanen"), "Virta", TODAY, []) == []


def test_the_te_office_and_other_municipalities_get_no_such_answer(world, user):
    """R-X-1: the TE official finds her area's persons as before (nothing extra); Porvoo's case worker
    hears nothing of Helsinki's residents."""
    sanna = user("sanna.makinen")
    found = search.search(sanna, "Kovalenko", TODAY)
    assert [p.last_name for p in found] == ["Kovalenko"]
    assert search.te_office_customers(sanna, "Kovalenko", TODAY, found) == []
    linnea = user("linnea.lindqvist")
    assert search.te_office_customers(linnea, "Kovalenko", TODAY, []) == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", ["Olena Kovalenko on TE-toimiston asiakas.", "TE-toimisto jätti hänet asiakkaakseen: muu"]),
        ("sv", ["Olena Kovalenko är kund hos TE-byrån.", "TE-byrån behöll personen som kund:"]),
    ],
)
def test_the_page_says_so_with_the_keep_reason_and_links_nothing(world, client, user, lang, expected):
    """R-TG-5, R-X-8: in fi and sv, with the reason and its explanation; no link to the person page; the
    person named is logged as listed (R-X-2)."""
    client.force_login(user("aino.virtanen"))
    page = client.post(
        reverse("customers:search"), {"query": "Kovalenko"}, HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    for text in expected:
        assert text in page
    assert KEEP_TEXT in page
    kovalenko = Person.objects.get(henkilotunnus=UKRAINIAN)
    assert reverse("customers:person", args=[kovalenko.pk]) not in page
    assert AccessLogEntry.objects.filter(person=kovalenko, what="customers:search").count() == 1
    assert client.get(reverse("customers:person", args=[kovalenko.pk])).status_code == 404


def test_outside_the_area_the_not_found_is_unchanged(world, client, user):
    """Issue 15's not-found wording stays, and nothing is revealed, for a person outside the area."""
    client.force_login(user("aino.virtanen"))
    page = client.post(
        reverse("customers:search"), {"query": "Lindholm"}, HTTP_ACCEPT_LANGUAGE="fi"
    ).content.decode()
    assert NOT_FOUND_FI in page
    assert "TE-toimiston asiakas" not in page and "Lindholm" not in page.split("<h2>")[-1]
    assert not AccessLogEntry.objects.exists()


def test_one_waiting_for_the_transfer_is_not_named(settings, user):
    """L1269 s. 24: in the group and listed, not yet kept or transferred, Kovalenko is on the TE office's
    worklist; the worker's search says nothing of her (the same not-found as before)."""
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    load(UKRAINIAN_ROW)
    reevaluation.reevaluate(L149_DAY)
    assert search.te_office_customers(user("aino.virtanen"), "Kovalenko", TODAY, []) == []


def test_one_in_the_group_whose_customer_the_te_office_is_is_named(settings, user):
    """R-TG-5 (L1269 s. 5 mom 5): in the group but the TE office's by a stored customership (e.g. moved
    back on request), Mäkelä is named as the TE office's customer, without a keep reason."""
    from kuntakokeilu.customers import customerships, queries
    from kuntakokeilu.customers.models import Ground

    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    ensure_demo_users()
    load(AT_RISK_ROW)
    person = Person.objects.get(henkilotunnus=AT_RISK)
    responsible = {"type": "te_office", "te_office_code": "01"}
    customerships.start(
        person, on=dt.date(2022, 6, 1), ground=Ground.INITIAL_TRANSFER, outcome=None, responsible=responsible
    )
    assert queries.target_group_on(person, TODAY).result["in_target_group"] is True
    [row] = search.te_office_customers(user("aino.virtanen"), "Mäkelä", TODAY, [])
    assert row.person == person and row.keep_reason == ""
