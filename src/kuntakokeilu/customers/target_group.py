"""The target-group rule's pure logic (R-TG-2, R-TG-6): would the TE office transfer this person to a
trial municipality on this date, and who is responsible for them then.

`decide(facts, on, params, places)` reads the person's facts (the rule's input), the date, the dated
parameters (target_group.yaml, pilot.yaml) and `places`, the reference-data snapshots
(`regions.queries.MunicipalityHistory`) of the municipalities the facts name. It follows L1269 as in force
on the date (law notes §2.2–2.6):
- cumulative conditions (fail when not met): the pilot runs; a status of s. 4 mom 1 (at risk only from
  2.5.2022); a valid job search; the kotikunta is a trial municipality — or, from 1.3.2023, the person has
  temporary protection, no kotikunta and a residence in one; no change-security exclusion (notice from
  1.1.2023);
- at least one group criterion (each `pass` when met, `info` when not): no earnings-related entitlement,
  under 30, immigrant, foreign-language speaker.
With `current_customership` of a trial municipality (R-TG-6) the group is not judged again:
`in_target_group` then says whether the person is still a trial municipality's customer on the date.
Readings marked [I] in the law notes, chosen here: "under 30" holds until the day before the 30th
birthday (a 29 February birthday falls on 28 February, Act 150/1930 s. 4); a temporary-protection holder
who has a kotikunta is placed by the kotikunta; once transferred, a person stays while the job search is
valid and the place stays in the same trial area, whatever their age or benefit (law notes §2.5).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping

from kuntakokeilu.regions.queries import MembershipPeriod, MunicipalityHistory
from kuntakokeilu.regions.rules import pilot_period
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore

from . import explanations as m
from .identity import parse_henkilotunnus
from .languages import language
from .statuses import SAMI_LANGUAGES, STATUS_LABELS, UNKNOWN_LANGUAGE, is_foreign_language


def birth_date_of(facts: Mapping) -> dt.date:
    if facts.get("henkilotunnus"):
        return parse_henkilotunnus(facts["henkilotunnus"]).birth_date
    if facts.get("birth_date"):
        return facts["birth_date"]
    raise ValueError("the rule needs a henkilötunnus or a birth date")


def birthday(born: dt.date, years: int) -> dt.date:
    """The day a person reaches `years`; 29 February falls on 28 February in common years."""
    year = born.year + years
    if born.month == 2 and born.day == 29 and not calendar.isleap(year):
        return dt.date(year, 2, 28)
    return born.replace(year=year)


def age_on(born: dt.date, on: dt.date) -> int:
    age = on.year - born.year
    return age if on >= birthday(born, age) else age - 1


def decide(facts: Mapping, on: dt.date, params: ParameterStore, places: Mapping[str, MunicipalityHistory]):
    """The pure rule: facts, date, parameters and the municipalities' histories → result and checks."""
    place = _Place.of(facts, on, params, places)
    checks: list[Check] = []
    period = pilot_period(params, on)
    pilot_check, running = _pilot_check(period, on)
    checks.append(pilot_check)
    if place is None:  # the console refuses such input; a register may not know the place yet
        found = {"kotikunta": None, "residence": None}
        checks.append(Check("kotikunta", "fail", found, Message(m.NO_PLACE, {"on": on})))
        return Decision({"in_target_group": False, "responsible": None}, None, tuple(checks))
    customership = facts.get("current_customership") or {}
    if running and customership.get("type") == "municipality":
        customer_place = places[customership["kunta_code"]]
        if customer_place.trial is not None:
            return _continuing(facts, on, params, place, customer_place, checks)
        args = {"name": customer_place.names(), "code": customer_place.code}
        found = {"kunta_code": customer_place.code, "trial_area_no": None}
        checks.append(Check("customership", "warn", found, Message(m.CUSTOMER_NOT_TRIAL, args)))
    if not running:
        return _finish(False, place, on, checks)
    conditions = [
        _status_check(facts["status"], on, params, checks),
        _job_search_check(facts["job_search_valid"], checks),
        place.check(checks),
    ]
    met = _group_checks(facts, on, params, checks)
    conditions.append(met)
    conditions.append(not _change_security_excludes(facts, on, params, checks))
    return _finish(all(conditions), place, on, checks)


