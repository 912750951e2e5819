"""The run's files: results.json, report.html, event-study plots (PNG, SVG) and report.pdf (R-EVAL-3).

The report, the plots and the PDF are written in one language (`write_all(..., lang=)`; issue 15: the body in
the reader's language, not only the summary); `languages=` adds the others, each in a folder of its own
(`fi/report.html`), which the run's page serves to a reader of that language.

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
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from matplotlib.backends.backend_pdf import PdfPages

from . import report_words as words
from . import summary

matplotlib.rcParams["svg.hashsalt"] = "kuntakokeilu-evaluation"
matplotlib.rcParams["svg.fonttype"] = "path"
PDF_ENGINE = "matplotlib PdfPages"
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


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
        label=_("95 %% confidence interval (CRV1 by trial area)") % {},
    )
    ax.plot(x, est, "o-", color="#08519c", markersize=3, label=_("pilot municipalities − comparison"))
    ax.axhline(0, color="black", linewidth=0.8)
    ref = next(i for i, r in enumerate(rows) if r["estimate"] == 0 and r["ci_low"] == 0 and r["ci_high"] == 0)
    start = results["spec"]["treatment"]["start"]
    started = _("the pilot starts (%(month)s)") % {"month": words.month(start)}
    ax.axvline(ref + 0.5, color="#a50f15", linestyle="--", linewidth=0.8, label=started)
    ticks = [i for i in x if i % 4 == 0]
    labels = [words.period(rows[i]["period"]) for i in ticks]
    ax.set_xticks(ticks, labels, rotation=45, ha="right", fontsize=8)
    ax.set_ylabel(outcome_label(results))
    ax.set_title(_("Event study: pilot municipalities compared with the other mainland municipalities"))
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    return fig


def outcome_label(results: dict[str, Any]) -> str:
    """The outcome and its unit in the active language, e.g. 'työttömyysaste (prosenttiyksikköä)'."""
    outcome = results["spec"]["outcome"]
    lang = translation.get_language() or "en"
    return f"{summary.OUTCOME_NAMES[outcome][lang]} ({summary.OUTCOME_WORDS[outcome][lang][1]})"


def write_plots(results: dict[str, Any], out: Path) -> None:
    fig = event_study_figure(results)
    fig.savefig(out / "event_study.svg", metadata={"Date": None})
    fig.savefig(out / "event_study.png", dpi=110, metadata={"Software": None})
    plt.close(fig)


def context(results: dict[str, Any]) -> dict[str, Any]:
    """The report's content in the active language: the reader's summary first, then the other two."""
    lang = translation.get_language() or "en"
    summaries = sorted(summary.summaries(results), key=lambda pair: pair[0] != lang)
    return {
        "lang": lang,
        "results": results,
        "estimates": [
            {
                **e,
                "variant_name": words.variant(e["variant"]),
                "weights_name": words.weights(e["weights"]),
                "inference_name": words.inference(e["inference"]),
            }
            for e in results["estimates"]
        ],
        "event_study": [{**r, "period_name": words.period(r["period"])} for r in results["event_study"]],
        "placebo": [{**p, "start_name": words.month(p["start"])} for p in results["placebo"]],
        "placebo_end": words.month(results["spec"]["placebo"]["end"]),
        "outcome": outcome_label(results),
        "spec_yaml": json.dumps(results["spec"], ensure_ascii=False, indent=2, sort_keys=True),
        "summaries": summaries,
        "pdf_engine": PDF_ENGINE,
        "svg": (None),
        "reference_period": words.period(reference_period(results)),
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


def _pdf_lines(results: dict[str, Any]) -> list[str]:
    import textwrap

    ctx = context(results)
    lines = [_("Kuntakokeilu — impact evaluation"), ""]
    for lang, text in ctx["summaries"]:
        lines += [f"[{lang}]", *textwrap.wrap(text, 110), ""]
    lines += [
        _("Estimates (two-way fixed effects; %(outcome)s), 95 %% confidence interval:")
        % {"outcome": ctx["outcome"]},
        "",
    ]
    for e in ctx["estimates"]:
        lines.append(f"{e['variant_name']}; {e['weights_name']}; {e['inference_name']}")
        lines.append(f"    {_number(e['estimate'])}  [{_number(e['ci_low'])}, {_number(e['ci_high'])}]")
    p_value = _number(results["pre_trend_p_value"], 4)
    lines += ["", _("Joint pre-trend test: p = %(p)s") % {"p": p_value}, _("Placebo start dates:")]
    lines += [
        f"  {p['start_name']}: {_number(p['estimate'])} [{_number(p['ci_low'])}, {_number(p['ci_high'])}]"
        for p in ctx["placebo"]
    ]
    d = results["data"]
    lines += [
        "",
        _("Data: %(source)s") % {"source": d["source"]},
        f"  {d['file']} SHA-256 {d['sha256']}",
        _("  empty (suppressed) cells dropped: %(count)s") % {"count": d["dropped_cells"]},
        _("PDF drawn with %(engine)s.") % {"engine": PDF_ENGINE},
    ]
    return lines


def _number(x: float, places: int = 3) -> str:
    """A number with the active language's decimal sign and a real minus sign."""
    text = f"{x:.{places}f}".replace("-", "−")
    return text.replace(".", ",") if (translation.get_language() or "en") in ("fi", "sv") else text


def write_pdf(results: dict[str, Any], out: Path) -> None:
    lines = _pdf_lines(results)
    with PdfPages(out / "report.pdf", metadata={"CreationDate": None, "ModDate": None}) as pdf:
        for start in range(0, len(lines), 95):
            _text_page(pdf, lines[start : start + 95])
        fig = event_study_figure(results)
        pdf.savefig(fig)
        plt.close(fig)
        spec = json.dumps(results["spec"], ensure_ascii=False, indent=2, sort_keys=True).splitlines()
        _text_page(pdf, [_("Specification (as a file):"), *spec])


def write_all(results: dict[str, Any], out: Path, lang: str = "en", languages: tuple[str, ...] = ()) -> None:
    """results.json, and the report in `lang` beside it; each other of `languages` in `out/<language>/`."""
    out.mkdir(parents=True, exist_ok=True)
    write_json(results, out)
    for language, folder in [(lang, out)] + [(other, out / other) for other in languages if other != lang]:
        folder.mkdir(exist_ok=True)
        with translation.override(language):
            write_plots(results, folder)
            write_html(results, folder)
            write_pdf(results, folder)
