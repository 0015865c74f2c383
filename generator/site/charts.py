"""Static, inline SVG charts: no JavaScript, no CDN, readable in print and in both colour schemes.

Colours come from the stylesheet (with plain fallbacks for feed readers and print);
text uses `currentColor`. Every chart carries a `<title>`, a `<desc>` and a visually hidden
table of its numbers, so screen readers and search get the figures too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .markdown import Md

WIDTH = 640
ROW = 26
LABEL_WIDTH = 210
MAX_LABEL = 30


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: int
    """An index into the chart's levels."""
    label: str = ""


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _frame(chart_id: str, title: str, summary: str, height: int, body: list[str]) -> list[str]:
    return [
        f'<svg class="rl-chart__svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}</desc>',
        *body,
        "</svg>",
    ]


def _data_table(caption: str, headers: tuple[str, str], rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>" for label, value in rows
    )
    return (
        '<div class="rl-visually-hidden"><table class="rl-data">'
        f"<caption>{escape(caption)}</caption>"
        f"<thead><tr><th>{escape(headers[0])}</th><th>{escape(headers[1])}</th></tr></thead>"
        f"<tbody>{cells}</tbody></table></div>"
    )


def _figure(chart_id: str, svg: list[str], caption: str, table: str) -> Md:
    """The chart, its hidden data table, then the caption (a figcaption must come last)."""
    lines = [
        f'<figure class="rl-chart" id="{chart_id}">',
        '<div class="rl-chart__scroll">',
        *svg,
        "</div>",
        table,
        f"<figcaption>{escape(caption)}</figcaption>",
        "</figure>",
    ]
    return Md("\n".join(line for line in lines if line.strip()) + "\n")


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar], unit: str = "") -> Md:
    """Horizontal bars, one per label, longest value first as given."""
    if not bars:
        return Md("")
    top = max(bar.value for bar in bars) or 1
    span = WIDTH - LABEL_WIDTH - 50
    height = ROW * len(bars) + 10
    body = []
    for index, bar in enumerate(bars):
        y = 5 + index * ROW
        width = max(2, round(span * bar.value / top))
        body.append(
            f"<g><title>{escape(bar.label)}: {bar.value} {escape(unit)}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" fill="currentColor" '
            f'font-size="13">{escape(_short(bar.label))}</text>'
            f'<rect class="rl-chart__bar" x="{LABEL_WIDTH}" y="{y + 4}" width="{width}" '
            f'height="{ROW - 8}" rx="3" fill="#00796b"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 17}" fill="currentColor" '
            f'font-size="13">{bar.value}</text></g>'
        )
    summary = "; ".join(f"{bar.label}: {bar.value}" for bar in bars)
    table = _data_table(title, ("Name", unit or "Value"), [(b.label, str(b.value)) for b in bars])
    return _figure(chart_id, _frame(chart_id, title, summary, height, body), title, table)


def timeline_chart(chart_id: str, title: str, points: Sequence[Point], levels: Sequence[str]) -> Md:
    """Points over time on a scale of named levels (stages, moods), joined by a line."""
    if not points:
        return Md("")
    left, right, top_pad, step = 120, 20, 12, 30
    height = top_pad * 2 + step * (len(levels) - 1) + 30
    first, last = points[0].day, points[-1].day
    days = max((last - first).days, 1)
    span = WIDTH - left - right

    def x(point: Point) -> float:
        offset = (point.day - first).days / days if len(points) > 1 else 0.5
        return round(left + span * offset, 1)

    def y(level: int) -> float:
        return top_pad + step * (len(levels) - 1 - level)

    body = []
    for level, name in enumerate(levels):
        body.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y(level)}" y2="{y(level)}" '
            f'stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="{left - 8}" y="{y(level) + 4}" text-anchor="end" fill="currentColor" '
            f'font-size="12">{escape(_short(name))}</text>'
        )
    path = " ".join(f"{x(p)},{y(p.value)}" for p in points)
    body.append(
        f'<polyline class="rl-chart__line" points="{path}" fill="none" stroke="#00796b" '
        f'stroke-width="2"/>'
    )
    for p in points:
        label = f"{p.day.isoformat()}: {levels[p.value]}" + (f" ({p.label})" if p.label else "")
        body.append(
            f'<circle class="rl-chart__dot" cx="{x(p)}" cy="{y(p.value)}" r="5" '
            f'fill="#00796b"><title>{escape(label)}</title></circle>'
        )
    base = height - 8
    body.append(
        f'<text x="{left}" y="{base}" fill="currentColor" font-size="12">'
        f"{first.isoformat()}</text>"
        f'<text x="{WIDTH - right}" y="{base}" text-anchor="end" fill="currentColor" '
        f'font-size="12">{last.isoformat()}</text>'
    )
    summary = "; ".join(f"{p.day.isoformat()}: {levels[p.value]}" for p in points)
    rows = [
        (p.day.isoformat() + (f" ({p.label})" if p.label else ""), levels[p.value]) for p in points
    ]
    table = _data_table(title, ("Date", "Level"), rows)
    return _figure(chart_id, _frame(chart_id, title, summary, height, body), title, table)
