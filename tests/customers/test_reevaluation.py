"""Issue 14 items 1 and 2: re-evaluation when an amendment widens the target group (R-TG-2, R-TG-4) and
the TE office's right to keep a person (L1269 s. 5 mom 3, as mom 5 after L671/2022).

The widening days are the parameter `target_group.widening_amendment` (L1381/2021 on 2.5.2022, L149/2023
on 1.3.2023). The project's reading (the law does not say): every registrant is evaluated again on the day
the amendment enters into force, with the 7 days counted from that day."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import translation

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers import reevaluation, worklist
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Customership, DueTransfer, FactKind, Ground, KeepReason, Person
from kuntakokeilu.rules.parameters import default_store

from .helpers import load

pytestmark = pytest.mark.django_db

UKRAINIAN = make_henkilotunnus(dt.date(1985, 7, 3), 961)  # 37 in 2023: in the group as an immigrant
AT_RISK = make_henkilotunnus(dt.date(1999, 2, 11), 962)  # under 30 in 2022
OLDER = make_henkilotunnus(dt.date(1970, 1, 5), 963)  # 52, Finnish, earnings-related: never in the group
RAASEPORI = make_henkilotunnus(dt.date(2001, 9, 9), 964)  # under 30, Swedish-speaking, Raasepori
BASE = {
    "last_name": "Testi",
    "first_name": "Henkilö",
    "service_language": "fi",
    "mother_tongue": "fi",
    "immigrant": "false",
    "earnings_related_entitlement": "false",
}
# Temporary protection, living in Helsinki without a kotikunta, registered 1.4.2022 (L149/2023 case)
UKRAINIAN_ROW = BASE | {
    "henkilotunnus": UKRAINIAN,
    "last_name": "Kovalenko",
    "first_name": "Olena",
    "valid_from": "2022-04-01",
    "residence": "091",
    "mother_tongue": "uk",
    "immigrant": "true",
    "temporary_protection": "true",
    "status": "unemployed",
    "job_search_start": "2022-04-01",
}
# At risk of unemployment within two weeks, Helsinki, registered 15.3.2022 (L1381/2021 case)
AT_RISK_ROW = BASE | {
    "henkilotunnus": AT_RISK,
    "last_name": "Mäkelä",
    "first_name": "Aleksi",
    "valid_from": "2022-03-15",
    "kotikunta": "091",
    "status": "at_risk",
    "job_search_start": "2022-03-15",
}
OLDER_ROW = AT_RISK_ROW | {
    "henkilotunnus": OLDER,
    "last_name": "Virta",
    "earnings_related_entitlement": "true",
}
RAASEPORI_ROW = BASE | {
    "henkilotunnus": RAASEPORI,
    "last_name": "Lindholm",
    "first_name": "Emma",
    "service_language": "sv",
    "mother_tongue": "sv",
    "valid_from": "2022-09-01",
    "kotikunta": "710",
    "status": "unemployed",
    "job_search_start": "2022-09-01",
}
L1381_DAY = dt.date(2022, 5, 2)
L149_DAY = dt.date(2023, 3, 1)


@pytest.fixture
def users(settings):
    settings.KUNTAKOKEILU_TODAY = "2023-03-02"
    ensure_demo_users()
    return lambda username: get_user_model().objects.get(username=username)


def dues(code: str) -> list[DueTransfer]:
    return list(DueTransfer.objects.filter(person__henkilotunnus=code).order_by("pk"))


def snapshot() -> list[tuple]:
    return list(
        DueTransfer.objects.order_by("pk").values_list(
            "pk", "person_id", "ground", "amendment", "event_date", "due_by", "done_on", "cancelled_on"
        )
    )


def test_the_widening_days_are_data():
    """R-TG-2: the widening amendments come from the parameter, with their legal references; the
    narrowing change-security day (1.1.2023) is none of them."""
    params = default_store()
    assert reevaluation.widenings(params) == [(L1381_DAY, "1381/2021"), (L149_DAY, "149/2023")]
    assert reevaluation.amendment_on(dt.date(2023, 1, 1), params) is None
    assert "L149/2023" in params.get(reevaluation.PARAMETER, L149_DAY).reference


def test_the_ukrainian_with_temporary_protection_is_listed_on_1_3_2023(users):
    """R-TG-2, R-TG-4 (L149/2023): registered 1.4.2022 while living in Helsinki without a kotikunta, she
    is not listed until the amendment; on 1.3.2023 she is listed on the Uusimaa TE office's worklist with
    the amendment as the ground, due by 8.3.2023 (7 days from that day)."""
    load(UKRAINIAN_ROW)
    assert dues(UKRAINIAN) == []
    summary = reevaluation.reevaluate(L149_DAY)
    [due] = dues(UKRAINIAN)
    assert (due.ground, due.amendment, due.event_date, due.due_by) == (
        Ground.LAW_WIDENED,
        "149/2023",
        L149_DAY,
        dt.date(2023, 3, 8),
    )
    assert due.handler_te_office.code == "01" and due.target["kunta_code"] == "091"
    assert due.decision["result"]["in_target_group"] is True
    assert summary.listed == 1
    with translation.override("fi"):
        assert "149/2023" in reevaluation.explain(due) and "1.3.2023" in reevaluation.explain(due)
    with translation.override("sv"):
        assert "lag 149/2023" in reevaluation.explain(due).lower()
    assert worklist.open_for(users("sanna.makinen"), dt.date(2023, 3, 2)) == [due]


def test_the_at_risk_registrant_is_listed_on_2_5_2022_and_not_the_others(users):
    """R-TG-2 (L1381/2021): at risk of unemployment since 15.3.2022, he is listed on 2.5.2022; a
    52-year-old with earnings-related entitlement, also at risk, is not (no group criterion)."""
    load(AT_RISK_ROW, OLDER_ROW)
    assert dues(AT_RISK) == [] and dues(OLDER) == []
    reevaluation.reevaluate(L1381_DAY)
    [due] = dues(AT_RISK)
    assert (due.ground, due.amendment, due.due_by) == (Ground.LAW_WIDENED, "1381/2021", dt.date(2022, 5, 9))
    assert dues(OLDER) == []


def test_a_rerun_changes_nothing_also_after_the_transfer_is_made(users):
    """R-TG-4: a second run (and one after the transfer was made) lists no one again."""
    load(UKRAINIAN_ROW, AT_RISK_ROW)
    reevaluation.reevaluate(L149_DAY)
    before = snapshot()
    assert reevaluation.reevaluate(L149_DAY).listed == 0
    assert snapshot() == before
    [due] = dues(UKRAINIAN)
    worklist.complete(due, actor=users("sanna.makinen"), on=dt.date(2023, 3, 3))
    after_completion = snapshot()
    assert reevaluation.reevaluate(L149_DAY).listed == 0
    assert snapshot() == after_completion
    customership = Customership.objects.get(person=due.person)
    assert customership.ground == Ground.LAW_WIDENED and customership.municipality.code == "091"


def test_a_municipal_customer_and_an_open_due_transfer_are_left_alone(users):
    """A customer of Helsinki is not evaluated again; a person already on the list keeps their row."""
    load(AT_RISK_ROW | {"valid_from": "2022-05-02", "job_search_start": "2022-05-02"})
    [own] = dues(AT_RISK)  # registered on the day itself: listed as a new registration
    assert own.ground == Ground.NEW_REGISTRATION
    assert reevaluation.reevaluate(L1381_DAY).listed == 0
    assert dues(AT_RISK) == [own]


def test_another_day_is_refused_naming_the_parameter(users):
    """Bad input: a day no widening amendment entered into force is refused, nothing changes."""
    load(UKRAINIAN_ROW)
    with translation.override("fi"), pytest.raises(ValidationError) as refused:
        reevaluation.reevaluate(dt.date(2023, 1, 1))
    assert reevaluation.PARAMETER in refused.value.messages[0]
    assert "1.3.2023" in refused.value.messages[0]
    assert dues(UKRAINIAN) == []


def test_the_command_queues_the_job_and_the_job_lists(users, django_capture_on_commit_callbacks):
    """The batch command goes on the job queue (the tests' immediate backend runs it on commit)."""
    load(UKRAINIAN_ROW)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        call_command("reevaluate_target_group", "--on", "2023-03-01")
    assert dues(UKRAINIAN) == [] and len(queued) == 1  # nothing done until the job runs
    queued[0]()
    assert [d.ground for d in dues(UKRAINIAN)] == [Ground.LAW_WIDENED]
    call_command("reevaluate_target_group", "--on", "2023-03-01", "--now")
    assert len(dues(UKRAINIAN)) == 1


def test_the_command_refuses_another_day(users):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"target_group\.widening_amendment"):
        call_command("reevaluate_target_group", "--on", "2023-01-01")


