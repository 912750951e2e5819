"""Demo step of the benefit decisions (issue 18 item 2): accepted decisions of Kajaani's customers (Kainuu:
a wage subsidy, a start-up grant, a work trial) prepared by Kajaani's case workers and accepted by its
approver, a Porvoo decision printed in Swedish, and a Kajaani draft waiting for the approver.

Idempotent: a decision is made only where the person has none of that benefit; a second run changes
nothing. `decide(...)` is the reusable helper (a later "Kainuu year of decisions" calls it per case).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from kuntakokeilu.customers.models import Customership, Person, Responsible

from . import services
from .models import Decision
from .templates_default import ensure_defaults

WAGE = {
    "employer_type": "company",
    "unemployed_months_last_14": 13,
    "unemployed_months_last_28": 20,
    "reduced_work_ability": False,
    "age": 48,
    "employment_started_before_decision": False,
    "consecutive_period_applied_in_time": None,
    "esf_funded": None,
}
START_UP = {"business_started_on": None, "months_granted_before": 0}
WORK_TRIAL = {
    "age": 24,
    "organiser_type": "other",
    "months_in_trials": 0,
    "months_with_organiser": 0,
    "continuous_unemployment_months": None,
}


def customers_of(code: str, on: dt.date, language: str | None = None) -> list[Person]:
    """The persons who are customers of the trial municipality `code` on `on` (by name)."""
    rows = Customership.objects.filter(
        responsible=Responsible.MUNICIPALITY, municipality__code=code, valid_from__lte=on
    ).exclude(valid_to__lt=on)
    persons = Person.objects.filter(pk__in=rows.values("person_id")).order_by("last_name", "first_name")
    if language:
        persons = persons.filter(service_language=language)
    return list(persons)


def decide(
    person: Person,
    instrument: str,
    facts: dict,
    *,
    amount: Decimal | None,
    percent: int | None,
    start: dt.date,
    months: int | None,
    preparer: str,
    approver: str | None,
    on: dt.date,
) -> Decision | None:
    """A decision of `person` prepared by `preparer` on `on` (the longest period the rule allows, or
    `months`), accepted by `approver` (None: left as a draft); None if the person has one of the benefit."""
    if Decision.objects.filter(person=person, instrument=instrument).exists():
        return None
    users = get_user_model().objects
    with transaction.atomic():
        _facts, outcome = services.run_rule(instrument, facts, on)
        most = services.limits(outcome.result)
        length = most["max_months"] or months or 1
        end = services.period_last_day(start, min(length, months or length))
        decision = services.prepare(
            person,
            instrument,
            facts,
            amount,
            percent if percent is None else min(percent, most["max_percent"] or percent),
            start,
            end,
            users.get(username=preparer),
            on,
        )
        if approver is not None:
            services.accept(decision, users.get(username=approver), on)
    return decision


def months_in_year(start: dt.date) -> int:
    """The most whole months from `start` that end within its year (at least one): the demo's periods stay in
    the year whose quotas are computed, so that every accepted decision is committed (R-RES-2)."""
    months = 1
    while services.period_last_day(start, months + 1) <= dt.date(start.year, 12, 31):
        months += 1
    return months


def run(today: dt.date):
    yield ""
    created = ensure_defaults()
    yield f"Decision letter templates (fi/sv, from law notes §7.2, legal review pending): {created} new."
    kajaani = customers_of("205", today)
    porvoo = customers_of("638", today, language="sv")
    start = today + dt.timedelta(days=14)
    in_year = months_in_year(start)  # the next year's quotas are computed at the end of November
    plans = []
    if len(kajaani) >= 1:
        plans.append((kajaani[0], "wage-subsidy", WAGE, Decimal("9600.00"), 100, in_year, "ville.hyvonen"))
    if len(kajaani) >= 2:
        facts = {**START_UP, "business_started_on": start.isoformat()}
        plans.append(
            (kajaani[1], "start-up-grant", facts, Decimal("4200.00"), None, min(6, in_year), "emma.kinnunen")
        )
    if len(kajaani) >= 3:
        plans.append((kajaani[2], "work-trial", WORK_TRIAL, None, None, min(3, in_year), "ville.hyvonen"))
    made = 0
    for person, instrument, facts, amount, percent, months, preparer in plans:
        approver = "antti.pulkkinen"
        made += bool(
            decide(
                person,
                instrument,
                facts,
                amount=amount,
                percent=percent,
                start=start,
                months=months,
                preparer=preparer,
                approver=approver,
                on=today,
            )
        )
    if porvoo:
        made += bool(
            decide(
                porvoo[0],
                "wage-subsidy",
                {**WAGE, "unemployed_months_last_14": 4},
                amount=Decimal("7200.00"),
                percent=100,
                start=start,
                months=in_year,
                preparer="linnea.lindqvist",
                approver="ulrika.holmstrom",
                on=today,
            )
        )
    if len(kajaani) >= 4:
        made += bool(
            decide(
                kajaani[3],
                "wage-subsidy",
                WAGE,
                amount=Decimal("8000.00"),
                percent=100,
                start=start,
                months=in_year,
                preparer="emma.kinnunen",
                approver=None,
                on=today,
            )
        )
    yield (
        f"Benefit decisions: {made} new (Kajaani: {min(len(kajaani), 4)} customers, Porvoo in Swedish: "
        f"{min(len(porvoo), 1)}; the last Kajaani one a draft for antti.pulkkinen to accept)."
    )
