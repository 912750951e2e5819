"""The statutory deadline engine of the service process (R-SP-1): pure functions over working days.

`decide(facts, on, params)` answers, for one job seeker on the date `on`, the regime of the interview
schedule and the next item of every type with its due date, remaining count, state and legal reference,
each explained with its parameter and the days the calendar skipped. Every interval is a dated parameter
(`parameters/service_process.yaml`). Readings (law notes §3.2, §3.3, §3.5, §3.6):

- Regimes are disjoint: `pre_nordic` when `on` is before the Nordic model (2.5.2022); `transition` when
  the job search began before it and `on` is not; `nordic` when the job search began on or after it.
- Calendar periods (weeks, months) end on the same-numbered day, or the month's last day (Act 150/1930
  s. 3); a period whose last day is not a working day ends on the next working day (s. 5). Working-day
  periods do not count the day they start from. The law in force at the start of the job search fixes the
  first-interview deadline; the other intervals are those in force on `on`.
- Only events on or before `on` count. An item is `done` when the event that satisfies it was held,
  `overdue` when its due date is before `on`, otherwise `open`; an item that cannot be dated yet (it counts
  from an interview not yet held) is `open` without a due date.
- Project readings where the law is silent: a job seeker registered before 2.5.2022 with no interview yet
  keeps the old two-week deadline; the pre-Nordic periodic interview counts from the later of the start
  of unemployment and the last interview; the six-monthly pair counts from the last discussion of the
  previous pair; the end-of-service discussion is done by a job-search discussion held after the service
  began and at most the parameter's months before its due date; a trial area's first-contact target is
  applied only when it ends no later than the statutory deadline (the floor).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kuntakokeilu.customers.statuses import STATUS_LABELS
from kuntakokeilu.rules.calendar import WorkingDayCalendar, add_months
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse, worst_status
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue

from . import explanations as msg

P = "service_process."
REGIMES = ("pre_nordic", "transition", "nordic")
STATES = ("open", "overdue", "done", "not_required")
INTERVIEWS = ("initial_interview", "periodic_interview", "job_search_discussion")
EVENT_TYPES = (
    "initial_interview",
    "supplementary_discussion",
    "job_search_discussion",
    "periodic_interview",
    "typ_assessment",
    "typ_start",
    "typ_plan",
    "typ_plan_review",
    "activation_plan",
    "activation_plan_review",
    "integration_assessment",
)
ITEM_TYPES = tuple(msg.ITEM_LABELS)
# The meetings that meet an item of a type (a work item on the worklist is done when one is held after it was
# listed; the rule then names the next one): the worklists' reading, not the rule's input.
MET_BY = {
    "first_interview": ("periodic_interview", "initial_interview"),
    "periodic_interview": ("periodic_interview",),
    "initial_interview": ("initial_interview",),
    "area_first_contact": ("initial_interview", "periodic_interview"),
    "supplementary_discussion": ("supplementary_discussion",),
    "job_search_discussion": ("job_search_discussion",),
    "supplementary_pair": ("supplementary_discussion",),
    "end_of_service_discussion": ("job_search_discussion",),
    "typ_assessment": ("typ_assessment",),
    "typ_plan": ("typ_plan",),
    "typ_plan_review": ("typ_plan_review",),
    "activation_plan_review": ("activation_plan_review",),
    "integration_assessment": ("integration_assessment",),
}
PARAMETERS = (
    "nordic_model_from",
    "first_interview_days",
    "periodic_interview_months",
    "initial_interview_working_days",
    "new_initial_interview_after_months",
    "supplementary_block_count",
    "supplementary_block_count_after_early",
    "supplementary_block_months",
    "job_search_discussion_months",
    "supplementary_pair_after_months",
    "supplementary_pair_count",
    "supplementary_pair_within_months",
    "discussion_statuses",
    "supplementary_pair_statuses",
    "not_held_if_ending_within_months",
    "long_service_months",
    "end_of_service_discussion_months_before",
    "end_of_service_rule_for_services_ending_from",
    "typ_subsidy_days",
    "typ_age_limit",
    "typ_unemployment_months_from_age_limit",
    "typ_unemployment_months_under_age_limit",
    "typ_mapping_months",
    "typ_plan_review_months",
    "activation_plan_review_months",
    "integration_assessment_months",
)
PARAMETER_NAMES = (
    *(P + name for name in PARAMETERS),
    "calendar.working_weekdays",
    "calendar.days_off_besides_public_holidays",
)


@dataclass(frozen=True)
class Period:
    """A deadline's end: `raw_end` as counted, `end` after the working-day rule, the days skipped."""

    raw_end: dt.date
    end: dt.date
    skipped: tuple[dt.date, ...]
    working_days: bool = False

    def message(self) -> Message:
        if self.working_days:
            if self.skipped:
                return Message(msg.WORKING_DAYS_SKIPPED, {"skipped": list(self.skipped)})
            return Message(msg.WORKING_DAYS_NONE_SKIPPED)
        if self.skipped:
            return Message(
                msg.CALENDAR_MOVED, {"raw": self.raw_end, "due": self.end, "skipped": list(self.skipped)}
            )
        return Message(msg.CALENDAR_PLAIN, {"raw": self.raw_end})


