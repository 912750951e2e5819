"""The target-group what-if (issue 13; R-TG-2, R-TG-3, R-REF-3): every person judged on a date under the law
and under an overlay of its parameters (`rules.overlay`), by the rule's own code, counted side by side.

A person is judged as the initial transfer judges a candidate (`transfers.initial`): the facts held on the
date without a current customership (`queries.held_on`, equal to `customers.queries.facts_on`), so the
group criteria are judged again — the
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

    def add(self, v: Verdict, n: int = 1) -> None:
        area, kunta = _key(v.area), v.kunta or OUTSIDE
        if v.in_group:
            self.areas_in[area] += n
            self.municipalities_in[kunta] += n
            for criterion in v.criteria:
                self.criteria[criterion] += n
        else:
            self.areas_out[area] += n
            self.municipalities_out[kunta] += n
            self.failed[v.failed] += n

    @property
    def total_in(self) -> int:
        return sum(self.areas_in.values())

    def to_json(self) -> dict:
        return {name: dict(sorted(getattr(self, name).items())) for name in Side.__dataclass_fields__}


@dataclass
class Snapshot:
    """One date's what-if. Each person's pair of verdicts (law, edits) is counted as one key — the sides'
    counts are derived from the pairs once at the end (`law`, `whatif`), not per person."""

    on: dt.date
    pairs: Counter = field(default_factory=Counter)  # (law verdict, edits' verdict) -> persons
    changes: list[tuple[object, str, bool]] = field(default_factory=list)  # (person id, kunta, joins)

    def add(self, pk, law: Verdict, alt: Verdict) -> None:
        self.pairs[law, alt] += 1
        if law.in_group != alt.in_group:
            self.changes.append((pk, alt.kunta or "", alt.in_group))

    @property
    def persons(self) -> int:
        return sum(self.pairs.values())

    def _side(self, which: int) -> Side:
        side = Side()
        for pair, n in self.pairs.items():
            side.add(pair[which], n)
        return side

    @property
    def law(self) -> Side:
        return self._side(0)

    @property
    def whatif(self) -> Side:
        return self._side(1)

    @property
    def joins(self) -> Counter:
        """By area: in under the edits only."""
        return self._moves(joins=True)

    @property
    def leaves(self) -> Counter:
        """By area: in under the law only."""
        return self._moves(joins=False)

    def _moves(self, joins: bool, by_municipality: bool = False) -> Counter:
        moves: Counter = Counter()
        for (law, alt), n in self.pairs.items():
            if law.in_group != alt.in_group and alt.in_group == joins:
                moves[(alt.kunta or OUTSIDE) if by_municipality else _key(alt.area)] += n
        return moves

    def to_json(self) -> dict:
        return {
            "on": self.on.isoformat(),
            "persons": self.persons,
            "law": self.law.to_json(),
            "whatif": self.whatif.to_json(),
            "joins": dict(sorted(self.joins.items())),
            "leaves": dict(sorted(self.leaves.items())),
            "municipality_joins": dict(sorted(self._moves(True, by_municipality=True).items())),
            "municipality_leaves": dict(sorted(self._moves(False, by_municipality=True).items())),
        }


NOT_JUDGED = Verdict(False, None, None, (), NO_FACTS)


def judge_all(
    population: Iterable[tuple[object, Mapping]],
    snapshot: Snapshot,
    law: ParameterStore,
    alt: ParameterStore,
    places: Mapping[str, MunicipalityHistory],
    judge: Judge = fast,
) -> None:
    """Judge each person (id, the rule's input on the snapshot's date: `queries.held_on`) both ways."""
    on, pairs, changes = snapshot.on, snapshot.pairs, snapshot.changes
    for pk, given in population:
        if given["status"] is None or not (given["kotikunta"] or given["residence"]):
            pairs[NOT_JUDGED, NOT_JUDGED] += 1
            continue
        verdict_law, verdict_alt = judge(given, on, law, places), judge(given, on, alt, places)
        pairs[verdict_law, verdict_alt] += 1
        if verdict_law.in_group != verdict_alt.in_group:
            changes.append((pk, verdict_alt.kunta or "", verdict_alt.in_group))