class _Place:
    """Where the person is placed: the kotikunta, or the residence of a temporary-protection holder
    without a kotikunta when that route is in force (L149/2023)."""

    def __init__(self, history, role, on, params, tp_param, facts):
        self.history, self.role, self.on, self.tp_param, self.facts = history, role, on, tp_param, facts
        self.tp_from = _first_from(params, "target_group.temporary_protection_by_residence", bool)

    @classmethod
    def of(cls, facts, on, params, places):
        try:
            tp_param = params.get("target_group.temporary_protection_by_residence", on)
        except NoParameterValue:  # before the Act: the person is placed by the kotikunta, if any
            tp_param = None
        if facts.get("kotikunta"):
            return cls(places[facts["kotikunta"]], "kotikunta", on, params, tp_param, facts)
        by_residence = facts.get("temporary_protection") and tp_param is not None and tp_param.value
        if facts.get("residence"):
            role = "residence" if by_residence else "no_route"
            return cls(places[facts["residence"]], role, on, params, tp_param, facts)
        return None

    @property
    def code(self) -> str:
        return self.history.code

    def args(self) -> dict:
        return {"name": self.history.names(), "code": self.code, "on": self.on}

    def trial_area(self):
        if self.role == "no_route" or not self.history.exists_on(self.on):
            return None
        return self.history.trial

    def check(self, checks: list[Check]) -> bool:
        h, args = self.history, self.args()
        found = {"kotikunta": self.facts.get("kotikunta"), "residence": self.facts.get("residence")}
        code = "kotikunta" if self.role == "kotikunta" else "residence"
        used = (ParameterUse.of(self.tp_param),) if code == "residence" and self.tp_param else ()
        if not h.exists_on(self.on):
            checks.append(Check(code, "fail", found, Message(m.NOT_A_MUNICIPALITY, args), used))
            return False
        if self.role == "no_route":
            msgid = m.NO_KOTIKUNTA_TP_NOT_YET if self.facts.get("temporary_protection") else m.NO_KOTIKUNTA
            args |= {"from": self.tp_from}
            checks.append(Check(code, "fail", found, Message(msgid, args), used))
            return False
        trial = h.trial
        found |= {"trial_area_no": trial.area_no if trial else None}
        if trial is None:
            msgid = m.KOTIKUNTA_NOT_TRIAL if code == "kotikunta" else m.RESIDENCE_NOT_TRIAL
            checks.append(Check(code, "fail", found, Message(msgid, args), used))
            return False
        msgid = m.KOTIKUNTA_TRIAL if code == "kotikunta" else m.RESIDENCE_TRIAL
        args |= {"area_no": trial.area_no, "area": trial.area_names}
        checks.append(Check(code, "pass", found, Message(msgid, args), used))
        return True


def _first_from(params: ParameterStore, name: str, holds) -> dt.date | None:
    """The first day from which a value of the parameter satisfies `holds` (for explanations)."""
    return next((v.start for v in params.parameters[name].values if holds(v.value)), None)


def _pilot_check(period, on: dt.date) -> tuple[Check, bool]:
    if period is None:
        found = {"pilot_in_force": False}
        return Check("pilot_period", "info", found, Message(m.PILOT_NOT_IN_FORCE, {"on": on})), False
    start, end = period
    used = (ParameterUse.of(start), ParameterUse.of(end))
    args = {"on": on, "start": start.value, "end": end.value}
    found = {"pilot_in_force": True, "start": start.value, "end": end.value}
    if on > end.value:
        return Check("pilot_period", "info", found, Message(m.PILOT_OVER, args), used), False
    return Check("pilot_period", "pass", found, Message(m.PILOT_RUNS, args), used), True


