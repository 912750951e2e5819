"""The job seekers' pages per role (R-X-1) and the access log they write (R-X-2)."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers.models import FactKind, Person

from .conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU, make_customer

pytestmark = pytest.mark.django_db

PERSON_PAGE_ROLES = {
    # username: (Helsinki person, Porvoo person, Kajaani person)
    "aino.virtanen": (200, 404, 404),  # Helsinki case worker
    "mikko.korhonen": (200, 404, 404),  # Helsinki approver
    "linnea.lindqvist": (404, 200, 404),  # Porvoo case worker
    "juha.heikkinen": (404, 404, 200),  # Kainuu area manager
    "ville.hyvonen": (404, 404, 200),  # Kajaani case worker
    "sanna.makinen": (200, 200, 404),  # Uusimaa TE office
    "kaisa.jarvinen": (404, 404, 404),  # ELY: no personal data
    "pekka.nieminen": (404, 404, 404),  # applicant
    "elina.laine": (404, 404, 404),  # ministry
    "tuomas.koskinen": (404, 404, 404),  # researcher
    "admin": (404, 404, 404),  # administrators answer access requests, not cases
}


@pytest.mark.parametrize("username", sorted(PERSON_PAGE_ROLES))
def test_the_person_page_opens_only_within_scope_and_is_logged(demo_customers, client, user, username):
    """R-X-1 and R-X-2: a case worker sees their municipality's persons; every view is logged."""
    client.force_login(user(username))
    got = []
    for code in (HELSINKI_HETU, PORVOO_HETU, KAJAANI_HETU):
        got.append(client.get(reverse("customers:person", args=[demo_customers[code].pk])).status_code)
    assert tuple(got) == PERSON_PAGE_ROLES[username]
    logged = AccessLogEntry.objects.filter(user__username=username)
    assert logged.count() == got.count(200)
    assert all(e.what == "customers:person" and e.purpose == Purpose.CUSTOMER_SERVICE for e in logged)


