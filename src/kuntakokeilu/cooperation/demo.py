"""Demo step of the co-operation network (R-SP-9, issue 17 item 7): the networks of the Kainuu (7), Helsinki
(20) and Porvoo (22) trial areas — the areas' real member municipalities, their ELY centre and TE office
(Kainuu's, code 14; Uusimaa's, code 01), a skills-service provider and the education administration — and
two meetings in 2022 with minutes in Finnish for Kainuu and Helsinki, one in Swedish for Porvoo. The
providers' names are real organisations of the areas; contact persons, agendas and minutes are demo
content. Idempotent (a second run changes nothing); meetings dated after today are not recorded."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice, TrialArea

from .models import REFERENCE_FIELDS, MemberKind, NetworkMeeting, NetworkMember

D = dt.date
START = D(2021, 3, 1)
# area -> (ELY/TE code, [(kind, name, contact, email, from)] of the named members)
NETWORKS = {
    7: (
        "14",
        [
            (
                MemberKind.SKILLS_SERVICE_PROVIDER,
                "Kainuun ammattiopisto",
                "Kaisa Demo",
                "kaisa.demo@example.fi",
                D(2021, 9, 1),
            ),
            (
                MemberKind.EDUCATION_ADMINISTRATION,
                "Kajaanin kaupungin sivistyspalvelut",
                "Olli Demo",
                "olli.demo@example.fi",
                START,
            ),
        ],
    ),
    20: (
        "01",
        [
            (
                MemberKind.SKILLS_SERVICE_PROVIDER,
                "Stadin ammatti- ja aikuisopisto",
                "Sari Demo",
                "sari.demo@example.fi",
                START,
            ),
            (
                MemberKind.EDUCATION_ADMINISTRATION,
                "Helsingin kaupungin kasvatuksen ja koulutuksen toimiala",
                "Matti Demo",
                "matti.demo@example.fi",
                START,
            ),
        ],
    ),
    22: (
        "01",
        [
            (MemberKind.SKILLS_SERVICE_PROVIDER, "Inveon", "Anna Demo", "anna.demo@example.fi", START),
            (
                MemberKind.EDUCATION_ADMINISTRATION,
                "Borgå stad, bildningssektorn",
                "Erik Demo",
                "erik.demo@example.fi",
                START,
            ),
        ],
    ),
}
# (area, date, channel, place, agenda, minutes)
MEETINGS = [
    (
        7,
        D(2022, 3, 15),
        "remote",
        "Teams",
        "1. Kokouksen avaus\n2. Asiakasmäärien kehitys alkuvuonna 2022\n3. Osaamispalveluiden saatavuus",
        "Todettiin asiakasmäärien kasvaneen Kajaanissa ja Sotkamossa. Kainuun ammattiopisto esitteli kevään "
        "lyhytkoulutukset; sovittiin, että TE-toimisto ja kunnat ohjaavat niihin asiakkaita huhtikuusta.",
    ),
    (
        7,
        D(2022, 6, 9),
        "in_person",
        "Kajaanin kaupungintalo",
        "1. Kokouksen avaus\n2. Pohjoismainen työvoimapalvelumalli 2.5.2022 alkaen\n"
        "3. Syksyn koulutustarpeet",
        "Käytiin läpi pohjoismaisen mallin käynnistyminen kunnissa. ELY-keskus kertoi syksyn "
        "työvoimakoulutusten hankinnoista; opetustoimi ja ammattiopisto kokoavat koulutustarpeet elokuuhun "
        "mennessä.",
    ),
    (
        20,
        D(2022, 2, 10),
        "remote",
        "Teams",
        "1. Kokouksen avaus\n2. Kokeilun tilannekatsaus\n3. Nuorten palvelut ja koulutuspolut",
        "Kaupunki esitteli kokeilun asiakasmäärät ja palveluprosessin määräajat. Sovittiin yhteisestä "
        "työpajasta nuorten koulutuspoluista Stadin ammatti- ja aikuisopiston kanssa.",
    ),
    (
        20,
        D(2022, 5, 19),
        "hybrid",
        "Helsingin työllisyyspalvelut / Teams",
        "1. Kokouksen avaus\n2. Pohjoismainen työvoimapalvelumalli\n3. Resurssien riittävyys",
        "Todettiin työnhakukeskustelujen kasvattaneen työmäärää. ELY-keskus ja TE-toimisto seuraavat "
        "määrärahojen käyttöä kuukausittain; seuraava kokous syyskuussa.",
    ),
    (
        22,
        D(2022, 4, 7),
        "in_person",
        "Borgå stadshus",
        "1. Mötets öppnande\n2. Kundantalet i Borgå\n3. Utbildning på svenska",
        "Konstaterades att efterfrågan på utbildning på svenska ökar. Inveon och bildningssektorn kartlägger "
        "utbildningsbehoven; NTM-centralen informerar om upphandlingarna på hösten.",
    ),
]


def _member(area, kind, *, org=None, name="", contact="", email="", start=START):
    field = REFERENCE_FIELDS.get(kind)
    lookup = {"trial_area": area, "kind": kind, "member_from": start}
    lookup |= {field: org} if field else {"name": name}
    _member, created = NetworkMember.objects.get_or_create(
        **lookup, defaults={"contact_name": contact, "contact_email": email}
    )
    return created


@transaction.atomic
def run(today: dt.date):
    yield ""
    added = 0
    for number, (office, named) in NETWORKS.items():
        area = TrialArea.objects.get(number=number)
        for municipality in Municipality.objects.filter(trial_memberships__trial_area=area):
            added += _member(area, MemberKind.MUNICIPALITY, org=municipality)
        added += _member(area, MemberKind.ELY_CENTRE, org=ElyCentre.objects.get(code=office))
        added += _member(area, MemberKind.TE_OFFICE, org=TeOffice.objects.get(code=office))
        for kind, name, contact, email, start in named:
            added += _member(area, kind, name=name, contact=contact, email=email, start=start)
    yield f"Co-operation networks of the trial areas 7, 20 and 22: {added} members added."
    recorded = 0
    for number, day, channel, place, agenda, minutes in MEETINGS:
        area = TrialArea.objects.get(number=number)
        if day > today or NetworkMeeting.objects.filter(trial_area=area, date=day).exists():
            continue
        meeting = NetworkMeeting.objects.create(
            trial_area=area, date=day, channel=channel, place=place, agenda=agenda, minutes=minutes
        )
        meeting.participants.set(NetworkMember.objects.valid_on(day).filter(trial_area=area))
        recorded += 1
    yield f"Co-operation network meetings: {recorded} recorded."
