"""The ledger equals the decisions (R-RES-2; issue 18 items 4 and 7): the bridge between benefit decisions and
the funding ledger (funding sits below decisions in the layers and never imports them).

- `take_effect(decision, old, by, on)`: called by `services.accept` inside its transaction — the
  commitment of the accepted decision's cost by year, the release of what the decision it replaces commits.
- `import_payments(user, data, today, area)`: payments from CSV (diary_number, payment_date, amount_eur,
  payment_reference), all or nothing, every error with its line and field in the active language.
- `problems()`: the invariant (`kuntakokeilu check_ledger`): account totals equal their entries; an accepted
  decision in force commits exactly its cost split by year; a cancelled or corrected one (and a
  cancellation) nets to zero; paid ≤ committed; no account over its quota.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.funding import ledger as funding_ledger
from kuntakokeilu.funding import ledger_services
from kuntakokeilu.funding.ledger_services import Charge, Euros
from kuntakokeilu.funding.models import Account, EntryKind, LedgerEntry
from kuntakokeilu.funding.services import ImportRefused, Refused
from kuntakokeilu.regions.models import TrialArea

from .models import Decision, Kind, Status


def charge_of(decision: Decision) -> Charge:
    return Charge(
        decision.pk,
        decision.instrument,
        decision.municipality_id,
        decision.amount,
        decision.start,
        decision.end,
    )


def chain_of(decision: Decision) -> list[int]:
    """The ids of the decision and of those it replaces, directly or through earlier corrections."""
    ids, current = [], decision
    while current is not None:
        ids.append(current.pk)
        current = current.replaces
    return ids


def take_effect(decision: Decision, old: Decision | None, by, on: dt.date) -> None:
    """The ledger's side of accepting `decision` (replacing `old`, if any); raises funding's `Refused`."""
    ledger_services.take_effect(
        charge_of(decision),
        replaces=charge_of(old) if old is not None else None,
        cancels=decision.kind == Kind.CANCELLATION,
        chain=chain_of(old) if old is not None else [],
        by=by,
        on=on,
    )


# --- the invariant ---


def expected(decision: Decision) -> dict[int, Decimal]:
    """year → the euros an accepted decision in force commits."""
    if decision.start is None or decision.end is None:
        return {}
    return {
        y: e
        for y, (e, _m) in funding_ledger.charges(
            decision.instrument, decision.amount, decision.start, decision.end
        ).items()
    }


def problems() -> list[str]:
    """Everything where the ledger and the decisions disagree, one readable line each (empty: it holds)."""
    out = ledger_services.account_problems()
    nets: dict[int, dict[int, Decimal]] = {}
    paid: dict[int, Decimal] = {}
    for entry in LedgerEntry.objects.select_related("account").order_by("pk"):
        if entry.kind == EntryKind.PAYMENT:
            paid[entry.decision_id] = paid.get(entry.decision_id, Decimal(0)) + entry.amount
            continue
        sign = 1 if entry.kind == EntryKind.COMMITMENT else -1
        years = nets.setdefault(entry.decision_id, {})
        years[entry.account.year] = years.get(entry.account.year, Decimal(0)) + sign * entry.amount
    decisions = Decision.objects.filter(status__in=[Status.ACCEPTED, Status.CANCELLED, Status.CORRECTED])
    for decision in decisions.select_related("replaces").order_by("pk"):
        net = {y: v for y, v in nets.pop(decision.pk, {}).items() if v != 0}
        in_force = decision.status == Status.ACCEPTED and decision.kind != Kind.CANCELLATION
        want = expected(decision) if in_force else {}
        if net != want:
            out.append(
                f"decision {decision.diary_number} ({decision.status}): commits {net}, expected {want}"
            )
        if in_force:
            chain_paid = sum((paid.get(pk, Decimal(0)) for pk in chain_of(decision)), Decimal(0))
            total = sum(want.values(), Decimal(0))
            if chain_paid > total:
                out.append(f"decision {decision.diary_number}: paid {chain_paid} exceeds committed {total}")
    for pk, net in nets.items():
        if any(v != 0 for v in net.values()):
            out.append(f"decision #{pk} is not accepted but commits {net}")
    return out


# --- payments by import: all or nothing ---

COLUMNS = ("diary_number", "payment_date", "amount_eur", "payment_reference")
NOT_ALLOWED = _("You may not import the payments of this trial area.")
HEADER = _(
    "The first line must name the columns diary_number, payment_date, amount_eur and payment_reference."
)
ENCODING = _("The file is not UTF-8 text.")
EMPTY = _("The file has no rows.")
NOT_CSV = _("The file cannot be read as CSV (a field is longer than 131 072 characters).")
UNKNOWN = _("line %(line)s, diary_number: no decision %(value)s of the trial area.")
NOT_IN_FORCE = _("line %(line)s, diary_number: the decision %(value)s is not accepted and in force.")
NO_MONEY = _("line %(line)s, diary_number: the decision %(value)s commits no money.")
BAD_DATE = _("line %(line)s, payment_date: %(value)s is not a date (give it as 31.12.2023 or 2023-12-31).")
FUTURE_DATE = _("line %(line)s, payment_date: %(value)s is after today.")
EARLY_DATE = _("line %(line)s, payment_date: %(value)s is before the decision was accepted.")
BAD_AMOUNT = _("line %(line)s, amount_eur: %(value)s is not an amount of euros and cents above zero.")
NO_REFERENCE = _("line %(line)s, payment_reference: give the payment's reference.")
DUPLICATE = _("line %(line)s, payment_reference: the payment %(value)s of this decision is given twice.")
RECORDED = _(
    "line %(line)s, payment_reference: the payment %(value)s of this decision has already been recorded."
)
OVERSPEND = _(
    "line %(line)s, amount_eur: the payments of the decision %(value)s would exceed its committed "
    "%(committed)s € (%(left)s € left)."
)


def _msg(template, **args) -> str:
    return str(template) % {k: str(v) for k, v in args.items()}


def _date(text: str) -> dt.date | None:
    try:
        if "." in text:
            day, month, year = (int(p) for p in text.split("."))
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _amount(text: str) -> Decimal | None:
    cleaned = text.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")) or value >= 10**10:
        return None
    return value.quantize(Decimal("0.01"))


def _account_for(accounts: list[Account], on: dt.date) -> Account:
    """The decision's account charged by a payment on `on`: that year's, else the latest earlier, else the
    first."""
    earlier = [a for a in accounts if a.year <= on.year]
    return max(earlier, key=lambda a: a.year) if earlier else min(accounts, key=lambda a: a.year)


def import_payments(user, *, data: bytes | str, today: dt.date, area: TrialArea | None = None) -> int:
    """Record the payments of a CSV file (of `area`, for a user; every area for the command, user None).
    Every row is checked under the accounts' locks; any error refuses the whole file with all the errors by
    line and field, and nothing is changed. Returns the number of payments recorded."""
    if user is not None and (area is None or not can(user, "funding.import_payments", area, today)):
        raise Refused(None, NOT_ALLOWED)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused([str(ENCODING)]) from None
    sample = data[:1024]
    reader = csv.reader(io.StringIO(data), delimiter=";" if sample.count(";") > sample.count(",") else ",")
    try:
        header = next(reader, None)
        if header is None or [h.strip() for h in header] != list(COLUMNS):
            raise ImportRefused([str(HEADER)])
        records = [
            (line, ([c.strip() for c in record] + [""] * 4)[:4])
            for line, record in enumerate(reader, start=2)
            if any(c.strip() for c in record)
        ]
    except csv.Error:
        raise ImportRefused([str(NOT_CSV)]) from None
    if not records:
        raise ImportRefused([str(EMPTY)])
    numbers = {r[0] for _line, r in records}
    found = Decision.objects.filter(diary_number__in=numbers).select_related("replaces")
    if area is not None:
        found = found.filter(municipality__trial_memberships__trial_area=area)
    decisions = {d.diary_number: d for d in found}
    with transaction.atomic():
        ids = [d.pk for d in decisions.values()]
        account_ids = sorted(
            set(LedgerEntry.objects.filter(decision_id__in=ids).values_list("account_id", flat=True))
        )
        locked = {
            a.pk: a for a in Account.objects.select_for_update().filter(pk__in=account_ids).order_by("pk")
        }
        errors: list[str] = []
        payments = []
        seen: set[tuple[str, str]] = set()
        spent: dict[int, Decimal] = {}
        for line, (number, day_text, amount_text, reference) in records:
            errors_before = len(errors)
            decision = decisions.get(number)
            day = _date(day_text)
            amount = _amount(amount_text)
            if decision is None:
                errors.append(_msg(UNKNOWN, line=line, value=number or "–"))
            elif decision.status != Status.ACCEPTED or decision.kind == Kind.CANCELLATION:
                errors.append(_msg(NOT_IN_FORCE, line=line, value=number))
                decision = None
            if day is None:
                errors.append(_msg(BAD_DATE, line=line, value=day_text or "–"))
            elif day > today:
                errors.append(_msg(FUTURE_DATE, line=line, value=day_text))
            elif decision is not None and decision.approved_on and day < decision.approved_on:
                errors.append(_msg(EARLY_DATE, line=line, value=day_text))
            if amount is None:
                errors.append(_msg(BAD_AMOUNT, line=line, value=amount_text or "–"))
            if not reference:
                errors.append(_msg(NO_REFERENCE, line=line))
            elif (number, reference) in seen:
                errors.append(_msg(DUPLICATE, line=line, value=reference))
            elif (
                decision is not None
                and LedgerEntry.objects.filter(
                    decision_id__in=chain_of(decision), kind=EntryKind.PAYMENT, reference=reference
                ).exists()
            ):
                errors.append(_msg(RECORDED, line=line, value=reference))
            seen.add((number, reference))
            if decision is None:
                continue
            net = ledger_services.committed_of([decision.pk])
            accounts = [locked[pk] for pk, value in net.items() if value > 0 and pk in locked]
            if not accounts:
                errors.append(_msg(NO_MONEY, line=line, value=number))
                continue
            if amount is None or day is None or len(errors) > errors_before:
                continue  # a row in error pays nothing: the rows after it are checked without it
            committed = sum(net.values(), Decimal(0))
            chain = chain_of(decision)
            already = spent.setdefault(decision.pk, ledger_services.paid_of(chain))
            account = _account_for(accounts, day)
            if already + amount > committed or account.paid + amount > account.committed:
                left = max(min(committed - already, account.committed - account.paid), Decimal(0))
                errors.append(
                    _msg(OVERSPEND, line=line, value=number, committed=Euros(committed), left=Euros(left))
                )
                continue
            spent[decision.pk] = already + amount
            account.paid += amount  # in memory: the next rows see it; saved by `pay`
            payments.append((decision.pk, account, amount, day, reference))
        if errors:
            raise ImportRefused(errors)
        for decision_id, account, amount, day, reference in payments:
            account.paid -= amount
            ledger_services.pay(decision_id, account, amount, day, reference, user)
    return len(payments)
