"""Small simulated panels with a planted effect, on real municipality codes (R-EVAL-4)."""

import numpy as np
import pandas as pd

from kuntakokeilu.evaluation.panel import DATA_FILE, MunicipalityInfo, build_panel

CODES = sorted(
    pd.read_csv(DATA_FILE, dtype={"kunta_code": str}, usecols=["kunta_code"])["kunta_code"].unique()
)


def months(start_year: int, n: int) -> list[str]:
    return [f"{start_year + m // 12}-{m % 12 + 1:02d}" for m in range(n)]


def simulate(
    seed: int,
    effect,
    n_units: int = 60,
    n_areas: int = 8,
    start_year: int = 2018,
    n_months: int = 48,
    treatment_start: str = "2020-03",
    noise: float = 0.5,
):
    """Municipality and month effects plus noise; the first `n_areas` × 3 municipalities form trial areas
    of three and get `effect(months_since_start)` from `treatment_start`. Returns (panel, reference)."""
    rng = np.random.default_rng(seed)
    codes = CODES[:n_units]
    reference = {
        c: MunicipalityInfo(
            code=c,
            trial_area=(i // 3 + 1) if i < n_areas * 3 else None,
            supplementary_round=i < 6,
            ely="01",
            municipal_group=i % 3 + 1,
            language_status="fi",
            population=1000,
        )
        for i, c in enumerate(codes)
    }
    month_list = months(start_year, n_months)
    unit_fe = rng.normal(8, 2, n_units)
    month_fe = rng.normal(0, 1, n_months)
    area_shock = rng.normal(0, 0.3, n_units // 3 + 1)
    rows = []
    start_index = month_list.index(treatment_start)
    for i, c in enumerate(codes):
        treated = reference[c].trial_area is not None
        for t, m in enumerate(month_list):
            y = unit_fe[i] + month_fe[t] + area_shock[i // 3] * (t >= start_index) + rng.normal(0, noise)
            if treated and t >= start_index:
                y += effect(t - start_index)
            rows.append(
                {
                    "kunta_code": c,
                    "month": m,
                    "unemployment_rate_pct": y,
                    "labour_force": float(1000 + 100 * i),
                }
            )
    stats = pd.DataFrame(rows)
    panel, _ = build_panel(
        stats, reference, "unemployment_rate_pct", month_list[0], month_list[-1], treatment_start
    )
    panel["labour_force"] = panel["labour_force"].astype(float)
    return panel, reference, stats
