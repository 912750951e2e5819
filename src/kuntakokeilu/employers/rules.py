"""The rule `job-offer-refusal` (R-SP-7, R-SP-8; law notes §3.4 and §3.8): pure functions over dated
parameters (`parameters/employers.yaml`), registered in the rules console (listed in
`settings.RULE_MODULES`).

`decide(facts, on, params)` answers whether a job offer's refusal (outcome `refused`, or `no_answer` once the
date to apply has passed) counts as a failure on `on`, the date of the refusal. Readings:

- Applied or hired, or no outcome yet → does not count (nothing to judge).
- Before `nordic_from` (2.5.2022): refusing a job offered by the municipality is refusing a TE-office job
  offer (L1269 s. 15 mom 3 original text; TTL 2 a as in force, 1451/2016), and a job otherwise individually
  offered is refused alike: it counts; the 90/60/30-day periods of the time are shown as information.
- From 2.5.2022, a job offered by the authority: counts only if ≥ `authority_offer_months_after_interview`
  (6) months have passed since the initial interview on the refusal's date (TTL 2 a:13 as amended by
  1380/2021, HE 167/2021); the months end on the same-numbered day (Act 150/1930 s. 3). With no initial
  interview before the offer, the months have not begun: it does not count.
- From 2.5.2022, a job offered individually by an employer: not a failure in the job-search process; its
  refusal is judged as a refusal of work (45 days, 30 if the job would have lasted at most two weeks),
  shown as information — whoever the law names decides it.

Input `{id, on?, offered_by: authority|employer, outcome: applied|hired|refused|no_answer|null, offered_on,
apply_by, initial_interview|null}`; result `{counts, model: before_nordic|nordic|null, passed|null}`.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, Outcome, ParameterUse
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue
from kuntakokeilu.rules.registry import Rule, get_rule, register
from kuntakokeilu.rules.schema import Field

from . import explanations as msg

NAME = "job-offer-refusal"
P = "employers."
OFFERED_BY = ("authority", "employer")
OUTCOMES = ("applied", "hired", "refused", "no_answer")
REFUSALS = ("refused", "no_answer")
PARAMETERS = (
    "nordic_from",
    "authority_offer_months_after_interview",
    "employer_offer_refusal_days",
    "short_job_refusal_days",
    "selected_job_refusal_days",
    "offered_job_refusal_days",
)
PARAMETER_NAMES = tuple(P + name for name in PARAMETERS)

FIELDS = (
    Field("offered_by", "str", choices=OFFERED_BY),
    Field("outcome", "str", nullable=True, choices=OUTCOMES),
    Field("offered_on", "date"),
    Field("apply_by", "date"),
    Field("initial_interview", "date", nullable=True),
)


def _uses(*values: ParameterValue) -> tuple[ParameterUse, ...]:
    return tuple(ParameterUse.of(v) for v in values)


def decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    """The pure rule: validated facts, the refusal's date and the parameters → {counts, model, passed}."""
    try:
        return _decide(facts, on, params)
    except NoParameterValue as exc:
        check = Check(
            "parameters",
            "fail",
            {"parameter": exc.name, "on": exc.on},
            Message(msg.NO_PARAMETER, {"name": exc.name, "on": exc.on}),
        )
        return Decision(None, "fail", (check,))


def _decide(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    def get(name: str) -> ParameterValue:
        return params.get(P + name, on)

    outcome = facts["outcome"]
    if outcome not in REFUSALS:
        message = msg.NO_OUTCOME if outcome is None else msg.NOT_REFUSED
        check = Check("refusal", "pass", {"outcome": outcome}, Message(message))
        return Decision({"counts": False, "model": None, "passed": None}, "pass", (check,))
    nordic = get("nordic_from")
    if on < nordic.value:
        selected, offered = get("selected_job_refusal_days"), get("offered_job_refusal_days")
        short = get("short_job_refusal_days")
        checks = (
            Check(
                "refusal",
                "warn",
                {"counts": True, "on": on, "nordic_from": nordic.value},
                Message(msg.BEFORE_NORDIC, {"from": nordic.value, "on": on}),
                _uses(nordic, offered),
            ),
            Check(
                "sanction_ladder",
                "info",
                {"selected": selected.value, "offered": offered.value, "short": short.value},
                Message(
                    msg.LADDER,
                    {"on": on, "selected": selected.value, "offered": offered.value, "short": short.value},
                ),
                _uses(selected, offered, short),
            ),
        )
        return Decision({"counts": True, "model": "before_nordic", "passed": None}, "warn", checks)
    if facts["offered_by"] == "employer":
        days, short = get("employer_offer_refusal_days"), get("short_job_refusal_days")
        check = Check(
            "refusal",
            "pass",
            {"counts": False, "offered_by": "employer"},
            Message(msg.EMPLOYER_OFFER, {"on": on, "days": days.value, "short": short.value}),
            _uses(nordic, days, short),
        )
        return Decision({"counts": False, "model": "nordic", "passed": None}, "pass", (check,))
    months = get("authority_offer_months_after_interview")
    interview = facts["initial_interview"]
    if interview is None:
        check = Check(
            "refusal",
            "pass",
            {"counts": False, "initial_interview": None},
            Message(msg.NO_INTERVIEW, {"months": months.value, "on": on}),
            _uses(nordic, months),
        )
        return Decision({"counts": False, "model": "nordic", "passed": None}, "pass", (check,))
    passed = add_months(interview, months.value)
    counts = on >= passed
    args = {"months": months.value, "interview": interview, "passed": passed, "on": on}
    check = Check(
        "refusal",
        "warn" if counts else "pass",
        {"counts": counts, "initial_interview": interview, "passed": passed},
        Message(msg.COUNTS if counts else msg.NOT_YET, args),
        _uses(nordic, months),
    )
    return Decision({"counts": counts, "model": "nordic", "passed": passed}, check.status, (check,))


def check_input(facts: dict, _ctx) -> list[tuple[str, str]]:
    problems = []
    if facts["apply_by"] < facts["offered_on"]:
        problems.append(("apply_by", "is before offered_on"))
    if facts["initial_interview"] and facts["initial_interview"] > facts["offered_on"]:
        problems.append(("initial_interview", "is after offered_on (give the latest one before the offer)"))
    return problems


RULE = register(
    Rule(
        name=NAME,
        version="1",
        summary="Whether a refused job offer counts as a failure in the job-search process (R-SP-7).",
        fields=FIELDS,
        parameters=PARAMETER_NAMES,
        evaluate=decide,
        check_input=check_input,
        modules=("kuntakokeilu.employers.explanations", "kuntakokeilu.rules.calendar"),
    )
)


def refusal_counts(
    offer: dict, initial_interview: dt.date | None, on: dt.date, params: ParameterStore | None = None
) -> Outcome:
    """The rule on an offer's facts (`offered_by`, `outcome`, `offered_on`, `apply_by`) and the latest
    initial interview before the offer, on the refusal's date."""
    facts = {
        "offered_by": offer["offered_by"],
        "outcome": offer.get("outcome") or None,
        "offered_on": offer["offered_on"],
        "apply_by": offer["apply_by"],
        "initial_interview": initial_interview,
    }
    return get_rule(NAME).run(facts, on, params)
