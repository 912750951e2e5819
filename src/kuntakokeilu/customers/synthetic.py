"""A synthetic Finland (issue 6): N job seekers spread over the municipalities in proportion to the real
unemployed job seekers of a statistics month (table 12r5, February 2021 by default), with the shares of
under-30s, foreign-language speakers, immigrants and earnings-related entitlement of
parameters/transfers.yaml (stated assumptions). Identity codes use the temporary individual numbers
900–999, a clearly marked test range; person ids are drawn from the same seeded generator, so the same
seed gives the same people and a re-run creates nothing new (a code already stored is skipped).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from kuntakokeilu.regions.models import LanguageStatus, Municipality
from kuntakokeilu.rules.parameters import ParameterStore, default_store

from . import bulk
from .identity import make_henkilotunnus
from .models import Fact, FactKind, Person

# Shipped by the evaluation app: a byte-for-byte copy of shared/data (see its README), checked here.
STATISTICS = (
    Path(__file__).resolve().parent.parent / "evaluation" / "data" / "tyonv_12r5_municipality_monthly.csv"
)
STATISTICS_SHA256 = "202784423b8f1e4d81d8a8127af2cd8ba5a8ce4265fdf73437e035c1779b17be"
TEST_NUMBERS = range(900, 1000)  # temporary identity codes: never a real person's
REFERENCE_DAY = dt.date(2021, 2, 28)
FOREIGN_LANGUAGES = ("ru", "et", "ar", "so", "en", "fa", "ku", "sq", "vi", "th")
FIRST_NAMES = (
    "Aino",
    "Eero",
    "Helmi",
    "Juho",
    "Kaisa",
    "Lauri",
    "Minna",
    "Olli",
    "Saara",
    "Timo",
    "Anna",
    "Erik",
)
LAST_NAMES = ("Testinen", "Kokeilu", "Esimerkki", "Malli", "Synteesi", "Provsson", "Exempel", "Harjoitus")
BATCH = 2000
# What differs between the rows `_save` writes (customers/bulk.py: the other columns are the same in all).
PERSON_FIELDS = ("id", "henkilotunnus", "birth_date", "first_name", "last_name", "service_language")
FACT_FIELDS = ("person_id", "kind", "valid_from", "municipality_id", "code", "flag")


class StatisticsChanged(Exception):
    pass


def unemployed_by_municipality(month: str, path: Path = STATISTICS) -> dict[str, int]:
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != STATISTICS_SHA256:
        raise StatisticsChanged(f"{path} is not the shipped table 12r5 (SHA-256 differs)")
    rows = csv.DictReader(data.decode("utf-8").splitlines())
    return {r["kunta_code"]: int(r["unemployed_jobseekers"]) for r in rows if r["month"] == month}


def allocate(total: int, weights: dict[str, int]) -> dict[str, int]:
    """Split `total` in proportion to `weights` (largest remainder; ties by code): the counts sum to it."""
    whole = sum(weights.values())
    exact = {code: total * w / whole for code, w in weights.items()}
    counts = {code: int(x) for code, x in exact.items()}
    rest = total - sum(counts.values())
    for code in sorted(exact, key=lambda c: (counts[c] - exact[c], c))[:rest]:
        counts[code] += 1
    return counts


@dataclass(frozen=True)
class Shares:
    under_30: float
    foreign_language: float
    immigrant: float
    earnings_related: float

    @classmethod
    def of(cls, params: ParameterStore, on: dt.date) -> Shares:
        get = lambda key: float(params.get(f"transfers.synthetic_share_{key}", on).value)  # noqa: E731
        return cls(get("under_30"), get("foreign_language"), get("immigrant"), get("earnings_related"))


def people(
    total: int, seed: int, params: ParameterStore | None = None
) -> Iterator[tuple[Person, list[Fact]]]:
    """The synthetic persons with their facts (unsaved), the same for the same seed and reference data."""
    params = params or default_store()
    on = dt.date(2021, 3, 1)
    month = params.get("transfers.synthetic_statistics_month", on).value
    places = {m.code: m for m in Municipality.objects.filter(code__in=unemployed_by_municipality(month))}
    weights = {code: n for code, n in unemployed_by_municipality(month).items() if code in places and n > 0}
    counts = allocate(total, weights)
    shares = Shares.of(params, on)
    rng = random.Random(seed)  # noqa: S311 (test data, reproducible by design)
    taken: set[str] = set()
    for code in sorted(counts):
        place = places[code]
        swedish = place.language_status in (LanguageStatus.SWEDISH, LanguageStatus.BILINGUAL_SV)
        for _ in range(counts[code]):
            yield _person(rng, place, swedish, shares, taken)


def _person(rng: random.Random, place: Municipality, swedish: bool, shares: Shares, taken: set[str]):
    young = rng.random() < shares.under_30
    age_days = rng.randint(18 * 365 + 5, 30 * 365 - 5) if young else rng.randint(30 * 365 + 10, 64 * 365)
    born = REFERENCE_DAY - dt.timedelta(days=age_days)
    number = rng.choice(TEST_NUMBERS)
    code = make_henkilotunnus(born, number)
    while code in taken:  # the next free temporary number of that birth date (stays in the test range)
        number = 900 + (number - 899) % 100
        code = make_henkilotunnus(born, number)
    taken.add(code)
    foreign = rng.random() < shares.foreign_language
    tongue = rng.choice(FOREIGN_LANGUAGES) if foreign else ("sv" if swedish else "fi")
    person = Person(
        id=uuid.UUID(int=rng.getrandbits(128), version=4),
        henkilotunnus=code,
        birth_date=born,
        first_name=rng.choice(FIRST_NAMES),
        last_name=rng.choice(LAST_NAMES),
        service_language="sv" if tongue == "sv" else "fi",
    )
    start = REFERENCE_DAY - dt.timedelta(days=rng.randint(0, 700))
    values = {
        FactKind.KOTIKUNTA: {"municipality": place},
        FactKind.MOTHER_TONGUE: {"code": tongue},
        FactKind.IMMIGRANT: {"flag": rng.random() < shares.immigrant},
        FactKind.STATUS: {"code": "unemployed"},
        FactKind.EARNINGS_RELATED: {"flag": rng.random() < shares.earnings_related},
        FactKind.JOB_SEARCH: {},
    }
    facts = [
        Fact(person=person, kind=k, valid_from=start, source="synthetic", **v) for k, v in values.items()
    ]
    return person, facts


def generate(total: int, seed: int, progress=None) -> int:
    """Create the synthetic job seekers in batches, all or nothing; returns how many were new."""
    created = 0
    with transaction.atomic():
        batch: list[tuple[Person, list[Fact]]] = []
        for item in people(total, seed):
            batch.append(item)
            if len(batch) == BATCH:
                created += _save(batch)
                batch = []
                if progress:
                    progress(created)
        created += _save(batch)
    return created


def _save(batch) -> int:
    """Save the batch's persons not yet stored (a re-run, or a code another person already has)."""
    stored = set(
        Person.objects.filter(henkilotunnus__in=[p.henkilotunnus for p, _ in batch]).values_list(
            "henkilotunnus", flat=True
        )
    )
    batch = [(p, facts) for p, facts in batch if p.henkilotunnus not in stored]
    persons = [p for p, _ in batch]
    bulk.insert(Person, persons, PERSON_FIELDS)
    bulk.insert(Fact, [f for _, facts in batch for f in facts], FACT_FIELDS)
    return len(persons)
