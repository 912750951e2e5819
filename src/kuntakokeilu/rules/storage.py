"""Storing decisions (R-REF-4): compact records (`records.py`) and what they refer to — each rule version
once (`RuleVersion`) and the shared parts once (`RecordPart`).

Every writer of a decision calls `save_records` (in its transaction, before saving the rows that hold the
records); every reader calls `load_records`/`load_record`. What has been read is kept for the process: a
version's parameters and a part's value never change under their names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .messages import to_json_value
from .models import RecordPart, RuleVersion
from .outcome import Outcome
from .parameters import ParameterStore, ParameterValue, default_store
from .records import History, compact, expand, shape_keys, value_keys
from .registry import Rule, get_rule

_PARTS: dict[str, Any] = {}
_HISTORIES: dict[tuple[str, str], History] = {}
_CACHE_LIMIT = 200_000


def save_records(outcomes: Sequence[Outcome], params: ParameterStore | None = None) -> list[dict]:
    """The records of `outcomes` (decided with `params`, by default the parameter files), after saving their
    rule versions and shared parts that are not stored yet."""
    params = params or default_store()
    histories: dict[tuple[str, str], History] = {}
    versions = []
    parts: dict[str, Any] = {}
    records = []
    for outcome in outcomes:
        key = (outcome.rule, outcome.rule_version)
        if key not in histories:
            rule = get_rule(outcome.rule)
            if rule.rule_version(params) != outcome.rule_version:
                raise ValueError(
                    f"{outcome.rule} {outcome.rule_version} was not decided with these parameters"
                )
            histories[key] = {name: list(params.history(name)) for name in rule.parameters}
            versions.append(_version_row(rule, outcome.rule_version, histories[key]))
        records.append(compact(outcome, histories[key], parts))
    RuleVersion.objects.bulk_create(versions, ignore_conflicts=True)
    RecordPart.objects.bulk_create(
        [RecordPart(key=k, value=v) for k, v in parts.items()], ignore_conflicts=True
    )
    return records


def load_records(records: Sequence[dict]) -> list[Outcome]:
    """The outcomes the records were made from, as they were decided (any language can be shown)."""
    if len(_PARTS) > _CACHE_LIMIT:
        _PARTS.clear()
    _fetch_parts(set().union(*(shape_keys(r) for r in records)) if records else set())
    _fetch_parts(set().union(*(value_keys(r, _PARTS) for r in records)) if records else set())
    _fetch_histories({(r["rule"], r["version"]) for r in records})
    return [expand(r, _PARTS, _HISTORIES[(r["rule"], r["version"])]) for r in records]


def load_record(record: dict) -> Outcome:
    return load_records([record])[0]


def history_to_json(history: History) -> dict:
    return {
        name: [
            {
                "from": v.start.isoformat(),
                "to": v.end.isoformat() if v.end else None,
                "value": to_json_value(v.value),
                "unit": v.unit,
                "reference": v.reference,
            }
            for v in values
        ]
        for name, values in history.items()
    }


def history_from_json(data: dict) -> History:
    return {
        name: [
            ParameterValue(
                name=name,
                start=dt.date.fromisoformat(v["from"]),
                end=dt.date.fromisoformat(v["to"]) if v["to"] else None,
                value=v["value"],
                unit=v["unit"],
                reference=v["reference"],
            )
            for v in values
        ]
        for name, values in data.items()
    }


def _version_row(rule: Rule, version: str, history: History) -> RuleVersion:
    return RuleVersion(
        rule=rule.name,
        version=version,
        code_hash=rule.code_hash(),
        modules=list(rule.code_modules()),
        parameters=history_to_json(history),
    )


def _fetch_parts(keys: set[str]) -> None:
    missing = keys - _PARTS.keys()
    if missing:
        _PARTS.update(RecordPart.objects.filter(key__in=missing).values_list("key", "value"))


def _fetch_histories(versions: set[tuple[str, str]]) -> None:
    missing = versions - _HISTORIES.keys()
    if not missing:
        return
    rows = RuleVersion.objects.filter(version__in={v for _r, v in missing}).values_list(
        "rule", "version", "parameters"
    )
    for rule, version, parameters in rows:
        _HISTORIES[(rule, version)] = history_from_json(parameters)
