"""The plans' rules, pure (issue 17 item 1, R-SP-5; law notes §3.2–3.6): a version's review date on the date
it is agreed, and the checks of a version's and an approval's input. Every date is a parameter; the values
come from `parameters/plans.yaml`; every outcome carries a message id with its arguments (`explanations`).

Readings (the law notes are silent, [I]):
- Employment plan: reviewed at the interviews (before 2.5.2022, JTYPL 2:6 §3, held after every 3 months of
  unemployment, 2:4 §2) and the job-search discussions (from 2.5.2022, 2:9, every 3 months, 2:6 §1 p2): its
  review date is the latest of those, 3 months from the plan; the meetings themselves are the service
  process's deadlines.
- Activation plan: before 2.5.2022 the law notes give no review interval; a plan agreed before then is
  reviewed by 3 months from 2.5.2022, as the service process's deadline engine reads it.
- Integration plan: at most 12 months each; the right ends 36 months from the first plan, plus an extension
  of at most 24 months (KOTO s. 12): the review date is the earlier. The 3 years from the first residence
  permit are not checked: the register holds no permit dates.
- A step is due on or after the plan's date; a service may have begun before it (a service under way is
  agreed into a new version) but may not end before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import ParameterUse
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue

from . import explanations as msg

P = "plans."
# The TYP and activation plans' review intervals: the deadline engine's parameters (one value, two readers).
TYP_REVIEW = "service_process.typ_plan_review_months"
ACTIVATION_REVIEW = "service_process.activation_plan_review_months"
KINDS = ("employment", "typ", "activation", "integration")
RESPONSIBLE = ("job_seeker", "case_worker", "other")
PARAMETER_NAMES = (
    P + "employment_review_months",
    TYP_REVIEW,
    ACTIVATION_REVIEW,
    *(
        P + n
        for n in (
            "obligation_in_activation_plan_from",
            "integration_plan_months",
            "integration_entitlement_months",
            "integration_extension_months",
        )
    ),
)


@dataclass(frozen=True)
class Review:
    """A version's review date (None: none set by law) and why, with the parameter values used."""

    date: dt.date | None
    message: Message
    parameters: tuple[ParameterUse, ...]

    @property
    def reference(self) -> str:
        return "; ".join(p.reference for p in self.parameters)


@dataclass(frozen=True)
class Problem:
    """Input refused: the field at fault (`steps.0.due_on`, `agreed_on`, …) and why."""

    field: str | None
    message: Message


def _uses(*values: ParameterValue) -> tuple[ParameterUse, ...]:
    return tuple(ParameterUse.of(v) for v in values)


def _entitlement(first: dt.date, extension: int, params: ParameterStore) -> tuple[dt.date, ParameterValue]:
    months = params.get(P + "integration_entitlement_months", first)
    return add_months(first, months.value + extension), months


