"""Issue 20 item 3's "done when" (R-X-4): a retention run on the demo anonymises the ended customerships past
the period and nothing else; a re-run changes nothing; the person leaves searches and pages; the access log
keeps its rows and their link. Run on SQLite and PostgreSQL alike (CI runs every test on both)."""

import datetime as dt
import io

from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import AccessLogEntry, Purpose
from kuntakokeilu.customers import search
from kuntakokeilu.customers.models import Customership, Fact, Person, Responsible
from kuntakokeilu.retention.models import RetentionRun, Status
from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.parameters import default_store

from .conftest import MIKAEL_HETU, OONA_HETU, TODAY


def _people() -> dict:
    """Every person's identifying fields and facts' texts, to compare before and after."""
    persons = {
        p.pk: (p.henkilotunnus, p.first_name, p.last_name, p.birth_date, p.anonymised_at)
        for p in Person.objects.all()
    }
    facts = {f.pk: (f.person_id, f.municipality_id, f.code, f.source, f.reason) for f in Fact.objects.all()}
    return {"persons": persons, "facts": facts}


def _ended_before(cutoff: dt.date) -> set:
    """Independently of the rule: the persons with a customership of an organisation, none open, the last one
    ended before `cutoff` (the demo has no other matter that keeps such a person)."""
    rows: dict = {}
    for c in Customership.objects.exclude(responsible=Responsible.NONE):
        rows.setdefault(c.person_id, []).append(c.valid_to)
    return {pk for pk, ends in rows.items() if None not in ends and max(ends) < cutoff}


def _run(on: dt.date) -> RetentionRun:
    call_command("retention", "--on", on.isoformat(), stdout=io.StringIO())
    return RetentionRun.objects.latest("pk")


def test_a_run_on_the_demo_anonymises_the_ended_customerships_past_the_period_and_nothing_else(
    demo_world, client, user_named
):
    oona = demo_world
    months = default_store().value("retention.period_months", TODAY)
    ended_on = Customership.objects.exclude(responsible=Responsible.NONE).get(person=oona).valid_to
    assert ended_on == TODAY - dt.timedelta(days=6)  # the day before her job search's end
    last_kept = add_months(ended_on, months)
    sanna = user_named("sanna.makinen")  # the TE office of her place: sees her by place, not by customership
    client.force_login(sanna)
    page = reverse("customers:person", args=[oona.pk])
    assert client.get(page).status_code == 200
    assert [p.pk for p in search.search(sanna, "Oona Virta", TODAY)] == [oona.pk]
    assert page in client.post(reverse("customers:search"), {"query": "Oona Virta"}).content.decode()
    with transaction.atomic():
        audit.record(sanna, [oona], "test", Purpose.CUSTOMER_SERVICE)
    logged = list(AccessLogEntry.objects.filter(person=oona).values_list("pk", flat=True))
    assert len(logged) >= 2  # the page above and the line just written

    # the last day of the period: kept (one side)
    before = _people()
    run = _run(last_kept)
    assert (run.status, run.anonymised, run.due) == (Status.DONE, 0, 0)
    assert run.examined == run.kept > 1000  # every job seeker who had a customership, all kept
    assert _people() == before

    # the day after: Oona, and only those the customerships say (the other side)
    on = last_kept + dt.timedelta(days=1)
    expected = _ended_before(add_months(on, -months))
    assert expected == {oona.pk}
    run = _run(on)
    assert (run.status, run.due, run.anonymised, run.kept) == (Status.DONE, 1, 1, run.examined - 1)
    assert run.cleared["customers.Person"] == 1
    after = _people()
    assert {pk for pk in after["persons"] if after["persons"][pk] != before["persons"][pk]} == expected
    changed_facts = {f for f in after["facts"] if after["facts"][f] != before["facts"][f]}
    assert {after["facts"][f][0] for f in changed_facts} <= expected
    oona.refresh_from_db()
    assert oona.henkilotunnus.startswith("ANON") and len(oona.henkilotunnus) == 11
    assert (oona.first_name, oona.last_name, oona.birth_date) == ("", "", dt.date(2001, 1, 1))
    assert oona.anonymised_at is not None
    assert not Person.objects.filter(henkilotunnus=OONA_HETU).exists()
    # what statistics need is kept: her facts' municipalities and dates, her customerships
    assert [(f[1], f[2]) for f in after["facts"].values() if f[0] == oona.pk] == [
        (f[1], f[2]) for f in before["facts"].values() if f[0] == oona.pk
    ]
    assert Customership.objects.filter(person=oona).count() == 2
    # the access log keeps its rows, pointing to the same person row
    assert list(AccessLogEntry.objects.filter(person=oona).values_list("pk", flat=True)) == logged
    assert AccessLogEntry.objects.filter(pk__in=logged).values("person_id").distinct().get() == {
        "person_id": oona.pk
    }
    # she is gone from searches and pages, for everyone who could see her
    assert client.get(page).status_code == 404
    assert search.search(sanna, "Oona Virta", TODAY) == []
    assert search.search(sanna, oona.henkilotunnus, TODAY) == []
    assert client.get(reverse("api:person-detail", args=[oona.pk])).status_code == 404
    found = client.post(reverse("customers:search"), {"query": "Oona Virta"})
    assert found.status_code == 200 and page not in found.content.decode()
    # Mikael Lahtinen, a customer still, is untouched
    assert Person.objects.get(henkilotunnus=MIKAEL_HETU).anonymised_at is None

    # a re-run changes nothing
    again = _run(on + dt.timedelta(days=30))
    assert (again.status, again.due, again.anonymised, again.cleared) == (Status.DONE, 0, 0, {})
    assert _people() == after
