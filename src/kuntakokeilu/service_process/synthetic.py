"""A year of synthetic meetings (issue 16 item 8): for every customer of a trial municipality on `day`, the
meetings of the year up to `day`, seeded, bulk-inserted. For the benchmark (benchmarks/service_process.py)
and for trying the worklists on many customers; no real person's data.

Each customer gets 0–6 meetings (about 3 on average), each dated within the job search held on `day`, in
the customership, in the 365 days up to `day` and never after it. The type follows the interview schedule
of the date: before the Nordic model (2.5.2022) mostly the periodic interview, from it the job-search
discussion and the supplementary discussion, and now and then a multi-sector assessment or an activation
plan; the first meeting of a job search begun in the window is the initial interview. Channels: face to
face 45 % (at the area's first service point in use, if it has one), phone 35 %, video 10 %, e-service
10 %; 8 % no-shows. The same seed gives the same meetings; persons who already have meetings are skipped,
so a re-run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.db.models import Q

from kuntakokeilu.customers import bulk
from kuntakokeilu.customers.models import Customership, Fact, FactKind, Person, Responsible
from kuntakokeilu.regions.models import TrialAreaMember

from .models import Channel, Meeting, ServicePoint

NORDIC_FROM = dt.date(2022, 5, 2)  # only for the mix of types; the rule reads it from its parameter
CHANNELS = (
    (Channel.FACE_TO_FACE, 45),
    (Channel.PHONE, 35),
    (Channel.VIDEO, 10),
    (Channel.E_SERVICE, 10),
)
BEFORE_NORDIC = (("periodic_interview", 80), ("typ_assessment", 8), ("activation_plan", 7), ("typ_plan", 5))
NORDIC = (
    ("job_search_discussion", 60),
    ("supplementary_discussion", 25),
    ("typ_assessment", 6),
    ("activation_plan", 5),
    ("typ_plan", 4),
)
NO_SHOW_SHARE = 0.08
COUNTS = (0, 1, 2, 3, 3, 4, 4, 5, 6)  # meetings a customer has in the year (drawn uniformly)
MEETING_FIELDS = ("person_id", "type", "date", "channel", "service_point_id", "no_show", "municipality_id")
BATCH = 20_000


def _pick(rng: random.Random, weighted) -> str:
    return rng.choices([v for v, _w in weighted], [w for _v, w in weighted])[0]


def _searches(day: dt.date) -> dict:
    """Person id → (start, end) of the job search held on `day` (the latest begun by then)."""
    held = Fact.objects.current().filter(kind=FactKind.JOB_SEARCH, valid_from__lte=day)
    found: dict = {}
    for pk, start, end in sorted(bulk.raw_rows(held, ("person_id", "valid_from", "end_date"))):
        found[pk] = (start, end)
    return found


def _points() -> dict:
    """Municipality id → the service point of its trial area face-to-face meetings are held at (or None)."""
    first: dict = {}
    for area, point in ServicePoint.objects.filter(active=True).values_list("trial_area_id", "pk"):
        first.setdefault(area, point)
    return {
        m: first.get(a) for m, a in TrialAreaMember.objects.values_list("municipality_id", "trial_area_id")
    }


def meetings_for(rng: random.Random, pk, municipality, point, since: dt.date, day: dt.date, search) -> list:
    """One customer's meetings in the window since..day (`search` = the job search's (start, end))."""
    start, end = search
    first = max(since, start)
    last = min(day, end) if end else day
    if last < first:
        return []
    span = (last - first).days
    dates = sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in range(rng.choice(COUNTS)))
    rows = []
    for index, date in enumerate(dates):
        if index == 0 and start >= since and date < NORDIC_FROM:
            type_ = "initial_interview"
        else:
            type_ = _pick(rng, BEFORE_NORDIC if date < NORDIC_FROM else NORDIC)
        channel = _pick(rng, CHANNELS)
        rows.append(
            Meeting(
                person_id=pk,
                type=type_,
                date=date,
                channel=channel,
                service_point_id=point if channel == Channel.FACE_TO_FACE else None,
                no_show=rng.random() < NO_SHOW_SHARE,
                municipality_id=municipality,
            )
        )
    return rows


def generate(day: dt.date, seed: int = 1, progress=None) -> int:
    """The year of meetings up to `day` for every customer without meetings; returns how many were written."""
    window = day - dt.timedelta(days=364)
    customers = Customership.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        responsible=Responsible.MUNICIPALITY,
        valid_from__lte=day,
        municipality__isnull=False,
    )
    rows = sorted(bulk.raw_rows(customers, ("person_id", "municipality_id", "valid_from")))
    searches = _searches(day)
    points = _points()
    key = Person._meta.pk.to_python
    have = {pk for (pk,) in bulk.raw_rows(Meeting.objects.distinct(), ("person_id",))}
    written, pending = 0, []
    with transaction.atomic(), bulk.collector_paused():
        for index, (pk, municipality, customer_since) in enumerate(rows):
            if pk in have or pk not in searches:
                continue
            rng = random.Random(f"{seed}:{key(pk)}")  # noqa: S311 (test data; the UUID as text on every database)
            since = max(window, customer_since)
            pending += meetings_for(rng, pk, municipality, points.get(municipality), since, day, searches[pk])
            if len(pending) >= BATCH:
                bulk.insert(Meeting, pending, MEETING_FIELDS)
                written, pending = written + len(pending), []
                if progress:
                    progress(index + 1, len(rows))
        bulk.insert(Meeting, pending, MEETING_FIELDS)
    return written + len(pending)
