"""One evaluation run: specification + statistics + reference data -> the results (R-EVAL-1, R-EVAL-3).

`results.json` must be byte-identical run to run, so every number is rounded (`ROUND` digits) before it is
written: the last digits of sums that numba may order differently do not reach the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from . import estimators
from .panel import DATA_FILE, DATA_SHA256, SOURCE, MunicipalityInfo, build_panel, file_sha256
from .spec import CAPITAL_REGION, COVID_EXCLUDED

ROUND = 6


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), ROUND) + 0.0


def variant_panel(panel: pd.DataFrame, variant: str) -> pd.DataFrame:
    if variant == "covid_excluded":
        return panel[(panel["month"] < COVID_EXCLUDED[0]) | (panel["month"] > COVID_EXCLUDED[1])]
    if variant == "no_capital":
        return panel[~panel["kunta_code"].isin(CAPITAL_REGION)]
    if variant == "supplementary_only":
        return panel[(panel["treated_unit"] == 0) | (panel["supplementary"] == 1)]
    return panel


def _row(name: str, outcome: str, weights: str, variant: str, e: estimators.Estimate) -> dict[str, Any]:
    return {
        "name": name,
        "outcome": outcome,
        "weights": weights,
        "variant": variant,
        "estimate": _r(e.estimate),
        "std_error": _r(e.std_error),
        "ci_low": _r(e.ci_low),
        "ci_high": _r(e.ci_high),
        "p_value": _r(e.p_value),
        "inference": e.inference,
        "n_obs": e.n_obs,
        "n_clusters": e.n_clusters,
    }


def run(
    spec: dict[str, Any],
    stats: pd.DataFrame,
    reference: dict[str, MunicipalityInfo],
    progress: Callable[[str, int], None] = lambda step, percent: None,
) -> dict[str, Any]:
    """The rounded results of a validated `spec`. `progress(step, percent)` is called before each step:
    `panel`, `estimates:<variant>`, `event_study`, `placebos` (percent done so far, 0–95; writing the
    report is the caller's last 5 %)."""
    variants = spec.get("variants", ["baseline"])
    steps = len(variants) + 3
    progress("panel", 0)
    outcome = spec["outcome"]
    start = spec["treatment"]["start"]
    panel, dropped = build_panel(
        stats, reference, outcome, spec["sample"]["start"], spec["sample"]["end"], start
    )
    panel["labour_force"] = panel["labour_force"].astype(float)
    inference = spec.get("inference") or {}
    reps = int(inference.get("randomisation_reps", 0))
    estimates = []
    headline_cluster = "cluster" if spec.get("cluster") == "trial_area" else "kunta_code"
    for i, variant in enumerate(variants, start=1):
        progress(f"estimates:{variant}", 95 * i // steps)
        data = variant_panel(panel, variant)
        group_month = variant == "covid_group_month"
        for weights in spec.get("weights", ["none"]):
            w = None if weights == "none" else weights
            estimates.append(
                _row(
                    "twfe",
                    outcome,
                    weights,
                    variant,
                    estimators.twfe(data, "CRV1", headline_cluster, w, group_month),
                )
            )
            for vcov in inference.get("trial_area", []):
                if vcov == "CRV1" and headline_cluster == "cluster":
                    continue  # the headline row already is CRV1 by trial area
                estimates.append(
                    _row(
                        "twfe",
                        outcome,
                        weights,
                        variant,
                        estimators.twfe(data, vcov, "cluster", w, group_month),
                    )
                )
            if w is None and reps:
                ri = estimators.randomisation_inference(data, reps, spec["seed"], group_month)
                estimates.append(_row("twfe", outcome, weights, variant, ri))
    progress("event_study", 95 * (steps - 2) // steps)
    event = spec.get("event_study") or {}
    rows, pre_p = estimators.event_study(panel, start, event.get("unit", "quarter"))
    progress("placebos", 95 * (steps - 1) // steps)
    placebos = []
    for fake in spec["placebo"]["starts"]:
        e = estimators.placebo(panel, fake, spec["placebo"]["end"])
        placebos.append(
            {"start": fake, "estimate": _r(e.estimate), "ci_low": _r(e.ci_low), "ci_high": _r(e.ci_high)}
        )
    return {
        "spec": spec,
        "estimates": estimates,
        "event_study": [
            {
                "period": r["period"],
                "estimate": _r(r["estimate"]),
                "ci_low": _r(r["ci_low"]),
                "ci_high": _r(r["ci_high"]),
            }
            for r in rows
        ],
        "pre_trend_p_value": _r(pre_p),
        "placebo": placebos,
        "data": {
            "source": SOURCE,
            "sha256": DATA_SHA256,
            "dropped_cells": dropped,
            "file": DATA_FILE.name,
            "municipalities": int(panel["kunta_code"].nunique()),
            "treated_municipalities": int(panel.loc[panel["treated_unit"] == 1, "kunta_code"].nunique()),
        },
    }


def check_data_file() -> None:
    actual = file_sha256(DATA_FILE)
    if actual != DATA_SHA256:
        raise ValueError(f"{DATA_FILE.name}: SHA-256 {actual} is not the shipped {DATA_SHA256}")
