"""A minimal server-rendered SVG line chart for the quota-use page (issue 18 item 6), pure and self-contained:
no database, no JavaScript. Every text and attribute is escaped; the chart carries a `<title>` and a `<desc>`
(`role="img"`, `aria-labelledby`), and the page shows the same figures in a table beside it."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 16, 36
TEXT = 'font-size="12" fill="#222"'


@dataclass(frozen=True)
class Line:
    """A polyline through (x, y) points, x in months (0–12), y in euros."""

    label: str
    points: tuple[tuple[float, float], ...]
    stroke: str  # a colour, e.g. "#0b5394"
    dashed: bool = False


def _nice_top(value: float) -> float:
    """The axis maximum: the next 1, 2 or 5 × 10^n at or above `value` (at least 1)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return float(step * magnitude)
    return float(10 * magnitude)  # pragma: no cover


def _fmt(value: float) -> str:
    return f"{round(value):,}".replace(",", "\u00a0")


def line_chart(
    *,
    chart_id: str,
    title: str,
    desc: str,
    lines: list[Line],
    x_labels: list[str],
    y_label: str,
) -> str:
    """The SVG markup of a line chart over the 12 months of a year (x 0 = the start of January, 12 = the end
    of December; `x_labels` name the months at their ends). Values are euros."""
    top = _nice_top(max((float(y) for line in lines for _x, y in line.points), default=0.0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return round(LEFT + plot_w * x / 12, 1)

    def py(y: float) -> float:
        return round(TOP + plot_h * (1 - float(y) / top), 1)

    cid = escape(chart_id, quote=True)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{cid}-title {cid}-desc" id="{cid}">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(desc)}</desc>',
    ]
    for i in range(5):
        value = top * i / 4
        y = py(value)
        out.append(f'<line stroke="#d0d0d0" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"/>')
        out.append(f'<text {TEXT} x="{LEFT - 6}" y="{y + 4}" text-anchor="end">{_fmt(value)}</text>')
    for i, label in enumerate(x_labels, start=1):
        out.append(
            f'<text {TEXT} x="{px(i - 0.5)}" y="{HEIGHT - BOTTOM + 16}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    out.append(
        f'<text {TEXT} x="12" y="{TOP + plot_h / 2}" transform="rotate(-90 12 {TOP + plot_h / 2})" '
        f'text-anchor="middle">{escape(y_label)}</text>'
    )
    for line in lines:
        if not line.points:
            continue
        coords = " ".join(f"{px(x)},{py(y)}" for x, y in line.points)
        dash = ' stroke-dasharray="8 5"' if line.dashed else ""
        out.append(
            f'<polyline stroke="{escape(line.stroke, quote=True)}" stroke-width="2.5"{dash} fill="none" '
            f'points="{coords}"><title>{escape(line.label)}</title></polyline>'
        )
    out.append("</svg>")
    return "\n".join(out)
