"""The registry of rules: every rule the console, pages and services can run, declared once.

A rule is a name, a hand-kept version, its input fields, the parameters it reads, the project modules its
decision depends on and a pure `evaluate(facts, on, params) -> Decision`. Its full `rule_version` adds a hash
of the source of every one of those modules (`code_modules`: the module of `evaluate` and the declared
`modules`; tests/rules/test_versions.py fails when a module they import is not declared) and a hash of
every dated value of its parameters, so the version changes whenever the code or a parameter does. The
engine's own modules (`ENGINE`) shape how decisions are stored and shown, not what they decide, and are not
part of a rule's version. Each version is stored once (`RuleVersion`, `storage.py`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings

from .messages import Message
from .outcome import Decision, Outcome
from .parameters import ParameterStore, default_store
from .schema import Field, InputError, ValidationContext, validate_item


@dataclass(frozen=True)
class Rule:
    name: str
    version: str
    summary: str
    fields: tuple[Field, ...]
    parameters: tuple[str, ...]
    evaluate: Callable[[dict, dt.date, ParameterStore], Decision]
    # Checks across fields, run after every field is valid: returns (field, problem) pairs; any → exit 2.
    check_input: Callable[[dict, ValidationContext], list[tuple[str, str]]] | None = None
    # For rules that judge items together (e.g. a round's applications): decisions in the items' order.
    evaluate_batch: Callable[[list[tuple[dict, dt.date]], ParameterStore], list[Decision]] | None = None
    # Every project module the decision depends on besides the module of `evaluate` (not the ENGINE's).
    modules: tuple[str, ...] = ()
    # For rules whose decision has no overall status: the result in words (R-X-8), e.g. "in the target group".
    describe_result: Callable[[Any], Message] | None = None

    def code_modules(self) -> tuple[str, ...]:
        return tuple(sorted({self.evaluate.__module__, *self.modules}))

    def code_hash(self) -> str:
        """SHA-256 over the names and sources of `code_modules()`."""
        return _code_hash(self.code_modules())

    def validate(self, item: Any, ctx: ValidationContext) -> tuple[Any, dt.date | None, dict]:
        """One input item → (id, on or None, facts), or InputError naming the item and the field."""
        item_id, on, facts = validate_item(item, self.fields, ctx)
        for field_name, problem in self.check_input(facts, ctx) if self.check_input else ():
            raise InputError(item_id, field_name, problem)
        return item_id, on, facts

    def rule_version(self, params: ParameterStore) -> str:
        return f"{self.version}+{self.code_hash()[:8]}.{params.fingerprint(self.parameters)}"

    def run(self, facts: dict, on: dt.date, params: ParameterStore | None = None) -> Outcome:
        return self.run_many([(facts, on)], params)[0]

    def run_many(
        self, items: list[tuple[dict, dt.date]], params: ParameterStore | None = None
    ) -> list[Outcome]:
        """Validated facts and dates → outcomes in the same order (together, if the rule judges a batch)."""
        params = params or default_store()
        if self.evaluate_batch:
            decisions = self.evaluate_batch(items, params)
        else:
            decisions = [self.evaluate(facts, on, params) for facts, on in items]
        version = self.rule_version(params)
        return [
            Outcome(self.name, version, on, d.result, d.status, d.checks)
            for (_facts, on), d in zip(items, decisions, strict=True)
        ]


_RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    if rule.name in _RULES and _RULES[rule.name] is not rule:
        raise ValueError(f"rule {rule.name!r} is registered twice")
    _RULES[rule.name] = rule
    return rule


def _load_rule_modules() -> None:
    for module in settings.RULE_MODULES:
        importlib.import_module(module)


def all_rules() -> list[Rule]:
    _load_rule_modules()
    return sorted(_RULES.values(), key=lambda r: r.name)


def get_rule(name: str) -> Rule:
    _load_rule_modules()
    try:
        return _RULES[name]
    except KeyError:
        known = ", ".join(sorted(_RULES))
        raise LookupError(f"unknown rule {name!r} (known: {known})") from None


# The rule engine itself: how decisions are typed, stored and shown, not what they decide.
ENGINE = frozenset(
    f"kuntakokeilu.rules.{name}"
    for name in ("registry", "outcome", "messages", "parameters", "schema", "records", "storage", "models")
)


def module_source(module_name: str) -> bytes:
    importlib.import_module(module_name)
    return Path(sys.modules[module_name].__file__ or "").read_bytes()


@cache
def _code_hash(modules: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in modules:
        digest.update(name.encode() + b"\0" + module_source(name) + b"\0")
    return digest.hexdigest()
