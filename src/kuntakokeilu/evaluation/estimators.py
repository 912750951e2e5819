"""Difference-in-differences estimators on the panel (R-EVAL-1), with pyfixest.

Two-way fixed effects (municipality and month) with CRV1 by municipality, CRV1 and CRV3 by trial area, and for
the unweighted model randomisation inference over trial-area assignment (few-cluster inference); pyfixest's
wild bootstrap and randomisation inference refuse regression weights, so the weighted model reports CRV3.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyfixest as pf
from pyfixest.estimation import demean
from scipy import stats

from .panel import month_index


@dataclass(frozen=True)
class Estimate:
    estimate: float
    std_error: float | None
    ci_low: float
    ci_high: float
    p_value: float
    inference: str
    n_obs: int
    n_clusters: int


def fe_formula(group_month: bool) -> str:
    return "kunta_code + month^municipal_group" if group_month else "kunta_code + month"


def _fit(panel: pd.DataFrame, rhs: str, vcov: dict, weights: str | None, group_month: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pf.feols(f"y ~ {rhs} | {fe_formula(group_month)}", data=panel, vcov=vcov, weights=weights)


def twfe(
    panel: pd.DataFrame, vcov: str, cluster: str, weights: str | None = None, group_month: bool = False
) -> Estimate:
    """The coefficient of `treat` with `vcov` (CRV1/CRV3) clustered by the column `cluster`."""
    if vcov == "CRV3":
        return crv3(panel, cluster, weights, group_month)
    fit = _fit(panel, "treat", {vcov: cluster}, weights, group_month)
    row = fit.tidy().loc["treat"]
    return Estimate(
        estimate=float(row["Estimate"]),
        std_error=float(row["Std. Error"]),
        ci_low=float(row["2.5%"]),
        ci_high=float(row["97.5%"]),
        p_value=float(row["Pr(>|t|)"]),
        inference=f"{vcov} by {'municipality' if cluster == 'kunta_code' else 'trial area'}",
        n_obs=int(fit._N),
        n_clusters=int(panel[cluster].nunique()),
    )


def _fe_codes(panel: pd.DataFrame, group_month: bool) -> np.ndarray:
    second = panel["month"] + "/" + panel["municipal_group"].astype(str) if group_month else panel["month"]
    return np.column_stack([pd.factorize(panel["kunta_code"])[0], pd.factorize(second)[0]]).astype(np.uint64)


def crv3(
    panel: pd.DataFrame, cluster: str, weights: str | None = None, group_month: bool = False
) -> Estimate:
    """CRV3: the leave-one-cluster-out jackknife (MacKinnon, Nielsen & Webb 2023, CV3), computed on the
    within-transformed data by Frisch-Waugh-Lovell: beta(-g) = (S_dy - S_dy,g) / (S_dd - S_dd,g), where S are
    the weighted cross-products of the demeaned treatment and outcome; t distribution with G-1 degrees of
    freedom. (pyfixest's CRV3 refits the model once per cluster: minutes for 200 clusters.)"""
    flist = _fe_codes(panel, group_month)
    w = panel[weights].to_numpy(dtype=float) if weights else np.ones(len(panel))
    yd, _ = demean(panel[["y", "treat"]].to_numpy(dtype=float), flist, w)
    y_t, d_t = yd[:, 0], yd[:, 1]
    _, groups = np.unique(panel[cluster].to_numpy(), return_inverse=True)
    s_dy_g = np.bincount(groups, weights=w * d_t * y_t)
    s_dd_g = np.bincount(groups, weights=w * d_t * d_t)
    beta = s_dy_g.sum() / s_dd_g.sum()
    jack = (s_dy_g.sum() - s_dy_g) / (s_dd_g.sum() - s_dd_g)
    g = len(s_dy_g)
    se = float(np.sqrt((g - 1) / g * np.sum((jack - beta) ** 2)))
    crit = float(stats.t.ppf(0.975, g - 1))
    return Estimate(
        estimate=float(beta),
        std_error=se,
        ci_low=float(beta - crit * se),
        ci_high=float(beta + crit * se),
        p_value=float(2 * stats.t.sf(abs(beta) / se, g - 1)),
        inference=f"CRV3 (jackknife) by {'municipality' if cluster == 'kunta_code' else 'trial area'}",
        n_obs=len(panel),
        n_clusters=g,
    )


def randomisation_inference(panel: pd.DataFrame, reps: int, seed: int, group_month: bool = False) -> Estimate:
    """Fisher randomisation inference over the assignment of treatment to clusters: in each draw as many
    clusters as are treated (trial areas) are drawn at random from all clusters; the p-value is the share of
    draws with |estimate| at least the observed one; the 95 % interval is the estimate ± the 95th percentile
    of |placebo estimate| (inverting the test under a constant effect)."""
    flist = _fe_codes(panel, group_month)
    ones = np.ones(len(panel))
    y_t, _ = demean(panel[["y"]].to_numpy(dtype=float), flist, ones)
    d_t, _ = demean(panel[["treat"]].to_numpy(dtype=float), flist, ones)
    observed = float((d_t[:, 0] @ y_t[:, 0]) / (d_t[:, 0] @ d_t[:, 0]))
    clusters, cluster_of_row = np.unique(panel["cluster"].to_numpy(), return_inverse=True)
    treated_clusters = np.unique(cluster_of_row[panel["treated_unit"].to_numpy() == 1])
    post = panel["post"].to_numpy(dtype=float)
    rng = np.random.default_rng(seed)
    draws = []
    for start in range(0, reps, 100):
        block = min(100, reps - start)
        columns = np.empty((len(panel), block))
        for j in range(block):
            chosen = np.zeros(len(clusters), dtype=bool)
            chosen[rng.choice(len(clusters), size=len(treated_clusters), replace=False)] = True
            columns[:, j] = chosen[cluster_of_row] * post
        dd, _ = demean(columns, flist, ones)
        draws.extend((dd.T @ y_t[:, 0]) / np.einsum("ij,ij->j", dd, dd))
    placebo = np.abs(np.asarray(draws))
    half = float(np.quantile(placebo, 0.95))
    return Estimate(
        estimate=observed,
        std_error=None,
        ci_low=observed - half,
        ci_high=observed + half,
        p_value=float((1 + np.sum(placebo >= abs(observed))) / (1 + reps)),
        inference=f"randomisation inference over trial-area assignment ({reps} draws)",
        n_obs=len(panel),
        n_clusters=len(clusters),
    )


def relative_period(month: str, treatment_start: str, unit: str) -> int:
    """Periods since the treatment period: quarters relative to the quarter of the start (2021-Q1 = 0,
    2020-Q4 = -1), or months relative to the start month."""
    m, s = month_index(month), month_index(treatment_start)
    return (m // 3 - s // 3) if unit == "quarter" else m - s


def period_label(rel: int, treatment_start: str, unit: str) -> str:
    s = month_index(treatment_start)
    if unit == "quarter":
        q = s // 3 + rel
        return f"{2000 + q // 4}-Q{q % 4 + 1}"
    m = s + rel
    return f"{2000 + m // 12}-{m % 12 + 1:02d}"


def event_study(panel: pd.DataFrame, treatment_start: str, unit: str = "quarter", weights: str | None = None):
    """Treated × period coefficients relative to the period before the start (-1), CRV1 by trial area;
    and the joint pre-trend test (Wald, F with G-1 denominator degrees of freedom) of all pre-periods."""
    rel = panel["month"].map(lambda m: relative_period(m, treatment_start, unit))
    data = panel.copy()
    names = {}
    for r in sorted(set(rel) - {-1}):
        name = f"ev_{'m' if r < 0 else 'p'}{abs(r)}"
        data[name] = ((rel == r) & (panel["treated_unit"] == 1)).astype(float)
        names[name] = r
    fit = _fit(data, " + ".join(names), {"CRV1": "cluster"}, weights, False)
    tidy = fit.tidy()
    rows = [
        {
            "period": period_label(-1, treatment_start, unit),
            "relative": -1,
            "estimate": 0.0,
            "ci_low": 0.0,
            "ci_high": 0.0,
        }
    ]
    for name, r in names.items():
        t = tidy.loc[name]
        rows.append(
            {
                "period": period_label(r, treatment_start, unit),
                "relative": r,
                "estimate": float(t["Estimate"]),
                "ci_low": float(t["2.5%"]),
                "ci_high": float(t["97.5%"]),
            }
        )
    rows.sort(key=lambda row: row["relative"])
    pre = [n for n, r in names.items() if r < -1]
    coef = fit.coef()
    index = list(coef.index)
    b = coef[pre].to_numpy()
    v = np.asarray(fit._vcov)[np.ix_([index.index(n) for n in pre], [index.index(n) for n in pre])]
    f_stat = float(b @ np.linalg.solve(v, b)) / len(pre)
    g = int(data["cluster"].nunique())
    p = float(stats.f.sf(f_stat, len(pre), g - 1))
    return rows, p


def placebo(panel: pd.DataFrame, start: str, end: str) -> Estimate:
    """A fake start date in the pre-period: the sample ends at `end` (before the real start)."""
    pre = panel[panel["month"] <= end].copy()
    pre["post"] = (pre["month"] >= start).astype(int)
    pre["treat"] = pre["treated_unit"] * pre["post"]
    return twfe(pre, "CRV1", "cluster")
