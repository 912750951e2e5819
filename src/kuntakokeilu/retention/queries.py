"""What the retention rule reads (R-X-4): for every person not yet anonymised who ever had a customership
with a responsible organisation, one row of one query — the last day of those customerships, whether one is
open, and whether any of the matters that keep the data is open (`rules.KEEPS`). No model instance per row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db.models import Exists, Max, OuterRef, Q, Subquery

from kuntakokeilu.customers.models import (
    OPEN_REQUEST_STATUSES,
    Customership,
    DueTransfer,
    Fact,
    FactKind,
    Person,
    Responsible,
    TransferRequest,
)
from kuntakokeilu.decisions.models import Decision
from kuntakokeilu.decisions.models import Status as DecisionStatus
from kuntakokeilu.referrals.models import Referral, State
from kuntakokeilu.statements.models import Statement, TeOfficeNotice
from kuntakokeilu.statements.models import Status as StatementStatus

from .models import RetentionRun
from .rules import Record

# a customership with a responsible organisation (the row of "no one" after a job search's end is none)
HELD = ~Q(responsible=Responsible.NONE)


def _of_person(model, **filters):
    return Exists(model.objects.filter(person=OuterRef("pk"), **filters))


def records(on: dt.date) -> Iterator[tuple[object, Record]]:
    """(person id, the rule's `Record` on `on`) for each person not anonymised who had a customership."""
    held = Customership.objects.filter(HELD, person=OuterRef("pk"))
    ended = (
        Customership.objects.filter(HELD, person=OuterRef("pk"))
        .order_by()
        .values("person")
        .annotate(last=Max("valid_to"))
        .values("last")
    )
    search = (
        Fact.objects.current()
        .filter(person=OuterRef("pk"), kind=FactKind.JOB_SEARCH, valid_from__lte=on)
        .order_by("-valid_from")
    )
    rows = (
        Person.objects.filter(anonymised_at__isnull=True)
        .filter(Exists(held))
        .annotate(
            ended_on=Subquery(ended[:1]),
            open_customership=Exists(held.filter(valid_to__isnull=True)),
            search_start=Subquery(search.values("valid_from")[:1]),
            search_end=Subquery(search.values("end_date")[:1]),
            due_transfer=_of_person(DueTransfer, done_on__isnull=True, cancelled_on__isnull=True),
            transfer_request=_of_person(TransferRequest, status__in=OPEN_REQUEST_STATUSES),
            decision=_of_person(Decision, status=DecisionStatus.DRAFT),
            statement=_of_person(Statement, status=StatementStatus.DRAFT),
            te_office_notice=_of_person(TeOfficeNotice, status=StatementStatus.DRAFT),
            referral=_of_person(Referral, state__in=[State.REFERRED, State.UNDER_WAY]),
        )
        .values_list(
            "pk",
            "ended_on",
            "open_customership",
            "search_start",
            "search_end",
            "due_transfer",
            "transfer_request",
            "decision",
            "statement",
            "te_office_notice",
            "referral",
        )
        .order_by()
    )
    names = ("due_transfer", "transfer_request", "decision", "statement", "te_office_notice", "referral")
    for pk, ended_on, is_open, start, end, *flags in rows.iterator(chunk_size=2000):
        keeps = [name for name, flag in zip(names, flags, strict=True) if flag]
        if start is not None and (end is None or end >= on):
            keeps.append("job_search")
        yield pk, Record(True, bool(is_open), ended_on, tuple(keeps))


def runs(limit: int = 100) -> list[RetentionRun]:
    return list(RetentionRun.objects.select_related("created_by")[:limit])