def calendar_period(raw_end: dt.date, cal: WorkingDayCalendar) -> Period:
    """A calendar period ending on `raw_end`: on a non-working day it ends on the next working day (s. 5)."""
    end, skipped = raw_end, []
    while not cal.is_working_day(end):
        skipped.append(end)
        end += dt.timedelta(days=1)
    return Period(raw_end, end, tuple(skipped))


def working_period(start: dt.date, days: int, cal: WorkingDayCalendar) -> Period:
    """`days` working days after `start`, the start day not counted; the non-working days passed over."""
    end = cal.add_working_days(start, days)
    skipped, day = [], start
    while day < end:
        day += dt.timedelta(days=1)
        if not cal.is_working_day(day):
            skipped.append(day)
    return Period(end, end, tuple(skipped), working_days=True)


@dataclass(frozen=True)
class Item:
    type: str
    state: str
    basis: Message
    parameters: tuple[ParameterValue, ...]
    period: Period | None = None
    count: int | None = None
    done_on: dt.date | None = None
    found: dict = field(default_factory=dict)

    @property
    def due_date(self) -> dt.date | None:
        return self.period.end if self.period else None

    @property
    def reference(self) -> str:
        return self.parameters[0].reference

    def result(self) -> dict:
        return {
            "type": self.type,
            "due_date": self.due_date,
            "count": self.count,
            "state": self.state,
            "reference": self.reference,
        }

    def check(self) -> Check:
        state_message = (
            Message(msg.STATE_DONE, {"date": self.done_on})
            if self.state == "done" and self.done_on
            else Message(STATE_LABELS[self.state])
        )
        args = {"item": Message(msg.ITEM_LABELS[self.type]), "state": state_message, "basis": self.basis}
        if self.period:
            message = Message(msg.ITEM, {**args, "due": self.period.end, "calendar": self.period.message()})
        else:
            message = Message(msg.ITEM_UNDATED, args)
        found = {
            "type": self.type,
            "state": self.state,
            "due_date": self.due_date,
            "count": self.count,
            "done_on": self.done_on,
            "period_end": self.period.raw_end if self.period else None,
            "days_skipped": list(self.period.skipped) if self.period else [],
            **self.found,
        }
        status = {"overdue": "warn", "done": "pass"}.get(self.state, "info")
        return Check(
            f"due_{self.type}", status, found, message, tuple(ParameterUse.of(p) for p in self.parameters)
        )


STATE_LABELS = {
    "open": msg.STATE_OPEN,
    "overdue": msg.STATE_OVERDUE,
    "not_required": msg.STATE_NOT_REQUIRED,
    "done": msg.STATE_DONE,
}


@dataclass(frozen=True)
class Event:
    type: str
    date: dt.date


@dataclass(frozen=True)
class Service:
    start: dt.date
    expected_end: dt.date


