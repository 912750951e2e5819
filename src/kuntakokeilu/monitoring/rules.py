"""The month's close (R-MON-3), pure: which state a month may move to from which, and the difference of two
versions' values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .models import State

# (from, action) → to. A computed month is reviewed, a reviewed one approved; recomputing a month not yet
# approved makes it computed again (its review no longer holds). Nothing leaves `approved`.
TRANSITIONS = {
    (State.COMPUTED, "review"): State.REVIEWED,
    (State.REVIEWED, "approve"): State.APPROVED,
    (State.COMPUTED, "compute"): State.COMPUTED,
    (State.REVIEWED, "compute"): State.COMPUTED,
}


def next_state(state: str, action: str) -> str | None:
    """The state after `action`, or None when the month's state does not allow it."""
    return TRANSITIONS.get((State(state), action))


Key = tuple[str, str, str, str]  # indicator, level, unit, breakdown
Figures = tuple[int, int | None]  # numerator, denominator


@dataclass(frozen=True)
class Change:
    key: Key
    old: Figures | None
    new: Figures | None


def differences(old: dict[Key, Figures], new: dict[Key, Figures]) -> list[Change]:
    """Every value that differs between two versions (a value only in one shows None on the other side)."""
    keys: Iterable[Key] = sorted(set(old) | set(new))
    return [Change(k, old.get(k), new.get(k)) for k in keys if old.get(k) != new.get(k)]
