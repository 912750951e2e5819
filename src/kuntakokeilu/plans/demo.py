"""Demo step of the plans (issue 17 item 1, R-SP-5): the demo's Helsinki customer (Finnish, aino.virtanen:
Hodan Warsame) gets an employment plan with a review (two versions) and an activation plan; the Porvoo
customer (Swedish, linnea.lindqvist: Johan Nyström) an employment plan and a multi-sector (TYP) plan, worded
in Swedish. Each version has its steps, services and both parties' approvals. Idempotent: a plan of a kind
the person has, a version number the plan has or an approval given is not made again; nothing dated after
today is recorded. The texts are demo content."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person

from . import services
from .models import Plan, PlanApproval

D = dt.date
DAY = dt.timedelta(days=1)


def _version(agreed, goals, obligation, steps, plan_services=(), notes="", channel="in_person"):
    return {
        "agreed_on": agreed,
        "goals": goals,
        "job_search_obligation": obligation,
        "notes": notes,
        "steps": [{"text": t, "due_on": agreed + days * DAY, "responsible": r} for t, days, r in steps],
        "services": [{"kind": k, "starts_on": s, "ends_on": e} for k, s, e in plan_services],
        "channel": channel,
    }


# (person: birth date and number as in customers.demo, username, kind, versions)
PLANS = [
    (
        (D(1985, 9, 2), 902, "aino.virtanen"),
        "employment",
        [
            _version(
                D(2021, 4, 15),
                "Selvitetään ammatillinen tavoite hoiva-alalta; suomen kielen taito vahvemmaksi.",
                "",
                [
                    ("Ilmoittautuu kotoutumiskoulutukseen.", 30, "job_seeker"),
                    ("Varaa aika ammatinvalinta- ja uraohjaukseen.", 14, "case_worker"),
                ],
                [("career_guidance", D(2021, 5, 3), D(2021, 8, 31))],
            ),
            _version(
                D(2022, 6, 1),
                "Lähihoitajan tutkinto oppisopimuksella; työ hoiva-alalla.",
                "4 työmahdollisuutta kuukauden tarkastelujaksossa (JTYPL 3:3).",
                [
                    (
                        "Hakee neljää työmahdollisuutta kuukaudessa ja ilmoittaa haut verkkoasioinnissa.",
                        30,
                        "job_seeker",
                    ),
                    ("Selvittää oppisopimuspaikat hoiva-alan työnantajilta.", 45, "case_worker"),
                ],
                [("job_search_coaching", D(2022, 6, 13), D(2022, 7, 8))],
                channel="e_service",
            ),
        ],
    ),
    (
        (D(1985, 9, 2), 902, "aino.virtanen"),
        "activation",
        [
            _version(
                D(2022, 6, 1),
                "Kuntouttava työtoiminta päiväkodin avustavissa tehtävissä kolme päivää viikossa.",
                "4 työmahdollisuutta kuukauden tarkastelujaksossa (JTYPL 3:3).",
                [("Aloittaa kuntouttavan työtoiminnan.", 14, "job_seeker")],
                [("rehabilitative_work", D(2022, 6, 15), D(2022, 11, 30))],
            ),
        ],
    ),
    (
        (D(1988, 4, 19), 908, "linnea.lindqvist"),
        "employment",
        [
            _version(
                D(2021, 4, 20),
                "Arbete inom logistik i Borgåområdet; truckkort.",
                "",
                [
                    ("Söker lediga arbeten inom logistik varje vecka.", 30, "job_seeker"),
                    ("Anmäler sig till arbetskraftsutbildning för truckkort.", 21, "job_seeker"),
                ],
                [("labour_market_training", D(2021, 6, 1), D(2021, 6, 30))],
            ),
        ],
    ),
    (
        (D(1988, 4, 19), 908, "linnea.lindqvist"),
        "typ",
        [
            _version(
                D(2022, 5, 16),
                "Sektorsövergripande samservice: arbetsförmågan bedöms och en väg till arbete planeras.",
                "",
                [
                    ("Besöker företagshälsovården för en bedömning av arbetsförmågan.", 30, "job_seeker"),
                    ("Samlar sektorernas bedömningar till den gemensamma planen.", 45, "case_worker"),
                ],
                [
                    ("expert_assessment", D(2022, 6, 1), D(2022, 7, 29)),
                    ("multi_sector", D(2022, 5, 16), None),
                ],
                channel="video",
            ),
        ],
    ),
]


def run(today: dt.date):
    yield ""
    users = get_user_model().objects
    made = approved = 0
    for (born, number, username), kind, versions in PLANS:
        person = Person.objects.filter(henkilotunnus=make_henkilotunnus(born, number)).first()
        if person is None:
            continue
        user = users.get(username=username)
        plan = Plan.objects.filter(person=person, kind=kind).first()
        for number_, given in enumerate(versions, start=1):
            content = dict(given)
            channel = content.pop("channel")
            if content["agreed_on"] > today:
                continue
            try:
                version = plan.versions.filter(number=number_).first() if plan else None
                if version is None:
                    if plan is None:
                        version = services.create_plan(user, person, kind, today=today, **content)
                        plan = version.plan
                    else:
                        version = services.add_version(user, person, plan, today=today, **content)
                    made += 1
                for party in ("case_worker", "job_seeker"):
                    if not PlanApproval.objects.filter(version=version, party=party).exists():
                        services.record_approval(
                            user,
                            person,
                            version,
                            today=today,
                            party=party,
                            approved_on=version.agreed_on,
                            channel=channel,
                        )
                        approved += 1
            except services.Refused as refused:
                day = content["agreed_on"]
                yield f"Plan ({kind}) of {person.full_name} of {day}: not recorded ({refused})."
    yield f"Demo plans: {made} versions and {approved} approvals recorded (Helsinki in fi, Porvoo in sv)."