class Case:
    """One job seeker's facts on `on`, with the parameters and the calendar: what every item reads."""

    def __init__(self, facts: dict, on: dt.date, params: ParameterStore, cal: WorkingDayCalendar):
        self.facts, self.on, self.params, self.cal = facts, on, params, cal
        self.start: dt.date = facts["job_search_start"]
        self.events = sorted(
            (Event(e["type"], e["date"]) for e in facts.get("events") or () if e["date"] <= on),
            key=lambda e: e.date,
        )
        self.services = [Service(s["start"], s["expected_end"]) for s in facts.get("services") or ()]

    def get(self, name: str, on: dt.date | None = None) -> ParameterValue:
        return self.params.get(P + name, on or self.on)

    def held(self, types: Iterable[str], after: dt.date | None = None, until: dt.date | None = None):
        """Events of `types` on or after `after` and on or before `until` (default `on`)."""
        types, until = tuple(types), until or self.on
        return [
            e
            for e in self.events
            if e.type in types and (after is None or e.date >= after) and e.date <= until
        ]

    def state(self, period: Period, done_on: dt.date | None = None) -> str:
        if done_on:
            return "done"
        return "overdue" if period.end < self.on else "open"

    def dated(self, type_, period, basis, parameters, done_on=None, count=None, found=None) -> Item:
        return Item(
            type_, self.state(period, done_on), basis, parameters, period, count, done_on, found or {}
        )


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    """The pure rule: validated facts, the date and the parameters → {regime, due} and a check per item."""
    cal = WorkingDayCalendar(params)
    try:
        case = Case(facts, on, params, cal)
        regime_check, regime = _regime(case)
        items = {"pre_nordic": _pre_nordic, "transition": _transition, "nordic": _nordic}[regime](case)
        items[1:1] = _area_first_contact(case, items)
        items += [*_typ(case), _activation_plan_review(case), _integration_assessment(case)]
    except NoParameterValue as exc:
        check = Check(
            "parameters",
            "fail",
            {"parameter": exc.name, "on": exc.on},
            Message(msg.NO_PARAMETER, {"name": exc.name, "on": exc.on}),
        )
        return Decision(None, "fail", (check,))
    checks = (regime_check, *(item.check() for item in items))
    result = {"regime": regime, "due": [item.result() for item in items]}
    return Decision(result, worst_status(checks), checks)


def _regime(case: Case) -> tuple[Check, str]:
    nordic = case.get("nordic_model_from")
    args = {"on": case.on, "start": case.start, "nordic": nordic.value}
    if case.on < nordic.value:
        regime, text = "pre_nordic", msg.REGIME_PRE_NORDIC
    elif case.start < nordic.value:
        regime, text = "transition", msg.REGIME_TRANSITION
    else:
        regime, text = "nordic", msg.REGIME_NORDIC
    found = {"regime": regime, "job_search_start": case.start, "on": case.on}
    return Check("regime", "info", found, Message(text, args), (ParameterUse.of(nordic),)), regime


# --- the first contact --------------------------------------------------------------------------------


def _first_interview(case: Case, transition: bool) -> Item:
    days = case.get("first_interview_days", case.start)
    period = calendar_period(case.start + dt.timedelta(days=days.value), case.cal)
    held = case.held(INTERVIEWS, after=case.start)
    if transition:
        nordic = case.get("nordic_model_from")
        basis = Message(
            msg.TRANSITION_FIRST_INTERVIEW, {"start": case.start, "nordic": nordic.value, "days": days.value}
        )
        parameters: tuple[ParameterValue, ...] = (days, nordic)
    else:
        basis = Message(msg.FIRST_INTERVIEW, {"start": case.start, "days": days.value})
        parameters = (days,)
    return case.dated("first_interview", period, basis, parameters, held[0].date if held else None)