def _status_check(status: str, on, params, checks) -> bool:
    included = params.get("target_group.included_statuses", on)
    args = {"status": Message(STATUS_LABELS[status])}
    found = {"status": status}
    if status in included.value:
        checks.append(
            Check("status", "pass", found, Message(m.STATUS_INCLUDED, args), (ParameterUse.of(included),))
        )
        return True
    msgid = m.STATUS_AT_RISK_NOT_YET if status == "at_risk" else m.STATUS_EXCLUDED
    args["from"] = _first_from(params, "target_group.included_statuses", lambda v: status in v)
    checks.append(Check("status", "fail", found, Message(msgid, args), (ParameterUse.of(included),)))
    return False


def _job_search_check(valid: bool, checks) -> bool:
    msgid = m.JOB_SEARCH_VALID if valid else m.JOB_SEARCH_NOT_VALID
    checks.append(
        Check("job_search", "pass" if valid else "fail", {"job_search_valid": valid}, Message(msgid))
    )
    return valid


def _group_checks(facts, on, params, checks) -> bool:
    """The four group criteria of s. 4 mom 1 p. 3; any one suffices. Unmet ones are `info`."""
    results = []

    def add(code, met, found, msgid, args=None, used=()):
        results.append(met)
        checks.append(Check(code, "pass" if met else "info", found, Message(msgid, args or {}), used))

    entitled = facts["earnings_related_entitlement"]
    add(
        "earnings_related",
        not entitled,
        {"earnings_related_entitlement": entitled},
        m.EARNINGS_ENTITLED if entitled else m.EARNINGS_NOT_ENTITLED,
    )
    limit = params.get("target_group.age_limit", on)
    born = birth_date_of(facts)
    age, until = age_on(born, on), birthday(born, limit.value)
    under = on < until
    args = {"birth_date": born, "age": age, "on": on, "limit": limit.value, "until": until}
    found = {"birth_date": born, "age": age, "birthday_at_limit": until}
    add(
        "under_age_limit",
        under,
        found,
        m.UNDER_AGE if under else m.NOT_UNDER_AGE,
        args,
        (ParameterUse.of(limit),),
    )
    immigrant = facts["immigrant"]
    add("immigrant", immigrant, {"immigrant": immigrant}, m.IMMIGRANT if immigrant else m.NOT_IMMIGRANT)
    tongue = facts["mother_tongue"]
    foreign = is_foreign_language(tongue)
    if foreign:
        msgid = m.FOREIGN_LANGUAGE
    elif tongue in SAMI_LANGUAGES:
        msgid = m.SAMI_LANGUAGE
    elif tongue == UNKNOWN_LANGUAGE:
        msgid = m.UNKNOWN_LANGUAGE
    else:
        msgid = m.DOMESTIC_LANGUAGE
    add("foreign_language", foreign, {"mother_tongue": tongue}, msgid, {"code": language(tongue)})
    met = any(results)
    checks.append(
        Check(
            "group_criterion",
            "pass" if met else "fail",
            {"criteria_met": sum(results)},
            Message(m.GROUP_MET if met else m.GROUP_NONE),
        )
    )
    return met


def _change_security_excludes(facts, on, params, checks) -> bool:
    """L671/2022: a person covered by change security (55+) whose notice was given from 1.1.2023 is not
    transferred, and a customer who comes to meet the conditions goes back to the TE office."""
    covered, notice = facts["change_security_55"], facts.get("change_security_notice_date")
    found = {"change_security_55": covered, "notice_date": notice}
    if not covered:
        checks.append(Check("change_security", "info", found, Message(m.CS_NOT_COVERED)))
        return False
    param = params.get("target_group.change_security_notices_from", on)
    used = (ParameterUse.of(param),)
    args = {"on": on, "notice": notice, "from": param.value}
    if param.value is None:
        checks.append(Check("change_security", "info", found, Message(m.CS_NOT_IN_FORCE, args), used))
        return False
    if notice is None:
        checks.append(Check("change_security", "warn", found, Message(m.CS_NO_NOTICE_DATE, args), used))
        return False
    if notice < param.value:
        checks.append(Check("change_security", "info", found, Message(m.CS_EARLY_NOTICE, args), used))
        return False
    checks.append(Check("change_security", "fail", found, Message(m.CS_EXCLUDED, args), used))
    return True


