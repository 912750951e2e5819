"""The rules of labour-policy statements and the sanction ladder (R-SP-8; law notes §3.4 and §3.7): pure
functions over dated parameters (`parameters/statements.yaml`), registered in the rules console.

- `labour-policy-statement` (`competence`): for an event kind (or a statement subject asked for) on a date,
  who handles it — the trial municipality's own statement to Kela or the unemployment fund, or a notice to
  the TE office (the TE office gives the statement; L1269 s. 20 mom 2) — and who else may give statements
  then (information: the municipality's own duty stays). The subjects the municipality is competent for are
  one dated list (1.3.2021, 2.10.2021, 11.7.2022, 1.1.2023); outside the pilot, none.
- `sanction-ladder` (`ladder`): the ladder in force on the event's date and this failure's step given the
  person's earlier counted failures — information only; whoever the law names decides the sanction.
- `route(competence, ladder)`: what the system creates: a statement where the municipality is competent;
  else the written reminder for the first counted failure of the Nordic ladder; else a notice.

Readings (the law notes mark them [I] or are silent):
- The mapping from an event kind to a statement subject is inferred (law notes §3.7 "[I, derived from the
  statement subjects]"): services started, ended, refused or interrupted → participation in a service;
  studies started or ended → self-motivated study; a missed discussion, a refused job offer and a plan not
  followed → a failure under TTL ch. 2 a, whose statement stays with the TE office (s. 15, s. 20 mom 2).
  An explanation says so; a subject asked for explicitly is not inferred.
- Only failures on or after 2.5.2022 count in the Nordic ladder; one within 12 months before the event
  (from the same-numbered day) counts. The 4th and later failures are the work requirement.
- A refused job offer without the initial interview's date (and without the employers app's answer in
  `counts`) is not counted, with a warning.
- Before 2.5.2022 the rule shows the fixed periods of the law notes (job offer 60 days, 30 for a job of at
  most two weeks, 90 for a job one had been selected for; a service refused or interrupted 60 days) and,
  for a missed interview or a plan not followed, that the TE office decides.
"""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Decision, ParameterUse, worst_status
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, ParameterValue
from kuntakokeilu.rules.registry import Rule, register
from kuntakokeilu.rules.schema import Field, FieldType, parse_date, register_field_type

from . import explanations as msg

P = "statements."
# When an authority's job offer counts: the employers' parameter (the owner of job offers), read here when the
# event does not bring the employers rule's answer (`counts`).
JOB_OFFER_MONTHS = "employers.authority_offer_months_after_interview"
COMPETENCE_NAME = "labour-policy-statement"
LADDER_NAME = "sanction-ladder"
EVENT_KINDS = tuple(msg.KINDS)
SUBJECTS = tuple(msg.SUBJECTS)
CONSEQUENCES = (*msg.CONSEQUENCES, "days_30", "days_60", "days_90")
DEFAULT_SUBJECT = {
    "service_started": "service_participation",
    "service_ended": "service_participation",
    "service_refused": "service_participation",
    "service_interrupted": "service_participation",
    "studies_started": "self_motivated_study",
    "studies_ended": "self_motivated_study",
    "discussion_missed": "sanction",
    "job_offer_refused": "sanction",
    "plan_not_followed": "sanction",
}
COMPETENCE_PARAMETERS = tuple(P + n for n in ("municipal_subjects", "other_givers", "statement_days"))
LADDER_PARAMETERS = (
    *(
        P + n
        for n in (
            "nordic_ladder_from",
            "ladder",
            "failure_window_months",
            "counted_failures",
            "sanction_days_before_nordic",
        )
    ),
    JOB_OFFER_MONTHS,
)


def n_months(n: int) -> Message:
    return Message(msg.MONTHS, {"n": n}, plural=msg.MONTHS_PLURAL, count="n")


def n_days(n: int) -> Message:
    return Message(msg.DAYS, {"n": n}, plural=msg.DAYS_PLURAL, count="n")


def _uses(*values: ParameterValue) -> tuple[ParameterUse, ...]:
    return tuple(ParameterUse.of(v) for v in values)


def _missing(exc: NoParameterValue) -> Decision:
    args = {"name": exc.name, "on": exc.on}
    return Decision(None, "fail", (Check("parameters", "fail", args, Message(msg.NO_PARAMETER, args)),))


# --- labour-policy-statement -----------------------------------------------------------------------------


