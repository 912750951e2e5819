"""The ledger's writes (R-RES-2; issue 18 item 4): commitments at approval, releases on cancellation or
correction, payments. They run inside the caller's transaction (`decisions.services.accept` is the one place
a decision takes effect), lock the trial area's accounts before reading them (SELECT … FOR UPDATE on
PostgreSQL, in the years' order so that two approvals never wait on each other crosswise; on SQLite the
immediate transaction already holds the database's write lock) and refuse, with a localised `Refused`
naming the instrument, the year and the euros left, whatever would take an account over its quota. A
refusal raises inside the transaction, so nothing is changed.

Funding sits below decisions in the layers: a decision is handed in as a `Charge` (its id, benefit,
municipality, amount and period), never imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import TrialArea, TrialAreaMember

from . import ledger
from .models import Account, EntryKind, Instrument, LedgerEntry, QuotaComputation
from .services import Refused

NO_AREA = _("The deciding municipality is not in a trial area: nothing can be committed to a quota.")
NO_QUOTA = _(
    "Trial area %(area)s has no quota of %(instrument)s for %(year)s: nothing can be committed. Nothing "
    "was saved."
)
OVER_QUOTA = _(
    "The quota of %(instrument)s for %(year)s would be exceeded: %(left)s € of it is left, the decision "
    "needs %(needed)s €. Nothing was saved."
)
PAID_ALREADY = _(
    "%(paid)s € has already been paid on this decision: it cannot be cancelled. Correct it instead to an "
    "amount of at least what has been paid."
)
BELOW_PAID = _(
    "%(paid)s € has already been paid on the decision this one corrects: the correction must commit at "
    "least that much."
)
ACCOUNT_BELOW_PAID = _(
    "The account of %(instrument)s for %(year)s would have less committed than already paid (%(paid)s €)."
)


class Euros:
    """An amount of euros written as the language active when shown (12 345,67 in fi/sv, 12,345.67 in en)."""

    def __init__(self, amount: Decimal):
        self.amount = amount

    def __str__(self) -> str:
        text = f"{self.amount:,.2f}"
        if (get_language() or "fi")[:2] in ("fi", "sv"):
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text


class InstrumentName:
    def __init__(self, instrument: str):
        self.instrument = instrument

    def __str__(self) -> str:
        return str(Instrument(self.instrument).label)


@dataclass(frozen=True)
class Charge:
    """A decision as the ledger sees it."""

    decision_id: int
    benefit: str
    municipality_id: int
    amount: Decimal | None
    start: dt.date | None
    end: dt.date | None

    def years(self) -> dict[int, tuple[Decimal, int]]:
        if self.start is None or self.end is None:
            return {}
        return ledger.charges(self.benefit, self.amount, self.start, self.end)


def trial_area_of(municipality_id: int) -> TrialArea | None:
    """The trial area of a municipality (memberships hold for the whole pilot period)."""
    member = TrialAreaMember.objects.filter(municipality_id=municipality_id).select_related("trial_area")
    found = member.first()
    return found.trial_area if found else None


def quota_in_force(area: TrialArea, year: int, instrument: str) -> int | None:
    """The area's quota (euros) of the latest computation for the year and instrument, or None."""
    computation = QuotaComputation.objects.filter(
        ely_id=area.ely_id, year=year, instrument=instrument
    ).first()
    if computation is None:
        return None
    quota = computation.quotas.filter(trial_area=area).first()
    return None if quota is None else quota.current


def locked_account(area: TrialArea, year: int, instrument: str) -> Account:
    """The account row, locked for this transaction; created first if missing (a concurrent creator's
    insert makes ours fail on the unique constraint inside a savepoint, and we lock theirs)."""
    rows = Account.objects.select_for_update()
    found = rows.filter(trial_area=area, year=year, instrument=instrument).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            Account.objects.create(trial_area=area, year=year, instrument=instrument)
    except IntegrityError:
        pass
    return rows.get(trial_area=area, year=year, instrument=instrument)


def _net_by_account(
    decision_ids: Iterable[int], kind_plus: str, kind_minus: str | None
) -> dict[int, Decimal]:
    out: dict[int, Decimal] = {}
    rows = (
        LedgerEntry.objects.filter(decision_id__in=list(decision_ids))
        .values("account_id", "kind")
        .annotate(total=Sum("amount"))
    )
    for row in rows:
        sign = 1 if row["kind"] == kind_plus else -1 if row["kind"] == kind_minus else 0
        out[row["account_id"]] = out.get(row["account_id"], Decimal(0)) + sign * row["total"]
    return out


def committed_of(decision_ids: Iterable[int]) -> dict[int, Decimal]:
    """account id → the decisions' net commitment on it."""
    return _net_by_account(decision_ids, EntryKind.COMMITMENT, EntryKind.RELEASE)


def paid_of(decision_ids: Iterable[int]) -> Decimal:
    return sum(_net_by_account(decision_ids, EntryKind.PAYMENT, None).values(), Decimal(0))


