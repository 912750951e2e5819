"""Use cases of the job queue: enqueue a job with the caller's transaction, report its progress from inside
it, and fail the jobs whose worker died (with the `signals.job_abandoned` hook for the domain apps).

A job whose worker dies is failed, not retried: the jobs here (an evaluation run, an import) are started by a
person, who sees the reason and starts it again when it suits; a retry could repeat what killed the worker.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import BaseTaskResult, Task, TaskResultStatus, task_finished, task_started
from django_tasks_db.models import DBTaskResult

from . import workers
from .messages import WORKER_STOPPED
from .models import Progress, Worker
from .signals import job_abandoned

__all__ = ["enqueue", "recover_abandoned", "report_progress", "task"]  # `task`: the decorator of a job
log = logging.getLogger(__name__)
# The database job the worker is running in this thread (set when it starts, cleared when it ends).
_current_job: ContextVar[str | None] = ContextVar("kuntakokeilu_current_job", default=None)
# A job that raised one of these did not fail of itself: the worker was told to stop while it ran.
INTERRUPTIONS = {"builtins.SystemExit", "builtins.KeyboardInterrupt"}


class WorkerLost(Exception):
    """Stored as the exception of a job whose worker died while it ran."""


def enqueue(task: Task, *args: Any, **kwargs: Any) -> None:
    """Queue `task(*args, **kwargs)` so that it runs only if the caller's transaction commits.

    On the database queue the job's row is written in that transaction: the worker sees it when the caller's
    changes commit and never if they roll back, and no crash can fall between the two. Other backends (the
    immediate one in tests) are called after the commit, so the job sees the committed rows.
    """
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))


def report_progress(percent: int, step: str = "") -> None:
    """How far the running job has come (0–100) and the app's step code, for the admins' list of jobs.
    Outside a job of the database queue (the immediate backend, a direct call) this does nothing."""
    job_id = _current_job.get()
    if job_id is None:
        return
    Progress.objects.update_or_create(
        job_id=job_id,
        defaults={"percent": max(0, min(100, int(percent))), "step": step[:60], "updated_at": timezone.now()},
    )


def recover_abandoned(now: dt.datetime | None = None) -> list[str]:
    """Fail every job left RUNNING by a worker that is no longer alive (`workers.is_alive`), tell the domain
    apps (`job_abandoned`), forget the dead workers, and return the ids of the jobs failed."""
    now = now or timezone.now()
    known = {w.worker_id: w for w in Worker.objects.all()}
    failed = []
    for pk, worker_ids in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
        "pk", "worker_ids"
    ):
        worker_id = worker_ids[-1] if worker_ids else ""
        if not workers.is_alive(known.get(worker_id), now) and _fail_abandoned(pk):
            log.warning("job %s failed: its worker %s stopped while it ran", pk, worker_id or "?")
            failed.append(str(pk))
    dead = [worker_id for worker_id, worker in known.items() if not workers.is_alive(worker, now)]
    Worker.objects.filter(pk__in=dead).delete()
    return failed


def _fail_abandoned(pk: Any) -> bool:
    """The job failed with the reason and the domain app's record with it, in one transaction."""
    with transaction.atomic():
        result = (
            DBTaskResult.objects.select_for_update().filter(pk=pk, status=TaskResultStatus.RUNNING).first()
        )
        if result is None:  # it ended meanwhile
            return False
        result.set_failed(WorkerLost("the worker stopped while the job ran"))
        _announce(result.task_path, str(result.pk), result.args_kwargs["args"], result.args_kwargs["kwargs"])
    return True


def _announce(task_path: str, job_id: str, args: list, kwargs: dict) -> None:
    try:
        sender = import_string(task_path)
    except ImportError:  # a task that no longer exists: no app to tell
        return
    job_abandoned.send(sender=sender, job_id=job_id, args=args, kwargs=kwargs, reason=WORKER_STOPPED)


# --- the worker's signals: which job runs (for report_progress), and jobs interrupted by a stop ---------


def _started(sender: Any, task_result: BaseTaskResult, **kwargs: Any) -> None:
    # db_worker sends the backend itself, the immediate backend its class: either is fine here.
    backend = sender if isinstance(sender, type) else type(sender)
    _current_job.set(str(task_result.id) if issubclass(backend, DatabaseBackend) else None)


def _finished(sender: Any, task_result: BaseTaskResult, **kwargs: Any) -> None:
    _current_job.set(None)
    errors = task_result.errors
    if (
        task_result.status == TaskResultStatus.FAILED
        and errors
        and errors[-1].exception_class_path in INTERRUPTIONS
    ):
        _announce(task_result.task.module_path, str(task_result.id), task_result.args, task_result.kwargs)


def connect_signals() -> None:
    task_started.connect(_started, dispatch_uid="kuntakokeilu.jobs.started")
    task_finished.connect(_finished, dispatch_uid="kuntakokeilu.jobs.finished")
