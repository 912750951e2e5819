"""The municipality × month panel (R-EVAL-1).

The statistics are the shipped copy of StatFin table 12r5 (data/README.md); the reference data (trial-area
membership, ELY area, municipal group, language status, population) come from the regions app's tables, read
by `reference_from_database`. Building the panel itself is pure: `build_panel(stats, reference, ...)`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

DATA_FILE = Path(__file__).resolve().parent / "data" / "tyonv_12r5_municipality_monthly.csv"
DATA_SHA256 = "202784423b8f1e4d81d8a8127af2cd8ba5a8ce4265fdf73437e035c1779b17be"
SOURCE = "StatFin statfin_tyonv_pxt_12r5 (TEM / Statistics Finland, CC BY 4.0), 2023 division"
ALAND_ELY = "16"
# The 2023 division: the regional memberships valid on this date (after the 2021 changes).
DIVISION_DATE = dt.date(2021, 6, 1)
POPULATION_YEAR = 2020


@dataclass(frozen=True)
class MunicipalityInfo:
    code: str
    trial_area: int | None
    supplementary_round: bool
    ely: str
    municipal_group: int
    language_status: str
    population: int | None


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_statistics(path: Path = DATA_FILE) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"kunta_code": str, "month": str}, keep_default_na=False, na_values=[""])


def month_index(month: str) -> int:
    """'2021-03' -> months since 2000-01 (a plain integer, so that arithmetic on months is exact)."""
    year, mon = month.split("-")
    return (int(year) - 2000) * 12 + int(mon) - 1


def build_panel(
    stats: pd.DataFrame,
    reference: dict[str, MunicipalityInfo],
    outcome: str,
    start: str,
    end: str,
    treatment_start: str,
) -> tuple[pd.DataFrame, int]:
    """Mainland municipality-months in [start, end] with a non-empty outcome, and the count of empty cells
    dropped. Untreated municipalities are their own cluster (`cluster` = trial area number or code)."""
    rows = stats[(stats["month"] >= start) & (stats["month"] <= end)]
    rows = rows[rows["kunta_code"].map(lambda c: c in reference and reference[c].ely != ALAND_ELY)]
    empty = rows[outcome].isna()
    dropped = int(empty.sum())
    panel = rows[~empty].copy()
    info = panel["kunta_code"].map(reference)
    panel["trial_area"] = info.map(lambda i: i.trial_area or 0).astype(int)
    panel["treated_unit"] = (panel["trial_area"] > 0).astype(int)
    panel["supplementary"] = info.map(lambda i: i.supplementary_round).astype(int)
    panel["cluster"] = [f"TA{i.trial_area:02d}" if i.trial_area else f"M{i.code}" for i in info]
    panel["ely"] = info.map(lambda i: i.ely)
    panel["municipal_group"] = info.map(lambda i: i.municipal_group).astype(int)
    panel["language_status"] = info.map(lambda i: i.language_status)
    panel["population"] = info.map(lambda i: i.population)
    panel["t"] = panel["month"].map(month_index).astype(int)
    panel["post"] = (panel["month"] >= treatment_start).astype(int)
    panel["treat"] = panel["treated_unit"] * panel["post"]
    panel["y"] = panel[outcome].astype(float)
    return panel.sort_values(["kunta_code", "month"]).reset_index(drop=True), dropped


def reference_from_database() -> dict[str, MunicipalityInfo]:
    """The reference data as loaded into the database (`kuntakokeilu load_reference_data`)."""
    from kuntakokeilu.regions.models import Municipality, Population, RegionalMembership, TrialAreaMember

    members = {
        m.municipality.code: m for m in TrialAreaMember.objects.select_related("trial_area", "municipality")
    }
    ely = {
        m.municipality.code: m.ely.code
        for m in RegionalMembership.objects.valid_on(DIVISION_DATE).select_related("municipality", "ely")
    }
    population = {
        p.municipality.code: p.population
        for p in Population.objects.filter(year=POPULATION_YEAR).select_related("municipality")
    }
    out = {}
    for m in Municipality.objects.valid_on(DIVISION_DATE):
        member = members.get(m.code)
        out[m.code] = MunicipalityInfo(
            code=m.code,
            trial_area=member.trial_area.number if member else None,
            supplementary_round=bool(member and member.joined_in_round == "supplementary"),
            ely=ely[m.code],
            municipal_group=m.municipal_group,
            language_status=m.language_status,
            population=population.get(m.code),
        )
    return out
