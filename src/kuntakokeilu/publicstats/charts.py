"""Server-rendered SVG line charts (R-MON-6): pure, deterministic, readable without JavaScript.

`line_chart(...)` returns the markup of one `<svg role="img">` with a `<title>` and `<desc>` (referenced by
aria-labelledby), the lines as `<path>`s told apart by colour AND dash pattern (not by colour alone), a
legend, y-axis ticks at round numbers and x labels at the first month of each year. Every text is escaped
here; the caller gives final text in the page's language (the words are the caller's), numbers are written
with the language's decimal sign (fi/sv: comma). A missing value (None) breaks the line instead of drawing it
to 0. Always show the same figures in a table beside the chart: the chart is the picture, the table the data.

    svg = line_chart(
        title="Työttömyysaste, %", desc="…", labels=["2021-01", …],
        lines=[Line("Kainuu", [11.2, …]), Line("Muu Manner-Suomi", [10.6, …])],
        lang="fi", marker=("2021-03", "Kokeilu alkaa"),
    )

Output is the same bytes for the same input (no ids from counters or randomness; `chart_id` names the ids).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

WIDTH, HEIGHT = 760, 340
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 16, 16, 64
# (stroke colour, dash pattern): dark enough on white for WCAG 1.4.11 (3:1), and told apart without colour.
STYLES = (("#1f5f8b", ""), ("#8a3b12", "6 4"), ("#2f6b2f", "2 3"), ("#5b3a8c", "10 3 2 3"))
TEXT = "#1b2430"
GRID = "#c9ced6"


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float | int | Decimal | None]


def number(value: float | int | Decimal, lang: str, decimals: int = 0) -> str:
    """A number as the language writes it: thousands with a narrow no-break space in fi/sv, decimal comma."""
    text = f"{float(value):,.{decimals}f}"
    if lang in ("fi", "sv"):
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (low ≥ 0 is kept at 0 for counts and rates)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = [round(start, 10)]
    while ticks[-1] < high:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def _fmt(value: float) -> str:
    """A coordinate with at most one decimal, without a trailing .0 (stable text)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def line_chart(
    *,
    title: str,
    desc: str,
    labels: Sequence[str],
    lines: Sequence[Line],
    lang: str,
    decimals: int = 0,
    marker: tuple[str, str] | None = None,
    chart_id: str = "chart",
    width: int = WIDTH,
    height: int = HEIGHT,
) -> str:
    """The SVG markup of a line chart of `lines` over the x `labels` ("YYYY-MM" months or any text)."""
    if any(len(line.values) != len(labels) for line in lines):
        raise ValueError("every line needs one value per label")
    if len(lines) > len(STYLES):
        raise ValueError(f"at most {len(STYLES)} lines")
    values = [float(v) for line in lines for v in line.values if v is not None]
    ticks = nice_ticks(min([0.0, *values]), max(values) if values else 1.0)
    low, high = ticks[0], ticks[-1]
    plot_w = width - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = height - MARGIN_TOP - MARGIN_BOTTOM
    base = MARGIN_TOP + plot_h

    def x(i: int) -> float:
        return MARGIN_LEFT + (plot_w * i / (len(labels) - 1) if len(labels) > 1 else plot_w / 2)

    def y(v: float) -> float:
        return base - plot_h * (v - low) / (high - low)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for tick in ticks:
        ty = _fmt(y(tick))
        out.append(
            f'<line x1="{MARGIN_LEFT}" y1="{ty}" x2="{width - MARGIN_RIGHT}" y2="{ty}" stroke="{GRID}"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{ty}" dy="4" text-anchor="end" font-size="11" fill="{TEXT}">'
            f"{escape(number(tick, lang, decimals if tick != int(tick) else 0))}</text>"
        )
    out.append(
        f'<line x1="{MARGIN_LEFT}" y1="{_fmt(base)}" x2="{width - MARGIN_RIGHT}" y2="{_fmt(base)}" '
        f'stroke="#555f6b"/>'
    )
    for i, label in enumerate(labels):
        if i == 0 or label.endswith("-01") or (i == len(labels) - 1 and len(labels) < 3):
            text = label[:4] if len(label) == 7 and label[4] == "-" else label
            out.append(
                f'<line x1="{_fmt(x(i))}" y1="{_fmt(base)}" x2="{_fmt(x(i))}" y2="{_fmt(base + 4)}" '
                f'stroke="#555f6b"/><text x="{_fmt(x(i))}" y="{_fmt(base + 18)}" text-anchor="middle" '
                f'font-size="11" fill="{TEXT}">{escape(text)}</text>'
            )
    if marker is not None and marker[0] in labels:
        mx = _fmt(x(list(labels).index(marker[0])))
        out.append(
            f'<line x1="{mx}" y1="{MARGIN_TOP}" x2="{mx}" y2="{_fmt(base)}" stroke="{TEXT}" '
            f'stroke-dasharray="1 3"/><text x="{mx}" y="{MARGIN_TOP + 10}" dx="4" font-size="11" '
            f'fill="{TEXT}">{escape(marker[1])}</text>'
        )
    for n, line in enumerate(lines):
        colour, dash = STYLES[n]
        segments, current = [], []
        for i, v in enumerate(line.values):
            if v is None:
                if current:
                    segments.append(current)
                current = []
            else:
                current.append(f"{_fmt(x(i))},{_fmt(y(float(v)))}")
        if current:
            segments.append(current)
        d = " ".join("M" + " L".join(segment) for segment in segments)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if d:
            out.append(
                f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}>'
                f"<title>{escape(line.label)}</title></path>"
            )
        ly = height - 22
        lx = MARGIN_LEFT + n * (plot_w // max(len(lines), 1))
        out.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 28}" y2="{ly}" stroke="{colour}" '
            f'stroke-width="2"{dash_attr}/>'
            f'<text x="{lx + 34}" y="{ly}" dy="4" font-size="12" fill="{TEXT}">{escape(line.label)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)
