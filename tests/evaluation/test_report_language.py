"""The run's report speaks its reader's language (issue 15 item 2, R-X-8, R-EVAL-3): the body — headings,
table labels, the model variants, weights and inference methods, the periods — not only the summary; the
event-study heading names the reference period actually used. The specification (a file listing) and the
source's own title are left as they are."""

from __future__ import annotations

import html
import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from kuntakokeilu.evaluation import report
from tests.glossary import english_words

pytestmark = pytest.mark.nodb

INFERENCES = [
    "CRV1 by municipality",
    "CRV1 by trial area",
    "CRV3 (jackknife) by trial area",
    "randomisation inference over trial-area assignment (999 draws)",
]
VARIANTS = ["baseline", "covid_group_month", "covid_excluded", "no_capital", "supplementary_only"]


def results() -> dict:
    row = {"estimate": -0.1, "ci_low": -0.4, "ci_high": 0.2, "std_error": 0.1, "p_value": 0.4}
    periods = [f"{y}-Q{q}" for y in (2019, 2020, 2021) for q in (1, 2, 3, 4)]
    return {
        "estimates": [
            {
                **row,
                "name": "twfe",
                "variant": v,
                "weights": w,
                "inference": i,
                "n_obs": 31058,
                "n_clusters": 200,
            }
            for v in VARIANTS
            for w in ("none", "labour_force")
            for i in INFERENCES
        ],
        "event_study": [
            {"period": p, **({"estimate": 0, "ci_low": 0, "ci_high": 0} if p == "2020-Q4" else row)}
            for p in periods
        ],
        "placebo": [{"start": "2018-03", **row}],
        "pre_trend_p_value": 0.01,
        "data": {
            "source": "StatFin statfin_tyonv_pxt_12r5 (TEM / Statistics Finland, CC BY 4.0), 2023 division",
            "file": "tyonv_12r5_municipality_monthly.csv",
            "sha256": "0" * 64,
            "municipalities": 293,
            "treated_municipalities": 118,
            "dropped_cells": 0,
        },
        "spec": {
            "name": "default",
            "outcome": "unemployment_rate_pct",
            "placebo": {"end": "2020-02", "starts": ["2018-03"]},
            "treatment": {"start": "2021-03"},
        },
    }


def body_text(lang: str) -> str:
    with translation.override(lang):
        page = render_to_string("evaluation/report.html", {**report.context(results()), "svg": ""})
    other_summaries = rf"<p lang=\"(?!{lang})..\">.*?</p>"
    page = re.sub(rf"<pre>.*?</pre>|<style>.*?</style>|{other_summaries}", "", page, flags=re.S)
    return own_titles(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def own_titles(text: str) -> str:
    """Without the source's own title and the data file's name."""
    return text.replace(results()["data"]["source"], "").replace(results()["data"]["file"], "")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_report_body_has_no_english_in_finnish_or_swedish(lang):
    text = body_text(lang)
    assert not english_words(text), english_words(text)
    assert "_" not in text.replace("event_study.", ""), "a code shown instead of its name"
    assert not re.search(r"\b20\d\d-\d\d\b", text), "a month as an ISO code"


def test_the_names_are_the_readers():
    fi, sv, en = body_text("fi"), body_text("sv"), body_text("en")
    assert "perusmalli" in fi and "CRV1 kokeilualueittain" in fi and "työvoimalla painotettu" in fi
    assert "grundmodell" in sv and "CRV1 per försöksområde" in sv and "effektutvärdering" in sv
    assert "baseline model" in en and "CRV1 by trial area" in en
    # the reference period actually used (the zero row), not the first row of the table
    assert "vertailujakso 4. neljännes 2020" in fi and "referensperiod kvartal 4 2020" in sv
    assert "(reference period Q4/2020;" in en
    assert "3/2018" in fi and "0,200" in fi and "0.200" in en


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_pdf_text_is_in_the_readers_language(lang):
    with translation.override(lang):
        lines = report._pdf_lines(results())
    text = own_titles("\n".join(lines))
    words = english_words(text.split("[en]")[0] + text.split("[en]")[1].split("\n\n", 1)[1])
    assert not words, words
