"""The target-group rule's status-only path (R-TG-2; issue 13, the policy what-if): the verdict of
`target_group.decide` for a person without a current customership — in the group or not, the trial area
and municipality, the group criteria met, the first failed check — with no explanation built.

It follows `decide` step by step (the same parameters, the same order of checks, the same helpers for ages
and languages) and is used only where millions of verdicts are counted (the what-if). It is not a second
rule: `tests/whatif/test_status_path.py` proves it equal to `from_decision(decide(...))` over every
generated person, on dates across the pilot and under parameter overlays; a person with a current
customership is judged by `decide` itself. Persons with no place (neither kotikunta nor residence) are not
judged here: callers count them apart, as the initial transfer does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from kuntakokeilu.regions.queries import MunicipalityHistory
from kuntakokeilu.regions.rules import pilot_period
from kuntakokeilu.rules.outcome import Decision
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore

from .statuses import is_foreign_language
from .target_group import birth_date_of, birthday, decide

CRITERIA = ("earnings_related", "under_age_limit", "immigrant", "foreign_language")
NO_CRITERION = "no_group_criterion"  # the initial transfer's name for an out with no failed check


class Verdict(NamedTuple):
    in_group: bool
    area: int | None  # the trial area (responsible, or of the place), None outside them
    kunta: str | None  # the place: the kotikunta, or the residence
    criteria: tuple[str, ...]  # in the group: the group criteria met, in the rule's order
    failed: str | None  # out of the group: the code of the first failed check


def from_decision(decision: Decision, place: MunicipalityHistory) -> Verdict:
    """The verdict of the rule's full decision (`place`: the history of the kotikunta or residence)."""
    if decision.result["in_target_group"]:
        area = decision.result["responsible"]["trial_area_no"]
        criteria = tuple(c.code for c in decision.checks if c.code in CRITERIA and c.status == "pass")
        return Verdict(True, area, place.code, criteria, None)
    failed = next((c.code for c in decision.checks if c.status == "fail"), NO_CRITERION)
    return Verdict(False, place.trial.area_no if place.trial else None, place.code, (), failed)


def verdict(
    facts: Mapping, on: dt.date, params: ParameterStore, places: Mapping[str, MunicipalityHistory]
) -> Verdict:
    code = facts.get("kotikunta") or facts.get("residence")
    history = places[code]
    if facts.get("current_customership"):
        return from_decision(decide(facts, on, params, places), history)
    area = history.trial.area_no if history.trial else None
    period = pilot_period(params, on)
    if period is None or on > period[1].value:
        return Verdict(False, area, code, (), NO_CRITERION)
    failed = []
    if facts["status"] not in params.get("target_group.included_statuses", on).value:
        failed.append("status")
    if not facts["job_search_valid"]:
        failed.append("job_search")
    if facts.get("kotikunta"):
        role = "kotikunta"
    else:
        try:
            by_residence = params.get("target_group.temporary_protection_by_residence", on).value
        except NoParameterValue:
            by_residence = False
        role = "residence" if facts.get("temporary_protection") and by_residence else "no_route"
    if not history.exists_on(on) or role == "no_route" or history.trial is None:
        failed.append("kotikunta" if role == "kotikunta" else "residence")
    born = facts.get("birth_date") or birth_date_of(facts)
    met = (
        not facts["earnings_related_entitlement"],
        on < birthday(born, params.get("target_group.age_limit", on).value),
        bool(facts["immigrant"]),
        is_foreign_language(facts["mother_tongue"]),
    )
    if not any(met):
        failed.append("group_criterion")
    if facts["change_security_55"]:
        start = params.get("target_group.change_security_notices_from", on).value
        notice = facts.get("change_security_notice_date")
        if start is not None and notice is not None and notice >= start:
            failed.append("change_security")
    if failed:
        return Verdict(False, area, code, (), failed[0])
    return Verdict(True, area, code, tuple(c for c, ok in zip(CRITERIA, met, strict=True) if ok), None)
