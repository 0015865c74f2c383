"""What the charts draw: the data of each chart, from the log's reports."""

from __future__ import annotations

from typing import TypedDict

from ..insights.progress import Progress, track_progress
from ..insights.reports import Reports
from ..model import AnyEntry
from ..vocabulary import MOODS, entry_title, mood_name, stage_name
from . import charts

GAP_BARS = 10
"""The skills chart shows the first this many cited gaps, in the skills table's order."""
CHART_POINTS = 100
"""A chart over time draws at most this many points, the most recent (a page stays light)."""
CHART_TRACKS = 3
"""The interviews page charts this many tracks' progress; every track's own page has its chart."""


class ChartContext(TypedDict):
    charts: charts.Charts
    gap_bars: list[charts.Bar]
    stage_bars: list[charts.Bar]
    track_progress: list[tuple[Progress, list[charts.Point]]]
    mood_entries: list[tuple[int, AnyEntry]]
    mood_points: list[charts.Point]
    mood_levels: list[str]


def chart_context(found: Reports) -> ChartContext:
    """The data each chart draws."""
    language = found.analysis.settings.language
    mood_entries = [(e.mood, e) for e in found.analysis.entries if e.mood is not None]
    return {
        "charts": charts.Charts(language),
        "gap_bars": [
            charts.Bar(gap.name, len(gap.rejections), gap.status)
            for gap in found.skills.gaps
            if gap.rejections
        ][:GAP_BARS],
        "stage_bars": [
            charts.Bar(stage_name(step.stage, language), len(step.reached))
            for step in found.practice.funnel
        ],
        "track_progress": _track_progress(found),
        "mood_entries": mood_entries,
        "mood_points": [
            charts.Point(e.date, mood - 1, entry_title(e, language))
            for mood, e in mood_entries[-CHART_POINTS:]
        ],
        "mood_levels": [f"{level} {mood_name(level, language)}" for level in MOODS],
    }


def _track_progress(found: Reports) -> list[tuple[Progress, list[charts.Point]]]:
    """Each track's progress, with the points of its chart (a stage per process, over time)."""
    analysis = found.analysis
    result = []
    for track in found.tracks:
        if track.rejections:
            progress = track_progress(track.name, [analysis.of(r) for r in track.rejections])
            points = [
                charts.Point(r.date, analysis.of(r).stage_number - 1, r.company)
                for r, _ in progress.steps
            ]
            result.append((progress, points[-CHART_POINTS:]))
    return result
