"""Evaluation runs from the page (R-EVAL-3): queued in the database, run in a background thread.

No task worker exists, so `submit` starts a thread once the request's transaction commits; one run at a time
(the machine is small), the others wait as `queued`. `settings.EVALUATION_RUN_IN_THREAD = False` runs it in
the caller instead (tests). Known limits: a run that the process loses (a restart) stays `running` and the
runs queued behind it stay `queued`; the lock holds within one process only, so several server workers may
run evaluations at once.
"""

from __future__ import annotations

import logging
import math
import threading
from typing import Any

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone, translation

from . import panel, report, runner
from .models import EvaluationRun, RunStatus
from .spec import SpecError, validate

log = logging.getLogger(__name__)
_ONE_AT_A_TIME = threading.Lock()


def submit(specification: dict[str, Any], user, language: str) -> EvaluationRun:
    """Record a queued run of a validated specification and start it after the transaction commits."""
    run = EvaluationRun.objects.create(created_by=user, spec=specification, language=language)
    run.output_dir = f"run-{run.pk}"
    run.save(update_fields=["output_dir"])
    if settings.EVALUATION_RUN_IN_THREAD:
        transaction.on_commit(lambda: _start_thread(run.pk))
    else:
        transaction.on_commit(lambda: execute(run.pk))
    return run


def _start_thread(pk: int) -> None:
    threading.Thread(target=_thread_main, args=(pk,), name=f"evaluation-run-{pk}", daemon=True).start()


def _thread_main(pk: int) -> None:
    try:
        with _ONE_AT_A_TIME:
            execute(pk)
    finally:
        connections.close_all()  # this thread's connections only


def _update(pk: int, **fields: Any) -> None:
    EvaluationRun.objects.filter(pk=pk).update(**fields)


def headline(results: dict[str, Any]) -> dict[str, Any]:
    """The first baseline TWFE row (the spec's cluster, its first weights): the list page's estimate."""
    return next(e for e in results["estimates"] if e["name"] == "twfe" and e["variant"] == "baseline")


def execute(pk: int) -> None:
    """Run one queued run to the end: `done` with its files and headline, or `failed` with the message.

    Every step, the status updates included, is inside the one `try`, so no failure leaves the run `running`.
    """
    language = settings.LANGUAGE_CODE
    try:
        run = EvaluationRun.objects.get(pk=pk)
        language = run.language
        with translation.override(language):
            _run(run)
    except SpecError as exc:
        with translation.override(language):  # the message is worded when rendered
            _fail(pk, str(exc))
    except Exception as exc:  # any failure must end the run, with its reason
        log.exception("evaluation run %s failed", pk)
        _fail(pk, f"{type(exc).__name__}: {exc}")


def _run(run: EvaluationRun) -> None:
    pk = run.pk
    _update(pk, status=RunStatus.RUNNING, started_at=timezone.now(), progress=0, step="panel")

    def progress(step: str, percent: int) -> None:
        _update(pk, step=step, progress=percent)

    specification = validate(run.spec)
    runner.check_data_file()
    reference = panel.reference_from_database()
    results = runner.run(specification, panel.read_statistics(), reference, progress=progress)
    progress("report", 95)
    report.write_all(results, run.output_path())
    _update(
        pk,
        status=RunStatus.DONE,
        progress=100,
        step="done",
        finished_at=timezone.now(),
        headline=finite(headline(results)),
    )


def finite(value: Any) -> Any:
    """`value` with NaN and infinities replaced by None, at any depth: PostgreSQL's JSON refuses them."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(item) for item in value]
    return value


def _fail(pk: int, message: str) -> None:
    _update(pk, status=RunStatus.FAILED, error=message, finished_at=timezone.now())
