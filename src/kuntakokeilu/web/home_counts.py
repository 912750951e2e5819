"""What waits for the signed-in user today, as counts on the home page (issue 15 item 4): due transfers and
how many are overdue, transfer requests to answer or decide, applications to screen (or one's own drafts),
and the evaluation runs and what-ifs queued, running or done. Each count is behind the action of the page
it links to, and reads the same queries as that page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from kuntakokeilu.access.actions import can
from kuntakokeilu.applications.models import Application, ApplicationStatus
from kuntakokeilu.customers import transfer_requests, worklist
from kuntakokeilu.evaluation.models import EvaluationRun
from kuntakokeilu.whatif.models import WhatIf


@dataclass(frozen=True)
class HomeCount:
    text: str  # the count in words, e.g. "3 transfers due"
    url: str
    number: int
    attention: str = ""  # e.g. "1 overdue", shown in red with the text


def _runs(rows) -> dict[str, int]:
    return {row["status"]: row["n"] for row in rows.values("status").annotate(n=Count("pk"))}


def home_counts(user, on: dt.date) -> list[HomeCount]:
    counts = []
    if can(user, "customers.view_due_transfers", None, on):
        due = worklist.open_for(user, on)
        overdue = sum(1 for row in due if row.overdue(on))
        counts.append(
            HomeCount(
                ngettext("%(n)s transfer due", "%(n)s transfers due", len(due)) % {"n": len(due)},
                reverse("customers:due-transfers"),
                len(due),
                ngettext("%(n)s overdue", "%(n)s overdue", overdue) % {"n": overdue} if overdue else "",
            )
        )
    if can(user, "customers.view_requests", None, on):
        requests = transfer_requests.open_for(user, on)
        n = len(requests["to_decide"]) + len(requests["to_answer"])
        text = ngettext("%(n)s transfer request to handle", "%(n)s transfer requests to handle", n) % {"n": n}
        counts.append(HomeCount(text, reverse("customers:transfer-requests"), n))
    if can(user, "applications.select", None, on):
        submitted = Application.objects.filter(status=ApplicationStatus.SUBMITTED).select_related("lead")
        n = sum(1 for a in submitted if can(user, "applications.view", a, on))
        text = ngettext("%(n)s application to screen", "%(n)s applications to screen", n) % {"n": n}
        counts.append(HomeCount(text, reverse("applications:index"), n))
    elif can(user, "applications.apply", None, on):
        open_ = Application.objects.filter(
            status__in=(ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUESTED)
        ).select_related("lead")
        n = sum(1 for a in open_ if can(user, "applications.apply", a, on))
        text = ngettext(
            "%(n)s application of yours not submitted", "%(n)s applications of yours not submitted", n
        ) % {"n": n}
        counts.append(HomeCount(text, reverse("applications:index"), n))
    for code, model, url, words in (
        ("evaluation.view_runs", EvaluationRun, "evaluation:runs", _run_words),
        ("whatif.view", WhatIf, "whatif:list", _whatif_words),
    ):
        if can(user, code, None, on):
            runs = _runs(model.objects.all())
            busy = runs.get("queued", 0) + runs.get("running", 0)
            done = runs.get("done", 0)
            text = words(busy, done)
            counts.append(HomeCount(text, reverse(url), busy + done, ""))
    return counts


def _run_words(busy: int, done: int) -> str:
    return "{}, {}".format(
        ngettext("%(n)s evaluation run queued or running", "%(n)s evaluation runs queued or running", busy)
        % {"n": busy},
        ngettext("%(n)s done", "%(n)s done", done) % {"n": done},
    )


def _whatif_words(busy: int, done: int) -> str:
    return "{}, {}".format(
        ngettext("%(n)s what-if queued or running", "%(n)s what-ifs queued or running", busy) % {"n": busy},
        ngettext("%(n)s done", "%(n)s done", done) % {"n": done},
    )
