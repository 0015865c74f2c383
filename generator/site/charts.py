"""Static, inline SVG charts: no JavaScript, no CDN, readable in print and in both colour schemes.

Each chart is drawn for a phone-sized box (`WIDTH` user units wide) and scales with its column
(`width="100%"`, capped by the stylesheet), so on a 390 px phone every bar, label and number is
on screen and nothing scrolls sideways. Labels sit above their bars, so bars get the full width.

Colours come from the stylesheet (with plain fallbacks for feed readers and print); text uses
`currentColor`. Every chart carries a `<title>`, a `<desc>` and a visually hidden table of its
numbers, so screen readers and search get the figures too. Dates read as the rest of the site
does: "18 March 2026", and "Mar 2026" on an axis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..i18n import ENGLISH, Language
from ..wording import long_date, plural
from .html_blocks import html_block
from .markdown import Md

WIDTH = 400
MAX_LABEL = 30
MAX_LEVEL = 14
FONT = 14
SMALL = 12

STATUSES = ("recurring", "open", "learning", "closed")
"""The statuses a skill gap can have, in the order the legend lists them."""


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    status: str = ""
    """One of `STATUSES`, for bars that show a skill gap's status; empty otherwise."""


@dataclass(frozen=True)
class Point:
    day: dt.date
    value: int
    """An index into the chart's levels."""
    label: str = ""


def axis_date(day: dt.date, language: Language = ENGLISH) -> str:
    """ "Mar 2026", for an axis."""
    return language.month_year(day)


def _short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_width(text: str, size: int) -> float:
    """A generous estimate of the width of `text` in a sans-serif font of `size` units."""
    return len(text) * size * 0.6


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


def _data_table(caption: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        '<div class="rl-visually-hidden"><table class="rl-data">'
        f"<caption>{escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{cells}</tbody></table></div>"
    )


def _figure(chart_id: str, svg: list[str], caption: str, table: str) -> Md:
    """The chart, its hidden data table, then the caption (a figcaption must come last)."""
    lines = [
        f'<figure class="rl-chart" id="{chart_id}">',
        *svg,
        table,
        f"<figcaption>{escape(caption)}</figcaption>",
        "</figure>",
    ]
    return html_block("\n".join(line for line in lines if line.strip()))


# --------------------------------------------------------------------------------------------
# Bars
# --------------------------------------------------------------------------------------------

BAR_ROW = 46
"""A label line, then the bar with its number."""
VALUE_ROOM = 44


def _patterns(chart_id: str) -> str:
    """One fill per status: a colour (from the stylesheet) and a pattern, so print and readers
    who do not tell the colours apart can still tell the statuses apart."""
    stripes = {
        "recurring": '<path d="M0 0L8 8M-2 6L2 10M6 -2L10 2" class="rl-chart__mark"/>',
        "open": "",
        "learning": '<circle cx="4" cy="4" r="1.3" class="rl-chart__mark"/>',
        "closed": "",
    }
    return (
        "<defs>"
        + "".join(
            f'<pattern id="{chart_id}-{status}" width="8" height="8" patternUnits="userSpaceOnUse">'
            f'<rect width="8" height="8" class="rl-chart__fill rl-chart__fill--{status}" '
            f'fill="{_FALLBACK[status]}"/>{mark}</pattern>'
            for status, mark in stripes.items()
        )
        + "</defs>"
    )


_FALLBACK = {"recurring": "#b71c1c", "open": "#00796b", "learning": "#1565c0", "closed": "#fff"}
"""Fills for readers without the stylesheet (feeds); the stylesheet sets both schemes' own."""


def _bar_shape(chart_id: str, bar: Bar, x: int, y: int, width: int, height: int) -> str:
    if not bar.status:
        return (
            f'<rect class="rl-chart__bar" x="{x}" y="{y}" width="{width}" height="{height}" '
            f'rx="3" fill="#00796b"/>'
        )
    return (
        f'<rect class="rl-chart__bar rl-chart__bar--status rl-chart__bar--{bar.status}" '
        f'x="{x}" y="{y}" width="{width}" height="{height}" rx="3" '
        f'fill="url(#{chart_id}-{bar.status})"/>'
    )


