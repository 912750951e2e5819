"""Each declared indicator's computation, registered by its code (R-MON-1, R-MON-2).

A computation takes a month's first and last day and returns its rows per municipality: `Row(municipality
code, breakdown key, numerator, denominator)`, the total of each municipality under the key "" and, for an
indicator with breakdowns, one row per value ("ground=new_registration"). Every one is set-based: aggregate
queries grouped by municipality in the database, no loop over persons. The engine (`engine.py`) adds the rows
up to the trial areas, ELY areas, the whole pilot and the rest of mainland Finland."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import CharField, Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from kuntakokeilu.customers.models import Customership, Responsible
from kuntakokeilu.decisions.models import Decision
from kuntakokeilu.decisions.models import Status as DecisionStatus
from kuntakokeilu.plans.models import PlanVersion
from kuntakokeilu.referrals.models import Referral
from kuntakokeilu.service_process.models import Channel, DueItem, EndReason, JobSearchEndReason, Meeting
from kuntakokeilu.statements.models import Statement


@dataclass(frozen=True)
class Row:
    municipality: str
    breakdown: str
    numerator: int
    denominator: int | None = None


Computation = Callable[[dt.date, dt.date], Iterable[Row]]
COMPUTATIONS: dict[str, Computation] = {}

# The deadlines of the service process counted by each indicator (DueItem.type; service_process.deadlines).
INITIAL_INTERVIEW = ("first_interview", "initial_interview")
FIRST_CONTACT = ("area_first_contact",)
DISCUSSIONS = (
    "supplementary_discussion",
    "job_search_discussion",
    "supplementary_pair",
    "end_of_service_discussion",
)
ENDED = "ended"  # a customership out with none after it
EMPLOYED_OR_EDUCATION = (EndReason.OPEN_MARKET, EndReason.SUBSIDISED, EndReason.EDUCATION)


def computes(code: str) -> Callable[[Computation], Computation]:
    def register(func: Computation) -> Computation:
        if code in COMPUTATIONS:
            raise ValueError(f"indicator {code!r} has two computations")
        COMPUTATIONS[code] = func
        return func

    return register


def _grouped(
    queryset, municipality: str, key: str | None, numerator: Q | None = None, denominator: bool = False
):
    """One aggregate query: per municipality (and value of `key`) the count, or the rows matching `numerator`
    over all of them. Rows per value and a total per municipality."""
    fields = [municipality] + ([key] if key else [])
    aggregates = {"n": Count("pk", filter=numerator) if numerator is not None else Count("pk")}
    if denominator:
        aggregates["d"] = Count("pk")
    totals: dict[str, list[int]] = {}
    for row in queryset.order_by().values(*fields).annotate(**aggregates):
        code = row[municipality]
        n, d = row["n"], row.get("d")
        if key:
            yield Row(code, f"{key.removeprefix('next_')}={row[key]}", n, d)
        total = totals.setdefault(code, [0, 0])
        total[0] += n
        total[1] += d or 0
    for code, (n, d) in totals.items():
        yield Row(code, "", n, d if denominator else None)


def _municipal_customers_on(day: dt.date):
    return Customership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        responsible=Responsible.MUNICIPALITY,
        valid_from__lte=day,
    )


@computes("customers_stock")
def customers_stock(first: dt.date, last: dt.date) -> Iterable[Row]:
    return _grouped(_municipal_customers_on(last), "municipality__code", None)


@computes("customers_in")
def customers_in(first: dt.date, last: dt.date) -> Iterable[Row]:
    began = Customership.objects.filter(responsible=Responsible.MUNICIPALITY, valid_from__range=(first, last))
    return _grouped(began, "municipality__code", "ground")


@computes("customers_out")
def customers_out(first: dt.date, last: dt.date) -> Iterable[Row]:
    """By the ground of the customership that followed (none followed: "ended")."""
    following = Customership.objects.filter(person=OuterRef("person"), valid_from__gt=OuterRef("valid_from"))
    next_ground = Subquery(following.order_by("valid_from").values("ground")[:1])
    ended = Customership.objects.filter(responsible=Responsible.MUNICIPALITY, valid_to__range=(first, last))
    ended = ended.annotate(next_ground=Coalesce(next_ground, Value(ENDED, output_field=CharField())))
    return _grouped(ended, "municipality__code", "next_ground")


def _deadlines(types: tuple[str, ...], first: dt.date, last: dt.date) -> Iterable[Row]:
    due = DueItem.objects.filter(type__in=types, due_by__range=(first, last), cancelled_on__isnull=True)
    on_time = Q(done_on__isnull=False, done_on__lte=F("due_by"))
    return _grouped(due, "handler_municipality__code", None, on_time, denominator=True)


@computes("initial_interview_on_time")
def initial_interview_on_time(first: dt.date, last: dt.date) -> Iterable[Row]:
    return _deadlines(INITIAL_INTERVIEW, first, last)


@computes("first_contact_on_time")
def first_contact_on_time(first: dt.date, last: dt.date) -> Iterable[Row]:
    return _deadlines(FIRST_CONTACT, first, last)


@computes("discussions_on_time")
def discussions_on_time(first: dt.date, last: dt.date) -> Iterable[Row]:
    return _deadlines(DISCUSSIONS, first, last)


@computes("face_to_face_share")
def face_to_face_share(first: dt.date, last: dt.date) -> Iterable[Row]:
    """The total: face to face over all held; per channel (every channel, 0 included, so that the rows add up
    over municipalities): that channel over all held."""
    held = Meeting.objects.filter(date__range=(first, last), no_show=False)
    per_channel = list(_grouped(held, "municipality__code", "channel"))
    totals = {r.municipality: r.numerator for r in per_channel if not r.breakdown}
    counts = {(r.municipality, r.breakdown): r.numerator for r in per_channel if r.breakdown}
    for code, total in totals.items():
        for channel in Channel.values:
            yield Row(code, f"channel={channel}", counts.get((code, f"channel={channel}"), 0), total)
        yield Row(code, "", counts.get((code, f"channel={Channel.FACE_TO_FACE}"), 0), total)


@computes("plans_in_force")
def plans_in_force(first: dt.date, last: dt.date) -> Iterable[Row]:
    in_force = PlanVersion.objects.filter(plan__person=OuterRef("person"), agreed_on__lte=last).filter(
        Q(review_by__isnull=True) | Q(review_by__gte=last)
    )
    customers = _municipal_customers_on(last).annotate(has_plan=Exists(in_force))
    return _grouped(customers, "municipality__code", None, Q(has_plan=True), denominator=True)


@computes("service_starts")
def service_starts(first: dt.date, last: dt.date) -> Iterable[Row]:
    return _grouped(Referral.objects.filter(started_on__range=(first, last)), "municipality__code", "kind")


@computes("statements_on_time")
def statements_on_time(first: dt.date, last: dt.date) -> Iterable[Row]:
    sent = Statement.objects.filter(sent_on__range=(first, last))
    on_time = Q(due_by__isnull=False, sent_on__lte=F("due_by"))
    return _grouped(sent, "handler_municipality__code", None, on_time, denominator=True)


@computes("job_search_ended")
def job_search_ended(first: dt.date, last: dt.date) -> Iterable[Row]:
    return _grouped(
        JobSearchEndReason.objects.filter(ended_on__range=(first, last)), "municipality__code", "reason"
    )


@computes("exits_to_work_or_education")
def exits_to_work_or_education(first: dt.date, last: dt.date) -> Iterable[Row]:
    ended = JobSearchEndReason.objects.filter(ended_on__range=(first, last))
    return _grouped(ended, "municipality__code", None, Q(reason__in=EMPLOYED_OR_EDUCATION), denominator=True)


@computes("benefit_decisions_accepted")
def benefit_decisions_accepted(first: dt.date, last: dt.date) -> Iterable[Row]:
    accepted = Decision.objects.filter(
        approved_on__range=(first, last), status__in=(DecisionStatus.ACCEPTED, DecisionStatus.CORRECTED)
    )
    return _grouped(accepted, "municipality__code", "instrument")
