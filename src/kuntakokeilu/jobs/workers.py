"""Which workers are alive: the worker id, the registry of running workers and their heartbeat.

A worker started by `kuntakokeilu worker` takes the id `host:pid:token` (the token tells apart two
workers that had the same pid), which django-tasks-db records in `worker_ids` of every job it claims. It
writes a `Worker` row when it starts, its heartbeat (`seen_at`) every `JOBS_HEARTBEAT_SECONDS` while it
runs, and deletes the row when it stops in order. The worker of a job is dead when

1. it has no row: it stopped (in order, so it finished its job first) or it was never one of ours;
2. its row names this host and no process has its pid: killed, crashed, or the machine restarted; known at
   once, so a worker started after one that was killed fails the killed one's job without waiting;
3. its heartbeat is older than `JOBS_WORKER_STALE_SECONDS`: a worker on another host, or a pid of this host
   that another process now has; known once the heartbeat is that old.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connections
from django.utils import timezone

from .models import Worker

log = logging.getLogger(__name__)


def this_host() -> str:
    return socket.gethostname()[:40]


def new_id() -> str:
    """`host:pid:token`, at most 57 characters (django-tasks-db allows 64)."""
    return f"{this_host()}:{os.getpid()}:{secrets.token_hex(4)}"


def register(worker_id: str) -> Worker:
    now = timezone.now()
    return Worker.objects.create(
        worker_id=worker_id, host=this_host(), pid=os.getpid(), started_at=now, seen_at=now
    )


def unregister(worker_id: str) -> None:
    Worker.objects.filter(pk=worker_id).delete()


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, as another user's
        return True
    return True


def is_alive(worker: Worker | None, now: dt.datetime) -> bool:
    """Rules 1–3 of the module docstring."""
    if worker is None:
        return False
    if worker.seen_at < now - dt.timedelta(seconds=settings.JOBS_WORKER_STALE_SECONDS):
        return False
    return not (worker.host == this_host() and not pid_alive(worker.pid))


def beat(worker_id: str) -> None:
    """One heartbeat; a row that another worker deleted (it took this one for dead) is written again."""
    if not Worker.objects.filter(pk=worker_id).update(seen_at=timezone.now()):
        register(worker_id)


@contextmanager
def heartbeat(worker_id: str, also: Callable[[], object] | None = None) -> Iterator[None]:
    """Beat in a thread of its own while the worker runs its jobs; `also` runs after each beat (the
    recovery of jobs whose worker fell silent while this one runs). The thread closes its connections."""
    stop = threading.Event()

    def loop() -> None:
        try:
            while not stop.wait(settings.JOBS_HEARTBEAT_SECONDS):
                try:
                    beat(worker_id)
                    if also is not None:
                        also()
                except DatabaseError:  # the next beat tries again; a worker must not die of a busy database
                    log.warning("worker %s: heartbeat failed", worker_id, exc_info=True)
        finally:
            connections.close_all()

    thread = threading.Thread(target=loop, name=f"heartbeat-{worker_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=settings.JOBS_HEARTBEAT_SECONDS + 5)
