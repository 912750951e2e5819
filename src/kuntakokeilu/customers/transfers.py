"""The initial transfer of 1.3.2021 (R-TG-3; L1269 s. 24, law notes §2.3): everyone whose job search
started by 28.2.2021 and whom the target-group rule sends to a trial municipality becomes that
municipality's customer, in one transaction (the whole batch or nothing).

Evaluated in bulk: per chunk the persons and their current facts in two queries read as plain rows (no
model instances; `queries.facts_on` reads them), the municipalities' histories once, the rule's pure
`decide` per person; customerships and their notices are written by `customerships.start_batch` (one COPY
each on PostgreSQL), which the benchmark showed is where `bulk_create` spent most of the time
(benchmarks/README.md). Persons who already have a customership are skipped, so a re-run changes nothing.
The summary counts per trial area the persons transferred and those kept by the TE office, each kept
person once, under the first check that failed (the rule's order: pilot, status, job search, place,
group criterion, change security).

The exception list (`exceptions.py`, issue 14 item 2; L1269 s. 5 mom 3/5), read once per batch in one
query: a listed person whom the rule would transfer is recorded instead as a kept `DueTransfer` of ground
`initial_transfer`, done on the batch date with the list's reason (so `worklist.kept_still` keeps them off
the worklist while their situation is the same), and counted under that reason. A person already kept so
is not a candidate again (a re-run changes nothing).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.queries import municipality_histories, te_office_of
from kuntakokeilu.rules.citations import cite
from kuntakokeilu.rules.messages import format_date
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.storage import save_records

from . import bulk
from .customerships import CHUNK, BatchRow, OrganisationFields, start_batch
from .models import Customership, DueTransfer, Fact, FactKind, Ground, InitialException, Person
from .queries import facts_on
from .target_group import decide

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
    """Persons whose current job search started by the date and who have no customership yet, nor were
    kept by the TE office in an earlier run of the batch (the exception list)."""
    searching = Fact.objects.current().filter(kind=FactKind.JOB_SEARCH, valid_from__lte=registered_by)
    kept = DueTransfer.objects.filter(ground=Ground.INITIAL_TRANSFER).exclude(keep_reason="")
    return (
        Person.objects.filter(pk__in=searching.values("person_id"))
        .exclude(customerships__isnull=False)
        .exclude(pk__in=kept.values("person_id"))
    )


def check_date(on: dt.date, params: ParameterStore | None = None) -> list[str]:
    """R-X-3, L1269 s. 24: the initial transfer's date. Refuses a day before the pilot's start
    (`pilot.start_date`) with a ValidationError; returns the warnings of a day after the deadline s. 24
    set for the TE offices (`transfers.initial_transferred_by`, 31.3.2021), naming that parameter."""
    params = params or default_store()
    first = params.history("pilot.start_date")[0]  # the Act's start, as first enacted
    if on < first.value:
        raise ValidationError(
            _("The initial transfer cannot be made before the pilot starts (%(start)s): %(on)s (%(ref)s).")
            % {"start": _day(first.value), "on": _day(on), "ref": cite(first.reference, _lang())}
        )
    deadline = params.get("transfers.initial_transferred_by", on)
    if on > deadline.value:
        return [
            _(
                "Warning: %(on)s is after the deadline of the initial transfer, %(deadline)s "
                "(parameter %(parameter)s, %(ref)s)."
            )
            % {
                "on": _day(on),
                "deadline": _day(deadline.value),
                "parameter": "transfers.initial_transferred_by",
                "ref": cite(deadline.reference, _lang()),
            }
        ]
    return []


def _day(day: dt.date) -> str:
    return format_date(day, _lang())


def _lang() -> str:
    return (get_language() or "fi")[:2]


def initial(on: dt.date, params: ParameterStore | None = None, progress=None) -> Summary:
    """The batch on `on` (checked first by `check_date`: a day before the pilot is refused)."""
    params = params or default_store()
    check_date(on, params)
    registered_by = params.get("transfers.initial_registered_by", on).value
    rule = get_rule("target-group")
    version = rule.rule_version(params)
    places = municipality_histories()
    summary = Summary()
    organisations = OrganisationFields()
    municipalities = {m.pk: m for m in Municipality.objects.all()}  # by id, for the facts read as rows
    with transaction.atomic(), bulk.collector_paused():
        ids = list(candidates(registered_by).order_by("pk").values_list("pk", flat=True))
        summary.already = Customership.objects.values("person_id").distinct().count()
        kept = {  # the exception list, one query per batch
            pk: (reason, text)
            for pk, reason, text in InitialException.objects.values_list(
                "person_id", "keep_reason", "keep_text"
            )
        }
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            _chunk(
                chunk, on, params, places, version, rule.name, summary, organisations, municipalities, kept
            )
            if progress:
                progress(min(start + CHUNK, len(ids)), len(ids))
    return summary


def _chunk(
    ids, on, params, places, version, rule_name, summary: Summary, organisations, municipalities, kept
):
    persons, facts = bulk.read_persons(ids, municipalities)
    rows: list[BatchRow] = []
    outcomes: list[Outcome] = []
    excepted: list[tuple] = []
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
        if pk in kept:  # on the exception list: the TE office keeps the person (s. 5 mom 3/5)
            excepted.append((pk, given["kotikunta"] or given["residence"], outcome, *kept[pk]))
            summary.areas[responsible["trial_area_no"]].kept[kept[pk][0]] += 1
            continue
        outcomes.append(outcome)
        summary.areas[responsible["trial_area_no"]].transferred += 1
        rows.append(BatchRow(pk, person, organisations(responsible)))
    start_batch(rows, on, Ground.INITIAL_TRANSFER, outcomes, params)
    if excepted:
        _keep(excepted, on, params)


def _keep(excepted, on, params) -> None:
    """The exception list's persons as kept due transfers, done on the batch date with the list's reason."""
    records = save_records([outcome for _pk, _place, outcome, _r, _t in excepted], params)
    dues = []
    offices = {place: te_office_of(place, on) for place in {place for _pk, place, *_rest in excepted}}
    for (pk, place, outcome, reason, text), record in zip(excepted, records, strict=True):
        office = offices[place]
        if office is None:  # every trial municipality lies in a TE office's area: the data is broken
            raise ValidationError(
                _("No TE office for the municipality %(code)s on %(on)s.") % {"code": place, "on": _day(on)}
            )
        dues.append(
            DueTransfer(
                person_id=pk,
                ground=Ground.INITIAL_TRANSFER,
                event_date=on,
                due_by=on,
                handler_te_office=office,
                target=outcome.result["responsible"],
                rule_version=outcome.rule_version,
                decision=record,
                done_on=on,
                keep_reason=reason,
                keep_text=text,
            )
        )
    DueTransfer.objects.bulk_create(dues)