def _entry(account: Account, kind: str, amount: Decimal, decision_id: int, months, by, on, reference=""):
    return LedgerEntry.objects.create(
        account=account,
        kind=kind,
        amount=amount,
        decision_id=decision_id,
        months=months,
        booked_on=on,
        reference=reference,
        recorded_by=by,
    )


@transaction.atomic
def take_effect(
    new: Charge, *, replaces: Charge | None, cancels: bool, chain: Iterable[int], by, on: dt.date
):
    """The ledger's side of accepting a decision: release what the replaced decision (a cancellation's or a
    correction's `replaces`) still commits, then commit the new decision's cost by year. `chain` holds the
    ids of the decisions the new one replaces, directly or through earlier corrections (their payments stay
    and count against the new commitment)."""
    instrument = ledger.funding_instrument(new.benefit)
    if instrument is None:
        return
    area = trial_area_of(new.municipality_id)
    needs = {} if cancels else new.years()
    old_net = committed_of([replaces.decision_id]) if replaces is not None else {}
    if area is None:
        if needs or old_net:
            raise Refused(None, NO_AREA)
        return
    accounts = {a.pk: a for a in Account.objects.filter(pk__in=old_net)}
    years = sorted({a.year for a in accounts.values()} | set(needs))
    locked = {year: locked_account(area, year, instrument) for year in years}
    paid = paid_of(chain)
    if cancels and paid > 0:
        raise Refused(None, PAID_ALREADY, paid=Euros(paid))
    if not cancels and paid > sum((euros for euros, _months in needs.values()), Decimal(0)):
        raise Refused("amount", BELOW_PAID, paid=Euros(paid))
    before = {year: account.committed for year, account in locked.items()}
    for account_id, net in sorted(old_net.items()):
        if net > 0:
            account = locked[accounts[account_id].year]
            _entry(account, EntryKind.RELEASE, net, replaces.decision_id, None, by, on)  # type: ignore[union-attr]
            account.committed -= net
    for year, (euros, months) in sorted(needs.items()):
        account = locked[year]
        quota = quota_in_force(area, year, instrument)
        if quota is None:
            raise Refused(
                None, NO_QUOTA, area=str(area.number), instrument=InstrumentName(instrument), year=str(year)
            )
        after = account.committed + euros
        if after > quota and after > before[year]:
            left = max(Decimal(quota) - account.committed, Decimal(0))
            raise Refused(
                None,
                OVER_QUOTA,
                instrument=InstrumentName(instrument),
                year=str(year),
                left=Euros(left),
                needed=Euros(euros),
            )
        _entry(account, EntryKind.COMMITMENT, euros, new.decision_id, months, by, on)
        account.committed = after
    for year, account in locked.items():
        if account.paid > account.committed:
            raise Refused(
                None,
                ACCOUNT_BELOW_PAID,
                instrument=InstrumentName(instrument),
                year=str(year),
                paid=Euros(account.paid),
            )
        account.save(update_fields=["committed"])


def pay(decision_id: int, account: Account, amount: Decimal, on: dt.date, reference: str, by) -> LedgerEntry:
    """A payment on a locked account (the import has checked it against the decision's commitment)."""
    account.paid += amount
    account.save(update_fields=["paid"])
    return _entry(account, EntryKind.PAYMENT, amount, decision_id, None, by, on, reference)


# --- the invariant's funding half: the accounts against their entries and quotas ---


def account_problems() -> list[str]:
    """Each account whose totals differ from its entries, whose paid exceeds its committed, or whose committed
    exceeds its quota in force (or has no quota) — as plain English lines for the operator."""
    problems = []
    for account in Account.objects.select_related("trial_area").order_by("year", "trial_area__number", "pk"):
        sums = {
            row["kind"]: row["total"]
            for row in account.entries.values("kind").annotate(total=Sum("amount"))  # type: ignore[attr-defined]
        }
        committed = sums.get(EntryKind.COMMITMENT, Decimal(0)) - sums.get(EntryKind.RELEASE, Decimal(0))
        paid = sums.get(EntryKind.PAYMENT, Decimal(0))
        name = f"account {account.year} area {account.trial_area.number} {account.instrument}"
        if committed != account.committed:
            problems.append(
                f"{name}: committed {account.committed:.2f} but its entries sum to {committed:.2f}"
            )
        if paid != account.paid:
            problems.append(f"{name}: paid {account.paid:.2f} but its payments sum to {paid:.2f}")
        if account.paid > account.committed:
            problems.append(f"{name}: paid {account.paid:.2f} exceeds committed {account.committed:.2f}")
        quota = quota_in_force(account.trial_area, account.year, account.instrument)
        if account.committed > 0 and quota is None:
            problems.append(f"{name}: {account.committed:.2f} committed without a quota")
        elif quota is not None and account.committed > quota:
            problems.append(f"{name}: committed {account.committed:.2f} exceeds the quota {quota}")
    return problems
