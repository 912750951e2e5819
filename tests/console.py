"""Helpers for tests of the rules console run as the real `kuntakokeilu` script (see tests/conftest.py)."""

import json
import subprocess
from pathlib import Path

from kuntakokeilu.rules import contract
from tests.conftest import KUNTAKOKEILU


def console(env, *args, stdin=None):
    """`kuntakokeilu rules ARGS…` against the test database (env from the `console_env` fixture)."""
    return subprocess.run(
        [str(KUNTAKOKEILU), "rules", *args], capture_output=True, text=True, env=env, input=stdin, timeout=120
    )


def write(tmp_path, items, name="items.json") -> str:
    path = tmp_path / name
    path.write_text(items if isinstance(items, str) else json.dumps(items), encoding="utf-8")
    return str(path)


def check_contract(env, rule: str, input_path: str, *extra: str) -> list[str]:
    """The project's contract check (kuntakokeilu.rules.contract) over the real `rules run --format json`:
    every breach, [] when the contract holds. A failing run is a breach (failing checks are results)."""
    result = console(env, "run", rule, "--input", input_path, "--format", "json", *extra)
    if result.returncode != 0:
        return [f"exit code {result.returncode} (stderr: {result.stderr.strip()[-300:]})"]
    items = json.loads(Path(input_path).read_text(encoding="utf-8"))
    return contract.breaches_in_text(items, result.stdout, rule)