# --- item 2: the TE office keeps a person (L1269 s. 5 mom 3, mom 5 after L671/2022) -----------------


def test_the_raasepori_customer_is_kept_for_language_rights(users):
    """The Uusimaa TE office keeps the Swedish-speaking Raasepori job seeker for her language rights:
    the due transfer is done with no customership, the reason recorded; a later change in the same
    place does not list her again, a move does."""
    load(RAASEPORI_ROW)
    [due] = dues(RAASEPORI)
    assert due.target["kunta_code"] == "710"
    kept = worklist.keep(
        due, actor=users("sanna.makinen"), on=dt.date(2022, 9, 5), reason=KeepReason.LINGUISTIC_RIGHTS
    )
    assert (kept.status, kept.keep_reason, kept.done_by.username) == (
        "kept",
        "linguistic_rights",
        "sanna.makinen",
    )
    person = Person.objects.get(henkilotunnus=RAASEPORI)
    assert not person.customerships.exists()
    # a reported change in Raasepori: not listed again for the same transfer
    person.facts.create(kind=FactKind.STATUS, valid_from=dt.date(2022, 10, 3), code="laid_off")
    assert worklist.evaluate_change(person, event_date=dt.date(2022, 10, 3)) is None
    assert [d.status for d in dues(RAASEPORI)] == ["kept"]
    # a move to Helsinki: her situation changed, judged anew
    helsinki = person.facts.model(
        person=person, kind=FactKind.KOTIKUNTA, valid_from=dt.date(2022, 11, 1), municipality_id=None
    )
    from kuntakokeilu.regions.models import Municipality

    helsinki.municipality = Municipality.objects.get(code="091")
    helsinki.save()
    again = worklist.evaluate_change(person, event_date=dt.date(2022, 11, 1))
    assert again.target["kunta_code"] == "091" and again.status == "open"


