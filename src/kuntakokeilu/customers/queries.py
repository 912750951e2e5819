"""Reading job seekers (R-TG-1): the facts as they were on a date and their history (searches: `search.py`).

Reads only; the views and the API write the access log in the same transaction (access/audit.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .customerships import on_date, rule_input
from .models import Fact, FactKind, Person


def _current_on(facts: list[Fact], on: dt.date) -> dict[str, Fact]:
    """The current fact of each kind valid on `on` (the latest `valid_from` not after it)."""
    found: dict[str, Fact] = {}
    for fact in sorted(facts, key=lambda f: f.valid_from):
        if not fact.superseded and fact.valid_from <= on:
            found[fact.kind] = fact
    return found


def current_facts(person: Person) -> list[Fact]:
    return list(person.facts.current().select_related("municipality"))


def facts_on(person: Person, on: dt.date, facts: list[Fact] | None = None, customerships=None) -> dict:
    """The target-group rule's input (issue 5) as the register held it for `on`, with the customership
    that held on `on` (R-TG-3; `customerships` preloaded, or read here)."""
    held = _current_on(current_facts(person) if facts is None else facts, on)
    if customerships is None:
        customerships = list(person.customerships.select_related("municipality"))

    def code(kind):
        fact = held.get(kind)
        return fact.value if fact else None

    def flag(kind):
        fact = held.get(kind)
        return bool(fact.flag) if fact else False

    change = held.get(FactKind.CHANGE_SECURITY)
    search = held.get(FactKind.JOB_SEARCH)
    return {
        # an anonymised person's code is a token (R-X-4): the rule reads the birth date kept (its year)
        "henkilotunnus": None if getattr(person, "anonymised_at", None) else person.henkilotunnus,
        "birth_date": person.birth_date,
        "kotikunta": code(FactKind.KOTIKUNTA),
        "residence": code(FactKind.RESIDENCE),
        "mother_tongue": code(FactKind.MOTHER_TONGUE) or "xx",
        "immigrant": flag(FactKind.IMMIGRANT),
        "status": code(FactKind.STATUS),
        "earnings_related_entitlement": flag(FactKind.EARNINGS_RELATED),
        "temporary_protection": flag(FactKind.TEMPORARY_PROTECTION),
        "change_security_55": bool(change and change.flag),
        "change_security_notice_date": change.date_value if change and change.flag else None,
        "job_search_valid": bool(search and (search.end_date is None or on <= search.end_date)),
        "current_customership": rule_input(on_date(customerships, on)),
    }


def home_municipality_code(person: Person, on: dt.date, facts: list[Fact] | None = None) -> str | None:
    """The municipality whose staff may see the person on `on`: the kotikunta, or with temporary
    protection and no kotikunta the residence (L1269 s. 4 as amended 1.3.2023). Before the first
    recorded kotikunta, the first one. (`facts`: the person's current facts, preloaded.)"""
    facts = current_facts(person) if facts is None else facts
    held = _current_on(facts, on)
    protected = held.get(FactKind.TEMPORARY_PROTECTION)
    kotikunta = held.get(FactKind.KOTIKUNTA)
    if kotikunta is None and protected is not None and protected.flag:
        residence = held.get(FactKind.RESIDENCE)
        if residence is not None:
            return residence.value
    if kotikunta is not None:
        return kotikunta.value
    first = sorted((f for f in facts if f.kind == FactKind.KOTIKUNTA), key=lambda f: f.valid_from)
    return first[0].value if first else None


@dataclass(frozen=True)
class FactRow:
    fact: Fact
    valid_to: dt.date | None
    superseded: bool


def all_facts(person: Person) -> list[Fact]:
    """Every fact of the person, superseded ones too, oldest first (the person page's one read of them:
    `history` and, without the superseded, what `current_facts` gives)."""
    return list(
        person.facts.select_related("municipality", "recorded_by", "corrects").order_by(
            "valid_from", "recorded_at", "pk"
        )
    )


def history(person: Person, facts: list[Fact] | None = None) -> dict[str, list[FactRow]]:
    """Every fact of each kind, oldest first; a current row's validity ends the day before the next
    current row of the kind begins; superseded rows are listed with the row that corrected them."""
    facts = all_facts(person) if facts is None else facts
    rows: dict[str, list[FactRow]] = {kind: [] for kind in FactKind.values}
    for kind in FactKind.values:
        of_kind = [f for f in facts if f.kind == kind]
        current = [f for f in of_kind if not f.superseded]
        for fact in of_kind:
            if fact.superseded:
                rows[kind].append(FactRow(fact, None, True))
                continue
            later = [c.valid_from for c in current if c.valid_from > fact.valid_from]
            valid_to = min(later) - dt.timedelta(days=1) if later else None
            if (
                kind == FactKind.JOB_SEARCH
                and fact.end_date
                and (valid_to is None or fact.end_date < valid_to)
            ):
                valid_to = fact.end_date
            rows[kind].append(FactRow(fact, valid_to, False))
    return rows


def target_group_on(person: Person, on: dt.date, facts: list[Fact] | None = None, customerships=None):
    """The target-group rule's outcome for the person's facts on `on`; None when the register holds
    no labour-market status for that date (the rule has nothing to decide on)."""
    from kuntakokeilu.rules.registry import get_rule

    facts_then = facts_on(person, on, facts, customerships)
    if facts_then["status"] is None:
        return None
    return get_rule("target-group").run(facts_then, on)
