"""Retention runs (R-X-4; issue 20 item 3): anonymise IN PLACE the persons the rule finds due, on the job
queue.

In place: the `Person` row stays (its UUID, so the append-only access log keeps every row and its link), its
identity code becomes a unique token that is no identity code (`ANON` + 7 random characters: never derived
from the code, which is too small a space to hash safely), the names are cleared, the birth date is kept as
its year only (1 January), and `anonymised_at` is set. The free texts that may identify the person are
cleared in every app (`CLEARED`); what statistics need is kept: municipalities, dates, codes, statuses,
amounts, flags, the service language and the rules' stored outcomes (codes and figures). A benefit decision's
stored letter names the person: its recipient is cleared and its PDF dropped (`DecisionLetter`). The writes
bypass the append-only `save` of plan versions and decision letters by design: anonymisation is the one
change the retention period requires of them.

A run is one transaction: examined, decided, anonymised and counted together. A re-run finds no one new
(anonymised persons are not examined again), so it changes nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.functional import Promise

from kuntakokeilu.customers.models import DueTransfer, Fact, InitialException, Person
from kuntakokeilu.decisions.models import Decision, DecisionLetter
from kuntakokeilu.employers.models import JobOffer, PresentationConsent
from kuntakokeilu.jobs import services as jobs
from kuntakokeilu.plans.models import PlanStep, PlanVersion
from kuntakokeilu.referrals.models import Referral
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.service_process.models import (
    Assessment,
    AssessmentHealth,
    JobApplication,
    JobSearchEndReason,
    Meeting,
)
from kuntakokeilu.statements.models import Statement, TeOfficeNotice

from . import queries, rules
from .models import RetentionRun, Status

log = logging.getLogger(__name__)

TOKEN_PREFIX = "ANON"  # noqa: S105 (not a password: the mark of an anonymised identity code)
TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # noqa: S105
TOKEN_LENGTH = 7  # with the prefix 11 characters, the identity code's length; never a valid code

_TEXTS_OF = ("skills_goals", "training_need", "job_search_skills", "unemployment_risk")
_HEALTH_TEXTS_OF = ("work_capacity", "social_services", "health_services", "rehabilitation")

# (model, the path from the model to the person, the free-text fields cleared): what may identify a person
CLEARED: tuple[tuple[type, str, tuple[str, ...]], ...] = (
    (Fact, "person", ("source", "reason")),
    (DueTransfer, "person", ("keep_text",)),
    (InitialException, "person", ("keep_text", "source")),
    (Meeting, "person", ("participants", "notes")),
    (Assessment, "person", tuple(f"{name}_text" for name in _TEXTS_OF)),
    (AssessmentHealth, "assessment__person", tuple(f"{name}_text" for name in _HEALTH_TEXTS_OF)),
    (JobApplication, "person", ("employer", "job_title")),
    (JobSearchEndReason, "person", ("text",)),
    (PresentationConsent, "person", ("document",)),
    (JobOffer, "person", ("refusal_reason",)),
    (Referral, "person", ("interruption_text",)),
    (Statement, "person", ("text",)),
    (TeOfficeNotice, "person", ("text",)),
    (PlanVersion, "plan__person", ("goals", "job_search_obligation", "notes")),
    (PlanStep, "version__plan__person", ("text",)),
    (Decision, "person", ("reason",)),
)


class RetentionFailed(Exception):
    """Raised by the job when its run failed, so the queue records the failure too."""


def new_tokens(count: int) -> list[str]:
    """`count` tokens, distinct from each other and from every identity code stored."""
    tokens: set[str] = set()
    while len(tokens) < count:
        fresh = {
            TOKEN_PREFIX + "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
            for _ in range(count - len(tokens))
        }
        taken = set(Person.objects.filter(henkilotunnus__in=fresh).values_list("henkilotunnus", flat=True))
        tokens |= fresh - taken
    return sorted(tokens)


def anonymise(person_ids: list, when: dt.datetime | None = None) -> dict[str, int]:
    """Anonymise the persons `person_ids` in place (see the module's docstring); rows changed per table."""
    when = when or timezone.now()
    counts: dict[str, int] = {}
    if not person_ids:
        return counts
    persons = list(Person.objects.filter(pk__in=person_ids, anonymised_at__isnull=True).order_by("pk"))
    for person, token in zip(persons, new_tokens(len(persons)), strict=True):
        person.henkilotunnus = token
        person.first_name = ""
        person.last_name = ""
        person.birth_date = dt.date(person.birth_date.year, 1, 1)
        person.anonymised_at = when
    Person.objects.bulk_update(
        persons, ["henkilotunnus", "first_name", "last_name", "birth_date", "anonymised_at"], batch_size=500
    )
    counts["customers.Person"] = len(persons)
    ids = [p.pk for p in persons]
    for model, path, fields in CLEARED:
        not_empty = Q()
        for name in fields:
            not_empty |= ~Q(**{name: ""})
        changed = (
            model.objects.filter(**{f"{path}__in": ids}).filter(not_empty).update(**dict.fromkeys(fields, ""))
        )
        if changed:
            counts[model._meta.label] = changed
    letters = DecisionLetter.objects.filter(decision__person__in=ids)
    changed = 0
    for letter in letters.exclude(content__recipient="").only("pk", "content"):
        letter.content = {**letter.content, "recipient": ""}
        DecisionLetter.objects.filter(pk=letter.pk).update(content=letter.content, pdf=b"", checksum="")
        changed += 1
    if changed:
        counts[DecisionLetter._meta.label] = changed
    return counts


def examine(on: dt.date, params: ParameterStore | None = None) -> tuple[int, list, list, int]:
    """(the period in months, the persons due, the persons kept, the number examined) on `on`."""
    months = rules.period_months(on, params or default_store())
    due, kept = [], []
    for pk, record in queries.records(on):
        (due if rules.decide(record, on, months).due else kept).append(pk)
    return months, due, kept, len(due) + len(kept)


def create(on: dt.date, dry_run: bool, user=None) -> RetentionRun:
    return RetentionRun.objects.create(on=on, dry_run=dry_run, created_by=user)


def submit(on: dt.date, dry_run: bool, user=None) -> RetentionRun:
    """Record a queued run and its job, together or not at all."""
    with transaction.atomic():
        run = create(on, dry_run, user)
        jobs.enqueue(run_retention, run.pk)
    return run


@jobs.task()
def run_retention(pk: int) -> None:
    execute(pk)
    error = RetentionRun.objects.filter(pk=pk, status=Status.FAILED).values_list("error", flat=True).first()
    if error is not None:
        raise RetentionFailed(error)


def execute(pk: int) -> None:
    """Run one retention run to the end: `done` with its counts, or `failed` with the reason."""
    RetentionRun.objects.filter(pk=pk).update(status=Status.RUNNING, started_at=timezone.now())
    jobs.report_progress(0, "persons")
    try:
        with transaction.atomic():
            run = RetentionRun.objects.select_for_update().get(pk=pk)
            months, due, kept, examined = examine(run.on)
            cleared = {} if run.dry_run else anonymise(due)
            RetentionRun.objects.filter(pk=pk).update(
                period_months=months,
                examined=examined,
                due=len(due),
                kept=len(kept),
                anonymised=0 if run.dry_run else cleared.get("customers.Person", 0),
                cleared=cleared,
                status=Status.DONE,
                finished_at=timezone.now(),
            )
        jobs.report_progress(100, "persons")
    except Exception as exc:  # any failure must end the run, with its reason; the transaction rolled back
        log.exception("retention run %s failed", pk)
        _fail(pk, f"{type(exc).__name__}: {exc}")


def abandoned(sender, job_id: str, args: list, kwargs: dict, reason: Promise, **extra: Any) -> None:
    """The worker stopped while the run ran: it fails with the reason (nothing written: one transaction)."""
    run = RetentionRun.objects.filter(pk=args[0], status__in=[Status.QUEUED, Status.RUNNING]).first()
    if run is not None:
        with translation.override(settings.LANGUAGE_CODE):
            _fail(run.pk, str(reason))


def _fail(pk: int, message: str) -> None:
    RetentionRun.objects.filter(pk=pk).update(status=Status.FAILED, error=message, finished_at=timezone.now())
