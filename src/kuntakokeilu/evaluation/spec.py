"""Evaluation specification files (R-EVAL-3): YAML, validated before a run starts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DEFAULT_SPEC = Path(__file__).resolve().parent / "specs" / "default.yaml"
OUTCOMES = ("unemployment_rate_pct", "unemployed_jobseekers", "open_vacancies")
VARIANTS = ("baseline", "covid_group_month", "covid_excluded", "no_capital", "supplementary_only")
WEIGHTS = ("none", "labour_force")
CAPITAL_REGION = ("091", "049", "092", "235")
COVID_EXCLUDED = ("2020-03", "2021-02")


class SpecError(ValueError):
    pass


def _month(value: Any, what: str) -> str:
    text = str(value)
    parts = text.split("-")
    if len(parts) != 2 or not (parts[0].isdigit() and parts[1].isdigit()) or not 1 <= int(parts[1]) <= 12:
        raise SpecError(f"{what}: '{text}' is not a month YYYY-MM")
    return f"{int(parts[0]):04d}-{int(parts[1]):02d}"


def validate(raw: dict[str, Any]) -> dict[str, Any]:
    """The specification with its months normalised; SpecError names the first problem."""
    if not isinstance(raw, dict):
        raise SpecError("the specification must be a mapping")
    spec = dict(raw)
    if spec.get("outcome") not in OUTCOMES:
        raise SpecError(f"outcome must be one of {', '.join(OUTCOMES)}")
    sample = spec.get("sample") or {}
    spec["sample"] = {
        "start": _month(sample.get("start"), "sample.start"),
        "end": _month(sample.get("end"), "sample.end"),
    }
    treatment = dict(spec.get("treatment") or {})
    treatment["start"] = _month(treatment.get("start"), "treatment.start")
    spec["treatment"] = treatment
    if not spec["sample"]["start"] < treatment["start"] <= spec["sample"]["end"]:
        raise SpecError("treatment.start must fall inside the sample, after its first month")
    for w in spec.get("weights", []):
        if w not in WEIGHTS:
            raise SpecError(f"weights: '{w}' is not one of {', '.join(WEIGHTS)}")
    for v in spec.get("variants", []):
        if v not in VARIANTS:
            raise SpecError(f"variants: '{v}' is not one of {', '.join(VARIANTS)}")
    event = spec.get("event_study") or {}
    if event.get("unit", "quarter") not in ("quarter", "month"):
        raise SpecError("event_study.unit must be quarter or month")
    placebo = spec.get("placebo") or {}
    placebo_end = _month(placebo.get("end"), "placebo.end")
    starts = [_month(s, "placebo.starts") for s in placebo.get("starts", [])]
    if any(not spec["sample"]["start"] < s <= placebo_end for s in starts):
        raise SpecError("placebo.starts must fall in the pre-period, inside the sample")
    spec["placebo"] = {"starts": starts, "end": placebo_end}
    if not isinstance(spec.get("seed"), int):
        raise SpecError("seed must be an integer")
    reps = (spec.get("inference") or {}).get("randomisation_reps", 0)
    if not isinstance(reps, int) or reps < 0:
        raise SpecError("inference.randomisation_reps must be a non-negative integer")
    return spec


def load(path: Path = DEFAULT_SPEC) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SpecError(f"cannot read the specification {path}: {exc}") from exc
    return validate(raw)
