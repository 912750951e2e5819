"""The run's files: results.json, report.html, event-study plots (PNG, SVG) and report.pdf (R-EVAL-3).

Deterministic: sorted JSON of rounded numbers; SVG with a fixed hash salt and no date; PNG and PDF without
dates. The PDF is drawn with matplotlib's PdfPages (WeasyPrint is not a dependency), with the same content.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from django.template.loader import render_to_string
from matplotlib.backends.backend_pdf import PdfPages

from . import summary

matplotlib.rcParams["svg.hashsalt"] = "kuntakokeilu-evaluation"
matplotlib.rcParams["svg.fonttype"] = "path"
PDF_ENGINE = "matplotlib PdfPages"


def write_json(results: dict[str, Any], out: Path) -> None:
    text = json.dumps(results, ensure_ascii=False, indent=2, sort_keys=True)
    (out / "results.json").write_text(text + "\n", encoding="utf-8")


def event_study_figure(results: dict[str, Any]):
    rows = results["event_study"]
    fig, ax = plt.subplots(figsize=(9, 4.2))
    x = list(range(len(rows)))
    est = [r["estimate"] for r in rows]
    ax.fill_between(
        x,
        [r["ci_low"] for r in rows],
        [r["ci_high"] for r in rows],
        color="#9ecae1",
        label="95 % CI (CRV1, trial area)",
    )
    ax.plot(x, est, "o-", color="#08519c", markersize=3, label="treated − comparison")
    ax.axhline(0, color="black", linewidth=0.8)
    ref = next(i for i, r in enumerate(rows) if r["estimate"] == 0 and r["ci_low"] == 0 and r["ci_high"] == 0)
    start = results["spec"]["treatment"]["start"]
    ax.axvline(ref + 0.5, color="#a50f15", linestyle="--", linewidth=0.8, label=f"pilot starts ({start})")
    ticks = [i for i in x if i % 4 == 0]
    ax.set_xticks(ticks, [rows[i]["period"] for i in ticks], rotation=45, ha="right", fontsize=8)
    unit = summary.OUTCOME_WORDS[results["spec"]["outcome"]]["en"][1]
    ax.set_ylabel(f"{results['spec']['outcome']} ({unit})")
    ax.set_title("Event study: pilot municipalities vs other mainland municipalities")
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    return fig


def write_plots(results: dict[str, Any], out: Path) -> None:
    fig = event_study_figure(results)
    fig.savefig(out / "event_study.svg", metadata={"Date": None})
    fig.savefig(out / "event_study.png", dpi=110, metadata={"Software": None})
    plt.close(fig)


def context(results: dict[str, Any]) -> dict[str, Any]:
    return {
        "results": results,
        "spec_yaml": json.dumps(results["spec"], ensure_ascii=False, indent=2, sort_keys=True),
        "summaries": summary.summaries(results),
        "pdf_engine": PDF_ENGINE,
        "svg": (None),
        "reference_period": reference_period(results),
    }


def reference_period(results: dict[str, Any]) -> str:
    """The event study's reference period: its row is the zero one (0 with a zero-width interval), e.g.
    2020-Q4 for a start in 2021-Q1 — not the first row of the table (issue 15: the heading said 2015-Q1)."""
    zero = (r["period"] for r in results["event_study"] if r["estimate"] == r["ci_low"] == r["ci_high"] == 0)
    return next(zero, "")


def write_html(results: dict[str, Any], out: Path) -> None:
    ctx = context(results)
    ctx["svg"] = (out / "event_study.svg").read_text(encoding="utf-8")
    (out / "report.html").write_text(render_to_string("evaluation/report.html", ctx), encoding="utf-8")


def _text_page(pdf: PdfPages, lines: list[str]) -> None:
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(0.06, 0.96, "\n".join(lines), va="top", ha="left", fontsize=7.2, family="monospace", wrap=True)
    pdf.savefig(fig)
    plt.close(fig)


def write_pdf(results: dict[str, Any], out: Path) -> None:
    import textwrap

    lines = ["Kuntakokeilu — impact evaluation / vaikutusten arviointi / konsekvensbedömning", ""]
    for lang, text in summary.summaries(results):
        lines += [f"[{lang}]", *textwrap.wrap(text, 110), ""]
    lines += ["Estimates (95 % CI):", f"{'variant':<20}{'weights':<14}{'inference':<44}{'estimate':>9}  CI"]
    for e in results["estimates"]:
        lines.append(
            f"{e['variant']:<20}{e['weights']:<14}{e['inference'][:43]:<44}{e['estimate']:>9.3f}  "
            f"[{e['ci_low']:.3f}, {e['ci_high']:.3f}]"
        )
    lines += ["", f"Joint pre-trend test p = {results['pre_trend_p_value']:.4f}", "Placebo start dates:"]
    lines += [
        f"  {p['start']}: {p['estimate']:.3f} [{p['ci_low']:.3f}, {p['ci_high']:.3f}]"
        for p in results["placebo"]
    ]
    d = results["data"]
    lines += [
        "",
        f"Data: {d['source']}",
        f"  {d['file']} SHA-256 {d['sha256']}",
        f"  empty (suppressed) cells dropped: {d['dropped_cells']}",
        f"PDF drawn with {PDF_ENGINE}.",
    ]
    with PdfPages(out / "report.pdf", metadata={"CreationDate": None, "ModDate": None}) as pdf:
        _text_page(pdf, lines[:95])
        if len(lines) > 95:
            _text_page(pdf, lines[95:])
        fig = event_study_figure(results)
        pdf.savefig(fig)
        plt.close(fig)
        spec = json.dumps(results["spec"], ensure_ascii=False, indent=2, sort_keys=True).splitlines()
        _text_page(pdf, ["Specification:", *spec])


def write_all(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_json(results, out)
    write_plots(results, out)
    write_html(results, out)
    write_pdf(results, out)
