"""The job-search obligation (R-SP-5; law notes §3.3): pure functions over dated parameters.

`decide(facts, on, params)` answers, for one job seeker on `on`, whether the obligation is in force, its
variant, the review periods of the current cycle with the job opportunities required and the applications
reported in each, and the reason where there is none or fewer. Every number is a dated parameter
(`parameters/job_search_obligation.yaml`). Readings (the law notes are short on some points):

- Before `in_force_from` (2.5.2022) the rule answers "not in force", with the plan-based duty of the time as
  information; no periods.
- Variants, first that applies: an exception of the law (`exemption`, JTYPL 3:7) → `none`; a status the
  obligation is not set for → `none`; part-time work or a lay-off with reduced hours → `laid_off_part_time`;
  supported self-study that lasts over a month and is under way on `on` → `self_study`; otherwise `normal`.
  A `reduced_count` lower than the variant's number (fewer suitable jobs, JTYPL 3:3 §3) makes it `reduced`,
  or `none` when it is 0; the case worker's reason is kept with it.
- The periods count from the day after the initial interview (the plan sets the obligation there); a person
  registered before 2.5.2022 gives the discussion where the plan first set it. A fully laid-off person's
  obligation begins at the job-search discussion held once the lay-off has lasted 3 months (3:5); during
  self-study, from the later of the interview and the study's start. Periods end by Act 150/1930 s. 3 (the
  same-numbered day, or the month's last); they are not moved to a working day (applying is not an act due
  at an office). Periods follow each other without a gap; a cycle is the number of periods before the
  obligation is reviewed, and the result lists the cycle holding `on` (the first, before it begins).
- An application counts in the period holding its date, if on or before `on`. A period is `met` once the
  applications reach the number; `not_met` when it has ended short; otherwise under way, or not begun.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.customers.statuses import STATUS_LABELS
from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse, worst_status
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue

from . import obligation_explanations as msg

P = "job_search_obligation."
VARIANTS = ("normal", "laid_off_part_time", "self_study", "reduced", "none")
EXEMPTIONS = tuple(msg.EXEMPTIONS)
REDUCED_REASONS = ("few_suitable_jobs", "no_suitable_jobs")
PARAMETERS = (
    "in_force_from",
    "plan_based_duty",
    "statuses",
    "review_period_months",
    "review_periods",
    "job_opportunities",
    "part_time_period_months",
    "part_time_periods",
    "part_time_job_opportunities",
    "self_study_over_months",
    "self_study_period_months",
    "self_study_periods",
    "self_study_job_opportunities",
    "laid_off_start_after_months",
    "exemption_typ_age",
    "exemption_typ_months_from_age",
    "exemption_typ_months_under_age",
)
PARAMETER_NAMES = tuple(P + name for name in PARAMETERS)


def n_opportunities(n: int) -> Message:
    return Message(msg.OPPORTUNITIES, {"n": n}, plural=msg.OPPORTUNITIES_PLURAL, count="n")


def n_months(n: int) -> Message:
    return Message(msg.MONTHS, {"n": n}, plural=msg.MONTHS_PLURAL, count="n")


def n_applications(n: int) -> Message:
    return Message(msg.APPLICATIONS, {"n": n}, plural=msg.APPLICATIONS_PLURAL, count="n")


def _uses(*values: ParameterValue) -> tuple[ParameterUse, ...]:
    return tuple(ParameterUse.of(v) for v in values)


def _info(code: str, found: dict, message: Message, *values: ParameterValue) -> Check:
    return Check(code, "info", found, message, _uses(*values))


class _Case:
    def __init__(self, facts: dict, on: dt.date, params: ParameterStore):
        self.facts, self.on, self.params = facts, on, params

    def get(self, name: str) -> ParameterValue:
        return self.params.get(P + name, self.on)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    """The pure rule: validated facts, the date and the parameters → {in_force, variant, periods, reason}."""
    case = _Case(facts, on, params)
    try:
        in_force = case.get("in_force_from")
        if on < in_force.value:
            return _not_in_force(case, in_force)
        result, checks = _in_force(case)
    except NoParameterValue as exc:
        check = Check(
            "parameters",
            "fail",
            {"parameter": exc.name, "on": exc.on},
            Message(msg.NO_PARAMETER, {"name": exc.name, "on": exc.on}),
        )
        return Decision(None, "fail", (check,))
    return Decision(result, worst_status(checks), tuple(checks))


def _not_in_force(case: _Case, in_force: ParameterValue) -> Decision:
    duty = case.get("plan_based_duty")
    until = in_force.value - dt.timedelta(days=1)
    checks = (
        _info(
            "in_force",
            {"in_force": False, "on": case.on, "in_force_from": in_force.value},
            Message(msg.NOT_IN_FORCE, {"on": case.on, "from": in_force.value}),
            in_force,
        ),
        _info(
            "plan_based_duty",
            {"plan_based_duty": duty.value},
            Message(msg.PLAN_BASED_DUTY, {"until": until}),
            duty,
        ),
    )
    result = {"in_force": False, "variant": None, "periods": [], "reason": None}
    return Decision(result, worst_status(checks), checks)


def _in_force(case: _Case) -> tuple[dict, list[Check]]:
    facts = case.facts
    exemption = facts.get("exemption")
    if exemption:
        return _none(case, exemption, _exemption_check(case, exemption))
    statuses = case.get("statuses")
    part_time = bool(facts.get("part_time_or_reduced_hours"))
    self_study = _self_study_under_way(case)
    if facts["status"] not in statuses.value and not part_time and not self_study:
        check = _info(
            "variant",
            {"variant": "none", "status": facts["status"]},
            Message(msg.NONE_STATUS, {"status": Message(STATUS_LABELS[facts["status"]])}),
            statuses,
        )
        return _none(case, "status", check)
    if part_time:
        variant, check, months, periods, count = _part_time(case)
    elif self_study:
        variant, check, months, periods, count = _self_study(case, self_study)
    else:
        variant, check, months, periods, count = _normal(case)
    checks = [check]
    reduced = facts.get("reduced_count")
    reason = None
    if reduced is not None:
        reason_text = facts.get("reduced_reason") or ""
        args = {"count": n_opportunities(reduced), "base": count.value, "reason": reason_text}
        found = {"reduced_count": reduced, "normal_count": count.value, "reason": reason_text}
        if reduced >= count.value:
            checks.append(
                Check("reduced", "warn", found, Message(msg.REDUCTION_NOT_LOWER, args), _uses(count))
            )
        elif reduced == 0:
            checks.append(_info("reduced", found, Message(msg.NONE_NO_JOBS, args), count))
            return _none(case, "no_suitable_jobs", *checks)
        else:
            checks.append(_info("reduced", found, Message(msg.VARIANT_REDUCED, args), count))
            variant, reason = "reduced", "few_suitable_jobs"
    required = reduced if variant == "reduced" else count.value
    begin, start_check = _start(case, self_study)
    checks.append(start_check)
    rows = []
    if begin is not None:
        rows = _periods(case, begin, months.value, periods.value, required)
        checks.extend(_period_check(row, count) for row in rows)
    result = {"in_force": True, "variant": variant, "periods": [_public(r) for r in rows], "reason": reason}
    return result, checks


def _none(case: _Case, reason: str, *checks: Check) -> tuple[dict, list[Check]]:
    return {"in_force": True, "variant": "none", "periods": [], "reason": reason}, list(checks)


def _exemption_check(case: _Case, exemption: str) -> Check:
    values: tuple[ParameterValue, ...] = ()
    args: dict = {}
    if exemption == "typ_need":
        values = (
            case.get("exemption_typ_age"),
            case.get("exemption_typ_months_from_age"),
            case.get("exemption_typ_months_under_age"),
        )
        args = {"age": values[0].value, "months_from": values[1].value, "months_under": values[2].value}
    found = {"variant": "none", "exemption": exemption}
    text = Message(msg.NONE_EXEMPTION, {"case": Message(msg.EXEMPTIONS[exemption], args)})
    return _info("variant", found, text, *values)


def _self_study_under_way(case: _Case) -> tuple[dt.date, dt.date] | None:
    start, end = case.facts.get("self_study_start"), case.facts.get("self_study_end")
    if not start or not end or not start <= case.on <= end:
        return None
    return (start, end)


def _normal(case: _Case):
    months, periods, count = (
        case.get("review_period_months"),
        case.get("review_periods"),
        case.get("job_opportunities"),
    )
    args = {"count": n_opportunities(count.value), "months": n_months(months.value), "periods": periods.value}
    check = _info("variant", {"variant": "normal"}, Message(msg.VARIANT_NORMAL, args), months, periods, count)
    return "normal", check, months, periods, count


def _part_time(case: _Case):
    months = case.get("part_time_period_months")
    periods = case.get("part_time_periods")
    count = case.get("part_time_job_opportunities")
    args = {"count": n_opportunities(count.value), "months": n_months(months.value)}
    found = {"variant": "laid_off_part_time", "status": case.facts["status"]}
    check = _info("variant", found, Message(msg.VARIANT_PART_TIME, args), months, periods, count)
    return "laid_off_part_time", check, months, periods, count


def _self_study(case: _Case, study: tuple[dt.date, dt.date]):
    over = case.get("self_study_over_months")
    start, end = study
    if end <= add_months(start, over.value):
        return _normal(case)
    months = case.get("self_study_period_months")
    periods = case.get("self_study_periods")
    count = case.get("self_study_job_opportunities")
    args = {
        "start": start,
        "end": end,
        "over": n_months(over.value),
        "count": n_opportunities(count.value),
        "months": n_months(months.value),
    }
    found = {"variant": "self_study", "self_study_start": start, "self_study_end": end}
    check = _info("variant", found, Message(msg.VARIANT_SELF_STUDY, args), over, months, periods, count)
    return "self_study", check, months, periods, count


def _start(case: _Case, self_study) -> tuple[dt.date | None, Check]:
    """The day the obligation began (the periods count from the day after), or None, with its check."""
    facts = case.facts
    interview = facts.get("initial_interview")
    if facts["status"] == "laid_off" and not facts.get("part_time_or_reduced_hours"):
        months = case.get("laid_off_start_after_months")
        since = facts.get("layoff_start") or facts["job_search_start"]
        earliest = add_months(since, months.value)
        held = facts.get("layoff_discussion")
        held = held if held and earliest <= held <= case.on else None
        args = {"since": since, "months": months.value, "from": earliest, "date": held}
        found = {"begins": held, "layoff_start": since, "discussion_from": earliest}
        text = msg.START_LAID_OFF if held else msg.START_LAID_OFF_NOT_YET
        if not held:
            args.pop("date")
        return held, _info("start", found, Message(text, args), months)
    if interview is None or interview > case.on:
        return None, _info("start", {"begins": None}, Message(msg.START_NOT_YET))
    if self_study and self_study[0] > interview and _is_self_study_variant(case, self_study):
        begin = self_study[0] - dt.timedelta(days=1)
        args = {"interview": interview, "start": self_study[0]}
        return begin, _info("start", {"begins": begin}, Message(msg.START_SELF_STUDY, args))
    return interview, _info("start", {"begins": interview}, Message(msg.START_INTERVIEW, {"date": interview}))


def _is_self_study_variant(case: _Case, study: tuple[dt.date, dt.date]) -> bool:
    return study[1] > add_months(study[0], case.get("self_study_over_months").value)


def _periods(case: _Case, begin: dt.date, months: int, per_cycle: int, required: int) -> list[dict]:
    """The cycle of periods holding `on` (the first cycle before the obligation begins)."""
    index = 0
    while add_months(begin, (index + 1) * months) < case.on:
        index += 1
    first = index - index % per_cycle
    applications = case.facts.get("applications")
    rows = []
    for number in range(first, first + per_cycle):
        start = add_months(begin, number * months) + dt.timedelta(days=1)
        end = add_months(begin, (number + 1) * months)
        reported = None
        if applications is not None:
            reported = sum(1 for a in applications if start <= a["date"] <= min(end, case.on))
        if start > case.on:
            state, met = "future", None
        elif reported is not None and reported >= required:
            state, met = "met", True
        elif end < case.on:
            state, met = "not_met", (False if reported is not None else None)
        else:
            state, met = "open", None
        rows.append(
            {
                "number": number + 1,
                "start": start,
                "end": end,
                "required": required,
                "reported": reported,
                "met": met,
                "state": state,
            }
        )
    return rows


def _public(row: dict) -> dict:
    return {key: row[key] for key in ("start", "end", "required", "reported", "met")}


def _period_check(row: dict, count: ParameterValue) -> Check:
    args = {
        "number": row["number"],
        "start": row["start"],
        "end": row["end"],
        "required": n_opportunities(row["required"]),
    }
    if row["reported"] is None:
        message = Message(msg.PERIOD_UNREPORTED, args)
    else:
        state = Message(msg.PERIOD_STATES[row["state"]])
        message = Message(msg.PERIOD, {**args, "reported": n_applications(row["reported"]), "state": state})
    status = {True: "pass", False: "warn"}.get(row["met"], "info")
    found = {k: row[k] for k in ("number", "start", "end", "required", "reported", "met", "state")}
    return Check(f"period_{row['number']}", status, found, message, _uses(count))