def review(
    kind: str,
    agreed_on: dt.date,
    params: ParameterStore,
    *,
    first_agreed_on: dt.date | None = None,
    extension_months: int = 0,
) -> Review:
    """The review date of a version of a plan of `kind` agreed on `agreed_on` (the plan's first version of
    `first_agreed_on`, default this one; an integration plan's entitlement extended by `extension_months`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of plan {kind!r}")
    args: dict = {"agreed": agreed_on}
    if kind == "employment":
        months = params.get(P + "employment_review_months", agreed_on)
        date = add_months(agreed_on, months.value)
        return Review(
            date,
            Message(msg.EMPLOYMENT_REVIEW, args | {"months": months.value, "review": date}),
            _uses(months),
        )
    if kind == "typ":
        months = params.get(TYP_REVIEW, agreed_on)
        date = add_months(agreed_on, months.value)
        return Review(
            date, Message(msg.TYP_REVIEW, args | {"months": months.value, "review": date}), _uses(months)
        )
    if kind == "activation":
        name = ACTIVATION_REVIEW
        try:
            months = params.get(name, agreed_on)
        except NoParameterValue:
            months = next(v for v in params.history(name) if v.start > agreed_on)
            date = add_months(months.start, months.value)
            found = args | {"from": months.start, "months": months.value, "review": date}
            return Review(date, Message(msg.ACTIVATION_REVIEW_LATER, found), _uses(months))
        date = add_months(agreed_on, months.value)
        return Review(
            date,
            Message(msg.ACTIVATION_REVIEW, args | {"months": months.value, "review": date}),
            _uses(months),
        )
    months = params.get(P + "integration_plan_months", agreed_on)
    date = add_months(agreed_on, months.value)
    first = first_agreed_on or agreed_on
    end, entitlement = _entitlement(first, extension_months, params)
    if end < date:
        found = {"months": entitlement.value, "first": first, "extension": extension_months, "end": end}
        return Review(end, Message(msg.INTEGRATION_ENTITLEMENT, found), _uses(months, entitlement))
    return Review(
        date,
        Message(msg.INTEGRATION_REVIEW, args | {"months": months.value, "review": date}),
        _uses(months, entitlement),
    )


def check_version(
    kind: str,
    agreed_on: dt.date,
    *,
    today: dt.date,
    goals: str,
    obligation: str,
    steps: list[dict],
    services: list[dict],
    params: ParameterStore,
    latest_agreed_on: dt.date | None = None,
    first_agreed_on: dt.date | None = None,
    extension_months: int = 0,
) -> list[Problem]:
    """What is wrong with a new version's input (empty: nothing). `steps` are dicts with `text`, `due_on`
    and `responsible`; `services` with `kind`, `starts_on` and `ends_on` (or None); `latest_agreed_on` and
    `first_agreed_on` are the plan's latest and first versions' dates, None for its first version."""
    problems: list[Problem] = []
    if agreed_on > today:
        problems.append(Problem("agreed_on", Message(msg.IN_THE_FUTURE, {"today": today})))
    if latest_agreed_on is not None and agreed_on < latest_agreed_on:
        found = {"agreed": agreed_on, "latest": latest_agreed_on}
        problems.append(Problem("agreed_on", Message(msg.BEFORE_LATEST, found)))
    if not goals.strip():
        problems.append(Problem("goals", Message(msg.NO_GOALS)))
    if kind == "activation":
        start = params.get(P + "obligation_in_activation_plan_from", agreed_on)
        if agreed_on >= start.value and not obligation.strip():
            problems.append(
                Problem("job_search_obligation", Message(msg.OBLIGATION_REQUIRED, {"from": start.value}))
            )
    if extension_months:
        if kind != "integration":
            problems.append(Problem("extension_months", Message(msg.EXTENSION_NOT_INTEGRATION)))
        else:
            most = params.get(P + "integration_extension_months", agreed_on).value
            if extension_months > most:
                problems.append(Problem("extension_months", Message(msg.EXTENSION_TOO_LONG, {"max": most})))
    if kind == "integration" and first_agreed_on is not None:
        end, months = _entitlement(first_agreed_on, extension_months, params)
        if agreed_on >= end:
            found = {
                "end": end,
                "months": months.value,
                "first": first_agreed_on,
                "extension": extension_months,
            }
            problems.append(Problem("agreed_on", Message(msg.ENTITLEMENT_ENDED, found)))
    if not steps:
        problems.append(Problem("steps", Message(msg.NO_STEPS)))
    for index, step in enumerate(steps):
        n = index + 1
        if not (step.get("text") or "").strip():
            problems.append(Problem(f"steps.{index}.text", Message(msg.STEP_WITHOUT_TEXT, {"n": n})))
        if step["due_on"] < agreed_on:
            found = {"n": n, "due": step["due_on"], "agreed": agreed_on}
            problems.append(Problem(f"steps.{index}.due_on", Message(msg.STEP_BEFORE_PLAN, found)))
    for index, service in enumerate(services):
        n, start, end = index + 1, service["starts_on"], service.get("ends_on")
        if end is not None and end < start:
            found = {"n": n, "start": start, "end": end}
            problems.append(
                Problem(f"services.{index}.ends_on", Message(msg.SERVICE_ENDS_BEFORE_START, found))
            )
        elif end is not None and end < agreed_on:
            found = {"n": n, "end": end, "agreed": agreed_on}
            problems.append(
                Problem(f"services.{index}.ends_on", Message(msg.SERVICE_ENDS_BEFORE_PLAN, found))
            )
    return problems


def check_approval(
    agreed_on: dt.date, approved_on: dt.date, *, today: dt.date, already: bool
) -> list[Problem]:
    """What is wrong with recording a party's approval of a version agreed on `agreed_on`."""
    problems = []
    if already:
        problems.append(Problem("party", Message(msg.ALREADY_APPROVED)))
    if approved_on > today:
        problems.append(Problem("approved_on", Message(msg.APPROVAL_IN_THE_FUTURE, {"today": today})))
    if approved_on < agreed_on:
        found = {"approved": approved_on, "agreed": agreed_on}
        problems.append(Problem("approved_on", Message(msg.APPROVAL_BEFORE_PLAN, found)))
    return problems
