"""Business-readable case tables of the benefit decision rules (tests/data/*_cases.json), run through the
rules' pure `decide` after the same input validation as the console (R-BEN-1)."""

import json
from pathlib import Path

from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.schema import ValidationContext, validate_item

DATA = Path(__file__).resolve().parent.parent / "data"


def table(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def item_of(table: dict, case: dict) -> dict:
    return {"id": case["id"], "on": case["on"], **table["defaults"], **case["facts"]}


def decide(rule_name: str, decide_fn, table: dict, case: dict):
    """The validated item decided by the pure function; also asserts each check explains itself."""
    rule = get_rule(rule_name)
    _id, on, facts = validate_item(item_of(table, case), rule.fields, ValidationContext())
    for _field, problem in rule.check_input(facts, None) if rule.check_input else ():
        raise AssertionError(f"{case['id']}: {problem}")
    decision = decide_fn(facts, on, default_store())
    codes = [c.code for c in decision.checks]
    assert len(codes) == len(set(codes)), f"{case['id']}: a check code appears twice: {codes}"
    for check in decision.checks:
        for lang in ("fi", "sv", "en"):
            assert check.message.render(lang).strip(), (case["id"], check.code, lang)
    for code, status in case.get("checks", {}).items():
        by_code = {c.code: c for c in decision.checks}
        assert code in by_code, f"{case['id']}: no check {code!r} in {codes}"
        assert by_code[code].status == status, f"{case['id']}: {code} is {by_code[code].status}"
    return decision
