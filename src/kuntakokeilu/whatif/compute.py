"""The target-group what-if (issue 13; R-TG-2, R-TG-3, R-REF-3): every person judged on a date under the law
and under an overlay of its parameters (`rules.overlay`), by the rule's own code, counted side by side.

A person is judged as the initial transfer judges a candidate (`transfers.initial`): the facts held on the
date (`queries.facts_on`) without a current customership, so the group criteria are judged again — the
question is who the rule would send to a trial municipality, not who is a customer. Persons with no status
or no place on the date are counted out under `no_facts`, as the transfer counts them.

`judge` is the rule: `full` runs `target_group.decide` and reads its result and checks; `fast` runs
`target_group_status.verdict`, the status-only path without explanations, which
`tests/whatif/test_status_path.py` proves gives the same verdict over every generated person. Either way
the counts are kept per trial area (None: outside the trial areas), per municipality (the kotikunta, or
the residence) and per criterion (the group criteria met by those in the group; the first failed check of
those out), and the persons who change side are listed with their municipality.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from kuntakokeilu.customers.queries import facts_on
from kuntakokeilu.customers.target_group import decide
from kuntakokeilu.customers.target_group_status import Verdict, from_decision, verdict
from kuntakokeilu.regions.queries import MunicipalityHistory
from kuntakokeilu.rules.parameters import ParameterStore

NO_FACTS = "no_facts"
OUTSIDE = "outside"  # the key of the counts outside the trial areas (JSON keys are strings)

Judge = Callable[[Mapping, dt.date, ParameterStore, Mapping[str, MunicipalityHistory]], Verdict]


def full(given: Mapping, on: dt.date, params: ParameterStore, places) -> Verdict:
    """The rule's full path: `decide` with its explanation, read as a verdict."""
    return from_decision(decide(given, on, params, places), places[given["kotikunta"] or given["residence"]])


fast: Judge = verdict


def _key(area: int | None) -> str:
    return OUTSIDE if area is None else str(area)


@dataclass
class Side:
    """The counts under one parameter set on one date."""

    areas_in: Counter = field(default_factory=Counter)
    areas_out: Counter = field(default_factory=Counter)
    municipalities_in: Counter = field(default_factory=Counter)
    municipalities_out: Counter = field(default_factory=Counter)
    criteria: Counter = field(default_factory=Counter)  # those in: each group criterion met
    failed: Counter = field(default_factory=Counter)  # those out: the first failed check

    def add(self, v: Verdict) -> None:
        area, kunta = _key(v.area), v.kunta or OUTSIDE
        if v.in_group:
            self.areas_in[area] += 1
            self.municipalities_in[kunta] += 1
            for criterion in v.criteria:
                self.criteria[criterion] += 1
        else:
            self.areas_out[area] += 1
            self.municipalities_out[kunta] += 1
            self.failed[v.failed] += 1

    @property
    def total_in(self) -> int:
        return sum(self.areas_in.values())

    def to_json(self) -> dict:
        return {name: dict(sorted(getattr(self, name).items())) for name in Side.__dataclass_fields__}


@dataclass
class Snapshot:
    on: dt.date
    law: Side = field(default_factory=Side)
    whatif: Side = field(default_factory=Side)
    joins: Counter = field(default_factory=Counter)  # by area: in under the edits only
    leaves: Counter = field(default_factory=Counter)  # by area: in under the law only
    changes: list[tuple[object, str, bool]] = field(default_factory=list)  # (person id, kunta, joins)
    persons: int = 0

    def add(self, pk, law: Verdict, alt: Verdict) -> None:
        self.persons += 1
        self.law.add(law)
        self.whatif.add(alt)
        if law.in_group != alt.in_group:
            (self.joins if alt.in_group else self.leaves)[_key(alt.area)] += 1
            self.changes.append((pk, alt.kunta or "", alt.in_group))

    def to_json(self) -> dict:
        return {
            "on": self.on.isoformat(),
            "persons": self.persons,
            "law": self.law.to_json(),
            "whatif": self.whatif.to_json(),
            "joins": dict(sorted(self.joins.items())),
            "leaves": dict(sorted(self.leaves.items())),
        }


NOT_JUDGED = Verdict(False, None, None, (), NO_FACTS)


def judge_chunk(
    persons: Mapping,
    facts: Mapping,
    snapshots: Iterable[Snapshot],
    law: ParameterStore,
    alt: ParameterStore,
    places: Mapping[str, MunicipalityHistory],
    judge: Judge = fast,
) -> None:
    """Judge each person of a chunk (`customers.bulk.read_persons`) on each snapshot's date, both ways."""
    for snapshot in snapshots:
        on = snapshot.on
        for pk, person in persons.items():
            given = facts_on(person, on, facts.get(pk, []), customerships=[])
            if given["status"] is None or not (given["kotikunta"] or given["residence"]):
                snapshot.add(pk, NOT_JUDGED, NOT_JUDGED)
                continue
            snapshot.add(pk, judge(given, on, law, places), judge(given, on, alt, places))
