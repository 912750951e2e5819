"""The browser tests' Chromium: `make test` ensures it (tools/ensure_chromium.sh) and the browser tests fail
without it unless KK_SKIP_BROWSER=1 (tests/e2e/conftest.py), so that a green run means they ran.

The script runs with stand-ins for `id` (who it runs as) and `apt-get` (what it would install) on a PATH of
their own, and KK_CHROMIUM pointing into a temporary folder: the machine's Chromium is never touched.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.nodb

SCRIPT = REPO / "tools" / "ensure_chromium.sh"
INSTRUCTIONS = ("sudo apt-get install -y chromium", "KK_SKIP_BROWSER=1 make test")


def stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path):
    """A PATH holding only the stand-ins; `apt-get` logs its arguments and, on `install`, puts a Chromium
    at KK_CHROMIUM unless APT_FAILS or APT_ELSEWHERE is set."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    stand_in(
        bin_dir,
        "apt-get",
        f'echo "$DEBIAN_FRONTEND $*" >> {log}\n'
        '[ -n "${APT_FAILS:-}" ] && exit 100\n'
        'if [ "$1" = install ] && [ -z "${APT_ELSEWHERE:-}" ]; then\n'
        '  printf "#!/bin/sh\\necho Chromium 120.0\\n" > "$KK_CHROMIUM"; /bin/chmod +x "$KK_CHROMIUM"\n'
        "fi",
    )
    chromium = tmp_path / "chromium"

    def run(uid="0", apt=True, **env):
        stand_in(bin_dir, "id", f"echo {uid}")
        if not apt:
            (bin_dir / "apt-get").unlink()
        environ = {"PATH": str(bin_dir), "KK_CHROMIUM": str(chromium), **env}
        result = subprocess.run(
            ["/bin/sh", str(SCRIPT)], capture_output=True, text=True, env=environ, timeout=30
        )
        calls = log.read_text().splitlines() if log.exists() else []
        return result, calls

    run.chromium = chromium
    return run


def test_a_present_chromium_needs_nothing(machine):
    machine.chromium.write_text("#!/bin/sh\n")
    machine.chromium.chmod(0o755)
    result, calls = machine(uid="1000")
    assert (result.returncode, result.stdout, result.stderr, calls) == (0, "", "", [])


def test_root_with_apt_get_installs_it_like_ci(machine):
    result, calls = machine()
    assert result.returncode == 0, result.stderr
    assert calls == ["noninteractive update -q", "noninteractive install -y -q chromium"]
    assert "installed: Chromium 120.0" in result.stdout


@pytest.mark.parametrize(
    "how, reason",
    [
        ({"uid": "1000"}, "installing it needs root"),
        ({"apt": False}, "no apt-get here to install it with"),
        ({"APT_FAILS": "1"}, "apt-get could not install it"),
        ({"APT_ELSEWHERE": "1"}, "apt-get installed chromium, but not at this path"),
    ],
)
def test_otherwise_it_stops_with_the_one_command_to_run(machine, how, reason):
    result, _calls = machine(**how)
    assert result.returncode == 1
    assert f"Chromium for the browser tests is missing at {machine.chromium} ({reason})." in result.stderr
    assert all(command in result.stderr for command in INSTRUCTIONS), result.stderr


def test_a_non_root_user_never_runs_apt_get(machine):
    _result, calls = machine(uid="1000")
    assert calls == []


@pytest.mark.parametrize("uid", ["0", "1000"])
def test_kk_skip_browser_goes_on_without_installing(machine, uid):
    result, calls = machine(uid=uid, KK_SKIP_BROWSER="1")
    assert (result.returncode, calls) == (0, [])
    assert "the browser tests will be skipped" in result.stdout


def run_a_browser_test(**env) -> subprocess.CompletedProcess:
    """One browser test in its own pytest, with Chromium missing (KK_CHROMIUM points at nothing)."""
    environ = {key: value for key, value in os.environ.items() if key != "KK_SKIP_BROWSER"}
    environ.update(KK_CHROMIUM="/nonexistent/chromium", **env)
    test = "tests/e2e/test_sign_in.py::test_sign_in_page_is_accessible_and_a_wrong_password_is_refused"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", test],
        capture_output=True,
        text=True,
        env=environ,
        cwd=REPO,
        timeout=300,
    )


def test_a_missing_browser_fails_the_browser_tests():
    result = run_a_browser_test()
    assert result.returncode == 1, result.stdout
    assert "Chromium not found at /nonexistent/chromium" in result.stdout
    assert all(command in result.stdout for command in INSTRUCTIONS), result.stdout
    assert "1 error" in result.stdout


def test_kk_skip_browser_skips_them_with_the_reason():
    result = run_a_browser_test(KK_SKIP_BROWSER="1")
    assert result.returncode == 0, result.stdout
    assert "KK_SKIP_BROWSER=1: the browser tests are skipped (no Chromium at /nonexistent/chromium)" in (
        result.stdout
    )
    assert "1 skipped" in result.stdout
