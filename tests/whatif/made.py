"""Data of the what-if's tests (pages and browser): applications of a round, job seekers."""

import datetime as dt

from kuntakokeilu.applications.models import Application, ApplicationStatus, Round
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.regions.models import Municipality


def submit_three() -> dict[str, Application]:
    """Three applications submitted in the supplementary round 2020, on real municipalities: Hanko (8,000
    inhabitants) and Loviisa (14,700) in the Uusimaa ELY area, both under the minimum population of 30,000;
    Kotka (51,000) in Kaakkois-Suomi."""
    round_ = Round.objects.get(code="supplementary-2020")
    made = {}
    for name, code in (("Hanko", "078"), ("Loviisa", "434"), ("Kotka", "285")):
        place = Municipality.objects.get(code=code)
        application = Application.objects.create(
            round=round_,
            name=f"{name} kokeilu",
            lead=place,
            status=ApplicationStatus.SUBMITTED,
            own_resourcing_eur=500_000,
            own_resourcing_person_years=6,
            service_model="Nopea kontaktointi.",
            cooperation_structure="Kunta, ELY-keskus, TE-toimisto.",
            premises="Kaupungintalo.",
        )
        application.municipalities.set([place])
        made[name] = application
    return made


def seeker(code: str, last_name: str, number: int, status: str = "unemployed", born=dt.date(1993, 6, 1)):
    """A 27-year-old job seeker of `code` whose only group criterion is the age (Finnish, not an immigrant,
    entitled to earnings-related allowance): unemployed, in the group under the law and out with age limit
    25; at 24 and at risk of unemployment (not a status of the law on 1.3.2021), out under the law and in
    under the edits."""
    person = Person.objects.create(
        henkilotunnus=make_henkilotunnus(born, number),
        birth_date=born,
        first_name="Testi",
        last_name=last_name,
        service_language="fi",
    )
    values = {
        FactKind.KOTIKUNTA: {"municipality": Municipality.objects.get(code=code)},
        FactKind.MOTHER_TONGUE: {"code": "fi"},
        FactKind.IMMIGRANT: {"flag": False},
        FactKind.STATUS: {"code": status},
        FactKind.EARNINGS_RELATED: {"flag": True},
        FactKind.JOB_SEARCH: {},
    }
    for kind, value in values.items():
        Fact.objects.create(person=person, kind=kind, valid_from=dt.date(2020, 1, 2), **value)
