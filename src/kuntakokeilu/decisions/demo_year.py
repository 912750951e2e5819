"""Demo step "a Kainuu year of decisions" (issue 18 item 6): the Kainuu ELY centre's (14) allocations and
trial area 7's quotas of the demo's year for the wage subsidy, the start-up grant and travel costs (made
here when the funding demo has not made them; ILLUSTRATIVE amounts), and some 40 decisions of Kajaani's (205)
customers over the year up to the demo's today — prepared by Kajaani's case workers and accepted by its
approver through `services.prepare` / `services.accept` (so that the ledger, where it is in force, commits
them at acceptance: this step writes no ledger rows) — with one cancellation and one correction.

Deterministic: a fixed seed, dates relative to the injected today (the demo's year is today's year within the
pilot's 2021–2024); each decision's period ends within the year. Idempotent: a planned decision is made only
when the person has no original decision of that benefit on that date (and no wage subsidy or start-up grant
at all); the cancellation and correction only while their decision is still in force and not yet replaced.
The Swedish decision of Porvoo is the decisions demo's (`demo.py`).
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from kuntakokeilu.funding import services as funding
from kuntakokeilu.funding.models import MinistryAllocation, QuotaComputation
from kuntakokeilu.funding.volumes import area_volumes
from kuntakokeilu.regions.models import ElyCentre

from . import services
from .demo import START_UP, WAGE, customers_of
from .models import Decision, Kind, Status

SEED = 1814  # fixed: the same year of decisions on every run
PLANNED = 40
PREPARERS = ("ville.hyvonen", "emma.kinnunen")
APPROVER = "antti.pulkkinen"
# Kainuu's allocations of the year if missing (ILLUSTRATIVE amounts, EUR)
ALLOCATIONS = {"wage_subsidy": 4_200_000, "start_up_grant": 450_000, "travel": 60_000}
CANCEL_REASON = "Työsuhde ei alkanut: työnantaja perui rekrytoinnin (demo)."
CORRECT_REASON = "Työsuhde päättyy aiemmin: tukijakso lyhennetään (demo)."


def demo_year(today: dt.date) -> int:
    return min(max(today.year, funding.FIRST_YEAR), funding.LAST_YEAR)


def ensure_quotas(year: int, today: dt.date) -> int:
    """Kainuu's allocation and quotas of the year for each instrument the year's decisions use."""
    users = get_user_model().objects
    ely = ElyCentre.objects.get(code="14")
    made = 0
    for instrument, amount in ALLOCATIONS.items():
        if not MinistryAllocation.objects.filter(year=year, ely=ely, instrument=instrument).exists():
            funding.allocate(
                users.get(username="elina.laine"),
                ely=ely,
                year=year,
                instrument=instrument,
                amount=amount,
                decided_on=min(today, dt.date(year, 1, 20)),
                reference=f"TEM/demo/{year}-14",
                today=today,
            )
            made += 1
        if not QuotaComputation.objects.filter(ely=ely, year=year, instrument=instrument).exists():
            on = min(today, dt.date(year, 1, 31))
            funding.compute_quotas(
                users.get(username="heikki.kemppainen"),
                ely=ely,
                year=year,
                instrument=instrument,
                method="by_volume",
                volumes=area_volumes(ely, on),
                volume_date=on,
                today=today,
            )
            made += 1
    return made


def plan(year: int, today: dt.date) -> list[tuple]:
    """The year's decisions as (date, instrument, person's rank among Kajaani's customers that day, facts,
    amount, percent, months, preparer): dates spread evenly from 3.1. to today, the rest by the seed."""
    rng = random.Random(SEED)  # noqa: S311 (demo data, not security)
    first = dt.date(year, 1, 3)
    last = min(today, dt.date(year, 12, 31))
    if last < first:
        return []
    span = (last - first).days
    out = []
    for i in range(PLANNED):
        on = first + dt.timedelta(days=span * i // PLANNED)
        roll = rng.random()
        rank = rng.randrange(1000)
        preparer = PREPARERS[i % 2]
        if roll < 0.3:
            facts = {
                **WAGE,
                "age": 25 + rng.randrange(35),
                "unemployed_months_last_14": 12 + rng.randrange(3),
            }
            amount = Decimal(6000 + 500 * rng.randrange(13))
            out.append((on, "wage-subsidy", rank, facts, amount, 100, 6 + rng.randrange(7), preparer))
        elif roll < 0.4:
            facts = {**START_UP, "business_started_on": (on + dt.timedelta(days=14)).isoformat()}
            amount = Decimal(700 * (3 + rng.randrange(4)))
            out.append((on, "start-up-grant", rank, facts, amount, None, 6, preparer))
        else:
            out.append((on, "travel-accommodation", rank, travel_facts(rank), None, None, 1, preparer))
    return out


ONE_PER_PERSON = ("wage-subsidy", "start-up-grant")


def _make(person, instrument, facts, amount, percent, months, preparer, on, year) -> Decision | None:
    taken = Decision.objects.filter(person=person, instrument=instrument, kind=Kind.ORIGINAL)
    if taken.filter(decision_date=on).exists() or (instrument in ONE_PER_PERSON and taken.exists()):
        return None
    users = get_user_model().objects
    _facts, outcome = services.run_rule(instrument, facts, on)
    if not outcome.result.get("allowed"):
        return None  # the rules do not allow it on these facts: the plan moves on
    most = services.limits(outcome.result)
    if amount is None:
        amount = most["max_amount"]
    start = on + dt.timedelta(days=14)
    length = min(months, most["max_months"] or months)
    end = min(services.period_last_day(start, length), dt.date(year, 12, 31))
    if end < start:
        return None
    if most["max_percent"] is not None:
        percent = min(percent or most["max_percent"], most["max_percent"])
    with transaction.atomic():
        decision = services.prepare(
            person, instrument, facts, amount, percent, start, end, users.get(username=preparer), on
        )
        services.accept(decision, users.get(username=APPROVER), on)
    return decision


def _planned_on(instrument: str, on: dt.date) -> bool:
    """The plan's key: one original decision of a benefit a day among Kajaani's (the plan's dates differ)."""
    return Decision.objects.filter(
        municipality__code="205", instrument=instrument, decision_date=on, kind=Kind.ORIGINAL
    ).exists()


def travel_facts(rank: int) -> dict:
    return {
        "kilometres": 80 + 10 * (rank % 30),
        "journeys": 1 + rank % 6,
        "accommodation_nights": rank % 3,
        "accommodation_costs": 70 * (rank % 3),
        "moving_costs": 0,
    }


def _one(on, instrument, rank, facts, amount, percent, months, preparer, year) -> bool:
    """The plan's decision of `on`: the customer at `rank` (or the next without this benefit); where every
    customer already has a wage subsidy or a start-up grant, a travel-cost decision instead."""
    persons = customers_of("205", on)
    if not persons or _planned_on(instrument, on):
        return False
    start = rank % len(persons)
    for person in persons[start:] + persons[:start]:
        if _make(person, instrument, facts, amount, percent, months, preparer, on, year) is not None:
            return True
    if instrument in ONE_PER_PERSON and not _planned_on("travel-accommodation", on):
        person = persons[start]
        facts = travel_facts(rank)
        return _make(person, "travel-accommodation", facts, None, None, 1, preparer, on, year) is not None
    return False


def _replace(decision: Decision, on: dt.date, *, cancel: bool) -> bool:
    """Cancel or correct (shorten by two months) `decision` on `on`, accepted by the approver."""
    if decision.status != Status.ACCEPTED or decision.replaced_by.exists() or on <= decision.decision_date:
        return False
    users = get_user_model().objects
    worker, approver = users.get(username=PREPARERS[1]), users.get(username=APPROVER)
    with transaction.atomic():
        if cancel:
            new = services.cancel(decision, worker, on, CANCEL_REASON)
        else:
            end = max(
                decision.start,
                services.period_last_day(decision.start, 1),
                decision.end - dt.timedelta(days=61),
            )
            new = services.correct(
                decision,
                facts=decision.facts,
                amount=(decision.amount * Decimal("0.75")).quantize(Decimal("0.01")),
                percent=decision.percent,
                start=decision.start,
                end=end,
                by=worker,
                on=on,
                reason=CORRECT_REASON,
            )
        services.accept(new, approver, on)
    return True


def run(today: dt.date):
    year = demo_year(today)
    yield ""
    yield f"A Kainuu year of decisions {year} (issue 18 item 6; amounts illustrative):"
    yield f"  Kainuu's allocations and quotas of {year} made here: {ensure_quotas(year, today)} new"
    made = 0
    for on, instrument, rank, facts, amount, percent, months, preparer in plan(year, today):
        made += _one(on, instrument, rank, facts, amount, percent, months, preparer, year)
    wage = list(
        Decision.objects.filter(
            municipality__code="205",
            instrument="wage-subsidy",
            kind=Kind.ORIGINAL,
            decision_date__year=year,
            decision_date__lt=today,
            prepared_by__username__in=PREPARERS,
        ).order_by("decision_date", "diary_number")
    )
    replaced = Decision.objects.filter(replaces__in=wage).exists()
    changed = 0
    if len(wage) >= 2 and not replaced:
        changed += _replace(wage[0], min(today, wage[0].decision_date + dt.timedelta(days=30)), cancel=True)
        changed += _replace(wage[1], min(today, wage[1].decision_date + dt.timedelta(days=45)), cancel=False)
    yield (
        f"  decisions of Kajaani's customers prepared by {' and '.join(PREPARERS)}, accepted by {APPROVER}: "
        f"{made} new; a cancellation and a correction: {changed} new (see /funding/areas/7/quota-use/)"
    )
