"""Helpers for tests of the rules console run as the real `kuntakokeilu` script (see tests/conftest.py)."""

import json
import subprocess

from tests.conftest import KUNTAKOKEILU, SHARED_TOOLS


def console(env, *args, stdin=None):
    """`kuntakokeilu rules ARGS…` against the test database (env from the `console_env` fixture)."""
    return subprocess.run(
        [str(KUNTAKOKEILU), "rules", *args], capture_output=True, text=True, env=env, input=stdin, timeout=120
    )


def write(tmp_path, items, name="items.json") -> str:
    path = tmp_path / name
    path.write_text(items if isinstance(items, str) else json.dumps(items), encoding="utf-8")
    return str(path)


def check_contract(env, rule: str, input_path: str, *extra: str):
    """The shared checker ../shared/tools/check-rules-output over the console."""
    checker = SHARED_TOOLS / "check-rules-output"
    assert checker.exists(), f"the shared contract checker is missing: {checker}"
    return subprocess.run(
        [str(checker), str(KUNTAKOKEILU), rule, input_path, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
