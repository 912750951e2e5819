"""An evaluation run whose worker is killed mid-run is marked failed with the reason when a worker starts
again (issue 11; R-EVAL-3: a run ends `done` or `failed` with its reason, never stays `running`).

The real thing on the test database (SQLite or PostgreSQL): the run is queued as the page queues it, a real
`kuntakokeilu worker` process takes it, SIGKILL kills that process mid-run (no handler, no clean-up), and a
second worker, started with --batch, fails the job and the run before it looks for work.
"""

import signal
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django_tasks_db.models import DBTaskResult

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.evaluation import services, spec
from kuntakokeilu.evaluation.models import EvaluationRun, RunStatus
from kuntakokeilu.jobs.models import Worker
from kuntakokeilu.regions.services import load_reference_data
from tests.jobs.worker import DATABASE_QUEUE, running_worker, wait_for, worker_command

pytestmark = pytest.mark.django_db(transaction=True)  # the worker processes see only committed rows


def test_a_killed_workers_run_is_failed_with_the_reason_when_a_worker_starts(console_env, settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    settings.EVALUATION_RUNS_DIR = tmp_path / "runs"
    env = {**console_env, "KUNTAKOKEILU_EVALUATION_RUNS_DIR": str(tmp_path / "runs")}
    load_reference_data()  # an earlier transactional test may have emptied the tables
    ensure_demo_users()
    researcher = get_user_model().objects.get(username="tuomas.koskinen")
    # The default specification takes some 13 seconds: long enough to be caught running.
    run = services.submit(spec.load(), researcher, "sv")
    job = DBTaskResult.objects.get()
    assert (job.status, job.args_kwargs["args"]) == ("READY", [run.pk])

    def run_status():
        return EvaluationRun.objects.values_list("status", flat=True).get(pk=run.pk)

    log_path = tmp_path / "first-worker.log"
    with running_worker(env, log_path) as first:
        wait_for(
            lambda: run_status() != RunStatus.QUEUED, "the run to start", process=first, log_path=log_path
        )
        assert run_status() == RunStatus.RUNNING, log_path.read_text()
        first.send_signal(signal.SIGKILL)
        first.wait()
    run.refresh_from_db()
    job.refresh_from_db()
    assert (run.status, job.status) == (RunStatus.RUNNING, "RUNNING"), "the worker was not caught mid-run"
    assert Worker.objects.filter(pid=first.pid).exists()  # it had no chance to say it stopped

    second = subprocess.run(worker_command("--batch"), env=env, capture_output=True, text=True, timeout=120)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"Failed 1 task(s) left running by a worker that stopped: {job.pk}" in second.stdout

    run.refresh_from_db()
    job.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error == "Bakgrundsprocessen stoppades medan uppgiften kördes."  # the submitter's language
    assert run.finished_at is not None and run.headline is None
    assert job.status == "FAILED"
    assert job.exception_class_path == "kuntakokeilu.jobs.services.WorkerLost"
    assert "the worker stopped while the job ran" in job.traceback
    assert not Worker.objects.exists()  # the dead worker forgotten; the second stopped in order
