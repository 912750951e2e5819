"""Dated policy parameters (R-REF-3), in the style of OpenFisca's parameters.

Each file `kuntakokeilu/parameters/<area>.yaml` holds parameters named `<area>.<key>`; each parameter
has a unit, a description in fi/sv/en and values keyed by the date from which they hold, with an
optional end date and a legal or policy reference. The value in force on a date is looked up here,
never written at the point of use. A date with no value is an error, not a silent default.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

PARAMETERS_DIR = Path(__file__).resolve().parent.parent / "parameters"
LANGS = ("fi", "sv", "en")


class ParameterError(Exception):
    """A parameter file breaks the format; raised when the files are loaded."""


class UnknownParameter(LookupError):
    def __init__(self, name: str):
        super().__init__(f"unknown parameter {name!r}")
        self.name = name


class NoParameterValue(LookupError):
    """No value of the parameter holds on the date asked for."""

    def __init__(self, name: str, on: dt.date, periods: list[tuple[dt.date, dt.date | None]]):
        known = ", ".join(f"{s.isoformat()}…{e.isoformat() if e else ''}" for s, e in periods)
        super().__init__(f"parameter {name!r} has no value on {on.isoformat()} (values hold {known})")
        self.name, self.on = name, on


@dataclass(frozen=True)
class ParameterValue:
    """One value of a parameter and the period it holds (`end` inclusive, None = open)."""

    name: str
    start: dt.date
    end: dt.date | None
    value: Any
    unit: str
    reference: str

    def holds_on(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Parameter:
    name: str
    unit: str
    description: dict[str, str]
    values: tuple[ParameterValue, ...]


@dataclass(frozen=True)
class ChangelogEntry:
    date: dt.date
    area: str
    change: str
    reference: str


class ParameterStore:
    def __init__(self, parameters: dict[str, Parameter], changelog: list[ChangelogEntry]):
        self.parameters = parameters
        self.changelog = sorted(changelog, key=lambda c: (c.date, c.area))

    @classmethod
    def from_directory(cls, directory: Path = PARAMETERS_DIR) -> ParameterStore:
        parameters: dict[str, Parameter] = {}
        changelog: list[ChangelogEntry] = []
        for path in sorted(directory.glob("*.yaml")):
            params, log = _read_file(path)
            parameters.update(params)
            changelog.extend(log)
        return cls(parameters, changelog)

    def get(self, name: str, on: dt.date) -> ParameterValue:
        parameter = self._parameter(name)
        for value in parameter.values:
            if value.holds_on(on):
                return value
        raise NoParameterValue(name, on, [(v.start, v.end) for v in parameter.values])

    def history(self, name: str) -> tuple[ParameterValue, ...]:
        """Every dated value of the parameter."""
        return self._parameter(name).values

    def value(self, name: str, on: dt.date) -> Any:
        return self.get(name, on).value

    def _parameter(self, name: str) -> Parameter:
        try:
            return self.parameters[name]
        except KeyError:
            raise UnknownParameter(name) from None

    def fingerprint(self, names: tuple[str, ...] | list[str]) -> str:
        """A short hash of every value (all dates) of the named parameters: changes when any of them does."""
        payload = [
            [name, [[v.start, v.end, v.value, v.reference] for v in self._parameter(name).values]]
            for name in sorted(names)
        ]
        return hashlib.sha256(json.dumps(payload, default=str).encode()).hexdigest()[:10]


def _read_file(path: Path) -> tuple[dict[str, Parameter], list[ChangelogEntry]]:
    area = path.stem
    where = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ParameterError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("parameters"), dict):
        raise ParameterError(f"{where}: needs a 'parameters' mapping")
    _require_texts(data.get("description"), f"{where}: description")
    parameters = {}
    for key, spec in data["parameters"].items():
        name = f"{area}.{key}"
        parameters[name] = _read_parameter(name, spec, where)
    changelog = []
    for i, entry in enumerate(data.get("changelog") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("date"), dt.date):
            raise ParameterError(f"{where}: changelog entry {i + 1} needs a date (YYYY-MM-DD)")
        if not entry.get("change") or not entry.get("reference"):
            raise ParameterError(f"{where}: changelog entry {i + 1} needs 'change' and 'reference'")
        changelog.append(ChangelogEntry(entry["date"], area, str(entry["change"]), str(entry["reference"])))
    if not changelog:
        raise ParameterError(f"{where}: needs a changelog")
    return parameters, changelog


def _read_parameter(name: str, spec: Any, where: str) -> Parameter:
    if not isinstance(spec, dict):
        raise ParameterError(f"{where}: {name} must be a mapping")
    if not spec.get("unit"):
        raise ParameterError(f"{where}: {name} needs a unit")
    _require_texts(spec.get("description"), f"{where}: {name} description")
    raw_values = spec.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise ParameterError(f"{where}: {name} needs a non-empty list of values")
    values = []
    for i, raw in enumerate(raw_values):
        label = f"{where}: {name} value {i + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("from"), dt.date):
            raise ParameterError(f"{label}: 'from' must be a date (YYYY-MM-DD)")
        end = raw.get("to")
        if end is not None and (not isinstance(end, dt.date) or end < raw["from"]):
            raise ParameterError(f"{label}: 'to' must be a date on or after 'from'")
        if "value" not in raw:
            raise ParameterError(f"{label}: no 'value'")
        if not raw.get("reference"):
            raise ParameterError(f"{label}: no 'reference' (the law or policy the value comes from)")
        values.append(
            ParameterValue(name, raw["from"], end, raw["value"], str(spec["unit"]), str(raw["reference"]))
        )
    values.sort(key=lambda v: v.start)
    for before, after in pairwise(values):
        if before.end is None or before.end >= after.start:
            raise ParameterError(
                f"{where}: {name}: the value from {before.start} overlaps the value from {after.start}"
                " (give the earlier one a 'to' date before the later 'from')"
            )
    return Parameter(name, str(spec["unit"]), dict(spec["description"]), tuple(values))


def _require_texts(texts: Any, label: str) -> None:
    if not isinstance(texts, dict) or any(not texts.get(lang) for lang in LANGS):
        raise ParameterError(f"{label} needs fi, sv and en texts")


@cache
def default_store() -> ParameterStore:
    """The project's parameters, read once per process."""
    return ParameterStore.from_directory()
