"""Estimators on simulated panels with planted effects (R-EVAL-1, R-EVAL-4)."""

import numpy as np
import pytest

from kuntakokeilu.evaluation import estimators
from kuntakokeilu.evaluation.panel import build_panel

from .simulate import simulate

pytestmark = pytest.mark.nodb


def covers(e, value):
    return e.ci_low <= value <= e.ci_high


def test_constant_effect_is_recovered_within_every_interval():
    """R-EVAL-4: a planted constant effect of -1.0 percentage point lies in each CI, and zero does not."""
    panel, _, _ = simulate(1, lambda k: -1.0)
    results = [
        estimators.twfe(panel, "CRV1", "kunta_code"),
        estimators.twfe(panel, "CRV1", "cluster"),
        estimators.twfe(panel, "CRV3", "cluster"),
        estimators.twfe(panel, "CRV1", "cluster", weights="labour_force"),
        estimators.twfe(panel, "CRV3", "cluster", weights="labour_force"),
        estimators.twfe(panel, "CRV1", "kunta_code", group_month=True),
        estimators.randomisation_inference(panel, 199, seed=7),
    ]
    for e in results:
        assert covers(e, -1.0), e
        assert e.ci_high < 0, e
    assert results[1].n_clusters == 8 + 36  # eight trial areas; 36 untreated municipalities are their own


def test_growing_effect_is_recovered_by_the_event_study():
    """R-EVAL-1, R-EVAL-4: an effect growing 0.1 a quarter after the start is traced by the quarterly
    event study; pre-period coefficients cover zero and the reference quarter is exactly 0."""
    panel, _, _ = simulate(2, lambda k: -0.1 * (k // 3 + 1), noise=0.3)
    rows, pre_p = estimators.event_study(panel, "2020-03", "quarter")
    by_period = {r["period"]: r for r in rows}
    assert by_period["2019-Q4"]["estimate"] == 0.0
    # 2020-03 is the last month of 2020-Q1, so the first treated quarter mixes two untreated months
    for r in rows:
        if r["period"] >= "2020-Q2":
            q = (int(r["period"][:4]) - 2020) * 4 + int(r["period"][-1]) - 2
            assert r["ci_low"] <= -0.1 * (q + 1) <= r["ci_high"], r
        elif r["period"] < "2019-Q4":
            assert r["ci_low"] <= 0 <= r["ci_high"], r
    assert pre_p > 0.05
    late = [r for r in rows if r["period"] >= "2021-Q1"]
    assert late[-1]["estimate"] < late[0]["estimate"]


def test_monthly_event_study_labels():
    panel, _, _ = simulate(3, lambda k: 0.0, n_months=30)
    rows, _ = estimators.event_study(panel, "2020-03", "month")
    assert next(r["period"] for r in rows if r["estimate"] == 0.0 and r["ci_low"] == 0.0) == "2020-02"
    assert rows[0]["period"] == "2018-01"


def test_placebo_rejects_at_most_15_percent_without_an_effect():
    """R-EVAL-4: with no planted effect, over 50 fixed seeds the 95 % placebo test rejects ≤ 15 %."""
    rejections = 0
    for seed in range(50):
        panel, _, _ = simulate(100 + seed, lambda k: 0.0, n_units=45, n_areas=6, n_months=36)
        e = estimators.placebo(panel, "2019-03", "2020-02")
        rejections += not covers(e, 0.0)
    assert rejections <= 7, rejections


def test_panel_drops_empty_cells_and_aland():
    """R-EVAL-1: suppressed cells are dropped and counted; Åland (ELY 16) is not in the panel."""
    _, reference, stats = simulate(
        4, lambda k: 0.0, n_units=12, n_areas=2, n_months=24, treatment_start="2019-03"
    )
    codes = sorted(reference)
    reference[codes[-1]] = reference[codes[-1]].__class__(**{**reference[codes[-1]].__dict__, "ely": "16"})
    stats.loc[[0, 5], "unemployment_rate_pct"] = np.nan
    panel, dropped = build_panel(stats, reference, "unemployment_rate_pct", "2018-01", "2019-12", "2019-03")
    assert dropped == 2
    assert codes[-1] not in set(panel["kunta_code"])
    assert len(panel) == 11 * 24 - 2
    assert set(panel.loc[panel["treated_unit"] == 0, "cluster"]) == {f"M{c}" for c in codes[6:11]}
