"""Evaluation specification files (R-EVAL-3): YAML, validated before a run starts.

A problem is a `SpecError`: the field at fault (`sample.start`, …) and a gettext message id with its
arguments, so the command (`--lang`) and the run form (the page's language) word it in fi, sv or en.
Missing optional keys get their defaults, so the validated specification records everything a run used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.utils.translation import gettext, gettext_noop

DEFAULT_SPEC = Path(__file__).resolve().parent / "specs" / "default.yaml"
OUTCOMES = ("unemployment_rate_pct", "unemployed_jobseekers", "open_vacancies")
VARIANTS = ("baseline", "covid_group_month", "covid_excluded", "no_capital", "supplementary_only")
WEIGHTS = ("none", "labour_force")
TRIAL_AREA_INFERENCE = ("CRV1", "CRV3")
CLUSTERS = ("municipality", "trial_area")
EVENT_UNITS = ("quarter", "month")
# What the runner implements; a file asking for anything else is refused rather than silently ignored.
TREATED = ("trial_areas",)
COMPARISON = ("other_mainland",)
FIXED_EFFECTS = ["municipality", "month"]
MAX_REPS = 9999
MAX_NAME = 80
CAPITAL_REGION = ("091", "049", "092", "235")
COVID_EXCLUDED = ("2020-03", "2021-02")


class SpecError(ValueError):
    """The field at fault and a message id (with %-arguments) rendered in the active language."""

    def __init__(self, field: str, message: str, **params: Any) -> None:
        super().__init__(field, message, params)
        self.field = field
        self.message = message
        self.params = params

    def render(self) -> str:
        return gettext(self.message) % self.params

    def __str__(self) -> str:
        return f"{self.field}: {self.render()}"


def month(value: Any, field: str) -> str:
    text = str(value).strip() if value is not None else ""
    parts = text.split("-")
    if len(parts) != 2 or not (parts[0].isdigit() and parts[1].isdigit()) or not 1 <= int(parts[1]) <= 12:
        raise SpecError(field, gettext_noop("“%(value)s” is not a month of the form YYYY-MM."), value=text)
    return f"{int(parts[0]):04d}-{int(parts[1]):02d}"


def reference_period(treatment_start: str, unit: str) -> str:
    """The event study's reference period: the one before the start (2020-Q4 for 2021-03 by quarter)."""
    from .estimators import period_label

    return period_label(-1, treatment_start, unit)


def _one_of(value: Any, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise SpecError(
            field,
            gettext_noop("“%(value)s” is not one of: %(allowed)s."),
            value=value,
            allowed=", ".join(allowed),
        )
    return value


def _some_of(values: Any, allowed: tuple[str, ...], field: str) -> list[str]:
    if not isinstance(values, list) or not values:
        raise SpecError(
            field, gettext_noop("Choose at least one of: %(allowed)s."), allowed=", ".join(allowed)
        )
    return [_one_of(v, allowed, field) for v in values]


def _count(value: Any, field: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise SpecError(
            field, gettext_noop("Give a whole number from %(low)s to %(high)s."), low=low, high=high
        )
    return value


def validate(raw: Any) -> dict[str, Any]:
    """The specification with its months normalised and defaults filled in; SpecError names the first
    problem."""
    if not isinstance(raw, dict):
        raise SpecError("spec", gettext_noop("The specification must be a mapping of keys to values."))
    spec = dict(raw)
    name = str(spec.get("name", "evaluation")).strip()
    if not name or len(name) > MAX_NAME:
        raise SpecError("name", gettext_noop("Give a name of 1 to %(max)s characters."), max=MAX_NAME)
    spec["name"] = name
    spec["outcome"] = _one_of(spec.get("outcome"), OUTCOMES, "outcome")
    sample = spec.get("sample") or {}
    spec["sample"] = {
        "start": month(sample.get("start"), "sample.start"),
        "end": month(sample.get("end"), "sample.end"),
    }
    if spec["sample"]["start"] >= spec["sample"]["end"]:
        raise SpecError("sample.end", gettext_noop("The sample must end after it starts."))
    treatment = dict(spec.get("treatment") or {})
    treatment["start"] = month(treatment.get("start"), "treatment.start")
    if not spec["sample"]["start"] < treatment["start"] <= spec["sample"]["end"]:
        raise SpecError(
            "treatment.start", gettext_noop("The start must fall inside the sample, after its first month.")
        )
    treatment["treated"] = _one_of(treatment.get("treated", TREATED[0]), TREATED, "treatment.treated")
    treatment["comparison"] = _one_of(
        treatment.get("comparison", COMPARISON[0]), COMPARISON, "treatment.comparison"
    )
    spec["treatment"] = treatment
    fixed = spec.get("fixed_effects", FIXED_EFFECTS)
    if fixed != FIXED_EFFECTS:
        raise SpecError(
            "fixed_effects",
            gettext_noop(
                "The fixed effects are municipality and month; the variant covid_group_month adds "
                "municipal group × month."
            ),
        )
    spec["fixed_effects"] = list(FIXED_EFFECTS)
    spec["cluster"] = _one_of(spec.get("cluster", CLUSTERS[0]), CLUSTERS, "cluster")
    spec["weights"] = _some_of(spec.get("weights", ["none"]), WEIGHTS, "weights")
    variants = _some_of(spec.get("variants", ["baseline"]), VARIANTS, "variants")
    if "baseline" not in variants:
        raise SpecError("variants", gettext_noop("The variants must include baseline."))
    spec["variants"] = variants
    inference = dict(spec.get("inference") or {})
    inference["trial_area"] = _some_of(
        inference.get("trial_area", ["CRV1"]), TRIAL_AREA_INFERENCE, "inference.trial_area"
    )
    inference["randomisation_reps"] = _count(
        inference.get("randomisation_reps", 0), "inference.randomisation_reps", 0, MAX_REPS
    )
    spec["inference"] = inference
    event = dict(spec.get("event_study") or {})
    event["unit"] = _one_of(event.get("unit", "quarter"), EVENT_UNITS, "event_study.unit")
    expected = reference_period(treatment["start"], event["unit"])
    if str(event.get("reference", expected)) != expected:
        raise SpecError(
            "event_study.reference",
            gettext_noop("The reference period is the one before the start: %(expected)s."),
            expected=expected,
        )
    event["reference"] = expected
    spec["event_study"] = event
    placebo = spec.get("placebo") or {}
    placebo_end = month(placebo.get("end"), "placebo.end")
    if not spec["sample"]["start"] < placebo_end < treatment["start"]:
        raise SpecError(
            "placebo.end", gettext_noop("The placebo sample must end inside the sample, before the start.")
        )
    starts = [month(s, "placebo.starts") for s in placebo.get("starts") or []]
    if any(not spec["sample"]["start"] < s <= placebo_end for s in starts):
        raise SpecError(
            "placebo.starts",
            gettext_noop(
                "Placebo start dates must fall in the pre-period: after the sample's first month, by %(end)s."
            ),
            end=placebo_end,
        )
    spec["placebo"] = {"starts": starts, "end": placebo_end}
    spec["seed"] = _count(spec.get("seed"), "seed", 0, 2**32 - 1)
    return spec


def load(path: Path = DEFAULT_SPEC) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SpecError(
            "spec", gettext_noop("Cannot read the specification %(path)s: %(reason)s"), path=path, reason=exc
        ) from exc
    return validate(raw)