def test_the_person_page_shows_facts_and_the_explanation_on_a_chosen_date(demo, client, user):
    from kuntakokeilu.customers.transfers import initial

    initial(dt.date(2021, 3, 1))  # Warsame becomes Helsinki's customer, so its case worker may look
    client.force_login(user("aino.virtanen"))
    warsame = Person.objects.get(last_name="Warsame")
    url = reverse("customers:person", args=[warsame.pk])
    assert warsame.henkilotunnus not in url
    page = client.get(url, {"on": "2022-01-10"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "On 10 January 2022 the person belongs to the pilot" in page
    assert "met:</span> An immigrant: this group criterion is met." in page
    assert "in an employment-promoting service" in page  # the status history
    page = client.get(url, {"on": "2020-01-01"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "holds no labour-market status for 1 January 2020" in page


def test_search_by_name_lists_only_persons_in_scope_one_log_entry_each(demo, client, user):
    client.force_login(user("sanna.makinen"))  # Uusimaa TE office: Helsinki, Espoo, Porvoo, Loviisa
    response = client.post(reverse("customers:search"), {"query": "n"})
    names = {p.last_name for p in response.context["results"]}
    assert {"Nyström", "Lahtinen", "Räsänen", "Ekholm"} <= names and "Kemppainen" not in names
    assert AccessLogEntry.objects.filter(what="customers:search").count() == len(names)
    client.force_login(user("aino.virtanen"))
    response = client.post(reverse("customers:search"), {"query": "Nyström"})
    assert response.context["results"] == []


def test_search_by_identity_code_asks_the_purpose_and_uses_post(demo_customers, client, user):
    client.force_login(user("aino.virtanen"))
    url = reverse("customers:search")
    assert client.get(url, {"query": HELSINKI_HETU}).context["results"] is None  # GET never searches
    response = client.post(url, {"query": HELSINKI_HETU})
    assert response.context["results"] is None and "purpose" in response.context["form"].errors
    assert not AccessLogEntry.objects.exists()
    response = client.post(url, {"query": HELSINKI_HETU.lower(), "purpose": Purpose.TRANSFER})
    assert [p.henkilotunnus for p in response.context["results"]] == [HELSINKI_HETU]
    assert AccessLogEntry.objects.get().purpose == Purpose.TRANSFER


def test_roles_without_personal_data_cannot_search(demo, client, user):
    for username in ("kaisa.jarvinen", "elina.laine", "tuomas.koskinen", "pekka.nieminen", "admin"):
        client.force_login(user(username))
        assert client.post(reverse("customers:search"), {"query": "Lahtinen"}).status_code == 403


def test_a_case_worker_corrects_a_fact_with_a_reason(demo_customers, client, user):
    client.force_login(user("aino.virtanen"))
    person = demo_customers[HELSINKI_HETU]
    fact = person.facts.current().get(kind=FactKind.KOTIKUNTA)
    url = reverse("customers:correct", args=[person.pk, fact.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"valid_from": "2021-01-01", "municipality": "049", "reason": ""})
    assert "reason" in response.context["form"].errors
    response = client.post(url, {"valid_from": "2021-01-01", "municipality": "998", "reason": "Moved"})
    assert "municipality" in response.context["form"].errors
    response = client.post(url, {"valid_from": "2021-01-01", "municipality": "049", "reason": "Register fix"})
    assert response.status_code == 302
    assert list(
        person.facts.filter(kind=FactKind.KOTIKUNTA).values_list("superseded", flat=True).order_by("pk")
    ) == [
        True,
        False,
    ]
    assert AccessLogEntry.objects.filter(what="customers:correct", purpose=Purpose.CORRECTION).count() == 3
    # still Helsinki's customer (R-X-1: customers are seen while they are the municipality's) …
    assert client.get(reverse("customers:person", args=[person.pk])).status_code == 200
    # … until the customership moves to Espoo: then Helsinki may no longer correct or see it
    make_customer(person, "049", on=dt.date(2023, 5, 1))
    assert client.get(reverse("customers:person", args=[person.pk])).status_code == 404


def test_a_porvoo_fact_cannot_be_corrected_from_helsinki(demo, client, user):
    client.force_login(user("aino.virtanen"))
    person = demo[PORVOO_HETU]
    fact = person.facts.current().get(kind=FactKind.STATUS)
    url = reverse("customers:correct", args=[person.pk, fact.pk])
    assert (
        client.post(url, {"valid_from": "2021-01-01", "code": "employed", "reason": "x"}).status_code == 404
    )
    assert not person.facts.filter(superseded=True).exists()


def test_the_admin_reads_the_log_and_answers_an_access_request(demo_customers, client, user):
    client.force_login(user("aino.virtanen"))
    client.get(reverse("customers:person", args=[demo_customers[HELSINKI_HETU].pk]))
    assert client.post(reverse("customers:access-log"), {"henkilotunnus": HELSINKI_HETU}).status_code == 403
    client.force_login(user("admin"))
    response = client.post(reverse("customers:access-log"), {"henkilotunnus": HELSINKI_HETU})
    assert [(e.user.username, e.what) for e in response.context["entries"]] == [
        ("aino.virtanen", "customers:person")
    ]
    response = client.post(reverse("customers:access-request"), {"henkilotunnus": HELSINKI_HETU})
    whats = [e.what for e in response.context["entries"]]
    assert whats == ["customers:access-log", "customers:person"]  # the log reading is logged too
    assert "Lahtinen" in response.content.decode()
    response = client.post(reverse("customers:access-request"), {"henkilotunnus": "010101-123X"})
    assert "henkilotunnus" in response.context["form"].errors


def test_a_trial_area_scoped_case_worker_sees_the_pooled_municipalities(demo_customers, client, user):
    """R-X-1: a case worker of a trial area that pools its customers sees every member's persons; one
    scoped to Kuhmo (a member of the same Kainuu area 7) does not see Kajaani's."""
    import datetime as dt

    from django.contrib.auth import get_user_model

    from kuntakokeilu.access.models import RoleAssignment
    from kuntakokeilu.access.roles import Role, ScopeKind
    from kuntakokeilu.regions.models import Municipality, TrialArea

    kajaani = demo_customers[KAJAANI_HETU]
    pooled, kuhmo = (get_user_model().objects.create(username=n) for n in ("pooled.worker", "kuhmo.worker"))
    RoleAssignment.objects.create(
        user=pooled,
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.TRIAL_AREA,
        trial_area=TrialArea.objects.get(number=7),
        valid_from=dt.date(2021, 1, 1),
    )
    RoleAssignment.objects.create(
        user=kuhmo,
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="290"),
        valid_from=dt.date(2021, 1, 1),
    )
    client.force_login(pooled)
    assert client.get(reverse("customers:person", args=[kajaani.pk])).status_code == 200
    assert [
        p.pk for p in client.post(reverse("customers:search"), {"query": "Kemppainen"}).context["results"]
    ] == [kajaani.pk]
    client.force_login(kuhmo)
    assert client.get(reverse("customers:person", args=[kajaani.pk])).status_code == 404
    assert client.post(reverse("customers:search"), {"query": "Kemppainen"}).context["results"] == []


def test_temporary_protection_without_kotikunta_places_by_residence(demo, client, user):
    """R-X-1 with R-TG-2 (1.3.2023), R-TG-4: a Helsinki resident under temporary protection who has no
    kotikunta is due to move to Helsinki when the residence route comes into force; the Helsinki case
    worker sees the person once the TE office has made the transfer, not while it is due (L1269 s. 24);
    the Porvoo case worker never."""
    from kuntakokeilu.customers import worklist

    kovalenko = Person.objects.get(last_name="Kovalenko")
    client.force_login(user("aino.virtanen"))
    assert client.get(reverse("customers:person", args=[kovalenko.pk])).status_code == 404
    due = worklist.evaluate_change(kovalenko, event_date=dt.date(2023, 3, 1))
    assert due.target["kunta_code"] == "091"
    assert client.get(reverse("customers:person", args=[kovalenko.pk])).status_code == 404
    worklist.complete(due, actor=user("sanna.makinen"), on=dt.date(2023, 3, 6))
    assert client.get(reverse("customers:person", args=[kovalenko.pk])).status_code == 200
    client.force_login(user("linnea.lindqvist"))
    assert client.get(reverse("customers:person", args=[kovalenko.pk])).status_code == 404


def test_a_search_lists_at_most_the_limit(demo, client, user, monkeypatch):
    from kuntakokeilu.customers import search

    monkeypatch.setattr(search, "SEARCH_LIMIT", 2)
    client.force_login(user("sanna.makinen"))
    results = client.post(reverse("customers:search"), {"query": "n"}).context["results"]
    assert len(results) == 2
    assert AccessLogEntry.objects.filter(what="customers:search").count() == 2
