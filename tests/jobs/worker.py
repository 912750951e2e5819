"""Helpers for tests that run the real `kuntakokeilu worker` against the test database (env from the
`console_env` fixture in tests/conftest.py): the queue on the database backend, a worker process, waiting
for a condition with a deadline (no fixed sleeps)."""

import contextlib
import subprocess
import time

import pytest

from tests.conftest import KUNTAKOKEILU

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# as the server enqueues (the tests' default is immediate)


def worker_command(*args: str) -> list[str]:
    return [str(KUNTAKOKEILU), "worker", "--no-startup-delay", "--interval", "0.1", *args]


@contextlib.contextmanager
def running_worker(env, log_path):
    """A worker process for the duration of the block; stopped (SIGTERM, then SIGKILL) if still running."""
    with log_path.open("w") as log:
        process = subprocess.Popen(worker_command(), env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_for(condition, what: str, timeout: float = 90, process=None, log_path=None) -> None:
    """Poll `condition` until it holds; fail after `timeout` seconds or when `process` has exited."""
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            log = log_path.read_text() if log_path else ""
            pytest.fail(f"the worker exited ({process.returncode}) before {what}:\n{log}")
        if time.monotonic() > deadline:
            log = log_path.read_text() if log_path else ""
            pytest.fail(f"timed out waiting for {what}:\n{log}")
        time.sleep(0.05)
