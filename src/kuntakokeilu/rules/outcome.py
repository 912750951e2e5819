"""The one result type of every rule (R-REF-4): a result, an overall status and the checks behind it.

Texts are stored as message ids and arguments (codes and figures), and rendered into words only when
shown, so a stored outcome can be shown as it was, in any language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from .messages import Message, to_json_value
from .parameters import ParameterValue

Status = Literal["pass", "warn", "fail", "info"]
STATUSES: tuple[str, ...] = ("pass", "warn", "fail", "info")
LANGS = ("fi", "sv", "en")


@dataclass(frozen=True)
class ParameterUse:
    """A parameter value a check used, with its legal or policy reference."""

    name: str
    value: Any
    reference: str

    @classmethod
    def of(cls, value: ParameterValue) -> ParameterUse:
        return cls(value.name, value.value, value.reference)

    def to_json(self) -> dict:
        return {"name": self.name, "value": to_json_value(self.value), "reference": self.reference}


@dataclass(frozen=True)
class Check:
    code: str
    status: Status
    found: Any
    message: Message
    parameters: tuple[ParameterUse, ...] = ()

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"check {self.code}: unknown status {self.status!r}")

    def to_json(self, langs: tuple[str, ...] = LANGS) -> dict:
        return {
            "code": self.code,
            "status": self.status,
            "found": to_json_value(self.found),
            "parameters": [p.to_json() for p in self.parameters],
            "text": {lang: self.message.render(lang) for lang in langs},
        }

    def to_record(self) -> dict:
        return {
            "code": self.code,
            "status": self.status,
            "found": to_json_value(self.found),
            "parameters": [p.to_json() for p in self.parameters],
            "message": self.message.to_record(),
        }

    @classmethod
    def from_record(cls, record: dict) -> Check:
        return cls(
            code=record["code"],
            status=record["status"],
            found=record["found"],
            message=Message.from_record(record["message"]),
            parameters=tuple(ParameterUse(**p) for p in record["parameters"]),
        )


@dataclass(frozen=True)
class Outcome:
    rule: str
    rule_version: str
    on: dt.date
    result: Any
    status: Status | None
    checks: tuple[Check, ...] = field(default_factory=tuple)

    def __post_init__(self):
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"rule {self.rule}: unknown status {self.status!r}")
        if not self.checks:
            raise ValueError(f"rule {self.rule}: an outcome explains itself with at least one check")

    def to_json(self, item_id: Any = None) -> dict:
        """The rules console's output object (the contract of the foundation issue)."""
        return {
            "id": item_id,
            "rule": self.rule,
            "rule_version": self.rule_version,
            "on": self.on.isoformat(),
            "result": to_json_value(self.result),
            "status": self.status,
            "checks": [c.to_json() for c in self.checks],
        }

    def to_record(self) -> dict:
        """What a decision stores: codes, figures, parameter values and the rule version, no rendered text."""
        return {
            "rule": self.rule,
            "rule_version": self.rule_version,
            "on": self.on.isoformat(),
            "result": to_json_value(self.result),
            "status": self.status,
            "checks": [c.to_record() for c in self.checks],
        }

    @classmethod
    def from_record(cls, record: dict) -> Outcome:
        return cls(
            rule=record["rule"],
            rule_version=record["rule_version"],
            on=dt.date.fromisoformat(record["on"]),
            result=record["result"],
            status=record["status"],
            checks=tuple(Check.from_record(c) for c in record["checks"]),
        )

    def explanation(self, lang: str) -> list[str]:
        return [c.message.render(lang) for c in self.checks]


class Decision(NamedTuple):
    """What a rule's pure function returns; the registry adds the rule's name, version and date."""

    result: Any
    status: Status | None
    checks: tuple[Check, ...]


def worst_status(checks: tuple[Check, ...] | list[Check]) -> Status:
    """fail > warn > pass; `info` checks do not change the overall status (pass if nothing else)."""
    statuses = {c.status for c in checks}
    for status in ("fail", "warn"):
        if status in statuses:
            return status  # type: ignore[return-value]
    return "pass"
