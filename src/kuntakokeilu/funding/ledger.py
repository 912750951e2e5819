"""The ledger's pure rules (R-RES-2; issue 18 item 4): which appropriation a decision charges and how its
euros are split among the years of its period. No database; dates are parameters.

- `FUNDING_INSTRUMENT`: a decision's benefit (the rule names of `decisions`) → the funding instrument whose
  quota it is charged to, as data. A work trial maps to None: it is agreed, not paid (the decision carries no
  amount; its costs to the customer are a decision of their own, the expense compensation). The employment
  support for persons aged 55 or over is charged to the wage-subsidy appropriation: law notes §4.2 treats it
  under the wage subsidy (JTYPL ch. 7 a beside ch. 7, L374 "new wage subsidy + 55+ employment support") and
  §4.7 names no appropriation of its own; the ministry allocates no separate 55+ quota in this system.
- `Decision.amount` is the decision's whole cost in euros: the letter grants the benefit "at most … euros in
  all" (decisions/decision_letter.py), for every benefit with an amount; that whole amount is committed.
- `months_by_year(start, end)`: the period's months counted as Act 150/1930 counts them (month i begins on
  `add_months(start, i)`, the rules' one month arithmetic; a last, partial month counts as a month), each
  charged to the year in which it begins.
- `split(amount, months)`: the euros divided among the years in proportion to their months in whole cents,
  by the largest remainder (`rules.apportion`: ties to the year with more months, then the earlier year), so
  that the shares sum exactly to the amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kuntakokeilu.rules.calendar import add_months

from .models import Instrument
from .rules import apportion

FUNDING_INSTRUMENT: dict[str, str | None] = {
    "wage-subsidy": Instrument.WAGE_SUBSIDY,
    "employment-support-55": Instrument.WAGE_SUBSIDY,
    "start-up-grant": Instrument.START_UP_GRANT,
    "work-trial": None,
    "expense-compensation": Instrument.EXPENSE_COMPENSATION,
    "travel-accommodation": Instrument.TRAVEL,
}

CENT = Decimal("0.01")


def funding_instrument(benefit: str) -> str | None:
    """The funding instrument a decision of `benefit` is charged to (None: it commits no money)."""
    if benefit not in FUNDING_INSTRUMENT:
        raise ValueError(f"no funding instrument for the benefit {benefit!r}")
    value = FUNDING_INSTRUMENT[benefit]
    return None if value is None else str(value)


def months_by_year(start: dt.date, end: dt.date) -> dict[int, int]:
    """The months of the period start–end (inclusive) per year in which each month begins."""
    if end < start:
        raise ValueError("the period ends before it begins")
    out: dict[int, int] = {}
    i = 0
    while True:
        begins = add_months(start, i)
        if begins > end:
            break
        out[begins.year] = out.get(begins.year, 0) + 1
        i += 1
    return out


def split(amount: Decimal, months: dict[int, int]) -> dict[int, Decimal]:
    """`amount` euros divided among the years by their months in whole cents, summing exactly."""
    cents = int((amount / CENT).to_integral_exact())
    if Decimal(cents) * CENT != amount:
        raise ValueError("the amount is not in whole cents")
    shares = apportion(cents, months)
    return {year: Decimal(share) * CENT for year, share in sorted(shares.items())}


def charges(
    benefit: str, amount: Decimal | None, start: dt.date, end: dt.date
) -> dict[int, tuple[Decimal, int]]:
    """What a decision commits: year → (euros, months); empty when the benefit commits no money."""
    if funding_instrument(benefit) is None or amount is None or amount <= 0:
        return {}
    months = months_by_year(start, end)
    return {year: (euros, months[year]) for year, euros in split(amount, months).items() if euros > 0}
