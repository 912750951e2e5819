"""Evaluation runs from the page (R-EVAL-3): recorded in the database and run by the job queue's worker.

`submit` records a queued run and its job in one transaction (`kuntakokeilu.jobs`); the worker
(`kuntakokeilu worker`, started beside the server by `make run`) runs `run_evaluation`, one job at a time per
worker, and queued runs wait for it in the database, so a restart loses none. The run keeps its own status,
progress and step for its page, and reports the progress to the queue too. A run whose worker dies while it
runs is marked failed with the reason when a worker starts again (`abandoned`, on `jobs.job_abandoned`).
The panel, runner and report modules (and with them pyfixest, SciPy, pandas, matplotlib) are imported only
when a run runs, so Django's setup does not load them in every process.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from kuntakokeilu.jobs import services as jobs

from .models import EvaluationRun, RunStatus
from .spec import SpecError, validate

log = logging.getLogger(__name__)


class RunFailed(Exception):
    """A run that ended `failed` fails its job too, so the admins' list of tasks shows it with the reason."""


def submit(specification: dict[str, Any], user, language: str) -> EvaluationRun:
    """Record a queued run of a validated specification and its job, together or not at all."""
    with transaction.atomic():
        run = EvaluationRun.objects.create(created_by=user, spec=specification, language=language)
        run.output_dir = f"run-{run.pk}"
        run.save(update_fields=["output_dir"])
        jobs.enqueue(run_evaluation, run.pk)
    return run


@jobs.task()
def run_evaluation(pk: int) -> None:
    """The job of one run: `execute` ends the run `done` or `failed`; a failed run raises for the queue."""
    execute(pk)
    error = (
        EvaluationRun.objects.filter(pk=pk, status=RunStatus.FAILED).values_list("error", flat=True).first()
    )
    if error is not None:
        raise RunFailed(error)


def abandoned(sender, job_id: str, args: list, kwargs: dict, reason: Promise, **extra: Any) -> None:
    """The worker stopped while the run's job ran: the run fails with the reason, worded in the language of
    the person who started it (connected to `jobs.signals.job_abandoned` in apps.py)."""
    run = EvaluationRun.objects.filter(pk=args[0], status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).first()
    if run is not None:
        with translation.override(run.language):
            _fail(run.pk, str(reason))


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
    jobs.report_progress(0, "panel")

    def progress(step: str, percent: int) -> None:
        _update(pk, step=step, progress=percent)
        jobs.report_progress(percent, step)

    # Imported here, not at the top: the estimators pull in pyfixest, SciPy, pandas and matplotlib (about
    # 2.5 s and 190 MB), which no other process needs (this module is imported at Django's setup).
    from . import panel, report, runner

    specification = validate(run.spec)
    runner.check_data_file()
    reference = panel.reference_from_database()
    results = runner.run(specification, panel.read_statistics(), reference, progress=progress)
    progress("report", 95)
    # in the submitter's language, and the other two beside it for readers of those (issue 15)
    report.write_all(results, run.output_path(), lang=run.language, languages=report.LANGUAGES)
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
