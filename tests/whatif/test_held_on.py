"""The what-if's one-query read of the facts held on a date (`whatif.queries.held_on`; issue 13) gives, for
every person, exactly the rule's input that `customers.queries.facts_on` builds from the person's facts
without a customership (R-TG-1: the latest current fact of each kind valid on the date; corrections
superseded; R-TG-2's inputs), on dates before, on and after the facts' start days."""

import datetime as dt
import random

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.customers.queries import facts_on
from kuntakokeilu.customers.statuses import STATUS_CODES
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.whatif import queries

DAYS = [dt.date(2020, 6, 1) + dt.timedelta(days=d) for d in range(0, 1800, 45)]


def _value(kind: str, rng: random.Random, places: list[Municipality]) -> dict:
    if kind in (FactKind.KOTIKUNTA, FactKind.RESIDENCE):
        return {"municipality": rng.choice([*places, None])}
    if kind == FactKind.MOTHER_TONGUE:
        return {"code": rng.choice(["fi", "sv", "ar", "ru", ""])}
    if kind == FactKind.STATUS:
        return {"code": rng.choice([*STATUS_CODES, ""])}
    if kind == FactKind.JOB_SEARCH:
        return {"end_date": rng.choice([None, *DAYS])}
    if kind == FactKind.CHANGE_SECURITY:
        return {"flag": rng.choice([True, False, None]), "date_value": rng.choice([None, *DAYS])}
    return {"flag": rng.choice([True, False, None])}


def _histories(n: int, seed: int) -> None:
    """`n` persons, each kind with 0–3 facts on random days (a job search ends on or after its start), some
    corrected (the superseded row kept); a few persons with no facts at all."""
    rng = random.Random(seed)
    places = list(Municipality.objects.filter(code__in=["091", "205", "049", "099", "167", "297"]))
    for i in range(n):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 15000))
        person = Person.objects.create(
            henkilotunnus=make_henkilotunnus(born, 900 + i % 99),
            birth_date=born,
            first_name="Testi",
            last_name=f"Henkilö {i}",
            service_language="fi",
        )
        for kind in FactKind.values:
            for day in sorted(rng.sample(DAYS, rng.choice([0, 1, 1, 2, 3]))):
                value = _value(kind, rng, places)
                if kind == FactKind.JOB_SEARCH and value["end_date"] and value["end_date"] < day:
                    value["end_date"] = day
                if rng.random() < 0.15:  # a correction: the old row superseded, the new one current
                    old = Fact.objects.create(
                        person=person, kind=kind, valid_from=day, superseded=True, **value
                    )
                    value = _value(kind, rng, places)
                    if kind == FactKind.JOB_SEARCH and value["end_date"] and value["end_date"] < day:
                        value["end_date"] = day
                    Fact.objects.create(person=person, kind=kind, valid_from=day, corrects=old, **value)
                else:
                    Fact.objects.create(person=person, kind=kind, valid_from=day, **value)


def test_held_on_equals_facts_on_for_every_person_and_date(db):
    _histories(120, seed=5)
    persons = {p.pk: p for p in Person.objects.all()}
    dates = [DAYS[0] - dt.timedelta(days=1), *DAYS, DAYS[7] + dt.timedelta(days=1), dt.date(2026, 1, 1)]
    compared = 0
    for on in dates:
        held = {queries.person_id(pk): given for pk, given in queries.held_on(on, batch=17)}
        assert held.keys() == persons.keys()
        for pk, person in persons.items():
            assert held[pk] == facts_on(person, on, customerships=[]), (person, on)
            compared += 1
    assert compared == 120 * len(dates)


def test_held_on_reads_the_generated_population(generated):
    """The synthetic job seekers of the what-if's tests (one fact of each kind) are read as `facts_on` reads
    them, on the initial transfer's day and before the facts began."""
    for on in (dt.date(2021, 3, 1), dt.date(2019, 1, 1)):
        held = dict(queries.held_on(on))
        assert len(held) == 400
        for person in Person.objects.all()[:100]:
            key = next(k for k in held if queries.person_id(k) == person.pk)
            assert held[key] == facts_on(person, on, customerships=[])