def test_a_kept_person_is_not_listed_by_the_reevaluation(users):
    """The kept person is not listed again for the same reason by a widening re-run."""
    load(RAASEPORI_ROW)
    [due] = dues(RAASEPORI)
    worklist.keep(
        due, actor=users("sanna.makinen"), on=dt.date(2022, 9, 5), reason=KeepReason.OTHER, text="x"
    )
    assert reevaluation.reevaluate(L149_DAY).listed == 0
    assert len(dues(RAASEPORI)) == 1


def test_keeping_is_refused_on_bad_input_and_for_others(users):
    """Another justified reason needs its explanation; an unknown reason, a Helsinki case worker, and a
    second keeping are refused; nothing changes."""
    load(RAASEPORI_ROW)
    [due] = dues(RAASEPORI)
    on = dt.date(2022, 9, 5)
    with translation.override("fi"), pytest.raises(ValidationError) as refused:
        worklist.keep(due, actor=users("sanna.makinen"), on=on, reason=KeepReason.OTHER, text="  ")
    assert "keep_text" in refused.value.message_dict
    with pytest.raises(ValidationError):
        worklist.keep(due, actor=users("sanna.makinen"), on=on, reason="whim")
    with pytest.raises(PermissionDenied):
        worklist.keep(due, actor=users("aino.virtanen"), on=on, reason=KeepReason.LINGUISTIC_RIGHTS)
    assert dues(RAASEPORI)[0].status == "open"
    worklist.keep(due, actor=users("sanna.makinen"), on=on, reason=KeepReason.OTHER, text="Erityinen syy")
    with pytest.raises(ValidationError):
        worklist.keep(due, actor=users("sanna.makinen"), on=on, reason=KeepReason.LINGUISTIC_RIGHTS)
    with pytest.raises(ValidationError):
        worklist.complete(due, actor=users("sanna.makinen"), on=on)
    assert dues(RAASEPORI)[0].keep_text == "Erityinen syy"


# --- item 2 through the page and the API, per role ---------------------------------------------------


