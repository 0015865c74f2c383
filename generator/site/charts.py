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
from ..vocabulary import gap_status_name
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
class _Page:
    """Where a chart is drawn: the language of its words, and which way its page reads.

    On a right-to-left page every chart is drawn mirrored (labels start at the right, bars grow
    leftwards, time runs from right to left), as Material's bidirectional guidance has it; text
    anchors are written as "start"/"end", which the SVG's `direction` turns the right way.
    """

    language: Language

    @property
    def rtl(self) -> bool:
        return self.language.direction == "rtl"

    def x(self, x: float, width: float = 0) -> float:
        """`x` (the left edge of something `width` wide, drawn left to right) on this page."""
        return round(WIDTH - x - width, 1) if self.rtl else x

    def line_start(self) -> float:
        """Where a label line starts: the left edge, or 2 units in from the right one (a glyph
        may reach a little past the end of its text, and there it would be clipped)."""
        return WIDTH - 2 if self.rtl else 0

    def line_end(self) -> float:
        """Where a label line ends (see `line_start`)."""
        return 2 if self.rtl else WIDTH

    def count(self, value: int, unit: tuple[str, str]) -> str:
        """ "3 rejections": a bar's figure in words, or the bare number without a unit."""
        if not unit[0]:
            return self.language.integer(value)
        if unit == ("rejection", "rejections"):
            return self.language.ngettext("%(num)s rejection", "%(num)s rejections", value)
        form = unit[0] if value == 1 else unit[1]  # a user template's own unit, as written
        return f"{self.language.integer(value)} {form}"

    def status(self, status: str) -> str:
        return gap_status_name(status, self.language)


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


