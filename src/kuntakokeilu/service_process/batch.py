"""Every customer's deadlines refreshed at once (issue 16 items 2 and 8; R-SP-1, R-SP-2): the month's close
or a nightly run, `kuntakokeilu refresh_deadlines --on DATE` (queued as `run_refresh`, or `--now`).

`refresh_all(on)` brings the open `DueItem`s of every customer of a trial municipality on `on` (and of
every person who still has an open item, who may no longer be one) in line with the rule
`service-deadlines`, exactly as `services.refresh_deadlines(person, on)` does for one person: an item met
is done, one whose deadline moved or that is no longer required is no longer due (cancelled on `on`),
a new dated open or overdue item is written; a second run changes nothing. The persons are taken in
chunks by the range of their ids; per chunk one query per table reads the facts, the meetings and the open
items as plain rows (no model instances), `queries.rule_input` builds the rule's input (the same builder
as the single-person path), the pure `deadlines.decide` judges, and the changes are written in bulk
(done: `bulk_update`; cancelled: one UPDATE; new: `customers.bulk.insert`, a COPY on PostgreSQL).

Transactions: one per chunk. A chunk's reads and writes commit together, so a person is never half
refreshed; a failure loses only the chunk in progress, and because the refresh is idempotent a re-run
finishes the work. One transaction over all 165,000 customers would hold the locks of every rewritten item
for minutes and keep case workers recording meetings waiting. A meeting recorded while the batch runs is
refreshed by its own transaction; if the batch read that person's chunk before the meeting committed, the
next run (or the next meeting) brings the items in line again.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from kuntakokeilu.customers import bulk
from kuntakokeilu.customers.models import Customership, Fact, FactKind, Responsible
from kuntakokeilu.jobs import services as jobs
from kuntakokeilu.regions.models import TrialAreaMember
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from . import sources
from .deadlines import MET_BY
from .models import AreaFirstContactTarget, DueItem, Meeting
from .queries import rule_input
from .rules import NAME

CHUNK = 2000
NEW_ITEM_FIELDS = ("person_id", "type", "count", "reference", "due_by", "handler_municipality_id")


@dataclass
class Summary:
    persons: int = 0
    created: int = 0
    done: int = 0
    cancelled: int = 0


def customers_on(on: dt.date) -> list[tuple]:
    """(person id in the database's form, municipality id, birth date) of every customer of a trial
    municipality on `on` (customers.customerships.municipal_customership for all at once), by person id."""
    held = Customership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on),
        responsible=Responsible.MUNICIPALITY,
        valid_from__lte=on,
        municipality__isnull=False,
    )
    return sorted(bulk.raw_rows(held, ("person_id", "municipality_id", "person__birth_date")))


def first_contact_days(on: dt.date) -> dict[int, int | None]:
    """Municipality id → its trial area's own first-contact target on `on` in working days (None: none)."""
    valid = Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    targets: dict[int, int] = {}
    for area, days in AreaFirstContactTarget.objects.filter(valid).values_list(
        "trial_area_id", "working_days"
    ):
        targets.setdefault(area, days)
    areas: dict[int, int] = {}
    for municipality, area in TrialAreaMember.objects.values_list("municipality_id", "trial_area_id"):
        areas.setdefault(municipality, area)
    return {municipality: targets.get(area) for municipality, area in areas.items()}


def chunk_rows(first, last, on: dt.date) -> tuple[dict, dict, dict]:
    """The facts, meetings (held by `on`) and open items of the persons with ids first..last, by person id
    in the database's form: one query per table."""
    facts: dict = defaultdict(list)
    current = Fact.objects.current().filter(
        person_id__gte=first, person_id__lte=last, kind__in=(FactKind.JOB_SEARCH, FactKind.STATUS)
    )
    for pk, *fact in bulk.raw_rows(current, ("person_id", "kind", "valid_from", "code", "end_date")):
        facts[pk].append(fact)
    meetings: dict = defaultdict(list)
    held = Meeting.objects.filter(person_id__gte=first, person_id__lte=last, date__lte=on)
    for pk, *meeting in sorted(bulk.raw_rows(held, ("person_id", "date", "id", "type", "no_show"))):
        meetings[pk].append((meeting[2], meeting[0], meeting[3]))  # (type, date, no_show) by date, id
    items: dict = defaultdict(dict)
    open_items = DueItem.objects.open().filter(person_id__gte=first, person_id__lte=last)
    rows = bulk.raw_rows(open_items, ("person_id", "due_by", "id", "type", "event_date"))
    for pk, due_by, item, type_, listed in sorted(rows, key=lambda r: (r[0], r[1] or dt.date.min, r[2])):
        items[pk][type_] = (item, due_by, listed)  # by DueItem's ordering: the last of a type wins
    return facts, meetings, items


def changes(outcome, municipality_id, existing: dict, on: dt.date, events=()):
    """What refreshing one person's items writes — `services.refresh_deadlines` and the batch alike: (done
    [(id, done_on)], cancelled [id], new [rule items]) from the rule's outcome (None: no job search), the
    municipality whose customer the person is (None: none), the open items {type: (id, due_by, listed on)}
    and the meetings held (the rule input's `events`). An item the rule says is done, or whose deadline moved
    or lapsed after a meeting that meets it (`deadlines.MET_BY`) was held since it was listed, is done on that
    meeting's day; one that moved or lapsed otherwise is no longer due (cancelled); the rule's open or
    overdue items not yet listed are new."""
    wanted = {}
    if outcome is not None and municipality_id is not None:
        checks = {c.code: c for c in outcome.checks}
        for item in outcome.result["due"]:
            wanted[item["type"]] = (item, checks[f"due_{item['type']}"].found["done_on"])
    done, cancelled = [], []
    for type_, (pk, due_by, listed) in existing.items():
        item, done_on = wanted.get(type_, (None, None))
        if item is not None and item["state"] == "done":
            done.append((pk, done_on or on))
        elif item is None or item["due_date"] != due_by or item["state"] == "not_required":
            met = [
                e["date"] for e in events if e["type"] in MET_BY.get(type_, ()) and listed <= e["date"] <= on
            ]
            if met:
                done.append((pk, min(met)))
            else:
                cancelled.append(pk)
        else:
            wanted.pop(type_)
    new = [
        item
        for item, _done in wanted.values()
        if item["state"] in ("open", "overdue") and item["due_date"] is not None
    ]
    return done, cancelled, new


def refresh_all(
    on: dt.date, *, chunk: int = CHUNK, params: ParameterStore | None = None, progress=None
) -> Summary:
    """Refresh every customer's open items on `on` (module docstring); `progress(done, total)` per chunk."""
    params = params or default_store()
    rule = get_rule(NAME)
    customers = {pk: (municipality, born) for pk, municipality, born in customers_on(on)}
    with_items = bulk.raw_rows(DueItem.objects.open().distinct(), ("person_id",))
    ids = sorted(set(customers) | {pk for (pk,) in with_items})
    days = first_contact_days(on)
    summary = Summary(persons=len(customers))
    with bulk.collector_paused():
        for start in range(0, len(ids), chunk):
            part = ids[start : start + chunk]
            with transaction.atomic():
                _refresh_chunk(part, on, rule, params, customers, days, summary)
            if progress:
                progress(min(start + chunk, len(ids)), len(ids))
    return summary


def _refresh_chunk(part, on, rule, params, customers, days, summary: Summary) -> None:
    facts, meetings, items = chunk_rows(part[0], part[-1], on)
    other = sources.rows(part[0], part[-1], on)
    judged, inputs = [], []
    for pk in part:
        municipality, born = customers.get(pk, (None, None))
        given = None
        if municipality is not None:
            given = rule_input(
                facts.get(pk, ()),
                born,
                meetings.get(pk, ()),
                days.get(municipality),
                on,
                other.events.get(pk, ()),
                other.services.get(pk, ()),
            )
        if given is not None:
            judged.append(pk)
            inputs.append((given, on))
    outcomes = dict(zip(judged, rule.run_many(inputs, params), strict=True))
    version = rule.rule_version(params)
    done_items, cancelled, new = [], [], []
    for pk in part:
        municipality = customers.get(pk, (None, None))[0]
        events = inputs[judged.index(pk)][0]["events"] if pk in outcomes else ()
        done, gone, wanted = changes(outcomes.get(pk), municipality, items.get(pk, {}), on, events)
        done_items += [DueItem(pk=item, done_on=day) for item, day in done]
        cancelled += gone
        new += [
            DueItem(
                person_id=pk,
                type=item["type"],
                count=item["count"],
                reference=item["reference"],
                rule_version=version,
                event_date=on,
                due_by=item["due_date"],
                handler_municipality_id=municipality,
            )
            for item in wanted
        ]
    if done_items:
        DueItem.objects.bulk_update(done_items, ["done_on"], batch_size=500)
    if cancelled:
        DueItem.objects.filter(pk__in=cancelled).update(cancelled_on=on)
    bulk.insert(DueItem, new, NEW_ITEM_FIELDS)
    summary.created += len(new)
    summary.done += len(done_items)
    summary.cancelled += len(cancelled)


def submit(on: dt.date) -> None:
    """Queue the refresh of `on` on the project's job queue (the worker runs `run_refresh`)."""
    with transaction.atomic():
        jobs.enqueue(run_refresh, on.isoformat())


@jobs.task()
def run_refresh(on: str) -> None:
    refresh_all(
        dt.date.fromisoformat(on),
        progress=lambda done, total: jobs.report_progress(done * 100 // max(total, 1), "persons"),
    )
