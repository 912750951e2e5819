"""The Finnish business id (Y-tunnus, FO-nummer): seven digits, a hyphen and a check digit (R-SP-7).

The check digit: the digits times the weights 7, 9, 10, 5, 8, 4, 2, summed, modulo 11; a remainder of 0 gives
0, a remainder of 1 is never issued (such an id is invalid), otherwise the check digit is 11 − remainder.
Old ids of six digits are written with a leading zero. Pure functions, no database.
"""

from __future__ import annotations

import re

WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
PATTERN = re.compile(r"^(\d{7})-(\d)$")


def check_digit(digits: str) -> int | None:
    """The check digit of seven digits, or None when no valid id has them (remainder 1)."""
    if len(digits) != 7 or not digits.isdigit():
        raise ValueError("seven digits are needed")
    remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 0
    if remainder == 1:
        return None
    return 11 - remainder


def normalise(value: str) -> str:
    """Spaces removed; a six-digit body takes its leading zero (123456-7 → 0123456-7)."""
    text = re.sub(r"\s+", "", value or "")
    if re.fullmatch(r"\d{6}-\d", text):
        text = "0" + text
    return text


def is_valid(value: str) -> bool:
    """Whether `value` (after `normalise`) is a business id with a correct check digit."""
    match = PATTERN.match(normalise(value))
    if not match:
        return False
    expected = check_digit(match.group(1))
    return expected is not None and expected == int(match.group(2))


def problem(value: str) -> str | None:
    """None for a valid id, else "format" (not 1234567-8) or "check_digit" (the last digit is wrong)."""
    match = PATTERN.match(normalise(value))
    if not match:
        return "format"
    expected = check_digit(match.group(1))
    if expected is None or expected != int(match.group(2)):
        return "check_digit"
    return None