def _initial_interview(case: Case) -> Item:
    days = case.get("initial_interview_working_days")
    previous_end = case.facts.get("previous_job_search_end")
    if previous_end:
        gap = case.get("new_initial_interview_after_months")
        if case.start < add_months(previous_end, gap.value):
            args = {"previous_end": previous_end, "months": gap.value, "start": case.start}
            return Item(
                "initial_interview", "not_required", Message(msg.NO_NEW_INITIAL_INTERVIEW, args), (gap, days)
            )
    ending = _ending(case, "initial_interview")
    if ending:
        return ending
    period = working_period(case.start, days.value, case.cal)
    held = case.held(["initial_interview"], after=case.start)
    basis = Message(msg.INITIAL_INTERVIEW, {"start": case.start, "days": days.value})
    return case.dated("initial_interview", period, basis, (days,), held[0].date if held else None)


def _area_first_contact(case: Case, items: list[Item]) -> list[Item]:
    """The trial area's own first-contact target beside the statutory one; never later than it (the floor)."""
    days = case.facts.get("area_first_contact_days")
    statutory = next((i for i in items if i.type in ("first_interview", "initial_interview")), None)
    if days is None or statutory is None or statutory.period is None:
        return []
    period = working_period(case.start, days, case.cal)
    floor = statutory.parameters[0]
    found = {"area_first_contact_days": days, "statutory_due_date": statutory.due_date}
    if period.end > statutory.period.end:
        args = {"days": days, "area_due": period.end, "statutory": statutory.period.end}
        return [
            Item(
                "area_first_contact",
                "not_required",
                Message(msg.AREA_FIRST_CONTACT_WEAKER, args),
                (floor,),
                found=found,
            )
        ]
    held = case.held((*INTERVIEWS, "supplementary_discussion"), after=case.start)
    basis = Message(
        msg.AREA_FIRST_CONTACT, {"days": days, "start": case.start, "statutory": statutory.period.end}
    )
    return [
        case.dated("area_first_contact", period, basis, (floor,), held[0].date if held else None, found=found)
    ]


# --- the schedules -------------------------------------------------------------------------------------


def _pre_nordic(case: Case) -> list[Item]:
    return [_first_interview(case, transition=False), _periodic_interview(case)]


def _periodic_interview(case: Case) -> Item:
    months = case.get("periodic_interview_months")
    statuses = case.get("discussion_statuses")
    since = case.facts.get("unemployment_start")
    if since is None:
        return Item("periodic_interview", "not_required", Message(msg.NOT_UNEMPLOYED), (months,))
    if case.facts["status"] not in statuses.value:
        return _not_for_status(case, "periodic_interview", (months, statuses))
    held = case.held(INTERVIEWS, after=since)
    base = held[-1].date if held else since
    period = calendar_period(add_months(base, months.value), case.cal)
    basis = Message(msg.PERIODIC_INTERVIEW, {"since": since, "months": months.value, "base": base})
    return case.dated("periodic_interview", period, basis, (months,))


def _transition(case: Case) -> list[Item]:
    first = _first_interview(case, transition=True)
    held = case.held(INTERVIEWS, after=case.start)
    if not held:
        months = case.get("job_search_discussion_months")
        discussion = Item("job_search_discussion", "open", Message(msg.AWAITS_FIRST_INTERVIEW), (months,))
    else:
        discussion = _job_search_discussion(case, held[-1].date)
    return [first, discussion, _supplementary_pair(case, transition=True), _end_of_service(case)]


def _nordic(case: Case) -> list[Item]:
    initial = _initial_interview(case)
    if initial.state == "not_required" and case.facts.get("previous_job_search_end"):
        # no new initial interview: the schedule goes on from the last interview of the earlier search
        earlier = case.held(["initial_interview"])
        initial_date = earlier[-1].date if earlier else None
    else:
        initial_date = initial.done_on
    items = [initial, _supplementary_block(case, initial_date)]
    if initial_date is None:
        months = case.get("job_search_discussion_months")
        items.append(Item("job_search_discussion", "open", Message(msg.AWAITS_INITIAL_INTERVIEW), (months,)))
    else:
        last = case.held(["initial_interview", "job_search_discussion"], after=initial_date)
        items.append(_job_search_discussion(case, last[-1].date))
    return [*items, _supplementary_pair(case, transition=False, initial=initial_date), _end_of_service(case)]


