"""What-ifs (issue 13): validate the request, compute, store; on the job queue from the page, at once from the
command (`kuntakokeilu whatif`). The same rule code runs under the law and under the overlay. Two rules:
the target group (every person on dates) and application screening (each application of a round under
both, `compute_screening`).

`prepare` validates the rule, the dates (within the pilot) and the edits (`rules.overlay`: a parameter of
the rule, a value of its unit, a start within the pilot for the target group) and raises `OverlayError`
with a message in fi/sv/en. `compute_snapshots` judges every person on every date both ways
(`compute.judge_all`), reporting its progress. `submit` records a queued what-if and its job in one
transaction; the worker runs `run_whatif`, which stores the counts and the persons who change side (or the
applications side by side), or fails the what-if with the reason (a worker that dies: `abandoned`, on
`jobs.job_abandoned`, as the evaluation runs do).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_noop

from kuntakokeilu.applications.models import Application, Round
from kuntakokeilu.applications.services import screen_round
from kuntakokeilu.jobs import services as jobs
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.overlay import Edit, OverlayError, check_within, overlay, parse, parse_date
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from . import compute, queries
from .models import Change, Status, WhatIf

log = logging.getLogger(__name__)
TARGET_GROUP, SCREENING = "target-group", "application-screening"
RULES = (TARGET_GROUP, SCREENING)
BAD_EDIT = gettext_noop(
    "Write an edit as NAME=VALUE or NAME=VALUE@YYYY-MM-DD (from that date); not “%(text)s”."
)
UNKNOWN_RULE = gettext_noop("Unknown rule %(rule)s; a what-if can be run for: %(known)s.")
UNKNOWN_ROUND = gettext_noop("Unknown application round %(round)s; the rounds are: %(known)s.")


class WhatIfFailed(Exception):
    """A what-if that ended `failed` fails its job too (the admins' list of jobs shows the reason)."""


def pilot(store: ParameterStore | None = None) -> tuple[dt.date, dt.date]:
    """The pilot's first day and its last as last extended: the dates a what-if may take."""
    store = store or default_store()
    start = store.parameters["pilot.start_date"].values[0].value
    return start, max(v.value for v in store.parameters["pilot.end_date"].values)


def editable(rule: str) -> list[str]:
    """The parameters of the rule a what-if may change (the pilot's own dates are not the rule's policy)."""
    return [p for p in get_rule(rule).parameters if not p.startswith("pilot.")]


def parse_edit(text: str) -> Edit:
    """`NAME=VALUE` or `NAME=VALUE@YYYY-MM-DD` (the command's `--set`, the form's lines)."""
    name, sep, rest = text.partition("=")
    if not sep or not name.strip():
        raise OverlayError(Message(BAD_EDIT, {"text": text}))
    value, at, start = rest.rpartition("@") if "@" in rest else (rest, "", "")
    return Edit(name.strip(), value.strip(), parse_date(start) if at else None)


def within(rule: str) -> tuple[dt.date, dt.date] | None:
    """The days an edit of the rule may start: the pilot for the target group; any day for screening (the
    rounds before the pilot read their parameters on their opening days)."""
    return pilot() if rule == TARGET_GROUP else None


def prepare(rule: str, dates: Iterable[dt.date], edits: Iterable[Edit]) -> tuple[list[dt.date], list[Edit]]:
    """Validated dates and edits (values typed by the parameter's unit), or an `OverlayError`."""
    if rule not in RULES:
        raise OverlayError(Message(UNKNOWN_RULE, {"rule": rule, "known": ", ".join(RULES)}))
    law, period = default_store(), within(rule)
    dates = sorted(set(dates))
    for on in dates:
        if period is not None:
            check_within(on, period)
    store_edits = list(edits)
    overlay(law, store_edits, allowed=editable(rule), within=period)  # raises on the first bad edit
    typed = [Edit(e.name, parse(law, e.name, e.value), e.start) for e in store_edits]
    return dates, typed


def screening_round(code: str) -> Round:
    """The application round of a screening what-if, or an `OverlayError` naming the rounds."""
    found = Round.objects.filter(code=code).first()
    if found is None:
        known = ", ".join(Round.objects.values_list("code", flat=True))
        raise OverlayError(Message(UNKNOWN_ROUND, {"round": code, "known": known}))
    return found


def compute_screening(round_code: str, edits: list[Edit]) -> dict:
    """Each screened application of the round (R-APP-3, R-APP-4) with its outcome under the law and under the
    edits, by the rule's own code (`applications.services.screen_round`, the same batch as the round's
    screening: every application with the others of the round)."""
    law = default_store()
    alt = overlay(law, edits, allowed=editable(SCREENING))
    round_ = screening_round(round_code)
    under_law = screen_round(round_, round_.opens, params=law)
    under_alt = screen_round(round_, round_.opens, params=alt)
    applications = Application.objects.filter(pk__in=list(under_law)).select_related("lead")
    rows = []
    for application in applications.prefetch_related("municipalities").order_by("pk"):
        by_law, by_alt = under_law[application.pk], under_alt[application.pk]
        rows.append(
            {
                "id": application.pk,
                "name": application.name or f"#{application.pk}",
                "lead": application.lead.code,
                "municipalities": sorted(m.code for m in application.municipalities.all()),
                "ely": by_law.result["ely_code"],
                "law": _screened(by_law),
                "whatif": _screened(by_alt),
                "changes": _screened(by_law) != _screened(by_alt),  # the status or a check's
            }
        )
    return {"round": round_.code, "opens": round_.opens.isoformat(), "applications": rows}


def _screened(outcome) -> dict:
    return {
        "status": outcome.status,
        "eligible": outcome.result["eligible"],
        "checks": {c.code: c.status for c in outcome.checks},
    }


def compute_snapshots(
    dates: list[dt.date],
    edits: list[Edit],
    progress: Callable[[int], None] | None = None,
    judge: compute.Judge = compute.fast,
) -> list[compute.Snapshot]:
    """Each date's snapshot: every person's facts held on it read in one streamed query, judged both ways."""
    law = default_store()
    alt = overlay(law, edits, allowed=editable(TARGET_GROUP), within=pilot())
    places = municipality_histories()
    total = max(1, queries.persons() * len(dates))
    snapshots = []
    for i, on in enumerate(dates):
        done = i * total // len(dates)

        def between(read: int, done: int = done) -> None:
            if progress:
                progress(min(95, int(95 * (done + read) / total)))

        snapshot = compute.Snapshot(on)
        compute.judge_all(queries.held_on(on, between=between), snapshot, law, alt, places, judge)
        snapshots.append(snapshot)
    return snapshots


def store(whatif: WhatIf, snapshots: list[compute.Snapshot]) -> None:
    """The counts and the persons who change side, with the what-if `done`, in one transaction."""
    with transaction.atomic():
        Change.objects.filter(whatif=whatif).delete()
        Change.objects.bulk_create(
            (
                Change(whatif=whatif, on=s.on, person_id=queries.person_id(pk), kunta_code=kunta, joins=joins)
                for s in snapshots
                for pk, kunta, joins in s.changes
            ),
            batch_size=2000,
        )
        whatif.results = {"snapshots": [s.to_json() for s in snapshots]}
        whatif.status, whatif.progress, whatif.finished_at = Status.DONE, 100, timezone.now()
        whatif.save(update_fields=["results", "status", "progress", "finished_at"])


def store_screening(whatif: WhatIf, results: dict) -> None:
    with transaction.atomic():
        whatif.results = results
        whatif.status, whatif.progress, whatif.finished_at = Status.DONE, 100, timezone.now()
        whatif.save(update_fields=["results", "status", "progress", "finished_at"])


def create(
    name: str,
    rule: str,
    dates: list[dt.date],
    edits: list[Edit],
    user,
    language: str,
    round_code: str = "",
) -> WhatIf:
    return WhatIf.objects.create(
        name=name,
        rule=rule,
        round_code=round_code,
        dates=[d.isoformat() for d in dates],
        edits=[e.to_json() for e in edits],
        created_by=user,
        language=language,
    )


def submit(
    name: str,
    rule: str,
    dates: list[dt.date],
    edits: list[Edit],
    user,
    language: str,
    round_code: str = "",
) -> WhatIf:
    """Record a queued what-if (validated by `prepare`) and its job, together or not at all."""
    with transaction.atomic():
        whatif = create(name, rule, dates, edits, user, language, round_code)
        jobs.enqueue(run_whatif, whatif.pk)
    return whatif


@jobs.task()
def run_whatif(pk: int) -> None:
    execute(pk)
    error = WhatIf.objects.filter(pk=pk, status=Status.FAILED).values_list("error", flat=True).first()
    if error is not None:
        raise WhatIfFailed(error)


def execute(pk: int) -> None:
    """Run one what-if to the end: `done` with its results, or `failed` with the message (never `running`)."""
    language = settings.LANGUAGE_CODE
    try:
        whatif = WhatIf.objects.get(pk=pk)
        language = whatif.language
        WhatIf.objects.filter(pk=pk).update(status=Status.RUNNING, started_at=timezone.now(), progress=0)
        jobs.report_progress(0, "persons")

        def progress(percent: int) -> None:
            WhatIf.objects.filter(pk=pk).update(progress=percent)
            jobs.report_progress(percent, "persons")

        law = default_store()
        edits = [Edit.from_json(e, law) for e in whatif.edits]
        if whatif.rule == SCREENING:
            store_screening(whatif, compute_screening(whatif.round_code, edits))
        else:
            dates = [dt.date.fromisoformat(d) for d in whatif.dates]
            store(whatif, compute_snapshots(dates, edits, progress))
    except OverlayError as exc:
        _fail(pk, exc.render(language))
    except Exception as exc:  # any failure must end the what-if, with its reason
        log.exception("what-if %s failed", pk)
        _fail(pk, f"{type(exc).__name__}: {exc}")


def abandoned(sender, job_id: str, args: list, kwargs: dict, reason: Promise, **extra: Any) -> None:
    """The worker stopped while the what-if ran: it fails with the reason in its starter's language."""
    whatif = WhatIf.objects.filter(pk=args[0], status__in=[Status.QUEUED, Status.RUNNING]).first()
    if whatif is not None:
        with translation.override(whatif.language):
            _fail(whatif.pk, str(reason))


def _fail(pk: int, message: str) -> None:
    WhatIf.objects.filter(pk=pk).update(status=Status.FAILED, error=message, finished_at=timezone.now())
