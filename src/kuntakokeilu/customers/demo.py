"""Demo step of the customers app: synthetic job seekers on real places (R-TG-1).

Identity codes use individual numbers 900–999 (the temporary range), so they are recognisably not real
people's codes. The rows go through the CSV import (docs/formats/job_seekers.md), so a second run changes
nothing. Loviisa is outside the pilot; Porvoo's job seekers are served in Swedish.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from .identity import make_henkilotunnus
from .importer import COLUMNS, import_job_seekers

D = dt.date

# (birth date, individual number, last name, first names, language, [rows of facts from a date])
PEOPLE = [
    (D(1978, 5, 14), 901, "Lahtinen", "Mikael", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "091", "mother_tongue": "fi", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "true", "job_search_start": "2020-11-02"},
    ]),
    (D(1985, 9, 2), 902, "Warsame", "Hodan", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "091", "mother_tongue": "so", "immigrant": "true",
         "status": "unemployed", "earnings_related_entitlement": "true", "job_search_start": "2020-09-14"},
        {"valid_from": "2022-08-15", "status": "in_service"},
    ]),
    (D(2000, 2, 11), 903, "Nieminen", "Emilia", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "091", "mother_tongue": "fi", "immigrant": "false",
         "status": "student", "earnings_related_entitlement": "false"},
        {"valid_from": "2022-06-01", "status": "unemployed", "job_search_start": "2022-06-01"},
    ]),
    (D(1990, 7, 23), 904, "Kovalenko", "Oleksandr", "fi", [
        {"valid_from": "2022-04-15", "residence": "091", "mother_tongue": "uk", "immigrant": "true",
         "status": "unemployed", "earnings_related_entitlement": "false", "temporary_protection": "true",
         "job_search_start": "2022-04-20"},
    ]),
    (D(1967, 11, 30), 905, "Mäkelä", "Ville", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "049", "mother_tongue": "fi", "immigrant": "false",
         "status": "employed", "earnings_related_entitlement": "true", "change_security_55": "false"},
        {"valid_from": "2023-04-03", "status": "laid_off", "change_security_55": "true",
         "change_security_notice_date": "2023-02-01", "job_search_start": "2023-04-03"},
    ]),
    (D(1995, 3, 8), 906, "Lehtonen", "Anna", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "049", "mother_tongue": "fi", "immigrant": "false",
         "status": "employed", "earnings_related_entitlement": "true"},
        {"valid_from": "2022-06-01", "status": "at_risk", "job_search_start": "2022-06-01"},
    ]),
    (D(1993, 1, 20), 907, "Räsänen", "Aleksi", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "049", "mother_tongue": "ru", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "true", "job_search_start": "2020-12-01",
         "job_search_end": "2023-09-30"},
        {"valid_from": "2023-05-01", "kotikunta": "091"},
    ]),
    (D(1988, 4, 19), 908, "Nyström", "Johan", "sv", [
        {"valid_from": "2021-01-01", "kotikunta": "638", "mother_tongue": "sv", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "false", "job_search_start": "2020-10-05"},
    ]),
    (D(1999, 12, 1), 909, "Holmberg", "Sofia", "sv", [
        {"valid_from": "2021-01-01", "kotikunta": "638", "mother_tongue": "sv", "immigrant": "false",
         "status": "in_service", "earnings_related_entitlement": "false", "job_search_start": "2020-08-17"},
    ]),
    (D(1972, 8, 15), 910, "Kemppainen", "Jari", "fi", [
        {"valid_from": "2021-01-01", "kotikunta": "205", "mother_tongue": "fi", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "false", "job_search_start": "2019-03-11"},
    ]),
    (D(1980, 6, 6), 911, "Ekholm", "Kristina", "sv", [
        {"valid_from": "2021-01-01", "kotikunta": "434", "mother_tongue": "sv", "immigrant": "false",
         "status": "unemployed", "earnings_related_entitlement": "false", "job_search_start": "2021-02-01"},
    ]),
]  # fmt: skip


def known_on(facts: dict[str, str], day: dt.date | None) -> dict[str, str] | None:
    """The row as known on `day` (issue 15: data dated after the demo's day are not shown as if known then):
    a row of facts from a later date is left out (None); a job search's planned end stays (the registration's
    validity is known when it is made). Without a day every row is known."""
    if day is not None and dt.date.fromisoformat(facts["valid_from"]) > day:
        return None
    return facts


def demo_csv(today: dt.date | None = None) -> bytes:
    """The demo job seekers as an import file; with `today`, only what was known on that day."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for birth, number, last, first, language, rows in PEOPLE:
        for facts in filter(None, (known_on(row, today) for row in rows)):
            writer.writerow(
                {
                    "henkilotunnus": make_henkilotunnus(birth, number),
                    "last_name": last,
                    "first_name": first,
                    "service_language": language,
                    **facts,
                }
            )
    return out.getvalue().encode()


