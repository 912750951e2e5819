"""Read models of benefit decisions: a person's decisions, the drafts waiting for a user's acceptance, and
the recompute as of a date (the stored explanation beside what the rules in force on another date say)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.rules.messages import to_json_value
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.schema import ValidationContext
from kuntakokeilu.rules.storage import load_record

from .models import Decision, Status

RESULT_KEYS = (
    "allowed",
    "decided_by",
    "max_percent",
    "max_months",
    "max_euros_per_month",
    "euros_per_day",
    "max_days_per_week",
    "total_euros",
)


def of_person(person) -> QuerySet[Decision]:
    return person.benefit_decisions.select_related("municipality", "prepared_by", "approved_by").order_by(
        "-decision_date", "-id"
    )


def _municipality_codes(user, code: str, on: dt.date) -> tuple[bool, set[str]]:
    grants = grants_for(user, code, on)
    return any(g.everything for g in grants), set().union(
        *(g.municipalities for g in grants)
    ) if grants else set()


def awaiting(user, on: dt.date) -> QuerySet[Decision]:
    """The drafts of the municipalities whose decisions the user accepts or prepares, oldest first."""
    everything, codes = False, set()
    for code in ("decisions.accept", "decisions.prepare"):
        every, found = _municipality_codes(user, code, on)
        everything, codes = everything or every, codes | found
    rows = Decision.objects.filter(status=Status.DRAFT).select_related(
        "person", "municipality", "prepared_by"
    )
    if not everything:
        rows = rows.filter(municipality__code__in=codes)
    return rows.order_by("prepared_at", "id")


@dataclass(frozen=True)
class AsOf:
    """The stored outcome (as on the decision's date) and the rule run on `on`; `changed`: the result's
    keys whose values differ, `rows`: the checks side by side by code (stored, then, differs)."""

    stored: Outcome
    now: Outcome
    on: dt.date
    changed: tuple[str, ...]
    rows: tuple[tuple[str, object, object, bool], ...]


def explain_as_of(decision: Decision, on: dt.date, params: ParameterStore | None = None) -> AsOf:
    """The decision's explanation as stored on its date, and what the rules in force on `on` say of the same
    facts (the view passes `clock.today()`)."""
    stored = load_record(decision.outcome)
    rule = get_rule(decision.instrument)
    _id, _on, facts = rule.validate({"id": decision.pk, **decision.facts}, ValidationContext())
    now = rule.run(facts, on, params)
    changed = tuple(
        key
        for key in RESULT_KEYS
        if (key in stored.result or key in now.result) and stored.result.get(key) != now.result.get(key)
    )
    before = {c.code: c for c in stored.checks}
    after = {c.code: c for c in now.checks}
    codes = list(before) + [c for c in after if c not in before]
    rows = []
    for code in codes:
        old, new = before.get(code), after.get(code)
        differs = (
            old is None or new is None or (old.status, _found(old.found)) != (new.status, _found(new.found))
        )
        rows.append((code, old, new, differs))
    return AsOf(stored, now, on, changed, tuple(rows))


def _found(value):
    """The figures a check looked at, without the date it was run on (which always differs)."""
    value = to_json_value(value)
    return {k: v for k, v in value.items() if k != "on"} if isinstance(value, dict) else value
