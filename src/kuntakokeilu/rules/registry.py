"""The registry of rules: every rule the console, pages and services can run, declared once.

A rule is a name, a hand-kept version, its input fields, the parameters it reads and a pure
`evaluate(facts, on, params) -> Decision`. Its full `rule_version` adds a hash of its source files and
of the values of its parameters, so the version changes whenever the code or a parameter does.
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

from django.conf import settings

from .outcome import Decision, Outcome
from .parameters import ParameterStore, default_store
from .schema import Field


@dataclass(frozen=True)
class Rule:
    name: str
    version: str
    summary: str
    fields: tuple[Field, ...]
    parameters: tuple[str, ...]
    evaluate: Callable[[dict, dt.date, ParameterStore], Decision]

    def rule_version(self, params: ParameterStore) -> str:
        return (
            f"{self.version}+{_source_hash(self.evaluate.__module__)}.{params.fingerprint(self.parameters)}"
        )

    def run(self, facts: dict, on: dt.date, params: ParameterStore | None = None) -> Outcome:
        params = params or default_store()
        decision = self.evaluate(facts, on, params)
        return Outcome(
            self.name, self.rule_version(params), on, decision.result, decision.status, decision.checks
        )


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


@cache
def _source_hash(module_name: str) -> str:
    path = Path(sys.modules[module_name].__file__ or "")
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]
