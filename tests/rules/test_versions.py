"""A rule's version pins the code that decided (R-REF-3, R-REF-4; issue 13 item 1): every project module a
rule's decision depends on is declared on the rule and hashed into its version, so that a stored decision
names the code and the parameters it was made with."""

import ast
import importlib.util

import pytest

from kuntakokeilu.rules import registry
from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.rules.registry import ENGINE, all_rules, get_rule

pytestmark = pytest.mark.nodb


def project_imports(module: str) -> set[str]:
    """The `kuntakokeilu` modules `module` imports (absolute or relative, `from x import module` included)."""
    spec = importlib.util.find_spec(module)
    assert spec and spec.origin
    package = module if spec.origin.endswith("__init__.py") else module.rpartition(".")[0]
    found = set()
    with open(spec.origin, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if importlib.util.find_spec(base) and _is_module(candidate) else base)
    return {m for m in found if m.startswith("kuntakokeilu.")}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.name)
def test_every_module_the_decision_imports_is_declared(rule):
    declared = set(rule.code_modules())
    for module in declared:
        missing = project_imports(module) - declared - ENGINE
        assert not missing, (
            f"{rule.name}: {module} imports {sorted(missing)}, not declared in the rule's modules"
        )


def test_the_import_walk_sees_relative_and_absolute_imports():
    found = project_imports("kuntakokeilu.customers.target_group")
    assert {
        "kuntakokeilu.customers.explanations",
        "kuntakokeilu.regions.queries",
    } <= found  # `from . import x`
    assert "kuntakokeilu.customers.identity" in found  # `from .identity import parse_henkilotunnus`


@pytest.mark.parametrize(
    "module",
    [
        "kuntakokeilu.customers.target_group",
        "kuntakokeilu.customers.explanations",
        "kuntakokeilu.regions.queries",
    ],
)
def test_changing_the_logic_changes_the_version(module, monkeypatch):
    rule, params = get_rule("target-group"), default_store()
    before = rule.rule_version(params)
    source = registry.module_source

    def changed(name: str) -> bytes:
        return source(name) + (b"\n# a changed line\n" if name == module else b"")

    monkeypatch.setattr(registry, "module_source", changed)
    registry._code_hash.cache_clear()
    try:
        after = rule.rule_version(params)
    finally:
        registry._code_hash.cache_clear()
    assert after != before
    assert after.split("+")[0] == before.split("+")[0]  # the hand-kept part is the same
    assert after.rsplit(".", 1)[1] == before.rsplit(".", 1)[1]  # and so are the parameters


def test_the_engine_is_not_part_of_a_rules_version():
    assert not ENGINE & set(get_rule("target-group").code_modules())