def _frame(
    page: _Page, chart_id: str, title: str, summary: str, height: int, body: list[str]
) -> list[str]:
    align = "xMaxYMin" if page.rtl else "xMinYMin"
    return [
        f'<svg class="rl-chart__svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'direction="{page.language.direction}" '
        f'preserveAspectRatio="{align} meet" xmlns="http://www.w3.org/2000/svg">',
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


def _bar_shape(page: _Page, chart_id: str, bar: Bar, y: int, width: int, height: int) -> str:
    x = page.x(0, width)
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


def _legend(page: _Page, chart_id: str, statuses: Sequence[str], top: int) -> tuple[list[str], int]:
    """A key of the statuses shown: swatch (colour and pattern) and name; wraps to fit."""
    body, x, y = [], 0.0, top
    for status in statuses:
        name = page.status(status)
        width = 18 + 6 + _text_width(name, SMALL) + 16
        if x and x + width > WIDTH:
            x, y = 0, y + 22
        body.append(
            f'<g class="rl-chart__key"><rect x="{page.x(x, 18):.0f}" y="{y}" width="18" '
            f'height="14" rx="2" '
            f'class="rl-chart__bar rl-chart__bar--status rl-chart__bar--{status}" '
            f'fill="url(#{chart_id}-{status})"/>'
            f'<text x="{page.x(x + 24):.0f}" y="{y + 12}" fill="currentColor" '
            f'font-size="{SMALL}">{escape(name)}</text></g>'
        )
        x += width
    return body, y + 18


def _bar_row(page: _Page, chart_id: str, bar: Bar, y: int, width: int, said: str) -> str:
    """One bar: its label (and status) on a line, then the bar and its figure."""
    status = page.status(bar.status) if bar.status else ""
    status_text = (
        f'<text x="{page.line_end()}" y="{y + 15}" text-anchor="end" fill="currentColor" '
        f'font-size="{SMALL}" font-style="italic">{escape(status)}</text>'
        if status
        else ""
    )
    tooltip = page.language.gettext("%(name)s: %(count)s", name=bar.label, count=said)
    if status:
        tooltip = page.language.gettext("%(what)s, %(status)s", what=tooltip, status=status)
    return (
        f"<g><title>{escape(tooltip)}</title>"
        f'<text x="{page.line_start()}" y="{y + 15}" fill="currentColor" font-size="{FONT}">'
        f"{escape(_short(bar.label))}</text>{status_text}"
        + (_bar_shape(page, chart_id, bar, y + 21, width, 16) if width else "")
        + f'<text x="{page.x(width + 6)}" y="{y + 34}" fill="currentColor" font-size="{FONT}" '
        f'font-weight="bold">{escape(page.language.integer(bar.value))}</text></g>'
    )


def bar_chart(
    chart_id: str,
    title: str,
    bars: Sequence[Bar],
    unit: tuple[str, str] = ("", ""),
    caption: str = "",
    language: Language = ENGLISH,
) -> Md:
    """Horizontal bars, one per label, in the order given; `unit` is (singular, plural).

    Bars with a status are filled with that status's colour and pattern, name it in words at
    the end of their label line, and the chart gets a legend of the statuses shown.
    """
    if not bars:
        return Md("")
    page = _Page(language)
    top = max(bar.value for bar in bars) or 1
    span = WIDTH - VALUE_ROOM
    body: list[str] = []
    statuses = [s for s in STATUSES if any(bar.status == s for bar in bars)]
    if statuses:
        body.append(_patterns(chart_id))
    for index, bar in enumerate(bars):
        width = max(3, round(span * bar.value / top)) if bar.value else 0
        body.append(
            _bar_row(page, chart_id, bar, index * BAR_ROW, width, page.count(bar.value, unit))
        )
    height = len(bars) * BAR_ROW
    if statuses:
        legend, height = _legend(page, chart_id, statuses, height + 6)
        body.extend(legend)
    table = _data_table(
        title, _bar_headers(page, unit, bool(statuses)), _bar_rows(page, bars, statuses)
    )
    summary = "; ".join(_bar_summary(page, bar, page.count(bar.value, unit)) for bar in bars)
    svg = _frame(page, chart_id, title, summary, height + 4, body)
    return _figure(chart_id, svg, caption or title, table)


def _bar_summary(page: _Page, bar: Bar, said: str) -> str:
    text = page.language.gettext("%(name)s: %(count)s", name=bar.label, count=said)
    if bar.status:
        return page.language.gettext(
            "%(what)s, %(status)s", what=text, status=page.status(bar.status)
        )
    return text


def _bar_headers(page: _Page, unit: tuple[str, str], statuses: bool) -> list[str]:
    _ = page.language.gettext
    # Translators: the heading of a chart's data table over the bars' counts.
    counted = _("Rejections") if unit == ("rejection", "rejections") else unit[1] or _("Count")
    return [_("Name"), counted] + ([_("Status")] if statuses else [])


def _bar_rows(page: _Page, bars: Sequence[Bar], statuses: Sequence[str]) -> list[list[str]]:
    return [
        [bar.label, page.language.integer(bar.value)]
        + ([page.status(bar.status)] if statuses else [])
        for bar in bars
    ]


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


def _axis(page: _Page, ticks: Sequence[tuple[float, str]], base: float, left: float) -> list[str]:
    """Axis labels under the plot, centred on their tick, none overlapping or off the edge.

    Laid out left to right as if the page read so (`x` before mirroring), then mirrored.
    """
    body: list[str] = []
    right_edge = left - 10.0
    for x, text in ticks:
        half = _text_width(text, SMALL) * 0.46
        centre = min(max(x, left + half), WIDTH - half)
        if centre - half < right_edge + 6:
            continue
        tick = page.x(x)
        body.append(
            f'<line x1="{tick}" x2="{tick}" y1="{base - 18}" y2="{base - 13}" '
            f'stroke="currentColor"/>'
            f'<text x="{page.x(centre):.1f}" y="{base}" text-anchor="middle" fill="currentColor" '
            f'font-size="{SMALL}">{escape(text)}</text>'
        )
        right_edge = centre + half
    return body


def timeline_chart(
    chart_id: str,
    title: str,
    points: Sequence[Point],
    levels: Sequence[str],
    caption: str = "",
    language: Language = ENGLISH,
) -> Md:
    """Points over time on a scale of named levels (stages, moods), joined by a line."""
    if not points:
        return Md("")
    page = _Page(language)
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
            f'<line x1="{page.x(left)}" x2="{page.x(WIDTH - right)}" y1="{y_of(level)}" '
            f'y2="{y_of(level)}" stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="{page.x(left - 8)}" y="{y_of(level) + 4}" text-anchor="end" '
            f'fill="currentColor" font-size="{SMALL}">{escape(name)}</text>'
        )
    path = " ".join(f"{page.x(x_of(p.day))},{y_of(p.value)}" for p in points)
    body.append(
        f'<polyline class="rl-chart__line" points="{path}" fill="none" stroke="#00796b" '
        f'stroke-width="2"/>'
    )
    for p in points:
        body.append(
            f'<circle class="rl-chart__dot" cx="{page.x(x_of(p.day))}" cy="{y_of(p.value)}" r="5" '
            f'fill="#00796b"><title>{escape(_point_text(page, p, levels))}</title></circle>'
        )
    months = [*_month_ticks(first, last), dt.date(last.year, last.month, 1)]
    ticks = [(x_of(max(day, first)), axis_date(day, language)) for day in dict.fromkeys(months)]
    body.extend(_axis(page, ticks, height - 6, left))
    summary = "; ".join(_point_text(page, p, levels) for p in points)
    _ = language.gettext
    rows = [(_point_day(page, p), levels[p.value]) for p in points]
    table = _data_table(title, (_("Date"), _("Level")), rows)
    svg = _frame(page, chart_id, title, summary, height, body)
    return _figure(chart_id, svg, caption or title, table)


def _point_day(page: _Page, point: Point) -> str:
    """ "18 March 2026", or "18 March 2026 (Acme)" for a point with a label."""
    day = page.language.long_date(point.day)
    if not point.label:
        return day
    return page.language.gettext("%(day)s (%(label)s)", day=day, label=point.label)


def _point_text(page: _Page, point: Point, levels: Sequence[str]) -> str:
    return page.language.gettext(
        "%(day)s: %(level)s", day=_point_day(page, point), level=levels[point.value]
    )


class Charts:
    """The charts of one site, drawn in its language: what the templates call as `charts`."""

    def __init__(self, language: Language = ENGLISH) -> None:
        self.language = language

    def bar_chart(
        self,
        chart_id: str,
        title: str,
        bars: Sequence[Bar],
        unit: tuple[str, str] = ("", ""),
        caption: str = "",
    ) -> Md:
        return bar_chart(chart_id, title, bars, unit, caption, self.language)

    def timeline_chart(
        self,
        chart_id: str,
        title: str,
        points: Sequence[Point],
        levels: Sequence[str],
        caption: str = "",
    ) -> Md:
        return timeline_chart(chart_id, title, points, levels, caption, self.language)