def _continuing(facts, on, params, place: _Place, customer: MunicipalityHistory, checks) -> Decision:
    """R-TG-6 (L1269 s. 5 mom 1, s. 6): an existing trial-municipality customer stays while the job search
    is valid and the place stays in the same trial area; age and benefit changes do not end it."""
    since = facts["current_customership"]["since"]
    args = {"name": customer.names(), "code": customer.code, "since": since}
    args |= {"area_no": customer.trial.area_no, "area": customer.trial.area_names}
    found = {"kunta_code": customer.code, "since": since, "trial_area_no": customer.trial.area_no}
    checks.append(Check("customership", "info", found, Message(m.CUSTOMER_OF, args)))
    limit = params.get("target_group.age_limit", on)
    checks.append(
        Check(
            "group_not_reassessed",
            "info",
            {},
            Message(m.STAYS_REGARDLESS, {"limit": limit.value}),
            (ParameterUse.of(limit),),
        )
    )
    if not _job_search_check(facts["job_search_valid"], checks):
        return _finish(False, place, on, checks)
    if _change_security_excludes(facts, on, params, checks):
        return _finish(False, place, on, checks)
    trial = place.trial_area()
    pargs = place.args()
    pfound = {"kunta_code": place.code, "trial_area_no": trial.area_no if trial else None}
    if trial is None:
        if place.role == "no_route" or not place.history.exists_on(on):
            place.check(checks)  # no place that can hold a customership: the same explanation as a transfer
        else:
            checks.append(Check("same_trial_area", "fail", pfound, Message(m.MOVED_OUT, pargs)))
        return _finish(False, place, on, checks)
    pargs |= {"area_no": trial.area_no, "area": trial.area_names}
    if trial.area_no == customer.trial.area_no:
        checks.append(Check("same_trial_area", "pass", pfound, Message(m.SAME_AREA, pargs)))
        return _finish(True, place, on, checks)
    checks.append(Check("same_trial_area", "info", pfound, Message(m.MOVED_TO_TRIAL, pargs)))
    return _finish(True, place, on, checks)


def _period_on(history: MunicipalityHistory, on: dt.date) -> MembershipPeriod:
    for period in history.periods:
        if period.holds_on(on):
            return period
    return history.periods[0] if on < history.periods[0].valid_from else history.periods[-1]


def _finish(in_group, place: _Place, on, checks) -> Decision:
    if in_group:
        h = place.history
        responsible = {"type": "municipality", "kunta_code": h.code, "trial_area_no": h.trial.area_no}
        args = {"name": h.names(), "code": h.code, "on": on, "area_no": h.trial.area_no}
        checks.append(Check("responsible", "info", responsible, Message(m.RESPONSIBLE_MUNICIPALITY, args)))
    else:
        period = _period_on(place.history, on)
        args = place.args()
        if period.te_office is None:
            responsible = {"type": "aland"}
            checks.append(Check("responsible", "info", responsible, Message(m.RESPONSIBLE_ALAND, args)))
        else:
            responsible = {"type": "te_office", "te_office_code": period.te_office.code}
            args |= {"te_office": period.te_office.names(), "te_office_code": period.te_office.code}
            checks.append(Check("responsible", "info", responsible, Message(m.RESPONSIBLE_TE_OFFICE, args)))
    return Decision({"in_target_group": in_group, "responsible": responsible}, None, tuple(checks))
