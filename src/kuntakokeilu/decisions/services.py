"""Use cases of benefit decisions (R-BEN-1, issue 18 item 2), each in one transaction and checked against the
catalogue again for the object it changes.

- `prepare`: a case worker's draft; the rule runs on the decision date and what it does not allow is
  refused (percentage or period beyond it, not grantable, decided by the TE office or Kela).
- `accept`: an approver accepts (never the preparer: maker–checker); the letter is rendered once in the
  person's service language and stored unchanged; a correction or cancellation then marks the decision it
  replaces.
- `cancel` / `correct`: new drafts linked to the accepted decision they replace (`replaces`); nothing is
  edited in place.

Bad input raises `Refused(field, message)` with a localised message, and nothing is changed (issue 18
item 7). The form and the API call these same functions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers.customerships import municipal_customership
from kuntakokeilu.customers.models import Person
from kuntakokeilu.funding.services import Refused as FundingRefused
from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.schema import InputError, ValidationContext
from kuntakokeilu.rules.storage import load_record, save_records

from . import common, decision_letter, labels, ledger
from .models import Decision, DecisionLetter, Instrument, Kind, Status
from .templates_default import template_for


class Refused(Exception):
    """Input the service refuses: `field` (or None for the whole request) and a translatable message."""

    def __init__(self, field: str | None, message):
        super().__init__(str(message))
        self.field, self.message = field, message


class Formatted:
    """A translatable message with its arguments, formatted in the language active when shown."""

    def __init__(self, message, **args):
        self.message, self.args = message, args

    def __str__(self) -> str:
        return str(self.message) % {k: str(v) for k, v in self.args.items()}


NOT_YOURS = _("This job seeker is not a customer of a municipality whose decisions you prepare.")
NOT_YOURS_TO_ACCEPT = _("You may not accept the decisions of this job seeker's municipality.")
NOT_A_CUSTOMER = _("The job seeker is not a customer of a trial municipality on the decision date.")
UNKNOWN_INSTRUMENT = _("Choose one of the benefits the trial municipality decides.")
BAD_FACT = _("Check the fact “%(field)s”: it is missing or not valid.")
TE_OFFICE_DECIDES = _("The trial municipality does not decide on this: the TE office does.")
KELA_DECIDES = _("The trial municipality does not decide on this: Kela or the unemployment fund does.")
NOT_ALLOWED = _("The rules do not allow this benefit on the decision date: %(why)s")
PERCENT_NEEDED = _("Give the percentage (at most %(most)s per cent).")
PERCENT_TOO_HIGH = _("The percentage may be at most %(most)s per cent on these facts; %(given)s was given.")
PERCENT_NOT_USED = _("This benefit is not granted as a percentage.")
PERIOD_NEEDED = _("Give the start and end of the period.")
PERIOD_BACKWARDS = _("The period ends before it begins.")
PERIOD_TOO_LONG = _(
    "The period may be at most %(months)s months on these facts (until %(last)s at the latest)."
)
AMOUNT_NEEDED = _("Give the amount in euros, more than zero.")
AMOUNT_TOO_HIGH = _("The amount may be at most %(most)s euros on these facts.")
NOT_A_DRAFT = _("Only a draft decision can be accepted.")
SAME_PERSON = _("You prepared this decision: another person must accept it (maker–checker).")
NOT_ACCEPTED = _("Only an accepted decision in force can be cancelled or corrected.")
ALREADY_PENDING = _("A cancellation or correction of this decision is already waiting for acceptance.")
REASON_NEEDED = _("Give the reason.")
NOT_YOURS_DECISION = _("You may not prepare the decisions of this job seeker's municipality.")

AMOUNT_NOT_USED = _("A work trial is agreed without an amount: leave the amount empty.")

INSTRUMENTS = tuple(Instrument.values)
NO_AMOUNT = (Instrument.WORK_TRIAL,)


def _date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def period_last_day(start: dt.date, months: int) -> dt.date:
    """The last day of a period of `months` months starting on `start`: the day before the same-numbered day
    (1.10. + 6 months → 31.3.), or the month's last day when that month has no such day (31.1. + 1 month →
    28.2., not 27.2.: Act 150/1930 s. 3 as `rules.calendar.add_months` reads it)."""
    if start.year + (start.month - 1 + months) // 12 > dt.MAXYEAR:
        return dt.date.max
    same = add_months(start, months)
    if same.day < start.day:  # the month has no same-numbered day: the period runs to its end
        return same
    return same - dt.timedelta(days=1)


def run_rule(instrument: str, facts: dict, on: dt.date, params: ParameterStore | None = None):
    """The rule of `instrument` run on the validated `facts` on `on` → (facts as validated, Outcome); a fact
    the rule cannot take is refused with its label."""
    if instrument not in INSTRUMENTS:
        raise Refused("instrument", UNKNOWN_INSTRUMENT)
    rule = get_rule(instrument)
    try:
        _id, _on, valid = rule.validate({"id": 1, **facts}, ValidationContext())
    except InputError as error:
        field = error.field_name if error.field_name in labels.FIELDS else None
        raise Refused(field, Formatted(BAD_FACT, field=labels.field_label(error.field_name or ""))) from None
    return valid, rule.run(valid, on, params)


def limits(result: dict) -> dict:
    """What the rule's result allows the worker to set: the highest percentage, the longest period in months
    and the highest amount (None where the rule sets no such limit)."""
    most = result.get("total_euros")
    return {
        "max_percent": result.get("max_percent"),
        "max_months": result.get("max_months"),
        "max_amount": Decimal(str(most)) if most is not None else None,
    }


def check_terms(
    result: dict,
    amount: Decimal | None,
    percent: int | None,
    start: dt.date | None,
    end: dt.date | None,
    instrument: str = "",
) -> None:
    """Refuse the terms the rule's result does not allow (the one place the form and the API rely on). A work
    trial is agreed, not paid: it takes no amount (its expense compensation is a decision of its own)."""
    decided_by = result.get("decided_by")
    if decided_by == common.TE_OFFICE:
        raise Refused(None, TE_OFFICE_DECIDES)
    if decided_by not in (common.MUNICIPALITY, None):
        raise Refused(None, KELA_DECIDES)
    most = limits(result)
    if most["max_percent"] is not None:
        if percent is None:
            raise Refused("percent", Formatted(PERCENT_NEEDED, most=most["max_percent"]))
        if percent > most["max_percent"] or percent <= 0:
            raise Refused("percent", Formatted(PERCENT_TOO_HIGH, most=most["max_percent"], given=percent))
    elif percent is not None:
        raise Refused("percent", PERCENT_NOT_USED)
    if start is None or end is None:
        raise Refused("start" if start is None else "end", PERIOD_NEEDED)
    if end < start:
        raise Refused("end", PERIOD_BACKWARDS)
    if most["max_months"] is not None:
        last = period_last_day(start, most["max_months"])
        if end > last:
            raise Refused("end", Formatted(PERIOD_TOO_LONG, months=most["max_months"], last=_date(last)))
    if instrument in NO_AMOUNT:
        if amount is not None:
            raise Refused("amount", AMOUNT_NOT_USED)
        return
    if amount is None or amount <= 0:
        raise Refused("amount", AMOUNT_NEEDED)
    if most["max_amount"] is not None and amount > most["max_amount"]:
        raise Refused("amount", Formatted(AMOUNT_TOO_HIGH, most=str(most["max_amount"]).replace(".", ",")))


def _refusal_reasons(outcome) -> str:
    failed = [c.message.render(_lang()) for c in outcome.checks if c.status == "fail"]
    return " ".join(failed) or str(common.describe_result(outcome.result).render(_lang()))


def _lang() -> str:
    from django.utils import translation

    return translation.get_language() or "fi"


def _municipality(person: Person, on: dt.date):
    row = municipal_customership(person, on)
    if row is None or row.municipality is None:
        raise Refused(None, NOT_A_CUSTOMER)
    return row.municipality


def _draft(
    person: Person,
    instrument: str,
    facts: dict,
    amount,
    percent,
    start,
    end,
    by,
    on: dt.date,
    *,
    kind: str = Kind.ORIGINAL,
    replaces: Decision | None = None,
    reason: str = "",
    params: ParameterStore | None = None,
) -> Decision:
    if not can(by, "decisions.prepare", person, on):
        raise Refused(None, NOT_YOURS)
    municipality = _municipality(person, on)
    valid, outcome = run_rule(instrument, facts, on, params)
    if outcome.result.get("decided_by") == common.MUNICIPALITY and not outcome.result.get("allowed"):
        raise Refused(None, Formatted(NOT_ALLOWED, why=_refusal_reasons(outcome)))
    amount = Decimal(str(amount)) if amount is not None else None
    check_terms(outcome.result, amount, percent, start, end, instrument)
    decision = Decision.objects.create(
        person=person,
        instrument=instrument,
        kind=kind,
        municipality=municipality,
        decision_date=on,
        facts=_json_facts(valid),
        outcome=save_records([outcome], params or default_store())[0],
        amount=amount,
        percent=percent,
        start=start,
        end=end,
        prepared_by=by,
        replaces=replaces,
        reason=reason,
    )
    decision.diary_number = f"{municipality.code}/{on.year}/{decision.pk:05d}"
    decision.save(update_fields=["diary_number"])
    return decision


def _json_facts(facts: dict) -> dict:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in facts.items()}


@transaction.atomic
def prepare(
    person: Person,
    instrument: str,
    facts: dict,
    amount,
    percent: int | None,
    start: dt.date | None,
    end: dt.date | None,
    by,
    on: dt.date,
    params: ParameterStore | None = None,
) -> Decision:
    """A draft decision by the case worker `by` on the decision date `on`, within what the rule allows."""
    return _draft(person, instrument, facts, amount, percent, start, end, by, on, params=params)


def _accepted_in_force(decision: Decision) -> None:
    if decision.status != Status.ACCEPTED or decision.kind == Kind.CANCELLATION:
        raise Refused(None, NOT_ACCEPTED)
    if decision.replaced_by.filter(status=Status.DRAFT).exists():
        raise Refused(None, ALREADY_PENDING)


@transaction.atomic
def correct(
    decision: Decision,
    *,
    facts: dict,
    amount,
    percent: int | None,
    start: dt.date | None,
    end: dt.date | None,
    by,
    on: dt.date,
    reason: str,
    params: ParameterStore | None = None,
) -> Decision:
    """A correction: a new draft of the same benefit with new values, run through the rule on `on`, linked
    to the accepted decision it replaces (marked `corrected` when the correction is accepted)."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if not can(by, "decisions.prepare", decision, on):
        raise Refused(None, NOT_YOURS_DECISION)
    _accepted_in_force(decision)
    if not reason.strip():
        raise Refused("reason", REASON_NEEDED)
    return _draft(
        decision.person,
        decision.instrument,
        facts,
        amount,
        percent,
        start,
        end,
        by,
        on,
        kind=Kind.CORRECTION,
        replaces=decision,
        reason=reason.strip(),
        params=params,
    )


