"""Demo step of services (issue 17 items 3 and 6): the Helsinki customer Hodan Warsame (aino.virtanen) has a
job-search coaching ended and a work trial under way from 15.8.2022 (her status is "in service" from that
day); the Porvoo customer Johan Nyström (linnea.lindqvist, Swedish) was referred to a labour-market training
that the ELY centre selected him for; the Porvoo customer Sofia Holmberg's job search ended on 31.8.2022 for
employment on the open labour market (recorded by linnea.lindqvist). Every step goes through `services` (or
`service_process.services_exit`) as a user would; steps dated after today wait; idempotent (a referral
is found again by person, kind and date, and each step is taken only once)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process import services_exit
from kuntakokeilu.service_process.models import JobSearchEndReason
from kuntakokeilu.service_process.services import Refused

from . import services
from .models import Referral, State

D = dt.date
HODAN, JOHAN, SOFIA = (D(1985, 9, 2), 902), (D(1988, 4, 19), 908), (D(1999, 12, 1), 909)
# (person, username, kind, provider, referred on, [(event, date, arguments)])
SERVICES = [
    (
        HODAN,
        "aino.virtanen",
        "job_search_coaching",
        "Helsingin työllisyyspalvelut, työnhakuvalmennus (demo)",
        D(2022, 3, 1),
        [
            ("start", D(2022, 3, 14), {"planned_end": D(2022, 4, 8)}),
            ("end", D(2022, 4, 8), {"outcome": "completed"}),
        ],
    ),
    (
        HODAN,
        "aino.virtanen",
        "work_trial",
        "Helsingin kaupunki, Stara (demo)",
        D(2022, 8, 1),
        [("start", D(2022, 8, 15), {"planned_end": D(2022, 11, 15)})],
    ),
    (
        JOHAN,
        "linnea.lindqvist",
        "labour_market_training",
        "Nylands NTM-central: logistikutbildning (demo)",
        D(2022, 6, 1),
        [
            ("select", D(2022, 6, 20), {"selection": "selected"}),
            ("start", D(2022, 8, 15), {"planned_end": D(2022, 12, 16)}),
        ],
    ),
]
DATE_ARGUMENT = {"start": "started_on", "end": "actual_end", "select": "selection_on"}
EXIT = (SOFIA, "linnea.lindqvist", D(2022, 8, 31), "open_market", "Fast anställning inom handeln (demo)")


def _person(key) -> Person | None:
    return Person.objects.filter(henkilotunnus=make_henkilotunnus(*key)).first()


def _done(referral: Referral, event: str) -> bool:
    return {
        "select": bool(referral.selection),
        "start": referral.started_on is not None,
        "end": referral.state in (State.ENDED, State.INTERRUPTED),
    }[event]


def run(today: dt.date):
    yield ""
    users = get_user_model().objects
    changed = 0
    for key, username, kind, provider, referred_on, steps in SERVICES:
        person, user = _person(key), users.get(username=username)
        if person is None or referred_on > today:
            continue
        try:
            referral = Referral.objects.filter(person=person, kind=kind, referred_on=referred_on).first()
            if referral is None:
                referral = services.refer(
                    user, person, kind=kind, provider=provider, referred_on=referred_on, today=today
                )
                changed += 1
            for event, day, arguments in steps:
                if day > today or _done(referral, event):
                    continue
                call = {"start": services.start, "end": services.end, "select": services.record_selection}[
                    event
                ]
                referral = call(user, referral, today=today, **{DATE_ARGUMENT[event]: day, **arguments})
                changed += 1
        except Refused as refused:
            yield f"Services: {person} {kind} not recorded: {refused}"
    under_way = Referral.objects.filter(state=State.UNDER_WAY).count()
    yield f"Services: {changed} steps recorded; {Referral.objects.count()} referrals, {under_way} under way."
    key, username, ended_on, reason, text = EXIT
    person = _person(key)
    if person is not None and ended_on <= today:
        if not JobSearchEndReason.objects.filter(person=person, ended_on=ended_on).exists():
            try:
                services_exit.record_end_reason(
                    users.get(username=username),
                    person,
                    ended_on=ended_on,
                    reason=reason,
                    text=text,
                    today=today,
                )
            except Refused as refused:
                yield f"Job search end of {person} not recorded: {refused}"
        yield f"Job searches ended with a reason recorded: {JobSearchEndReason.objects.count()}."
