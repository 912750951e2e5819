"""The funding rules as pure functions (R-RES-1, R-RES-4): no database, the date a parameter.

- `apportion(total, volumes)`: the largest-remainder method (Hamilton). Each area first gets the whole
  part of `total × volume / all volumes`; the euros left over (fewer than the number of areas) go one each
  to the areas with the largest remainders. Ties are broken deterministically: the larger volume first,
  then the smaller key (the trial area's number). When every volume is zero the total is divided equally
  (every area weighs 1), so that the shares still sum exactly. The shares always sum to `total`.
- `reference_amount(expenditure_2018, on, params)`: the yearly reference of own resourcing, the dated share
  (`funding.own_resourcing_reference_share`, 15 %) of the 2018 labour-market-subsidy expenditure, rounded
  half up to whole euros.
- `shortfall(reference, realised)`: how much the realised own resourcing falls short of the reference
  (zero when it reaches it).
- `forecast(committed, quota, year, on)`: the year-end commitment at the current pace (R-RES-2, issue 18
  item 6). The months elapsed are the whole months of the year before `on` plus the share of `on`'s month
  that has passed (its day ÷ its number of days); the pace is `committed ÷ months elapsed` a month, and the
  forecast for the year end `pace × 12` (= committed + pace × the months left), rounded half up to whole
  euros. The quota runs out in the first month `m` with `pace × m ≥ quota` (`m = ⌈quota ÷ pace⌉`), said
  only when that is before the year end (the forecast exceeds the quota); an account already at or over its
  quota runs out in `on`'s month. Before the year begins there is no pace (None); after it ends the
  forecast is what was committed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import ParameterStore

from . import explanations as ex

SHARE = "funding.own_resourcing_reference_share"


def apportion(total: int, volumes: dict[int, int]) -> dict[int, int]:
    """Divide `total` whole euros among the keys of `volumes` in proportion to them, summing exactly."""
    if total < 0:
        raise ValueError("the total cannot be negative")
    if any(v < 0 for v in volumes.values()):
        raise ValueError("a volume cannot be negative")
    if not volumes:
        if total:
            raise ValueError("nothing to divide among")
        return {}
    weights = dict(volumes) if sum(volumes.values()) else dict.fromkeys(volumes, 1)
    whole = sum(weights.values())
    shares = {key: total * weight // whole for key, weight in weights.items()}
    remainders = {key: total * weight % whole for key, weight in weights.items()}
    left = total - sum(shares.values())
    order = sorted(weights, key=lambda key: (-remainders[key], -weights[key], key))
    for key in order[:left]:
        shares[key] += 1
    return shares


@dataclass(frozen=True)
class Reference:
    expenditure: int
    share: Decimal
    amount: int
    reference: str  # the parameter's legal/seed reference


def reference_amount(expenditure_2018: int, on: dt.date, params: ParameterStore) -> Reference:
    """The reference of own resourcing for the year of `on` (R-RES-4)."""
    found = params.get(SHARE, on)
    share = Decimal(str(found.value))
    amount = int((Decimal(expenditure_2018) * share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Reference(expenditure_2018, share, amount, found.reference)


def shortfall(reference: int, realised: int) -> int:
    """The reference less the realised own resourcing, never below zero."""
    return max(0, reference - realised)


def explain_quota(method: str, volume: int | None, volumes_total: int, amount: int, on: dt.date | None):
    """The explanation of a computed quota (fi/sv/en through the app's catalogue)."""
    if method == "manual":
        return Message(ex.QUOTA_MANUAL, {"amount": amount})
    if volumes_total == 0:
        return Message(ex.QUOTA_EQUAL, {"on": on, "amount": amount})
    return Message(ex.QUOTA_BY_VOLUME, {"on": on, "volume": volume, "total": volumes_total, "amount": amount})


def explain_shortfall(ref: Reference, realised: int | None) -> Message:
    """The explanation of the shortfall of own resourcing (R-RES-4)."""
    percent = f"{float(ref.share * 100):g}"
    if realised is None:
        return Message(
            ex.NOTHING_REALISED, {"percent": percent, "expenditure": ref.expenditure, "reference": ref.amount}
        )
    gap = shortfall(ref.amount, realised)
    if gap:
        return Message(
            ex.SHORTFALL,
            {
                "percent": percent,
                "expenditure": ref.expenditure,
                "reference": ref.amount,
                "realised": realised,
                "shortfall": gap,
            },
        )
    return Message(
        ex.REACHED,
        {"percent": percent, "expenditure": ref.expenditure, "reference": ref.amount, "realised": realised},
    )


@dataclass(frozen=True)
class Forecast:
    """The year-end commitment at the current pace (see the module's docstring for the formula)."""

    months_elapsed: Fraction
    pace: Decimal  # euros a month, rounded to cents
    year_end: int  # whole euros
    runs_out_in: int | None  # the month (1–12) the quota would run out, if before the year end


def months_elapsed(year: int, on: dt.date) -> Fraction:
    """The months of `year` passed by the end of `on`: 0 before it, 12 after it, else the whole months
    before `on`'s month plus `on`'s day ÷ the month's days."""
    if on < dt.date(year, 1, 1):
        return Fraction(0)
    if on > dt.date(year, 12, 31):
        return Fraction(12)
    return Fraction(on.month - 1) + Fraction(on.day, calendar.monthrange(year, on.month)[1])


def _whole(value: Fraction) -> int:
    return int((Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal(1), ROUND_HALF_UP))


def forecast(committed: Decimal | int, quota: int | None, year: int, on: dt.date) -> Forecast | None:
    """The commitment at the year end if commitments continue at the average monthly pace so far, and the
    month the quota would run out if before the year end (None before the year begins)."""
    elapsed = months_elapsed(year, on)
    if elapsed == 0:
        return None
    done = Fraction(Decimal(committed))
    pace = done / elapsed
    year_end = done if elapsed == 12 else pace * 12
    runs_out = None
    if quota is not None and pace > 0:
        if done >= quota:
            runs_out = min(on, dt.date(year, 12, 31)).month
        elif year_end > quota:
            runs_out = math.ceil(Fraction(quota) / pace)
    cents = (Decimal(pace.numerator) / Decimal(pace.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return Forecast(elapsed, cents, _whole(year_end), runs_out)
