"""Test data: ledger rows written directly (the ledger's writes arrive with another branch), always
consistent — an account's `committed` and `paid` are the sums of its entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Sum

from kuntakokeilu.funding.models import Account, EntryKind, LedgerEntry


def book(decision, area, year: int, instrument: str, kind: str, amount, booked_on: dt.date) -> LedgerEntry:
    """One entry on the area's account of `instrument` and `year` (made on first use), the account's totals
    recomputed from its entries."""
    account, _created = Account.objects.get_or_create(trial_area=area, year=year, instrument=instrument)
    entry = LedgerEntry.objects.create(
        account=account, kind=kind, amount=Decimal(str(amount)), decision=decision, booked_on=booked_on
    )
    sums = {
        row["kind"]: row["total"]
        for row in account.entries.values("kind").annotate(total=Sum("amount")).order_by()
    }
    zero = Decimal("0.00")
    account.committed = sums.get(EntryKind.COMMITMENT, zero) - sums.get(EntryKind.RELEASE, zero)
    account.paid = sums.get(EntryKind.PAYMENT, zero)
    account.save(update_fields=["committed", "paid"])
    return entry
