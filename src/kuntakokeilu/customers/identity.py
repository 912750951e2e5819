"""The Finnish personal identity code (henkilötunnus, personbeteckning): DDMMYYCZZZQ.

- DDMMYY: the birth date; C: the century sign — `+` 1800s; `-` and, for codes issued from 1.1.2023,
  `Y X W V U` 1900s; `A` and, from 1.1.2023, `B C D E F` 2000s (Act 128/2010 as amended by 1261/2021 and
  the Population Register Centre's decision); ZZZ: the individual number 002–899 (900–999 are temporary
  codes, also accepted); Q: the check character, the nine digits DDMMYYZZZ modulo 31 mapped onto
  `0123456789ABCDEFHJKLMNPRSTUVWXY`.
- The century signs introduced in 2023 are accepted whatever the date asked about: a code in use today may
  have been issued with them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURIES = {
    "+": 1800,
    "-": 1900,
    "Y": 1900,
    "X": 1900,
    "W": 1900,
    "V": 1900,
    "U": 1900,
    "A": 2000,
    "B": 2000,
    "C": 2000,
    "D": 2000,
    "E": 2000,
    "F": 2000,
}
SHAPE = re.compile(r"^(\d{2})(\d{2})(\d{2})(.)(\d{3})(.)$")

REASONS = {
    "format": _(
        "A personal identity code has 11 characters: DDMMYY, a century sign, three digits and a "
        "check character."
    ),
    "century_sign": _("The century sign must be +, -, Y, X, W, V, U, A, B, C, D, E or F."),
    "date": _("The first six digits are not a real date."),
    "individual_number": _("The individual number (digits 8–10) cannot be 000 or 001."),
    "checksum": _("The check character does not match: the code has a typing error."),
}


class InvalidHenkilotunnus(ValueError):
    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(str(REASONS[reason]))


@dataclass(frozen=True)
class Henkilotunnus:
    code: str
    birth_date: dt.date
    individual_number: int

    @property
    def temporary(self) -> bool:
        return self.individual_number >= 900


def check_character(nine_digits: str) -> str:
    return CHECK_CHARACTERS[int(nine_digits) % 31]


def parse_henkilotunnus(raw: str) -> Henkilotunnus:
    """Validate and read a code; raises InvalidHenkilotunnus naming what is wrong."""
    code = raw.strip().upper() if isinstance(raw, str) else ""
    match = SHAPE.match(code)
    if not match:
        raise InvalidHenkilotunnus("format")
    day, month, year, sign, individual, check = match.groups()
    if sign not in CENTURIES:
        raise InvalidHenkilotunnus("century_sign")
    try:
        birth_date = dt.date(CENTURIES[sign] + int(year), int(month), int(day))
    except ValueError:
        raise InvalidHenkilotunnus("date") from None
    if int(individual) < 2:
        raise InvalidHenkilotunnus("individual_number")
    if check_character(day + month + year + individual) != check:
        raise InvalidHenkilotunnus("checksum")
    return Henkilotunnus(code, birth_date, int(individual))


def make_henkilotunnus(birth_date: dt.date, individual_number: int, sign: str | None = None) -> str:
    """Compose a valid code (for tests and synthetic data): the classic sign of the century by default."""
    if sign is None:
        sign = {1800: "+", 1900: "-", 2000: "A"}[birth_date.year // 100 * 100]
    if CENTURIES.get(sign) != birth_date.year // 100 * 100:
        raise ValueError(f"century sign {sign!r} does not fit {birth_date.year}")
    digits = f"{birth_date:%d%m}{birth_date.year % 100:02d}{individual_number:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{check_character(digits)}"