def _not_for_status(case: Case, type_: str, parameters: tuple[ParameterValue, ...]) -> Item:
    status = case.facts["status"]
    label = Message(STATUS_LABELS[status]) if status in STATUS_LABELS else status
    return Item(type_, "not_required", Message(msg.NOT_FOR_STATUS, {"status": label}), parameters)


def _ending(case: Case, type_: str) -> Item | None:
    """Nothing is held when the job search ends within the parameter's months of `on` (JTYPL 2:6 §3)."""
    end = case.facts.get("job_search_end")
    months = case.get("not_held_if_ending_within_months")
    if end is not None and end <= add_months(case.on, months.value):
        args = {"end": end, "months": months.value, "on": case.on}
        return Item(type_, "not_required", Message(msg.JOB_SEARCH_ENDING, args), (months,))
    return None


def _long_service(case: Case) -> tuple[Service | None, tuple[ParameterValue, ...]]:
    """The service under way on `on` expected to last over a month and ending on or after 1.6.2022."""
    months = case.get("long_service_months")
    rule_from = case.get("end_of_service_rule_for_services_ending_from")
    for service in case.services:
        if (
            service.start <= case.on <= service.expected_end
            and service.expected_end > add_months(service.start, months.value)
            and service.expected_end >= rule_from.value
        ):
            return service, (months, rule_from)
    return None, (months, rule_from)


def _suspended(case: Case, type_: str) -> Item | None:
    """A discussion not held: the job search ends soon, or a long service is under way."""
    ending = _ending(case, type_)
    if ending:
        return ending
    service, parameters = _long_service(case)
    if service:
        args = {"months": parameters[0].value, "start": service.start, "end": service.expected_end}
        return Item(type_, "not_required", Message(msg.IN_LONG_SERVICE, args), parameters)
    return None


def _supplementary_block(case: Case, initial: dt.date | None) -> Item:
    months = case.get("supplementary_block_months")
    if case.facts.get("laid_off") and not case.facts.get("laid_off_block_requested"):
        return Item("supplementary_discussion", "not_required", Message(msg.LAID_OFF_NO_REQUEST), (months,))
    statuses = case.get("discussion_statuses")
    if case.facts["status"] not in statuses.value:
        return _not_for_status(case, "supplementary_discussion", (months, statuses))
    suspended = _suspended(case, "supplementary_discussion")
    if suspended:
        return suspended
    if initial is None:
        return Item("supplementary_discussion", "open", Message(msg.AWAITS_INITIAL_INTERVIEW), (months,))
    early = case.held(["supplementary_discussion"], after=case.start, until=initial - dt.timedelta(days=1))
    needed = case.get("supplementary_block_count_after_early" if early else "supplementary_block_count")
    period = calendar_period(add_months(initial, months.value), case.cal)
    held = [e for e in case.held(["supplementary_discussion"], until=period.end) if e.date > initial]
    remaining = max(needed.value - len(held), 0)
    text = msg.SUPPLEMENTARY_BLOCK_EARLY if early else msg.SUPPLEMENTARY_BLOCK
    args = {"count": needed.value, "months": months.value, "initial": initial, "held": len(held)}
    done_on = held[needed.value - 1].date if remaining == 0 else None
    return case.dated(
        "supplementary_discussion", period, Message(text, args), (months, needed), done_on, remaining
    )


def _job_search_discussion(case: Case, base: dt.date) -> Item:
    months = case.get("job_search_discussion_months")
    statuses = case.get("discussion_statuses")
    if case.facts["status"] not in statuses.value:
        return _not_for_status(case, "job_search_discussion", (months, statuses))
    suspended = _suspended(case, "job_search_discussion")
    if suspended:
        return suspended
    period = calendar_period(add_months(base, months.value), case.cal)
    basis = Message(msg.JOB_SEARCH_DISCUSSION, {"months": months.value, "base": base})
    return case.dated("job_search_discussion", period, basis, (months,))