@transaction.atomic
def cancel(decision: Decision, by, on: dt.date, reason: str) -> Decision:
    """A cancellation: a new draft linked to the accepted decision it cancels (marked `cancelled` when the
    cancellation is accepted); it keeps the cancelled decision's facts and stored outcome."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if not can(by, "decisions.prepare", decision, on):
        raise Refused(None, NOT_YOURS_DECISION)
    _accepted_in_force(decision)
    if not reason.strip():
        raise Refused("reason", REASON_NEEDED)
    new = Decision.objects.create(
        person=decision.person,
        instrument=decision.instrument,
        kind=Kind.CANCELLATION,
        municipality=decision.municipality,
        decision_date=on,
        facts=decision.facts,
        outcome=decision.outcome,
        prepared_by=by,
        replaces=decision,
        reason=reason.strip(),
    )
    new.diary_number = f"{new.municipality.code}/{on.year}/{new.pk:05d}"
    new.save(update_fields=["diary_number"])
    return new


@transaction.atomic
def accept(decision: Decision, by, on: dt.date) -> Decision:
    """The approver `by` accepts the draft on `on` (never its preparer: maker–checker), its letter is rendered
    once in the person's service language and stored unchanged, and the decision it replaces (if any) is
    marked cancelled or corrected.

    This is the one place where a decision takes effect: the ledger's commitment at approval (R-RES-2) is
    made here, inside this transaction — the replaced decision's commitment released, the new one's cost
    committed by year within the quota; a refusal (quota exceeded, none set) changes nothing."""
    decision = (
        Decision.objects.select_for_update().select_related("person", "municipality").get(pk=decision.pk)
    )
    if decision.prepared_by_id == by.pk:
        raise Refused(None, SAME_PERSON)  # first: also a preparer who holds the approver's role
    if not can(by, "decisions.accept", decision, on):
        raise Refused(None, NOT_YOURS_TO_ACCEPT)
    if decision.status != Status.DRAFT:
        raise Refused(None, NOT_A_DRAFT)
    old = None
    if decision.replaces_id is not None:
        old = Decision.objects.select_for_update().get(pk=decision.replaces_id)
        if old.status != Status.ACCEPTED:
            raise Refused(None, NOT_ACCEPTED)
        old.status = Status.CANCELLED if decision.kind == Kind.CANCELLATION else Status.CORRECTED
        old.save(update_fields=["status"])
    decision.status = Status.ACCEPTED
    decision.approved_by = by
    decision.approved_at = timezone.now()
    decision.approved_on = on
    decision.save(update_fields=["status", "approved_by", "approved_at", "approved_on"])
    try:
        ledger.take_effect(decision, old, by, on)
    except FundingRefused as exc:
        raise Refused(exc.field, exc) from None
    _store_letter(decision)
    return decision


def _store_letter(decision: Decision) -> DecisionLetter:
    lang = decision.person.service_language if decision.person.service_language in ("fi", "sv") else "fi"
    template = template_for(decision.instrument, lang, decision.approved_on or decision.decision_date)
    letter = decision_letter.build(decision, load_record(decision.outcome), template, lang)
    pdf = render_pdf(letter)
    return DecisionLetter.objects.create(
        decision=decision,
        language=lang,
        content=decision_letter.to_json(letter),
        pdf=pdf,
        checksum=hashlib.sha256(pdf).hexdigest(),
        template=template,
    )
