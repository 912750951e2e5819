"""The admins' list of jobs: the newest task results with their progress, and the workers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import workers
from .messages import STATUSES, WORKER_STOPPED
from .models import Worker
from .services import INTERRUPTIONS, WorkerLost

LOST = {f"{WorkerLost.__module__}.{WorkerLost.__qualname__}", *INTERRUPTIONS}


@dataclass(frozen=True)
class JobRow:
    id: str
    task: str  # the task's module path, e.g. kuntakokeilu.evaluation.services.run
    status: str
    status_label: str
    enqueued_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    percent: int | None
    step: str
    error: str
    worker: str  # host:pid of the worker that ran it last


@dataclass(frozen=True)
class WorkerRow:
    worker_id: str
    started_at: dt.datetime
    seen_at: dt.datetime
    alive: bool


def recent_jobs(limit: int = 100) -> list[JobRow]:
    results = (
        DBTaskResult.objects.select_related("progress")
        .defer("args_kwargs", "return_value")
        .order_by("-enqueued_at")[:limit]
    )
    return [_row(result) for result in results]


def _row(result: DBTaskResult) -> JobRow:
    progress = getattr(result, "progress", None)
    percent = progress.percent if progress else None
    if result.status == TaskResultStatus.SUCCESSFUL:
        percent = 100
    return JobRow(
        id=str(result.pk),
        task=result.task_path,
        status=result.status,
        status_label=str(STATUSES.get(result.status, result.status)),
        enqueued_at=result.enqueued_at,
        started_at=result.started_at,
        finished_at=result.finished_at,
        percent=percent,
        step=progress.step if progress else "",
        error=error_of(result),
        worker=":".join(result.worker_ids[-1].split(":")[:2]) if result.worker_ids else "",
    )


def error_of(result: DBTaskResult) -> str:
    """A failed job's reason: ours in the reader's language when its worker stopped, otherwise the last
    line of its traceback (the exception and its message)."""
    if result.status != TaskResultStatus.FAILED:
        return ""
    if result.exception_class_path in LOST:
        return str(WORKER_STOPPED)
    lines = [line for line in result.traceback.splitlines() if line.strip()]
    return lines[-1][:500] if lines else result.exception_class_path


def worker_rows() -> list[WorkerRow]:
    now = timezone.now()
    return [
        WorkerRow(w.worker_id, w.started_at, w.seen_at, workers.is_alive(w, now))
        for w in Worker.objects.all()
    ]


def live_worker_count(now=None) -> int:
    """How many workers are alive now (workers.is_alive): the health check's view of the job queue."""
    from django.utils import timezone

    from .models import Worker
    from .workers import is_alive

    now = now or timezone.now()
    return sum(1 for worker in Worker.objects.all() if is_alive(worker, now))
