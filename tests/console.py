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


class Run:
    """The outcome of a console command: its exit code and what it printed."""

    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def console_in_process(*args, stdin: str | None = None) -> Run:
    """`kuntakokeilu rules ARGS…` run in this process, as `run_from_argv` runs it (a CommandError is its
    message on stderr and its exit code), but in the test's transaction: `run_from_argv` would close the
    database connection. Any other exception is raised, as it would be a traceback and exit 1."""
    import io
    from unittest import mock

    from django.core.management.base import CommandError

    from kuntakokeilu.rules.management.commands.rules import Command

    out, err = io.StringIO(), io.StringIO()
    command = Command(stdout=out, stderr=err)
    options = vars(command.create_parser("kuntakokeilu", "rules").parse_args([str(a) for a in args]))
    positional = options.pop("args", ())
    options["skip_checks"] = True  # the system checks say nothing of the input, and take time
    with mock.patch("sys.stdin", io.StringIO(stdin or "")):
        try:
            command.execute(*positional, **options)
            returncode = 0
        except CommandError as exc:
            err.write(f"CommandError: {exc}\n")
            returncode = exc.returncode
    return Run(returncode, out.getvalue(), err.getvalue())