def _import_known(today) -> str:
    known = demo_csv(today)
    if known.count(b"\n") <= 1:  # only the header: nothing dated by then (before the pilot)
        return f"Demo job seekers: none known on {today}."
    report = import_job_seekers(known, source="demo")
    if not report.changed:
        return "Demo job seekers: no change (already loaded)."
    return (
        f"Demo job seekers: {report.persons_created} created, {report.persons_updated} updated, "
        f"{report.facts_created + report.facts_corrected} facts stored."
    )


def run(today):
    yield ""
    yield _import_known(today)
    yield from synthetic_finland_demo(today)
    yield from due_transfers_demo(today)
    yield from transfer_requests_demo(today)
    yield from law_widened_and_kept_demo(today)  # issue 14
    yield from request_decision_demo(today)
    yield from ended_customership_demo(today)


# --- due transfers (worklist, R-TG-4, R-TG-5) ------------------------------------------------------
# Job seekers who register after the pilot's start, dated relative to the demo's today (any today within
# the pilot): the Uusimaa TE office (sanna.makinen) has transfers due, one overdue; a Kajaani customer's
# move to Oulu is due with Kajaani (ville.hyvonen; juha.heikkinen sees it). Persons 941–944.
# (birth date, number, last name, first names, kotikunta, mother tongue, days before today registered)
DUE_PEOPLE = [
    (D(1999, 10, 7), 941, "Koskinen", "Aada", "091", "fi", 12),  # due 5 days ago: overdue
    (D(1987, 3, 22), 942, "Haddad", "Omar", "092", "ar", 3),
    (D(2001, 5, 16), 943, "Salminen", "Eetu", "049", "fi", 1),
]
MOVER = (D(1998, 1, 9), 944, "Heikkinen", "Noora", "205", "fi", 60)  # Kajaani customer, moves to Oulu
MOVED_TO = "564"
MOVED_DAYS_AGO = 2


