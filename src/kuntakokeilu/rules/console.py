"""The rules console (`kuntakokeilu rules list|run`): the contract every rule and its tests use.

Input: a JSON array of objects, each with an "id", the rule's facts and optionally "on". Output with
--format json: one object per item, in input order (Outcome.to_json). Checks that fail are results
(exit 0). Input the rule cannot run on is an error: exit 2, a message naming the item and field on
stderr, nothing on stdout. The console reads the database and never writes to it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_noop

from .citations import cite
from .messages import format_date
from .outcome import Outcome
from .parameters import ParameterStore, default_store
from .registry import Rule
from .schema import InputError, ValidationContext

STATUS_WORDS = {
    "pass": gettext_noop("met"),
    "warn": gettext_noop("warning"),
    "fail": gettext_noop("not met"),
    "info": gettext_noop("for information"),
    None: gettext_noop("no overall status"),
}


class ConsoleError(Exception):
    """Input the console refuses (exit code 2)."""


def parse_items(text: str) -> list[Any]:
    try:
        items = json.loads(text)
    except ValueError as exc:
        raise ConsoleError(f"input is not valid JSON: {exc}") from None
    except RecursionError:  # arrays or objects nested thousands deep: no rule input looks like that
        raise ConsoleError("input is nested too deeply to be rule input") from None
    if not isinstance(items, list):
        raise ConsoleError("input must be a JSON array of objects")
    return items


def run_items(
    rule: Rule, items: list[Any], default_on: dt.date, params: ParameterStore | None = None
) -> list[tuple[Any, Outcome]]:
    """Validate every item first (so an error leaves no partial output), then evaluate each under `params`
    (the law's store by default; an overlay for a what-if, `rules.overlay`)."""
    ctx = ValidationContext()
    validated = []
    seen_ids = set()
    for item in items:
        try:
            item_id, on, facts = rule.validate(item, ctx)
        except InputError as exc:
            raise ConsoleError(str(exc)) from None
        key = json.dumps(item_id)
        if key in seen_ids:
            raise ConsoleError(f"item {item_id!r}, field 'id': the same id appears twice")
        seen_ids.add(key)
        validated.append((item_id, on or default_on, facts))
    outcomes = rule.run_many([(facts, on) for _id, on, facts in validated], params or default_store())
    return [(item_id, outcome) for (item_id, _on, _facts), outcome in zip(validated, outcomes, strict=True)]


def as_json(results: list[tuple[Any, Outcome]]) -> str:
    return json.dumps(
        [outcome.to_json(item_id) for item_id, outcome in results], ensure_ascii=False, indent=2
    )


def as_text(results: list[tuple[Any, Outcome]], lang: str, rule: Rule | None = None) -> str:
    """The outcomes in words; a decision without an overall status states its result (the rule's
    `describe_result`), e.g. "kuuluu kohderyhmään"."""
    lines = []
    with translation.override(lang):
        for item_id, outcome in results:
            if outcome.status is None and rule is not None and rule.describe_result is not None:
                status = rule.describe_result(outcome.result).render(lang)
            else:
                status = translation.gettext(STATUS_WORDS[outcome.status])
            heading = f"{item_id} · {format_date(outcome.on, lang)} · {outcome.rule} {outcome.rule_version}"
            lines.append(f"{heading}: {status}")
            for check in outcome.checks:
                word = translation.gettext(STATUS_WORDS[check.status])
                lines.append(f"  [{word}] {check.message.render(lang)}")
                for p in check.parameters:
                    lines.append(f"      {p.name} = {p.value} ({cite(p.reference, lang)})")
            lines.append("")
    return "\n".join(lines)


def describe(rule: Rule) -> str:
    params = default_store()
    fields = ", ".join(["id: str|int", "on: date|null", *(f.describe() for f in rule.fields)])
    return f"{rule.name}  version {rule.rule_version(params)}\n  {rule.summary}\n  input: {fields}\n"
