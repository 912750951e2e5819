"""The persons who change side in a what-if (issue 13; R-X-1, R-X-2): only those who may see persons
(`customers.view_person`) open them from the what-if page, and only the persons of their own scope, each
linking to the person page; the list and each page opened are logged. The ministry, researchers and ELY
officials see counts only.

The population: 400 generated job seekers and four of our own, transferred at the pilot's start (so that
the trial municipalities' staff have customers), and the what-if "age limit 25, and those at risk of
unemployment included, on 1.3.2021" (R-TG-2)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.actions import can
from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.access.scope import grants
from kuntakokeilu.customers import transfers
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import TrialAreaMember
from kuntakokeilu.rules.overlay import Edit
from kuntakokeilu.whatif import services
from kuntakokeilu.whatif.models import Change
from tests.whatif.made import seeker

TODAY = dt.date(2022, 9, 1)
START = dt.date(2021, 3, 1)


@pytest.fixture
def whatif(generated, settings):
    settings.KUNTAKOKEILU_TODAY = TODAY
    ensure_demo_users()
    for i, (code, name) in enumerate(
        [("205", "Kajaanilainen"), ("290", "Kuhmolainen"), ("091", "Helsinkiläinen")]
    ):
        seeker(code, name, 950 + i)
    seeker("091", "Riskiläinen", 960, status="at_risk", born=dt.date(1996, 6, 1))
    transfers.initial(START)
    statuses = ["unemployed", "laid_off", "supported_employment", "in_service", "at_risk"]
    edits = [Edit("target_group.age_limit", 25), Edit("target_group.included_statuses", statuses)]
    made = services.create("age 25, at risk", "target-group", [START], edits, None, "fi")
    services.execute(made.pk)
    made.refresh_from_db()
    assert made.status == "done" and made.changes.count() > 10
    return made


def _user(username):
    return get_user_model().objects.get(username=username)


def _listed(client, whatif) -> set:
    page = client.get(f"/whatif/{whatif.pk}/changes/")
    assert page.status_code == 200
    return {c.person_id for c in page.context["rows"]}


def _expected(whatif, username, codes=None) -> set:
    """The oracle: the changes of `codes` (all, when None) whose person the catalogue lets the user see."""
    user = _user(username)
    changes = Change.objects.filter(whatif=whatif).select_related("person")
    return {
        c.person_id
        for c in changes
        if (codes is None or c.kunta_code in codes) and can(user, "customers.view_person", c.person, TODAY)
    }


@pytest.mark.parametrize("username", ["elina.laine", "tuomas.koskinen", "kaisa.jarvinen"])
def test_the_ministry_researchers_and_ely_see_counts_only(client, whatif, username):
    client.force_login(_user(username))
    detail = client.get(f"/whatif/{whatif.pk}/").content.decode()
    assert "age 25, at risk" in detail and f"/whatif/{whatif.pk}/changes/" not in detail
    assert client.get(f"/whatif/{whatif.pk}/changes/").status_code == 403
    assert not AccessLogEntry.objects.exists()


def test_a_helsinki_case_worker_opens_only_helsinki_persons(client, whatif):
    client.force_login(_user("aino.virtanen"))
    response = client.get(f"/whatif/{whatif.pk}/")
    assert f"/whatif/{whatif.pk}/changes/" in response.content.decode()
    totals = response.context["snapshots"][0]["totals"]  # Helsinki's own, not the country's
    helsinki = Change.objects.filter(whatif=whatif, kunta_code="091")
    assert (totals["leaves"], totals["joins"]) == (
        helsinki.filter(joins=False).count(),
        helsinki.filter(joins=True).count(),
    )
    assert totals["leaves"] > 0 and totals["joins"] == 1
    listed = _listed(client, whatif)
    expected = _expected(whatif, "aino.virtanen", {"091"})
    assert listed == expected and len(expected) > 0
    assert "Helsinkiläinen" in {p.last_name for p in Person.objects.filter(pk__in=listed)}
    joining = Change.objects.get(whatif=whatif, person__last_name="Riskiläinen")  # no customer: not seen
    assert joining.joins and joining.kunta_code == "091" and joining.person_id not in listed
    assert set(Change.objects.filter(person_id__in=listed).values_list("kunta_code", flat=True)) == {"091"}
    others = set(
        Change.objects.filter(whatif=whatif).exclude(kunta_code="091").values_list("person", flat=True)
    )
    assert others and not listed & others
    logged = set(AccessLogEntry.objects.filter(what="whatif:changes").values_list("person_id", flat=True))
    assert logged == listed
    one = next(iter(listed))
    assert client.get(f"/job-seekers/{one}/").status_code == 200
    assert AccessLogEntry.objects.filter(person_id=one, what="customers:person").count() == 1


def test_the_kainuu_area_manager_opens_only_kainuu_persons_they_may_see(client, whatif):
    """The area manager of trial area 7 (Kainuu) opens the customers of its municipalities who change side —
    Kajaani's and Kuhmo's — and no one of another area."""
    kainuu = set(
        TrialAreaMember.objects.filter(trial_area__number=7).values_list("municipality__code", flat=True)
    )
    client.force_login(_user("juha.heikkinen"))
    listed = _listed(client, whatif)
    assert listed == _expected(whatif, "juha.heikkinen", kainuu)
    names = {p.last_name for p in Person.objects.filter(pk__in=listed)}
    assert {"Kajaanilainen", "Kuhmolainen"} <= names and "Helsinkiläinen" not in names
    assert not Change.objects.filter(person_id__in=listed).exclude(kunta_code__in=kainuu).exists()


def test_a_kajaani_case_worker_sees_kajaani_not_helsinki(client, whatif):
    client.force_login(_user("ville.hyvonen"))
    listed = _listed(client, whatif)
    assert listed == _expected(whatif, "ville.hyvonen", {"205"})
    names = {p.last_name for p in Person.objects.filter(pk__in=listed)}
    assert "Kajaanilainen" in names and not {"Kuhmolainen", "Helsinkiläinen"} & names
    assert not listed & _expected(whatif, "aino.virtanen", {"091"})


def test_the_te_office_opens_the_persons_of_its_area(client, whatif):
    client.force_login(_user("sanna.makinen"))  # Uusimaa TE office
    listed = _listed(client, whatif)
    user = _user("sanna.makinen")
    codes = set().union(*(g.municipalities for g in grants(user, TODAY)))
    assert listed == _expected(whatif, "sanna.makinen", codes) and listed


@pytest.mark.parametrize("username", ["pekka.nieminen", "admin"])
def test_applicants_and_admins_see_no_what_if(client, whatif, username):
    client.force_login(_user(username))
    assert client.get(f"/whatif/{whatif.pk}/").status_code == 403
    assert client.get(f"/whatif/{whatif.pk}/changes/").status_code == 403
