"""The job queue itself (issue 11; R-EVAL-3: evaluation runs in the background, R-X-3: a failure is reported,
never lost), on the database backend: a job is queued with the caller's transaction,
reports its progress, and a job whose worker died is failed with the reason (and its app told) while the
jobs of live workers are left alone. Which worker is dead: kuntakokeilu.jobs.workers."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker as DbWorker
from django_tasks_db.models import DBTaskResult

from kuntakokeilu.jobs import services, workers
from kuntakokeilu.jobs.messages import WORKER_STOPPED
from kuntakokeilu.jobs.models import Progress, Worker
from kuntakokeilu.jobs.signals import job_abandoned
from tests.jobs.worker import DATABASE_QUEUE

pytestmark = pytest.mark.django_db


@services.task()
def halfway(label: str) -> str:
    services.report_progress(40, f"half:{label}")
    return label


@services.task()
def stopped() -> None:
    raise SystemExit(1)  # what the worker's second Ctrl-C raises inside a running job


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def abandoned():
    heard = []

    def receiver(sender, job_id, args, kwargs, reason, **extra):
        assert reason is WORKER_STOPPED  # lazy: worded in the language of whoever shows it
        heard.append((job_id, args))

    job_abandoned.connect(receiver, sender=halfway)
    job_abandoned.connect(receiver, sender=stopped)
    yield heard
    job_abandoned.disconnect(receiver, sender=halfway)
    job_abandoned.disconnect(receiver, sender=stopped)


def run_in_process(result: DBTaskResult, worker_id: str = "test:1:x") -> None:
    """What the worker does with a claimed job, in this process."""
    result.claim(worker_id)
    DbWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    ).run_task(result)


def test_a_job_is_queued_with_the_callers_transaction_or_not_at_all(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.enqueue(halfway, "rolled back")
        raise RuntimeError("the caller fails")
    assert not DBTaskResult.objects.exists()
    with transaction.atomic():
        services.enqueue(halfway, "kept")
    job = DBTaskResult.objects.get()
    assert (job.status, job.args_kwargs["args"], job.task_path) == (
        "READY",
        ["kept"],
        "tests.jobs.test_queue.halfway",
    )


def test_on_the_immediate_backend_the_job_runs_after_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        services.enqueue(halfway, "later")
    assert len(callbacks) == 1 and not DBTaskResult.objects.exists()


def test_a_job_reports_its_progress_for_the_list(queue):
    services.enqueue(halfway, "a")
    job = DBTaskResult.objects.get()
    run_in_process(job)
    job.refresh_from_db()
    assert (job.status, job.return_value) == ("SUCCESSFUL", "a")
    assert Progress.objects.values_list("percent", "step").get(job=job) == (40, "half:a")


def test_progress_outside_a_queued_job_is_not_recorded():
    services.report_progress(10, "direct call")
    assert not Progress.objects.exists()


def test_a_job_stopped_by_the_worker_is_failed_and_its_app_told(queue, abandoned):
    services.enqueue(stopped)
    job = DBTaskResult.objects.get()
    run_in_process(job)
    job.refresh_from_db()
    assert (job.status, job.exception_class_path) == ("FAILED", "builtins.SystemExit")
    assert abandoned == [(str(job.pk), [])]


def dead_pid() -> int:
    """The pid of a process that has ended and been reaped."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def running_job(label: str, worker_id: str) -> DBTaskResult:
    services.enqueue(halfway, label)
    job = DBTaskResult.objects.get(args_kwargs__args=[label])
    job.claim(worker_id)
    return job


def test_only_the_jobs_of_dead_workers_are_failed_when_a_worker_starts(queue, abandoned, settings):
    now = timezone.now()
    stale = now - dt.timedelta(seconds=settings.JOBS_WORKER_STALE_SECONDS + 1)
    here = workers.this_host()
    rows = {
        "alive": (here, os.getpid(), now),  # this very process
        "killed": (here, dead_pid(), now),  # this host, no such process: dead at once
        "silent": ("elsewhere", 4242, stale),  # another host, heartbeat too old
        "remote": ("elsewhere", 4243, now),  # another host, fresh heartbeat: alive
    }
    for name, (host, pid, seen) in rows.items():
        Worker.objects.create(
            worker_id=f"{host}:{pid}:{name}", host=host, pid=pid, started_at=seen, seen_at=seen
        )
    jobs = {name: running_job(name, f"{host}:{pid}:{name}") for name, (host, pid, _seen) in rows.items()}
    jobs["unknown"] = running_job("unknown", "gone:1:unknown")  # no row: a worker that is no more
    services.enqueue(halfway, "queued")

    failed = services.recover_abandoned(now)

    assert sorted(failed) == sorted(str(jobs[name].pk) for name in ("killed", "silent", "unknown"))
    status = dict(DBTaskResult.objects.values_list("args_kwargs__args__0", "status"))
    assert status == {
        "alive": "RUNNING",
        "remote": "RUNNING",
        "killed": "FAILED",
        "silent": "FAILED",
        "unknown": "FAILED",
        "queued": "READY",  # waits for the next worker
    }
    assert sorted(abandoned) == sorted((str(jobs[n].pk), [n]) for n in ("killed", "silent", "unknown"))
    assert sorted(Worker.objects.values_list("pk", flat=True)) == sorted(
        f"{h}:{p}:{n}" for n, (h, p, _s) in rows.items() if n in ("alive", "remote")
    )
    assert services.recover_abandoned(now) == []  # a second worker finds nothing more


def test_a_worker_whose_row_was_taken_for_dead_writes_it_again_at_its_next_beat():
    workers.beat("here:1:back")
    assert Worker.objects.get().pid == os.getpid()


@pytest.mark.nodb
def test_a_worker_id_names_this_host_and_process():
    host, pid, token = workers.new_id().split(":")
    assert (host, int(pid), len(token)) == (workers.this_host(), os.getpid(), 8)
    assert workers.new_id() != workers.new_id()