def _due_row(person, registered: dt.date, **changes) -> dict:
    birth, number, last, first, kotikunta, tongue, _days = person
    return {
        "henkilotunnus": make_henkilotunnus(birth, number),
        "last_name": last,
        "first_name": first,
        "service_language": "fi",
        "valid_from": registered.isoformat(),
        "kotikunta": kotikunta,
        "mother_tongue": tongue,
        "immigrant": "true" if tongue != "fi" else "false",
        "status": "unemployed",
        "earnings_related_entitlement": "false",
        "job_search_start": registered.isoformat(),
        **changes,
    }


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def due_transfers_demo(today: dt.date):
    """After the initial transfer (`synthetic_finland_demo`, which makes the older demo job seekers
    customers): the due transfers it made stale re-evaluated, then the demo's new registrations. Skipped
    when the pilot does not run on `today`; a second run changes nothing."""
    from kuntakokeilu.rules.parameters import default_store

    from . import worklist
    from .models import DueTransfer, Person

    params = default_store()
    if not worklist.in_pilot(today, params):
        yield f"Due transfers: skipped (the pilot does not run on {today.isoformat()})."
        return
    start = params.get("pilot.start_date", today).value
    for due in DueTransfer.objects.open().select_related("person"):
        worklist.evaluate_change(due.person, event_date=due.event_date, params=params)
    first = make_henkilotunnus(DUE_PEOPLE[0][0], DUE_PEOPLE[0][1])
    if Person.objects.filter(henkilotunnus=first).exists():
        yield "Demo due transfers: no change (already loaded)."
        return
    rows = [_due_row(p, max(start, today - dt.timedelta(days=p[-1]))) for p in DUE_PEOPLE]
    import_job_seekers(_csv(rows), source="demo-due-transfers")
    yield f"Demo due transfers: {len(rows)} registrations for the Uusimaa TE office (sanna.makinen)."
    registered = today - dt.timedelta(days=MOVER[-1])
    moved = today - dt.timedelta(days=MOVED_DAYS_AGO)
    if registered < start:
        yield "Demo kotikunta change: skipped (today is too close to the pilot's start)."
        return
    mover = make_henkilotunnus(MOVER[0], MOVER[1])
    import_job_seekers(_csv([_due_row(MOVER, registered)]), source="demo-due-transfers")
    worklist.complete(
        DueTransfer.objects.get(person__henkilotunnus=mover, done_on=None, cancelled_on=None),
        actor=None,
        on=registered + dt.timedelta(days=2),
    )
    import_job_seekers(
        _csv([_due_row(MOVER, registered), _due_row(MOVER, moved, kotikunta=MOVED_TO, job_search_start="")]),
        source="demo-due-transfers",
    )
    yield "Demo kotikunta change: a Kajaani customer moved to Oulu (ville.hyvonen, juha.heikkinen)."


# --- a synthetic Finland and the initial transfer (issue 6) ------------------------------------------
# A few thousand generated job seekers (customers/synthetic.py) spread like the unemployed of February 2021,
# then the initial transfer of 1.3.2021, so that the trial areas have customers. Fixed seed: the same
# people every time; a second run generates nothing and transfers no one (about 3 s on SQLite the first time).
SYNTHETIC_PERSONS = 3000
SYNTHETIC_SEED = 2021
INITIAL_TRANSFER_ON = D(2021, 3, 1)


def synthetic_finland_demo(today: dt.date):
    from . import synthetic, transfers
    from .models import Person

    first, _facts = next(synthetic.people(SYNTHETIC_PERSONS, SYNTHETIC_SEED))
    if Person.objects.filter(henkilotunnus=first.henkilotunnus).exists():
        yield "Synthetic job seekers: no change (already generated)."
    else:
        created = synthetic.generate(SYNTHETIC_PERSONS, SYNTHETIC_SEED)
        yield f"Synthetic job seekers: {created} generated (seed {SYNTHETIC_SEED}, identity codes 900–999)."
    if today < INITIAL_TRANSFER_ON:
        yield f"Initial transfer: skipped (it is made on {INITIAL_TRANSFER_ON.isoformat()})."
        return
    summary = transfers.initial(INITIAL_TRANSFER_ON)
    kept = sum(sum(area.kept.values()) for area in summary.areas.values())
    yield (
        f"Initial transfer on {INITIAL_TRANSFER_ON.isoformat()}: {summary.transferred} transferred to trial "
        f"municipalities, {kept} kept by the TE offices, {summary.already} had a customership already."
    )


# --- transfer requests (R-TG-5) ---------------------------------------------------------------------
# Two open requests dated three days before the demo's today: Hodan Warsame (Helsinki's customer) asks to
# move back to the TE office, awaiting the Uusimaa TE office's decision (sanna.makinen); Johan Nyström
# (Porvoo's customer) asks to move to Helsinki, awaiting Helsinki's acceptance (mikko.korhonen).
# (individual number, birth date, recorded by, ground, reason, receiving municipality)
REQUESTS = [
    (902, D(1985, 9, 2), "aino.virtanen", "request_to_te_office", "safety", None),
    (908, D(1988, 4, 19), "linnea.lindqvist", "request_to_municipality", "inappropriate_relationship", "091"),
]
REQUEST_ASKED_DAYS_AGO = 3