@pytest.mark.parametrize(
    ("username", "keeps"),
    [("sanna.makinen", True), ("aino.virtanen", False), ("mikko.korhonen", False), ("admin", False)],
)
def test_keeping_from_the_page_per_role(users, client, username, keeps):
    """Only the Uusimaa TE office keeps its own due transfer; the worklist shows the form to it and, once
    kept, the reason in the list of those handled."""
    load(RAASEPORI_ROW)
    [due] = dues(RAASEPORI)
    client.force_login(users(username))
    page = client.get("/transfers/due/", HTTP_ACCEPT_LANGUAGE="sv")
    if keeps:
        assert "Behåll som kund hos TE-byrån" in page.content.decode()
    answer = client.post(
        f"/transfers/due/{due.pk}/keep/", {"keep_reason": "linguistic_rights"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert answer.status_code == (302 if keeps else 404)  # 404, not 403: the path names an object
    assert dues(RAASEPORI)[0].status == ("kept" if keeps else "open")
    if keeps:
        shown = client.get("/transfers/due/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
        assert "Behållen som kund hos TE-byrån: för att trygga de språkliga rättigheterna" in shown


def test_keeping_from_the_page_without_a_reason_changes_nothing(users, client):
    load(RAASEPORI_ROW)
    [due] = dues(RAASEPORI)
    client.force_login(users("sanna.makinen"))
    answer = client.post(f"/transfers/due/{due.pk}/keep/", {}, HTTP_ACCEPT_LANGUAGE="fi", follow=True)
    assert "Valitse, miksi TE-toimisto jättää henkilön siirtämättä." in answer.content.decode()
    assert dues(RAASEPORI)[0].status == "open"


def test_the_reevaluated_row_on_the_worklist_page_states_the_reading(users, client):
    load(UKRAINIAN_ROW)
    reevaluation.reevaluate(L149_DAY)
    client.force_login(users("sanna.makinen"))
    page = client.get("/transfers/due/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "laki laajensi kohderyhmää (laki 149/2023)" in page
    assert "tämän järjestelmän tulkinta" in page


@pytest.mark.parametrize(("username", "status"), [("sanna.makinen", 200), ("aino.virtanen", 404)])
def test_keeping_through_the_api(users, username, status):
    """The API's keep: the TE office's 200 with the row now `kept`; others 404; bad input a localised
    400 that changes nothing."""
    from rest_framework.test import APIClient

    load(RAASEPORI_ROW)
    [due] = dues(RAASEPORI)
    api = APIClient()
    api.force_authenticate(users(username))
    url = f"/api/v1/transfers/due/{due.pk}/keep/"
    if status == 200:
        bad = api.post(
            url, {"keep_reason": "other", "keep_text": ""}, format="json", HTTP_ACCEPT_LANGUAGE="sv"
        )
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "keep_not_possible"
        assert bad.json()["error"]["fields"]["keep_text"] == [
            "Förklara vilket det andra motiverade skälet är."
        ]
        assert dues(RAASEPORI)[0].status == "open"
    answer = api.post(url, {"keep_reason": "linguistic_rights"}, format="json")
    assert answer.status_code == status
    if status == 200:
        assert (answer.json()["status"], answer.json()["keep_reason"]) == ("kept", "linguistic_rights")
    assert dues(RAASEPORI)[0].status == ("kept" if status == 200 else "open")


def test_the_demo_shows_a_reevaluated_and_a_kept_person(users):
    """The demo on its default today (1.9.2022): the at-risk person listed by the 2.5.2022 re-evaluation
    and Emma Lindholm kept for language rights on the Uusimaa TE office's list; a re-run changes nothing."""
    from kuntakokeilu.customers import demo

    today = dt.date(2022, 9, 1)
    lines = list(demo.law_widened_and_kept_demo(today))
    sanna = users("sanna.makinen")
    widened = [d for d in worklist.open_for(sanna, today) if d.ground == Ground.LAW_WIDENED]
    assert [(d.person.last_name, d.amendment) for d in widened] == [("Mäkelä", "1381/2021")]
    kept = [d for d in worklist.done_for(sanna, today) if d.status == "kept"]
    assert [(d.person.last_name, d.keep_reason) for d in kept] == [("Lindholm", "linguistic_rights")]
    before = snapshot()
    assert "no change" in list(demo.law_widened_and_kept_demo(today))[-1] and len(lines) == 2
    assert snapshot() == before


def test_evaluating_the_persons_change_again_keeps_the_amendment_as_the_ground(users):
    """A later evaluation of the same transfer (e.g. the demo's re-evaluation of open rows) keeps the row
    the re-evaluation made, with its ground and deadline."""
    load(UKRAINIAN_ROW)
    reevaluation.reevaluate(L149_DAY)
    [due] = dues(UKRAINIAN)
    person = Person.objects.get(henkilotunnus=UKRAINIAN)
    assert worklist.evaluate_change(person, event_date=L149_DAY) == due
    assert dues(UKRAINIAN) == [due] and dues(UKRAINIAN)[0].ground == Ground.LAW_WIDENED