def _supplementary_pair(case: Case, transition: bool, initial: dt.date | None = None) -> Item:
    after = case.get("supplementary_pair_after_months")
    count = case.get("supplementary_pair_count")
    within = case.get("supplementary_pair_within_months")
    statuses = case.get("supplementary_pair_statuses")
    parameters = (after, count, within)
    since = case.facts.get("unemployment_start")
    if case.facts["status"] not in statuses.value:
        return _not_for_status(case, "supplementary_pair", (*parameters, statuses))
    if since is None:
        return Item("supplementary_pair", "not_required", Message(msg.NOT_UNEMPLOYED), parameters)
    suspended = _suspended(case, "supplementary_pair")
    if suspended:
        return suspended
    nordic = case.get("nordic_model_from")
    if transition:
        discussions = case.held(["job_search_discussion"], after=nordic.value)
        if not discussions:
            text = msg.SUPPLEMENTARY_PAIR_NO_DISCUSSION
            return Item("supplementary_pair", "open", Message(text, {"nordic": nordic.value}), parameters)
        trigger = max(discussions[0].date, add_months(since, after.value))
        text = msg.SUPPLEMENTARY_PAIR_TRANSITION
        first_args = {"nordic": nordic.value, "discussion": discussions[0].date, "since": since}
    else:
        if initial is None:
            return Item("supplementary_pair", "open", Message(msg.AWAITS_INITIAL_INTERVIEW), parameters)
        trigger, text, first_args = (
            add_months(initial, after.value),
            msg.SUPPLEMENTARY_PAIR,
            {"base": initial},
        )
    base = initial
    while True:
        period = calendar_period(add_months(trigger, within.value), case.cal)
        held = case.held(["supplementary_discussion"], after=trigger, until=period.end)
        args = {"count": count.value, "within": within.value, "months": after.value, "trigger": trigger}
        args |= first_args | {"held": len(held)}
        if len(held) < count.value:
            remaining = count.value - len(held)
            found = {"trigger": trigger}
            return case.dated(
                "supplementary_pair", period, Message(text, args), parameters, None, remaining, found
            )
        base = held[count.value - 1].date
        next_trigger = add_months(base, after.value)
        if next_trigger > case.on:
            # the pair is held; the next one lies ahead
            period = calendar_period(add_months(next_trigger, within.value), case.cal)
            args = {
                "count": count.value,
                "within": within.value,
                "months": after.value,
                "trigger": next_trigger,
            }
            args |= {"base": base, "held": 0}
            found = {"trigger": next_trigger, "previous_pair_done_on": base}
            return case.dated(
                "supplementary_pair",
                period,
                Message(msg.SUPPLEMENTARY_PAIR, args),
                parameters,
                None,
                count.value,
                found,
            )
        trigger, text, first_args = next_trigger, msg.SUPPLEMENTARY_PAIR, {"base": base}


def _end_of_service(case: Case) -> Item:
    before = case.get("end_of_service_discussion_months_before")
    service, parameters = _long_service(case)
    if service is None:
        args = {"months": parameters[0].value, "from": parameters[1].value}
        return Item(
            "end_of_service_discussion",
            "not_required",
            Message(msg.NO_LONG_SERVICE, args),
            (before, *parameters),
        )
    ending = _ending(case, "end_of_service_discussion")
    if ending:
        return ending
    raw = add_months(service.expected_end, -before.value)
    period = calendar_period(raw, case.cal)
    held = case.held(["job_search_discussion"], after=max(service.start, add_months(raw, -before.value)))
    basis = Message(msg.END_OF_SERVICE, {"months": before.value, "end": service.expected_end})
    found = {"service_start": service.start, "service_expected_end": service.expected_end}
    return case.dated(
        "end_of_service_discussion",
        period,
        basis,
        (before, *parameters),
        held[-1].date if held else None,
        found=found,
    )


# --- TYP, the activation plan and integration ---------------------------------------------------------


def _age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _typ(case: Case) -> list[Item]:
    return [_typ_assessment(case), _typ_plan(case), _typ_plan_review(case)]


