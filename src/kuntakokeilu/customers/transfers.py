"""The initial transfer of 1.3.2021 (R-TG-3; L1269 s. 24, law notes §2.3): everyone whose job search
started by 28.2.2021 and whom the target-group rule sends to a trial municipality becomes that
municipality's customer, in one transaction (the whole batch or nothing).

Evaluated in bulk: per chunk the persons and their current facts in two queries read as plain rows (no
model instances; `queries.facts_on` reads them), the municipalities' histories once, the rule's pure
`decide` per person; customerships and their notices (`notices.build`) are written by `bulk.insert` (one
COPY on PostgreSQL), which the benchmark showed is where `bulk_create` spent most of the time
(benchmarks/README.md). Persons who already have a customership are skipped, so a re-run changes nothing.
The summary counts per trial area the persons transferred and those kept by the TE office, each kept
person once, under the first check that failed (the rule's order: pilot, status, job search, place,
group criterion, change security).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connection, transaction

from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from . import bulk, notices
from .customerships import responsible_fields
from .models import Customership, Fact, FactKind, Ground, Notice, Person
from .queries import facts_on
from .target_group import decide

CHUNK = 2000
# What differs between the rows of one chunk (customers/bulk.py: the other columns are the same in all).
CUSTOMERSHIP_FIELDS = ("person_id", "responsible", "municipality_id", "te_office_id", "decision")
NOTICE_FIELDS = ("customership_id", "recipient", "language", "data")
OUTSIDE = None  # the summary's key for persons whose kotikunta is in no trial area


@dataclass
class AreaSummary:
    transferred: int = 0
    kept: Counter = field(default_factory=Counter)


@dataclass
class Summary:
    areas: dict[int | None, AreaSummary] = field(default_factory=lambda: defaultdict(AreaSummary))
    already: int = 0

    @property
    def transferred(self) -> int:
        return sum(a.transferred for a in self.areas.values())


def candidates(registered_by: dt.date):
    """Persons whose current job search started by the date and who have no customership yet."""
    searching = Fact.objects.current().filter(kind=FactKind.JOB_SEARCH, valid_from__lte=registered_by)
    return Person.objects.filter(pk__in=searching.values("person_id")).exclude(customerships__isnull=False)


def initial(on: dt.date, params: ParameterStore | None = None, progress=None) -> Summary:
    params = params or default_store()
    registered_by = params.get("transfers.initial_registered_by", on).value
    rule = get_rule("target-group")
    version = rule.rule_version(params)
    places = municipality_histories()
    summary = Summary()
    organisations: dict[str, dict] = {}
    with transaction.atomic():
        ids = list(candidates(registered_by).order_by("pk").values_list("pk", flat=True))
        summary.already = Customership.objects.values("person_id").distinct().count()
        for start in range(0, len(ids), CHUNK):
            _chunk(ids[start : start + CHUNK], on, params, places, version, rule.name, summary, organisations)
            if progress:
                progress(min(start + CHUNK, len(ids)), len(ids))
    return summary


def _chunk(ids, on, params, places, version, rule_name, summary: Summary, organisations: dict) -> None:
    keys = {_PK.get_db_prep_value(pk, connection): pk for pk in ids}  # the database's form of the ids
    persons = {keys[v[0]]: _PersonRow(v) for v in _raw(Person.objects.filter(pk__in=ids), _PERSON_COLUMNS)}
    facts: dict = defaultdict(list)
    municipalities = _municipalities(organisations)
    for values in _raw(Fact.objects.current().filter(person_id__in=ids), _FACT_COLUMNS):
        facts[keys[values[0]]].append(_FactRow(values, municipalities))
    rows: list[Customership] = []
    for pk in ids:
        person = persons[pk]
        given = facts_on(person, on, facts[pk], customerships=[])
        if given["status"] is None or (given["kotikunta"] is None and given["residence"] is None):
            summary.areas[OUTSIDE].kept["no_facts"] += 1
            continue
        decision = decide(given, on, params, places)
        responsible = decision.result["responsible"]
        if not decision.result["in_target_group"]:
            place = places[given["kotikunta"] or given["residence"]]
            area = place.trial.area_no if place.trial else OUTSIDE
            failed = next((c.code for c in decision.checks if c.status == "fail"), "no_group_criterion")
            summary.areas[area].kept[failed] += 1
            continue
        outcome = Outcome(rule_name, version, on, decision.result, decision.status, decision.checks)
        summary.areas[responsible["trial_area_no"]].transferred += 1
        rows.append(
            Customership(
                person=Person(pk=pk, service_language=person.service_language),
                valid_from=on,
                ground=Ground.INITIAL_TRANSFER,
                rule_version=version,
                decision=outcome.to_record(),
                **_fields(responsible, organisations),
            )
        )
    bulk.insert(Customership, rows, CUSTOMERSHIP_FIELDS)
    ids = dict(
        Customership.objects.filter(valid_from=on, person_id__in=[r.person_id for r in rows]).values_list(
            "person_id", "pk"
        )
    )
    for row in rows:
        row.pk = ids[row.person_id]
    bulk.insert(Notice, [n for row in rows for n in notices.build(row, None)], NOTICE_FIELDS)


_PK = Person._meta.pk
_PERSON_COLUMNS = ("pk", "henkilotunnus", "birth_date", "service_language")
_FACT_COLUMNS = (
    "person_id",
    "kind",
    "valid_from",
    "municipality_id",
    "code",
    "flag",
    "date_value",
    "end_date",
)


class _PersonRow:
    """What `queries.facts_on` reads of a person (no model instance: the bulk path)."""

    __slots__ = _PERSON_COLUMNS

    def __init__(self, values):
        self.pk, self.henkilotunnus, self.birth_date, self.service_language = values  # _PERSON_COLUMNS


class _FactRow:
    """A current fact with what `queries.facts_on` reads (no model instance: the bulk path)."""

    __slots__ = (*_FACT_COLUMNS, "municipality")
    superseded = False
    value = Fact.value  # the model's own reading of the value columns

    def __init__(self, values, municipalities: dict):
        (
            self.person_id,
            self.kind,
            self.valid_from,
            self.municipality_id,
            self.code,
            self.flag,
            self.date_value,
            self.end_date,
        ) = values  # _FACT_COLUMNS
        self.municipality = municipalities.get(self.municipality_id)


def _raw(queryset, columns):
    """The queryset's rows of `columns` as the database driver returns them: the ORM builds the query, but
    no per-value converters run (on SQLite they turn each person id back into a UUID)."""
    sql, params = queryset.values_list(*columns).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _municipalities(organisations: dict) -> dict:
    """Every municipality by primary key, read once per run (kept with the run's organisations)."""
    if None not in organisations:
        organisations[None] = {m.pk: m for m in Municipality.objects.all()}
    return organisations[None]


def _fields(responsible: dict, organisations: dict) -> dict:
    """The model fields of a trial municipality, looked up once per run."""
    key = responsible["kunta_code"]
    if key not in organisations:
        organisations[key] = responsible_fields(responsible)
    return organisations[key]