def _legend(chart_id: str, statuses: Sequence[str], top: int) -> tuple[list[str], int]:
    """A key of the statuses shown: swatch (colour and pattern) and name; wraps to fit."""
    body, x, y = [], 0.0, top
    for status in statuses:
        width = 18 + 6 + _text_width(status, SMALL) + 16
        if x and x + width > WIDTH:
            x, y = 0, y + 22
        body.append(
            f'<g class="rl-chart__key"><rect x="{x:.0f}" y="{y}" width="18" height="14" rx="2" '
            f'class="rl-chart__bar rl-chart__bar--status rl-chart__bar--{status}" '
            f'fill="url(#{chart_id}-{status})"/>'
            f'<text x="{x + 24:.0f}" y="{y + 12}" fill="currentColor" font-size="{SMALL}">'
            f"{status}</text></g>"
        )
        x += width
    return body, y + 18


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    unit: tuple[str, str] = ("", ""),
    caption: str = "",
) -> Md:
    """Horizontal bars, one per label, in the order given; `unit` is (singular, plural).

    Bars with a status are filled with that status's colour and pattern, name it in words at
    the end of their label line, and the chart gets a legend of the statuses shown.
    """
    if not bars:
        return Md("")
    top = max(bar.value for bar in bars) or 1
    span = WIDTH - VALUE_ROOM
    body: list[str] = []
    statuses = [s for s in STATUSES if any(bar.status == s for bar in bars)]
    if statuses:
        body.append(_patterns(chart_id))
    for index, bar in enumerate(bars):
        y = index * BAR_ROW
        width = max(3, round(span * bar.value / top)) if bar.value else 0
        said = plural(bar.value, *unit) if unit[0] else str(bar.value)
        status_text = (
            f'<text x="{WIDTH}" y="{y + 15}" text-anchor="end" fill="currentColor" '
            f'font-size="{SMALL}" font-style="italic">{bar.status}</text>'
            if bar.status
            else ""
        )
        body.append(
            f"<g><title>{escape(bar.label)}: {escape(said)}"
            f"{', ' + bar.status if bar.status else ''}</title>"
            f'<text x="0" y="{y + 15}" fill="currentColor" font-size="{FONT}">'
            f"{escape(_short(bar.label))}</text>{status_text}"
            + (_bar_shape(chart_id, bar, 0, y + 21, width, 16) if width else "")
            + f'<text x="{width + 6}" y="{y + 34}" fill="currentColor" font-size="{FONT}" '
            f'font-weight="bold">{bar.value}</text></g>'
        )
    height = len(bars) * BAR_ROW
    if statuses:
        legend, height = _legend(chart_id, statuses, height + 6)
        body.extend(legend)
    summary = "; ".join(
        f"{bar.label}: {plural(bar.value, *unit) if unit[0] else bar.value}"
        + (f", {bar.status}" if bar.status else "")
        for bar in bars
    )
    headers = ["Name", unit[1].capitalize() or "Value"] + (["Status"] if statuses else [])
    rows = [[bar.label, str(bar.value)] + ([bar.status] if statuses else []) for bar in bars]
    table = _data_table(title, headers, rows)
    svg = _frame(chart_id, title, summary, height + 4, body)
    return _figure(chart_id, svg, caption or title, table)


# --------------------------------------------------------------------------------------------
# Points over time
# --------------------------------------------------------------------------------------------

LEVEL_STEP = 26
AXIS_ROOM = 30


def _month_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first of a few months between `first` and `last`: at most four, evenly spaced."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, -(-months // 3))
    ticks = []
    for offset in range(0, months + 1, step):
        year, month = divmod(first.month - 1 + offset, 12)
        ticks.append(dt.date(first.year + year, month + 1, 1))
    return ticks


def _axis(ticks: Sequence[tuple[float, str]], base: float, left: float) -> list[str]:
    """Axis labels under the plot, centred on their tick, none overlapping or off the edge."""
    body: list[str] = []
    right_edge = left - 10.0
    for x, text in ticks:
        half = _text_width(text, SMALL) * 0.46
        centre = min(max(x, left + half), WIDTH - half)
        if centre - half < right_edge + 6:
            continue
        body.append(
            f'<line x1="{x}" x2="{x}" y1="{base - 18}" y2="{base - 13}" stroke="currentColor"/>'
            f'<text x="{centre:.1f}" y="{base}" text-anchor="middle" fill="currentColor" '
            f'font-size="{SMALL}">{text}</text>'
        )
        right_edge = centre + half
    return body


def timeline_chart(
    chart_id: str, title: str, points: Sequence[Point], levels: Sequence[str], caption: str = ""
) -> Md:
    """Points over time on a scale of named levels (stages, moods), joined by a line."""
    if not points:
        return Md("")
    shown_levels = [_short(level, MAX_LEVEL) for level in levels]
    left = round(max(_text_width(level, SMALL) for level in shown_levels)) + 14
    right, top_pad = 10, 10
    plot_bottom = top_pad + LEVEL_STEP * (len(levels) - 1)
    height = plot_bottom + AXIS_ROOM
    first, last = points[0].day, points[-1].day
    days = max((last - first).days, 1)
    span = WIDTH - left - right - 10

    def x_of(day: dt.date) -> float:
        offset = (day - first).days / days if last > first else 0.5
        return round(left + 5 + span * min(max(offset, 0.0), 1.0), 1)

    def y_of(level: int) -> float:
        return top_pad + LEVEL_STEP * (len(levels) - 1 - level)

    body = []
    for level, name in enumerate(shown_levels):
        body.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y_of(level)}" y2="{y_of(level)}" '
            f'stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="{left - 8}" y="{y_of(level) + 4}" text-anchor="end" fill="currentColor" '
            f'font-size="{SMALL}">{escape(name)}</text>'
        )
    path = " ".join(f"{x_of(p.day)},{y_of(p.value)}" for p in points)
    body.append(
        f'<polyline class="rl-chart__line" points="{path}" fill="none" stroke="#00796b" '
        f'stroke-width="2"/>'
    )
    for p in points:
        body.append(
            f'<circle class="rl-chart__dot" cx="{x_of(p.day)}" cy="{y_of(p.value)}" r="5" '
            f'fill="#00796b"><title>{escape(_point_text(p, levels))}</title></circle>'
        )
    months = [*_month_ticks(first, last), dt.date(last.year, last.month, 1)]
    ticks = [(x_of(max(day, first)), axis_date(day)) for day in dict.fromkeys(months)]
    body.extend(_axis(ticks, height - 6, left))
    summary = "; ".join(_point_text(p, levels) for p in points)
    rows = [
        (long_date(p.day) + (f" ({p.label})" if p.label else ""), levels[p.value]) for p in points
    ]
    table = _data_table(title, ("Date", "Level"), rows)
    svg = _frame(chart_id, title, summary, height, body)
    return _figure(chart_id, svg, caption or title, table)


def _point_text(point: Point, levels: Sequence[str]) -> str:
    label = f" ({point.label})" if point.label else ""
    return f"{long_date(point.day)}{label}: {levels[point.value]}"
