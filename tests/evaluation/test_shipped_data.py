"""The default specification on the shipped statistics and the loaded reference data (R-EVAL-1, R-EVAL-3)."""

import json

import numpy as np
import pytest
from django.core.management import call_command

from kuntakokeilu.evaluation import panel as panel_module
from kuntakokeilu.evaluation import spec
from kuntakokeilu.evaluation.panel import DATA_FILE, DATA_SHA256, build_panel, file_sha256, read_statistics

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_panel():
    s = spec.load()
    reference = panel_module.reference_from_database()
    panel, dropped = build_panel(
        read_statistics(),
        reference,
        s["outcome"],
        s["sample"]["start"],
        s["sample"]["end"],
        s["treatment"]["start"],
    )
    return panel, dropped, reference


def test_shipped_file_is_the_documented_one():
    assert file_sha256(DATA_FILE) == DATA_SHA256


def test_panel_is_mainland_with_the_118_trial_municipalities(default_panel):
    """R-EVAL-1: 309 municipalities less Åland's 16; 118 treated in 25 trial areas; Helsinki (091) in area 1
    is treated from 2021-03; Mariehamn (478) is absent."""
    panel, dropped, _reference = default_panel
    assert panel["kunta_code"].nunique() == 293
    assert panel.loc[panel["treated_unit"] == 1, "kunta_code"].nunique() == 118
    assert panel.loc[panel["treated_unit"] == 1, "cluster"].nunique() == 25
    assert "478" not in set(panel["kunta_code"])
    helsinki = panel[panel["kunta_code"] == "091"]
    assert helsinki["treat"].sum() == len(helsinki[helsinki["month"] >= "2021-03"])
    assert helsinki["ely"].iloc[0] == "01"
    assert dropped == 0


def within(values, unit, month, iterations=500):
    """Two-way within transformation by alternating projections, written here independently of pyfixest."""
    x = values.astype(float).copy()
    for _ in range(iterations):
        x -= (np.bincount(unit, weights=x) / np.bincount(unit))[unit]
        x -= (np.bincount(month, weights=x) / np.bincount(month))[month]
    return x


def test_twfe_equals_an_independent_within_computation(default_panel, tmp_path):
    """R-EVAL-1: the default spec's unweighted TWFE estimate in results.json equals numpy demeaning.
    The two runs of the command give byte-identical results.json and report.html (R-EVAL-3)."""
    panel, _, _ = default_panel
    unit = np.unique(panel["kunta_code"].to_numpy(), return_inverse=True)[1]
    month = np.unique(panel["month"].to_numpy(), return_inverse=True)[1]
    y = within(panel["y"].to_numpy(), unit, month)
    d = within(panel["treat"].to_numpy(), unit, month)
    independent = float(d @ y / (d @ d))

    call_command("evaluate", out=tmp_path / "a")
    call_command("evaluate", out=tmp_path / "b")
    results = json.loads((tmp_path / "a" / "results.json").read_text())
    twfe = next(
        e
        for e in results["estimates"]
        if e["name"] == "twfe" and e["variant"] == "baseline" and e["weights"] == "none"
    )
    assert twfe["estimate"] == pytest.approx(independent, abs=1e-5)
    assert twfe["inference"] == "CRV1 by municipality" and twfe["n_clusters"] == 293
    for name in ("results.json", "report.html", "event_study.svg"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert (tmp_path / "a" / "report.pdf").read_bytes()[:5] == b"%PDF-"
    html = (tmp_path / "a" / "report.html").read_text()
    assert "<svg" in html and DATA_SHA256 in html and 'lang="sv"' in html
    assert results["data"]["sha256"] == DATA_SHA256
    assert {e["variant"] for e in results["estimates"]} >= {"covid_group_month", "covid_excluded"}
    assert results["event_study"][0]["period"] == "2015-Q1"
    assert [p["start"] for p in results["placebo"]] == ["2017-03", "2018-03", "2019-03"]