def _typ_assessment(case: Case) -> Item:
    limit = case.get("typ_subsidy_days")
    age_limit = case.get("typ_age_limit")
    months_old = case.get("typ_unemployment_months_from_age_limit")
    months_young = case.get("typ_unemployment_months_under_age_limit")
    lms, since, birth = (
        case.facts.get("lms_days"),
        case.facts.get("unemployment_start"),
        case.facts.get("birth_date"),
    )
    done = case.held(["typ_assessment", "typ_start"], after=case.start)
    done_on = done[0].date if done else None
    if lms is not None and lms >= limit.value:
        basis = Message(msg.TYP_SUBSIDY_DAYS, {"lms": lms, "limit": limit.value})
        period = calendar_period(done_on or case.on, case.cal)
        return case.dated("typ_assessment", period, basis, (limit,), done_on)
    if since is not None:
        young_trigger = add_months(since, months_young.value)
        if birth is not None and _age_on(birth, young_trigger) < age_limit.value:
            trigger, months = young_trigger, months_young
        else:
            trigger, months = add_months(since, months_old.value), months_old
        age = _age_on(birth, trigger) if birth is not None else "–"
        basis = Message(
            msg.TYP_UNEMPLOYMENT, {"since": since, "age": age, "months": months.value, "trigger": trigger}
        )
        return case.dated(
            "typ_assessment", calendar_period(trigger, case.cal), basis, (months, age_limit), done_on
        )
    args = {
        "on": case.on,
        "lms": lms if lms is not None else "–",
        "limit": limit.value,
        "since": Message(msg.UNKNOWN_UNEMPLOYMENT),
    }
    return Item(
        "typ_assessment", "not_required", Message(msg.TYP_NO_TRIGGER, args), (limit, months_old, months_young)
    )


def _typ_plan(case: Case) -> Item:
    months = case.get("typ_mapping_months")
    started = case.held(["typ_start"])
    if not started:
        return Item("typ_plan", "not_required", Message(msg.TYP_NOT_STARTED), (months,))
    start = started[-1].date
    plans = case.held(["typ_plan"], after=start)
    period = calendar_period(add_months(start, months.value), case.cal)
    basis = Message(msg.TYP_MAPPING, {"months": months.value, "start": start})
    return case.dated("typ_plan", period, basis, (months,), plans[0].date if plans else None)


def _typ_plan_review(case: Case) -> Item:
    months = case.get("typ_plan_review_months")
    plans = case.held(["typ_plan", "typ_plan_review"])
    if not plans:
        return Item("typ_plan_review", "not_required", Message(msg.NO_PLAN), (months,))
    base = plans[-1].date
    period = calendar_period(add_months(base, months.value), case.cal)
    basis = Message(msg.TYP_PLAN_REVIEW, {"months": months.value, "base": base})
    return case.dated("typ_plan_review", period, basis, (months,))


def _activation_plan_review(case: Case) -> Item:
    try:
        months = case.get("activation_plan_review_months")
    except NoParameterValue:
        first = case.params.history(P + "activation_plan_review_months")[0]
        return Item(
            "activation_plan_review",
            "not_required",
            Message(msg.ACTIVATION_BEFORE, {"from": first.start}),
            (first,),
        )
    plans = case.held(["activation_plan", "activation_plan_review"])
    if not plans:
        return Item("activation_plan_review", "not_required", Message(msg.NO_PLAN), (months,))
    base = max(plans[-1].date, months.start)
    period = calendar_period(add_months(base, months.value), case.cal)
    basis = Message(msg.ACTIVATION_PLAN_REVIEW, {"from": months.start, "months": months.value, "base": base})
    return case.dated("activation_plan_review", period, basis, (months,))


def _integration_assessment(case: Case) -> Item:
    months = case.get("integration_assessment_months")
    start = case.facts.get("integration_start")
    if start is None:
        return Item("integration_assessment", "not_required", Message(msg.NO_INTEGRATION), (months,))
    held = case.held(["integration_assessment"], after=start)
    period = calendar_period(add_months(start, months.value), case.cal)
    basis = Message(msg.INTEGRATION_ASSESSMENT, {"months": months.value, "start": start})
    return case.dated("integration_assessment", period, basis, (months,), held[0].date if held else None)
