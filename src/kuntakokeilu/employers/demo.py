"""Demo step of the employer side (issue 17 item 4, R-SP-7): employers in Helsinki and Porvoo (fictional
companies; their business ids pass the check digit), a vacancy of each from the employer's assignment, the
Helsinki customer Hodan Warsame's written consent and her presentation for the Helsinki vacancy
(aino.virtanen), and job offers: Hodan's refused in August 2022 with no initial interview held (does not
count), Johan Nyström's (Porvoo, in Swedish, linnea.lindqvist) refused in March 2022 (before 2.5.2022: counts)
and another he applied for. Idempotent; nothing dated after today is recorded."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality

from . import services
from .models import Employer, JobOffer, PresentationConsent, Vacancy

D = dt.date
WARSAME = (D(1985, 9, 2), 902)
NYSTROM = (D(1988, 4, 19), 908)
# (business id, name, kunta, contact) — fictional companies
EMPLOYERS = [
    ("1618033-3", "Kahvila Esimerkki Oy (demo)", "091", "Esimies Maija Demo, 040 000 0001"),
    ("2236067-2", "Rakennus Demo Oy", "091", "Työnjohtaja Kalle Demo, 040 000 0002"),
    ("1414213-0", "Borgå Demo Ab", "638", "Förman Stina Demo, 040 000 0003"),
    ("1732050-2", "Porvoon Satama Demo Oy", "638", "Henkilöstö, rekry@example.invalid"),
]
# (business id, title, kunta, published, apply by, assignment date, assignment text, username)
VACANCIES = [
    (
        "1618033-3",
        "myyjä-barista",
        "091",
        D(2022, 8, 15),
        D(2022, 9, 30),
        D(2022, 8, 12),
        "Työnantaja pyysi 12.8.2022 välittämään paikan ja esittelemään sopivia hakijoita: kokoaikainen, "
        "toistaiseksi voimassa, aloitus syyskuussa.",
        "aino.virtanen",
    ),
    (
        "1414213-0",
        "lagerarbetare",
        "638",
        D(2022, 8, 20),
        D(2022, 9, 16),
        D(2022, 8, 19),
        "Arbetsgivaren bad 19.8.2022 kommunen förmedla platsen: heltid, visstid sex månader.",
        "linnea.lindqvist",
    ),
]
CONSENT = (
    WARSAME,
    D(2022, 8, 16),
    "Kirjallinen suostumus allekirjoitettu 16.8.2022, arkistotunnus DEMO/HEL/2022/123.",
)
# (person, username, vacancy title or None, job text, offered on, apply by, by, outcome, outcome on, reason)
OFFERS = [
    (
        WARSAME,
        "aino.virtanen",
        "myyjä-barista",
        "",
        D(2022, 8, 17),
        D(2022, 8, 26),
        "authority",
        "refused",
        D(2022, 8, 22),
        "Työvuorot eivät sovi lasten päivähoidon aikoihin.",
    ),
    (
        NYSTROM,
        "linnea.lindqvist",
        None,
        "Lagerarbetare, Borgå Demo Ab",
        D(2022, 3, 1),
        D(2022, 3, 14),
        "authority",
        "refused",
        D(2022, 3, 8),
        "Inget intresse för lagerarbete.",
    ),
    (
        NYSTROM,
        "linnea.lindqvist",
        "lagerarbetare",
        "",
        D(2022, 8, 22),
        D(2022, 9, 16),
        "authority",
        "applied",
        D(2022, 8, 25),
        "",
    ),
]


def _person(key) -> Person | None:
    return Person.objects.filter(henkilotunnus=make_henkilotunnus(*key)).first()


@transaction.atomic
def run(today: dt.date):
    yield ""
    users = get_user_model().objects
    added = 0
    for business_id, name, code, contact in EMPLOYERS:
        if Employer.objects.filter(business_id=business_id).exists():
            continue
        municipality = Municipality.objects.get(code=code)
        user = users.get(username="aino.virtanen" if code == "091" else "linnea.lindqvist")
        services.add_employer(
            user, business_id=business_id, name=name, municipality=municipality, contact=contact, today=today
        )
        added += 1
    yield f"Employers: {added} added ({len(EMPLOYERS)} in Helsinki and Porvoo)."
    added = 0
    for business_id, title, code, published, apply_by, assigned, text, username in VACANCIES:
        employer = Employer.objects.get(business_id=business_id)
        if assigned > today or employer.vacancies.filter(title=title).exists():
            continue
        services.add_vacancy(
            users.get(username=username),
            employer,
            title=title,
            municipality=Municipality.objects.get(code=code),
            published_on=published,
            apply_by=apply_by,
            assignment_date=assigned,
            assignment_text=text,
            today=today,
        )
        added += 1
    yield f"Vacancies: {added} added."
    yield from _consent_and_presentation(today, users.get(username="aino.virtanen"))
    yield from _offers(today, users)


def _consent_and_presentation(today, aino):
    person_key, given_on, document = CONSENT
    person = _person(person_key)
    if person is None or given_on > today:
        return
    if not PresentationConsent.objects.filter(person=person, given_on=given_on).exists():
        services.record_consent(aino, person, given_on=given_on, document=document, scope="all", today=today)
        yield f"Written consent of {person.full_name} recorded (all employers, {given_on})."
    vacancy = Vacancy.objects.filter(title="myyjä-barista").first()
    if vacancy is not None and not vacancy.presentations.filter(person=person).exists():
        try:
            services.present(aino, vacancy, [person], today=today)
            yield f"{person.full_name} presented to {vacancy.employer.name}."
        except services.Refused as refused:
            yield f"{person.full_name} not presented ({refused.message})."


def _offers(today, users):
    recorded = 0
    for key, username, title, job, offered_on, apply_by, by, outcome, outcome_on, reason in OFFERS:
        person = _person(key)
        if (
            person is None
            or offered_on > today
            or JobOffer.objects.filter(person=person, offered_on=offered_on).exists()
        ):
            continue
        user = users.get(username=username)
        vacancy = Vacancy.objects.filter(title=title).first() if title else None
        if title and vacancy is None:
            continue
        try:
            offer = services.make_offer(
                user,
                person,
                offered_on=offered_on,
                apply_by=apply_by,
                offered_by=by,
                vacancy=vacancy,
                job=job,
                today=today,
            )
        except services.Refused as refused:
            yield f"Job offer to {person.full_name} on {offered_on}: not recorded ({refused.message})."
            continue
        recorded += 1
        if outcome_on <= today:
            done = services.record_outcome(
                user, offer, outcome=outcome, outcome_on=outcome_on, refusal_reason=reason, today=today
            )
            if done.judgement is not None:
                counts = "counts" if done.judgement.result["counts"] else "does not count"
                yield f"Job offer to {person.full_name} {outcome} on {outcome_on}: {counts}."
    yield f"Job offers: {recorded} recorded."
