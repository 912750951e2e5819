"""The rules console's contract, checked by the project itself (the output's shape, not the legal answers).

`kuntakokeilu rules run RULE --format json` must print one JSON array with one object per input item, in input
order. Each object has id, rule (the rule run), rule_version (a non-empty string), on (YYYY-MM-DD), result,
status (pass|warn|fail|info|null) and at least one check (every outcome explains itself). Each check has code
(a string), status (pass|warn|fail|info), found (any JSON), parameters (a list of {name, value, reference})
and text with non-empty fi, sv and en. `kuntakokeilu rules check` and the rules' tests use `breaches`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

STATUSES = ("pass", "warn", "fail", "info")
KEYS = ("id", "rule", "rule_version", "on", "result", "status", "checks")
PARAMETER_KEYS = frozenset({"name", "value", "reference"})
LANGS = ("fi", "sv", "en")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def breaches_in_text(items: list[Any], text: str, rule: str) -> list[str]:
    """The breaches of the console's standard output `text` (which must be JSON) for the input `items`."""
    try:
        output = json.loads(text)
    except ValueError as exc:
        return [f"the output is not JSON: {exc}"]
    return breaches(items, output, rule)


def breaches(items: list[Any], output: Any, rule: str) -> list[str]:
    """Every way `output` (parsed JSON) breaks the contract for the input `items` run by `rule`."""
    if not isinstance(output, list):
        return ["the output is not a JSON array"]
    found = []
    input_ids = [item.get("id") if isinstance(item, dict) else None for item in items]
    if [o.get("id") for o in output if isinstance(o, dict)] != input_ids or len(output) != len(items):
        found.append("the output ids are not the input ids in input order")
    for obj in output:
        if isinstance(obj, dict):
            found.extend(_object_breaches(obj, rule))
        else:
            found.append(f"an output element is not an object: {obj!r}"[:200])
    return found


def summary(rule: str, found: list[str], count: int) -> str:
    verdict = "contract holds" if not found else f"{len(found)} breaches"
    return f"{rule}: {verdict} ({count} items)"


def _object_breaches(obj: dict, rule: str) -> list[str]:
    who = f"item {obj.get('id')!r}"
    found = [f"{who}: missing {key}" for key in KEYS if key not in obj]
    if obj.get("rule") != rule:
        found.append(f"{who}: rule is {obj.get('rule')!r}, not {rule!r}")
    if not isinstance(obj.get("rule_version"), str) or not obj["rule_version"]:
        found.append(f"{who}: rule_version is not a non-empty string")
    if not _is_date(obj.get("on")):
        found.append(f"{who}: on is not YYYY-MM-DD: {obj.get('on')!r}")
    if obj.get("status") is not None and not _is_status(obj["status"]):
        found.append(f"{who}: status {obj['status']!r} is not one of {'|'.join(STATUSES)}|null")
    checks = obj.get("checks")
    if not isinstance(checks, list):
        if "checks" in obj:
            found.append(f"{who}: checks is not a list")
        return found
    if not checks:
        found.append(f"{who}: no checks (every outcome explains itself)")
    for number, check in enumerate(checks, 1):
        if isinstance(check, dict):
            found.extend(_check_breaches(check, f"{who} check {check.get('code', number)!r}"))
        else:
            found.append(f"{who}: check {number} is not an object")
    return found


def _check_breaches(check: dict, who: str) -> list[str]:
    found = []
    if not isinstance(check.get("code"), str):
        found.append(f"{who}: code is not a string")
    if not _is_status(check.get("status")):
        found.append(f"{who}: status {check.get('status')!r} is not one of {'|'.join(STATUSES)}")
    if "found" not in check:
        found.append(f"{who}: missing found")
    parameters = check.get("parameters")
    if not isinstance(parameters, list) or any(
        not isinstance(p, dict) or not p.keys() >= PARAMETER_KEYS for p in parameters
    ):
        found.append(f"{who}: parameters is not a list of {{name, value, reference}}")
    text = check.get("text")
    for lang in LANGS:
        if not (isinstance(text, dict) and isinstance(text.get(lang), str) and text[lang].strip()):
            found.append(f"{who}: no {lang} text")
    return found


def _is_status(value: Any) -> bool:
    return isinstance(value, str) and value in STATUSES


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
