"""The indicators declared once (R-MON-2): `indicators.yaml` read into `Indicator`s (pure: no database)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DECLARATIONS = Path(__file__).with_name("indicators.yaml")
UNITS = ("count", "percent")
NO_SOURCE = "none"


@dataclass(frozen=True)
class Indicator:
    code: str
    csv: str
    certainty: str
    name: dict[str, str]
    definition: dict[str, str]
    numerator: str
    denominator: str
    unit: str
    breakdowns: tuple[str, ...]
    source: str
    reference: dict[str, str]

    @property
    def certainty_level(self) -> str:
        """The research notes' certainty in one word: own_records, verified, partly_verified or inferred."""
        note = self.certainty.lower()
        if note == "own records":
            return "own_records"
        if "verified" in note and ("inferred" in note or "not found" in note):
            return "partly_verified"
        return "verified" if "verified" in note else "inferred"

    @property
    def has_source(self) -> bool:
        return self.source != NO_SOURCE

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["en"]

    def explained(self, lang: str) -> str:
        return self.definition.get(lang) or self.definition["en"]

    def value(self, numerator: int | None, denominator: int | None) -> float | None:
        """What is shown: the count, or numerator / denominator × 100 (none when the denominator is 0)."""
        if numerator is None:
            return None
        if self.unit == "count":
            return float(numerator)
        if not denominator:
            return None
        return round(100 * numerator / denominator, 1)


class DeclarationError(ValueError):
    pass


def parse(data: dict) -> tuple[Indicator, ...]:
    seen: set[str] = set()
    out = []
    for raw in data["indicators"]:
        code = raw["code"]
        if code in seen:
            raise DeclarationError(f"indicator {code!r} is declared twice")
        seen.add(code)
        if raw["unit"] not in UNITS:
            raise DeclarationError(f"indicator {code!r}: unit {raw['unit']!r} is not one of {UNITS}")
        for part in ("name", "definition"):
            if set(raw[part]) != {"fi", "sv", "en"}:
                raise DeclarationError(f"indicator {code!r}: {part} needs fi, sv and en")
        if raw["unit"] == "percent" and raw["source"] != NO_SOURCE and not raw["denominator"]:
            raise DeclarationError(f"indicator {code!r}: a percentage needs a denominator")
        out.append(
            Indicator(
                code=code,
                csv=raw.get("csv", ""),
                certainty=raw["certainty"],
                name=dict(raw["name"]),
                definition=dict(raw["definition"]),
                numerator=raw["numerator"],
                denominator=raw["denominator"],
                unit=raw["unit"],
                breakdowns=tuple(raw["breakdowns"]),
                source=raw["source"],
                reference=dict(raw["reference"]),
            )
        )
    return tuple(out)


@cache
def indicators() -> tuple[Indicator, ...]:
    return parse(yaml.safe_load(DECLARATIONS.read_text(encoding="utf-8")))


def by_code() -> dict[str, Indicator]:
    return {i.code: i for i in indicators()}