def competence(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    """{handler: municipality|te_office, action: statement|notice, subject, inferred, competent_from,
    other_givers} for `facts` {kind, subject|null} on `on`."""
    try:
        return _competence(facts, on, params)
    except NoParameterValue as exc:
        return _missing(exc)


def _competence(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    kind = facts["kind"]
    asked = facts.get("subject")
    subject = asked or DEFAULT_SUBJECT.get(kind)
    inferred = asked is None and subject is not None
    kind_label = Message(msg.KINDS[kind])
    checks = []
    if subject is None:
        checks.append(
            Check(
                "subject",
                "info",
                {"kind": kind, "subject": None},
                Message(msg.NO_SUBJECT, {"kind": kind_label}),
            )
        )
    else:
        subject_label = Message(msg.SUBJECTS[subject])
        if asked:
            text = Message(msg.SUBJECT_GIVEN, {"subject": subject_label})
        else:
            text = Message(msg.SUBJECT_INFERRED, {"kind": kind_label, "subject": subject_label})
        checks.append(
            Check("subject", "info", {"kind": kind, "subject": subject, "inferred": inferred}, text)
        )
    subjects = params.get(P + "municipal_subjects", on)
    days = params.get(P + "statement_days", on)
    competent = subject is not None and subject in subjects.value
    competent_from = None
    if competent:
        args = {"on": on, "subject": Message(msg.SUBJECTS[subject]), "days": n_days(int(days.value))}
        checks.append(
            Check(
                "competence",
                "pass",
                {"competent": True},
                Message(msg.MUNICIPALITY_COMPETENT, args),
                _uses(subjects, days),
            )
        )
    elif subject is not None:
        later = [v for v in params.history(P + "municipal_subjects") if v.start > on and subject in v.value]
        competent_from = later[0].start if later else None
        args = {"on": on, "subject": Message(msg.SUBJECTS[subject])}
        if competent_from is not None:
            args["from"] = competent_from
        text = msg.NOT_YET_COMPETENT if competent_from is not None else msg.TE_OFFICE_COMPETENT
        found = {"competent": False, "competent_from": competent_from}
        checks.append(Check("competence", "info", found, Message(text, args), _uses(subjects)))
    givers = params.get(P + "other_givers", on)
    if givers.value:
        labels = [Message(msg.GIVERS[g]) for g in givers.value]
        text = Message(msg.OTHER_GIVERS, {"givers": labels})
    else:
        text = Message(msg.NO_OTHER_GIVERS)
    checks.append(Check("other_givers", "info", {"other_givers": list(givers.value)}, text, _uses(givers)))
    result = {
        "handler": "municipality" if competent else "te_office",
        "action": "statement" if competent else "notice",
        "subject": subject,
        "inferred": inferred,
        "competent_from": competent_from,
        "other_givers": list(givers.value),
    }
    return Decision(result, worst_status(checks), tuple(checks))


# --- sanction-ladder ----------------------------------------------------------------------------------


def ladder(facts: dict, on: dt.date, params: ParameterStore) -> Decision:
    """{ladder: nordic|before_nordic, counts, step, consequence, days, decided_by} for `facts` {kind,
    initial_interview|null, counts|null, earlier_failures: [date]|null, short_job|null, selected|null}."""
    try:
        nordic = params.get(P + "nordic_ladder_from", on)
        if on < nordic.value:
            return _before_nordic(facts, on, params, nordic)
        return _nordic(facts, on, params, nordic)
    except NoParameterValue as exc:
        return _missing(exc)


def _before_nordic(facts: dict, on: dt.date, params: ParameterStore, nordic: ParameterValue) -> Decision:
    kind = facts["kind"]
    table = params.get(P + "sanction_days_before_nordic", on)
    case = kind
    if kind == "job_offer_refused" and facts.get("selected"):
        case = "job_selected_refused"
    elif kind == "job_offer_refused" and facts.get("short_job"):
        case = "short_job_refused"
    days = table.value.get(case)
    checks = [
        Check(
            "ladder",
            "info",
            {"ladder": "before_nordic", "nordic_from": nordic.value},
            Message(msg.LADDER_BEFORE_NORDIC, {"on": on, "from": nordic.value}),
            _uses(nordic),
        )
    ]
    kind_label = Message(msg.KINDS[kind])
    sanctionable = DEFAULT_SUBJECT.get(kind) == "sanction" or kind in (
        "service_refused",
        "service_interrupted",
    )
    if days is not None:
        text = Message(msg.OLD_DAYS, {"kind": kind_label, "days": n_days(days)})
        checks.append(Check("step", "info", {"case": case, "days": days}, text, _uses(table)))
    elif sanctionable:
        checks.append(
            Check(
                "step", "info", {"case": case, "days": None}, Message(msg.OLD_NO_DAYS, {"kind": kind_label})
            )
        )
    else:
        checks.append(
            Check("step", "info", {"counts": False}, Message(msg.NOT_A_FAILURE, {"kind": kind_label}))
        )
    result = {
        "ladder": "before_nordic",
        "counts": sanctionable,
        "step": None,
        "consequence": f"days_{days}" if days is not None else None,
        "days": days,
        "decided_by": "te_office",
    }
    return Decision(result, worst_status(checks), tuple(checks))


def _nordic(facts: dict, on: dt.date, params: ParameterStore, nordic: ParameterValue) -> Decision:
    kind = facts["kind"]
    steps = params.get(P + "ladder", on)
    window = params.get(P + "failure_window_months", on)
    counted = params.get(P + "counted_failures", on)
    checks = [
        Check(
            "ladder",
            "info",
            {"ladder": "nordic"},
            Message(msg.LADDER_NORDIC, {"on": on, "months": n_months(window.value)}),
            _uses(nordic, steps, window),
        )
    ]
    kind_label = Message(msg.KINDS[kind])
    counts = kind in counted.value
    if not counts:
        checks.append(
            Check(
                "counts",
                "info",
                {"counts": False},
                Message(msg.NOT_A_FAILURE, {"kind": kind_label}),
                _uses(counted),
            )
        )
    elif kind == "job_offer_refused":
        counts, check = _job_offer_counts(facts, on, params)
        checks.append(check)
    step = consequence = None
    if counts:
        since = add_months(on, -window.value)
        earlier = sorted(
            d for d in facts.get("earlier_failures") or () if max(since, nordic.value) <= d <= on
        )
        step = len(earlier) + 1
        consequence = steps.value[min(step, len(steps.value)) - 1]
        args = {
            "step": step,
            "months": n_months(window.value),
            "earlier": list(earlier) if earlier else Message(msg.NO_EARLIER),
            "consequence": Message(msg.CONSEQUENCES[consequence]),
        }
        found = {"step": step, "earlier": earlier, "consequence": consequence}
        checks.append(Check("step", "info", found, Message(msg.STEP, args), _uses(steps, window)))
    result = {
        "ladder": "nordic",
        "counts": counts,
        "step": step,
        "consequence": consequence,
        "days": {"days_7": 7, "days_14": 14}.get(consequence or ""),
        "decided_by": "te_office",
    }
    return Decision(result, worst_status(checks), tuple(checks))


def _job_offer_counts(facts: dict, on: dt.date, params: ParameterStore) -> tuple[bool, Check]:
    months = params.get(JOB_OFFER_MONTHS, on)
    given = facts.get("counts")
    if given is not None:
        answer = Message(msg.COUNTS_YES if given else msg.COUNTS_NO)
        return bool(given), Check(
            "counts",
            "info",
            {"counts": bool(given), "given": True},
            Message(msg.JOB_OFFER_GIVEN, {"answer": answer}),
        )
    interview = facts.get("initial_interview")
    if interview is None:
        return False, Check(
            "counts",
            "warn",
            {"counts": False, "initial_interview": None},
            Message(msg.JOB_OFFER_NO_INTERVIEW),
            _uses(months),
        )
    counts = on >= add_months(interview, months.value)
    text = msg.JOB_OFFER_COUNTS if counts else msg.JOB_OFFER_TOO_EARLY
    args = {"on": on, "months": n_months(months.value), "interview": interview}
    return counts, Check(
        "counts",
        "info",
        {"counts": counts, "initial_interview": interview},
        Message(text, args),
        _uses(months),
    )


# --- what the system creates ---------------------------------------------------------------------------


def route(competence_result: dict, ladder_result: dict) -> str:
    """statement | reminder | notice (see the module's docstring)."""
    if competence_result["action"] == "statement":
        return "statement"
    if ladder_result["ladder"] == "nordic" and ladder_result["counts"] and ladder_result["step"] == 1:
        return "reminder"
    return "notice"


def describe_competence(result: dict) -> Message:
    if result["action"] == "statement":
        return Message(msg.RESULT_STATEMENT)
    return Message(msg.RESULT_NOTICE)


def describe_ladder(result: dict) -> Message:
    if result["consequence"] in msg.CONSEQUENCES:
        return Message(msg.CONSEQUENCES[result["consequence"]])
    if result["days"]:
        return n_days(result["days"])
    return Message(msg.RESULT_NO_STEP)


# --- registration -------------------------------------------------------------------------------------


def _parse_dates(value, _ctx) -> list[dt.date]:
    if not isinstance(value, list):
        raise ValueError("must be a list of dates")
    return [parse_date(v, _ctx) for v in value]


register_field_type(FieldType("dates", _parse_dates))

COMPETENCE_RULE = register(
    Rule(
        name=COMPETENCE_NAME,
        version="1",
        summary="Who gives the labour-policy statement on an event on a date (R-SP-8).",
        fields=(
            Field("kind", "str", choices=EVENT_KINDS),
            Field("subject", "str", nullable=True, choices=SUBJECTS),
        ),
        parameters=COMPETENCE_PARAMETERS,
        evaluate=competence,
        modules=("kuntakokeilu.statements.explanations", "kuntakokeilu.rules.calendar"),
        describe_result=describe_competence,
    )
)
LADDER_RULE = register(
    Rule(
        name=LADDER_NAME,
        version="1",
        summary="The sanction ladder on an event's date and this failure's step (R-SP-8).",
        fields=(
            Field("kind", "str", choices=EVENT_KINDS),
            Field("initial_interview", "date", nullable=True),
            Field("counts", "bool", nullable=True),
            Field("earlier_failures", "dates", nullable=True),
            Field("short_job", "bool", nullable=True),
            Field("selected", "bool", nullable=True),
        ),
        parameters=LADDER_PARAMETERS,
        evaluate=ladder,
        modules=("kuntakokeilu.statements.explanations", "kuntakokeilu.rules.calendar"),
        describe_result=describe_ladder,
    )
)
