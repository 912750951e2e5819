"""Re-evaluation when an amendment widens the target group (R-TG-2, R-TG-4; issue 14 item 1).

The target group was widened twice: job seekers at risk of unemployment from 2.5.2022 (L1381/2021) and
holders of temporary protection by their residence from 1.3.2023 (L149/2023). Those days are data: the
dated parameter `target_group.widening_amendment` names the amendment in force from each day it entered
into force (a value of null: none). The narrowing change-security rule of 1.1.2023 is not listed: it
applies to new notices, as the target-group rule already does.

The law does not say when existing registrants are evaluated again. The project's reading, stated in
the explanation shown with each row: on the day the widening amendment enters into force, with the
7 days (`transfers.transfer_window_days`) counted from that day.

`reevaluate(on)` evaluates every registrant whose job search is valid on `on` with the target-group rule
(through `worklist.assess`, the same evaluation as a reported change) and lists on the TE office's
worklist, with the ground `law_widened` and the amendment, those the rule now sends to a trial
municipality and did not the day before. It changes nothing for a person with an open due transfer, a
person already listed for this amendment (whatever became of it), or one the TE office keeps
(`worklist.kept_still`). A re-run therefore changes nothing. `run_reevaluation` is its job on the
project's queue; the command `kuntakokeilu reevaluate_target_group --on DATE` queues it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kuntakokeilu.jobs import services as jobs
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.storage import save_records
from kuntakokeilu.workitems.models import due_date

from . import worklist
from .customerships import ONE_DAY
from .models import Customership, DueTransfer, Fact, FactKind, Ground, Person, Responsible

PARAMETER = "target_group.widening_amendment"

# The explanation shown with a re-evaluated row (worklist page, person page); the project's reading.
EXPLANATION = gettext_lazy(
    "Act %(amendment)s widened the pilot's target group from %(on)s. The law does not say when job seekers "
    "already registered are evaluated again; this system's reading: on the day the amendment enters into "
    "force, with the 7 days for the transfer counted from that day."
)
ACT = gettext_lazy("Act %(amendment)s")


# --- pure parts ----------------------------------------------------------------------------------


def widenings(params: ParameterStore) -> list[tuple[dt.date, str]]:
    """Every day an amendment widening the target group entered into force, with the amendment."""
    return [(v.start, str(v.value)) for v in params.history(PARAMETER) if v.value]


def amendment_on(day: dt.date, params: ParameterStore) -> str | None:
    """The amendment that widened the group on exactly `day`; None on any other day."""
    return dict(widenings(params)).get(day)


# --- the use case --------------------------------------------------------------------------------


@dataclass
class Summary:
    on: dt.date
    amendment: str
    evaluated: int = 0
    listed: int = 0
    already: int = 0  # listed before (open, or for this amendment), or kept by the TE office


def check_day(on: dt.date, params: ParameterStore) -> str:
    """The amendment of `on`; a localised ValidationError naming the parameter and the days otherwise."""
    amendment = amendment_on(on, params)
    if amendment is None:
        days = ", ".join(
            f"{formats.date_format(day, 'SHORT_DATE_FORMAT')} ({amendment})"
            for day, amendment in widenings(params)
        )
        raise ValidationError(
            _(
                "%(on)s is not a day on which an amendment widening the target group entered into force "
                "(parameter %(parameter)s: %(days)s)."
            )
            % {"on": formats.date_format(on, "SHORT_DATE_FORMAT"), "parameter": PARAMETER, "days": days}
        )
    return amendment


def candidates(on: dt.date):
    """Persons whose job search is valid on `on` and who are no trial municipality's customer then (a
    widening only adds persons), without an open due transfer."""
    searching = Fact.objects.current().filter(
        Q(end_date__isnull=True) | Q(end_date__gte=on), kind=FactKind.JOB_SEARCH, valid_from__lte=on
    )
    municipal = Customership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        responsible=Responsible.MUNICIPALITY,
        valid_from__lte=on,
    )
    return (
        Person.objects.filter(pk__in=searching.values("person_id"))
        .exclude(pk__in=municipal.values("person_id"))
        .exclude(pk__in=DueTransfer.objects.open().values("person_id"))
    )


def reevaluate(
    on: dt.date, params: ParameterStore | None = None, progress: Callable[[int, int], None] | None = None
) -> Summary:
    """Evaluate every registrant again on the day a widening amendment entered into force and list those
    now in the group on the TE office's worklist (one transaction per person; a re-run changes nothing)."""
    params = params or default_store()
    summary = Summary(on, check_day(on, params))
    ids = list(candidates(on).order_by("pk").values_list("pk", flat=True))
    for i, pk in enumerate(ids, start=1):
        summary.evaluated += 1
        outcome = _one(pk, on, summary.amendment, params)
        if outcome == "listed":
            summary.listed += 1
        elif outcome == "already":
            summary.already += 1
        if progress and (i % 200 == 0 or i == len(ids)):
            progress(i, len(ids))
    return summary


@transaction.atomic
def _one(pk, on: dt.date, amendment: str, params: ParameterStore) -> str:
    person = Person.objects.select_for_update().get(pk=pk)  # the person first, as every writer does
    rows = DueTransfer.objects.filter(person=person)
    if rows.open().exists() or rows.filter(ground=Ground.LAW_WIDENED, amendment=amendment).exists():
        return "already"
    found = worklist.assess(person, on, params)
    if found is None or not found.due or found.handler_te_office is None:
        return "not_due"
    before = worklist.assess(person, on - ONE_DAY, params)
    if before is not None and before.due:  # due already without the amendment: not this batch's matter
        return "not_due"
    DueTransfer.objects.create(
        person=person,
        ground=Ground.LAW_WIDENED,
        amendment=amendment,
        event_date=on,
        due_by=due_date(on, worklist.WINDOW, params),
        handler_te_office=found.handler_te_office,
        target=found.outcome.result["responsible"],
        rule_version=found.outcome.rule_version,
        decision=save_records([found.outcome], params)[0],
    )
    return "listed"


def explain(due: DueTransfer) -> str:
    """The row's explanation in the active language ("" for other grounds)."""
    if due.ground != Ground.LAW_WIDENED:
        return ""
    return str(EXPLANATION) % {
        "amendment": due.amendment,
        "on": formats.date_format(due.event_date, "SHORT_DATE_FORMAT"),
    }


# --- the job on the project's queue ---------------------------------------------------------------


def submit(on: dt.date, params: ParameterStore | None = None) -> str:
    """Queue the re-evaluation of `on` (refused at once, nothing queued, when `on` is no widening day)."""
    amendment = check_day(on, params or default_store())
    with transaction.atomic():
        jobs.enqueue(run_reevaluation, on.isoformat())
    return amendment


@jobs.task()
def run_reevaluation(on: str) -> None:
    reevaluate(
        dt.date.fromisoformat(on),
        progress=lambda done, total: jobs.report_progress(done * 100 // max(total, 1), "persons"),
    )