def transfer_requests_demo(today: dt.date):
    """The demo's open transfer requests, if the requests of L421 are possible on `today`; a person who
    has a request already (or is no trial municipality's customer then) is left as is."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from kuntakokeilu.regions.models import Municipality

    from . import transfer_requests
    from .models import Person

    asked = today - dt.timedelta(days=REQUEST_ASKED_DAYS_AGO)
    try:
        transfer_requests.check_in_force(asked)
    except ValidationError:
        yield f"Transfer requests: skipped (no request is possible on {asked.isoformat()})."
        return
    made = 0
    for number, birth, username, ground, reason, receiver in REQUESTS:
        person = Person.objects.filter(henkilotunnus=make_henkilotunnus(birth, number)).first()
        if person is None or person.transfer_requests.exists():
            continue
        try:
            transfer_requests.ask(
                person,
                actor=get_user_model().objects.get(username=username),
                asked_on=asked,
                ground=ground,
                reason=reason,
                services_secured=True,
                municipality=Municipality.objects.get(code=receiver) if receiver else None,
            )
        except ValidationError as exc:
            yield f"Transfer request of {person.full_name}: skipped ({' '.join(exc.messages)})"
            continue
        made += 1
    if made:
        yield f"Transfer requests: {made} recorded (sanna.makinen decides, mikko.korhonen accepts)."
    else:
        yield "Transfer requests: no change."


# --- issue 14: a person listed by a widening amendment's re-evaluation, and a person the TE office keeps --
# For the latest widening day on or before today (target_group.widening_amendment): a person registered
# 30 days before it whom the amendment brings into the group (at risk of unemployment for L1381/2021;
# temporary protection living in Helsinki without a kotikunta for L149/2023), listed by `reevaluate`; and
# Emma Lindholm, Swedish-speaking in Raasepori, registered 3 days before today and kept by the Uusimaa TE
# office (sanna.makinen) for her language rights. Persons 971–972; a second run changes nothing.
WIDENED = (D(1998, 5, 12), 971, "Mäkelä", "Aleksi", "091", "fi", 30)
WIDENED_ROWS = {
    "1381/2021": {"status": "at_risk"},
    "149/2023": {
        "kotikunta": "",
        "residence": "091",
        "mother_tongue": "uk",
        "immigrant": "true",
        "temporary_protection": "true",
        "last_name": "Kovalenko",
        "first_name": "Olena",
    },
}
KEPT = (D(2000, 9, 9), 972, "Lindholm", "Emma", "710", "sv", 3)


def law_widened_and_kept_demo(today: dt.date):
    from django.contrib.auth import get_user_model

    from kuntakokeilu.rules.parameters import default_store

    from . import reevaluation, worklist
    from .models import DueTransfer, KeepReason

    params = default_store()
    if not worklist.in_pilot(today, params):
        yield f"Re-evaluation and keeping: skipped (the pilot does not run on {today.isoformat()})."
        return
    days = [(day, amendment) for day, amendment in reevaluation.widenings(params) if day <= today]
    if days:
        day, amendment = days[-1]
        registered = day - dt.timedelta(days=WIDENED[-1])
        import_job_seekers(
            _csv([_due_row(WIDENED, registered, **WIDENED_ROWS.get(amendment, {}))]), source="demo-law"
        )
        summary = reevaluation.reevaluate(day, params)
        if summary.listed:
            yield f"Re-evaluation of {day.isoformat()} (Act {amendment}): {summary.listed} listed."
    registered = today - dt.timedelta(days=KEPT[-1])
    import_job_seekers(_csv([_due_row(KEPT, registered, service_language="sv")]), source="demo-law")
    due = (
        DueTransfer.objects.open().filter(person__henkilotunnus=make_henkilotunnus(KEPT[0], KEPT[1])).first()
    )
    if due is not None and due.target.get("kunta_code") == KEPT[4]:
        sanna = get_user_model().objects.filter(username="sanna.makinen").first()
        worklist.keep(due, actor=sanna, on=today, reason=KeepReason.LINGUISTIC_RIGHTS)
        yield "Kept with the Uusimaa TE office for language rights: Emma Lindholm (Raasepori)."
    elif not days or not summary.listed:
        yield "Re-evaluation and keeping: no change (already loaded)."


# --- a decision on a request and an ended customership (issue 14 items 3 and 4) ------------------------
# Sofia Holmberg (Porvoo's customer, service in Swedish) asked 20 days before today to move back to the TE
# office for her linguistic rights; it was not shown that the move keeps services matching her needs, and the
# Uusimaa TE office refused 10 days before today: her person page links the decision letter (linnea.lindqvist,
# sanna.makinen). Oona Virta registered in Helsinki 90 days before today, became Helsinki's customer and her
# job search ended 5 days before today: the notice of the ended customership (sanna.makinen sees it).
DECISION_REQUEST = (909, D(1999, 12, 1))
DECISION_ASKED_DAYS_AGO = 20
DECISION_DAYS_AGO = 10
ENDED_PERSON = (D(2001, 9, 14), 945, "Virta", "Oona", "091", "fi", 90)
ENDED_DAYS_AGO = 5


def request_decision_demo(today: dt.date):
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from . import transfer_requests
    from .models import Ground, Person, RequestReason

    number, birth = DECISION_REQUEST
    person = Person.objects.filter(henkilotunnus=make_henkilotunnus(birth, number)).first()
    asked = today - dt.timedelta(days=DECISION_ASKED_DAYS_AGO)
    if person is None or person.transfer_requests.exists():
        yield "Decision on a transfer request: no change."
        return
    users = get_user_model().objects
    try:
        transfer_requests.check_in_force(asked)
        row = transfer_requests.ask(
            person,
            actor=users.get(username="linnea.lindqvist"),
            asked_on=asked,
            ground=Ground.REQUEST_TO_TE_OFFICE,
            reason=RequestReason.LINGUISTIC_RIGHTS,
            services_secured=False,
        )
        transfer_requests.decide(
            row,
            actor=users.get(username="sanna.makinen"),
            on=today - dt.timedelta(days=DECISION_DAYS_AGO),
            grant=False,
        )
    except ValidationError as exc:
        yield f"Decision on a transfer request: skipped ({' '.join(exc.messages)})"
        return
    yield (
        f"Decision on a transfer request: {person.full_name}'s request refused; the decision letter is on "
        "the person page (linnea.lindqvist, sanna.makinen)."
    )


def ended_customership_demo(today: dt.date):
    from kuntakokeilu.rules.parameters import default_store

    from . import worklist
    from .models import DueTransfer, Person

    params = default_store()
    registered = today - dt.timedelta(days=ENDED_PERSON[-1])
    ended = today - dt.timedelta(days=ENDED_DAYS_AGO)
    code = make_henkilotunnus(ENDED_PERSON[0], ENDED_PERSON[1])
    if Person.objects.filter(henkilotunnus=code).exists():
        yield "Ended customership: no change."
        return
    if not (worklist.in_pilot(registered, params) and worklist.in_pilot(ended, params)):
        yield "Ended customership: skipped (the pilot does not run on those days)."
        return
    import_job_seekers(_csv([_due_row(ENDED_PERSON, registered)]), source="demo-ended")
    due = DueTransfer.objects.filter(person__henkilotunnus=code, done_on=None, cancelled_on=None).first()
    if due is None:
        yield "Ended customership: skipped (no transfer was due)."
        return
    worklist.complete(due, actor=None, on=registered + dt.timedelta(days=2))
    last_day = (ended - dt.timedelta(days=1)).isoformat()
    import_job_seekers(
        _csv([_due_row(ENDED_PERSON, registered, job_search_end=last_day)]), source="demo-ended"
    )
    yield "Ended customership: Oona Virta's job search ended; the notice is on her page (sanna.makinen)."
