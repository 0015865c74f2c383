"""Model + insights → the site's pages, as Markdown rendered from Jinja2 templates.

Templates ship inside the package; a folder of the user's own templates, when given, is searched
first, so any page can be reworded without forking the plugin.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

import jinja2

from ..errors import Problem
from ..insights import analysis as insights
from ..insights.feedback import email_for, feedback_report
from ..insights.interviews import practice_report
from ..insights.lessons import lessons_report
from ..insights.mentor import DEFAULT_WINDOW_DAYS, digest
from ..insights.names import fold
from ..insights.progress import track_progress
from ..insights.skills import skills_report
from ..insights.tracks import tracks_report
from ..model import AnyEntry, Rejection
from ..settings import Settings
from . import charts
from .markdown import Md, escape, finalize, front_matter, link, meta_text

TIMELINE = "entries.md"
TRACKS = "tracks.md"
PROBLEMS = "problems.md"
ENTRIES_FOLDER = "entries"

INSIGHT_PAGES: tuple[tuple[str, str, str], ...] = (
    ("skills.md", "skills.md.j2", "Skills gap"),
    ("feedback.md", "feedback.md.j2", "Feedback"),
    ("interviews.md", "interviews.md.j2", "Interviews"),
    ("tracks.md", "tracks.md.j2", "Tracks"),
    ("lessons.md", "lessons.md.j2", "Lessons"),
    ("reflections.md", "reflections.md.j2", "Reflections"),
    ("mentor.md", "mentor.md.j2", "For my mentor"),
)
"""(page, template, title) of each insight page, in the order a navigation would list them."""

PRIVATE_BANNER = (
    '<p class="rl-private-banner" role="alert"><strong>Private preview — do not publish.'
    "</strong> This build shows private entries and private sections.</p>\n"
)
"""Put at the top of every page while private content is shown."""

GAP_BARS = 10
"""The skills chart shows the first this many cited gaps, in the skills table's order."""

MOODS = {1: "crushed", 2: "low", 3: "getting by", 4: "steady", 5: "fine"}


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes in the docs tree, and its Markdown."""

    uri: str
    content: str
    in_nav: bool = True


@dataclass(frozen=True)
class SiteOptions:
    dashboard_uri: str = "index.md"
    """`index.md`, or `dashboard.md` when the user has a home page of their own."""
    problem_details: bool = True
    """List each problem (preview); a published build says only how many, never file names."""
    templates_dir: str | os.PathLike[str] | None = None
    entries_label: str = "entries"
    """How the entries folder is named to the user, e.g. in "From entries/2026/x.md"."""
    show_sources: bool = True
    """Name each entry's file on its page (not in anonymized builds: file names name companies)."""
    mentor_since: dt.date | None = None
    """Start of the mentor digest; default: `DEFAULT_WINDOW_DAYS` before today."""


def entry_uri(entry: AnyEntry | str) -> str:
    entry_id = entry if isinstance(entry, str) else entry.id
    return f"{ENTRIES_FOLDER}/{entry_id}.md"


def human_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def short_date(day: dt.date) -> str:
    """ "3 Nov", never broken across lines."""
    return f"{day.day}\u00a0{calendar.month_abbr[day.month]}"


def date_range(first: dt.date | None, last: dt.date | None) -> str:
    """ "3 Nov 2026", "3 Mar to 27 Oct 2026" (with an en dash): each date kept on one line."""
    if first is None or last is None:
        return ""
    if first == last:
        return f"{short_date(first)}\u00a0{first.year}"
    if first.year == last.year:
        return f"{short_date(first)} \u2013 {short_date(last)}\u00a0{last.year}"
    return f"{short_date(first)}\u00a0{first.year} \u2013 {short_date(last)}\u00a0{last.year}"


class Links:
    """Link helpers for one page: every link is relative to that page's source."""

    def __init__(
        self, here: str, known: set[str], tracks: dict[str, tuple[str, str]] | None = None
    ) -> None:
        self.here = here
        self.known = known
        self.tracks = tracks or {}

    def entry(self, entry: AnyEntry | str, text: object = None) -> Md:
        entry_id = entry if isinstance(entry, str) else entry.id
        label = text if text is not None else (entry if isinstance(entry, str) else entry.title)
        if entry_id not in self.known:
            return escape(label)
        return link(label, entry_uri(entry_id), self.here)

    def page(self, uri: str, text: object) -> Md:
        return link(text, uri, self.here)

    def track(self, name: str) -> Md:
        """A track's name as the tracks page shows it, linked to its section there."""
        found = self.tracks.get(fold(name))
        if found is None:
            return escape(name)
        shown, anchor = found
        return link(shown, f"{TRACKS}#{anchor}", self.here)

    def anchor(self, anchor: str, text: object) -> Md:
        """A link to a heading on this page, whose id the template set with `{ #id }`."""
        return Md(f"[{escape(text)}](#{anchor})")


def environment(templates_dir: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(os.fspath(templates_dir)))
    loaders.append(jinja2.PackageLoader("generator.site", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        date=human_date,
        short_date=short_date,
        md=escape,
        value=_show_value,
        plural=plural,
        verbatim=_verbatim,
        percent=lambda share: f"{share:.0%}",
        number=lambda value: f"{value:.1f}".removesuffix(".0"),
    )
    env.globals.update(MOODS=MOODS, date_range=date_range)
    return env


def _verbatim(text: str) -> Md:
    """Text for inside a fenced code block, shown exactly: no line may start a fence."""
    lines = [
        line if not line.lstrip().startswith(("```", "~~~")) else " " + line
        for line in str(text).splitlines()
    ]
    return Md("\n".join(lines))


def plural(count: int, word: str, many: str | None = None) -> str:
    """`3 days`, `1 day`."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _show_value(value: Any) -> Md:
    """An `extra:` value, whatever its shape, as one escaped line."""
    if isinstance(value, dict | list):
        return escape(json.dumps(value, ensure_ascii=False, default=str))
    if isinstance(value, dt.date):
        return escape(human_date(value))
    return escape(value)


def render_site(
    entries: Sequence[AnyEntry],
    problems: Sequence[Problem],
    settings: Settings,
    options: SiteOptions | None = None,
) -> list[Page]:
    """Every generated page, for entries that are already fit to publish, newest first."""
    options = options or SiteOptions()
    env = environment(options.templates_dir)
    known = {entry.id for entry in entries}
    back_links = insights.referenced_by(entries)
    base = _shared_context(entries, problems, settings, options)
    track_anchors = {t.key: (t.name, f"track-{n}") for n, t in enumerate(base["tracks"], 1)}

    def render(template: str, uri: str, meta: dict[str, Any], **context: Any) -> str:
        links = Links(uri, known, track_anchors)
        values = {**base, **context, "to": links, "meta": front_matter(meta)}
        return env.get_template(template).render(values)

    pages = [
        Page(
            options.dashboard_uri,
            render(
                "dashboard.md.j2",
                options.dashboard_uri,
                {"title": "Dashboard"},
                head=insights.headline(entries, settings),
                recent=list(entries[:5]),
            ),
        ),
        Page(
            TIMELINE,
            render(
                "timeline.md.j2",
                TIMELINE,
                {"title": "Timeline"},
                entries=list(entries),
                years=_by_month(entries),
            ),
        ),
        *(
            Page(uri, render(template, uri, {"title": title}))
            for uri, template, title in INSIGHT_PAGES
        ),
        Page(
            PROBLEMS,
            render("problems.md.j2", PROBLEMS, {"title": "Entry problems"}),
            in_nav=False,
        ),
    ]
    for entry in entries:
        uri = entry_uri(entry)
        meta: dict[str, Any] = {"title": meta_text(entry.title)}
        if entry.tags:
            meta["tags"] = [meta_text(tag) for tag in entry.tags]
        template = "rejection.md.j2" if isinstance(entry, Rejection) else "reflection.md.j2"
        pages.append(
            Page(
                uri,
                render(
                    template,
                    uri,
                    meta,
                    entry=entry,
                    body=Md(entry.body.strip()),
                    back_links=back_links.get(entry.id, []),
                ),
                in_nav=False,
            )
        )
    return pages


def _shared_context(
    entries: Sequence[AnyEntry],
    problems: Sequence[Problem],
    settings: Settings,
    options: SiteOptions,
) -> dict[str, Any]:
    """What every template may use: the insight reports, computed once for all pages."""
    practice = practice_report(entries, settings.stages)
    tracks = tracks_report(entries, settings.stages, settings.skill_aliases)
    mood_entries = [
        (e.mood, e) for e in sorted(entries, key=lambda e: (e.date, e.id)) if e.mood is not None
    ]
    skills = skills_report(entries, settings.skill_aliases)
    return {
        "skills": skills,
        "gap_bars": [
            charts.Bar(gap.name, len(gap.rejections), gap.status)
            for gap in skills.gaps
            if gap.rejections
        ][:GAP_BARS],
        "feedback": feedback_report(entries, settings),
        "practice": practice,
        "tracks": tracks,
        "lessons": lessons_report(entries),
        "reflections": insights.reflections(entries),
        "latest_decision": next((r for r in insights.reflections(entries) if r.decision), None),
        "finals": _finals(practice, settings.stages),
        "stage_bars": [charts.Bar(step.stage, len(step.reached)) for step in practice.funnel],
        "track_progress": _track_progress(tracks, settings.stages),
        "mood_entries": mood_entries,
        "mood_points": [charts.Point(e.date, e.mood - 1, e.title) for _, e in mood_entries],
        "mood_levels": [f"{level} {MOODS[level]}" for level in sorted(MOODS)],
        "email_for": email_for,
        "charts": charts,
        "settings": settings,
        "stages": settings.stages,
        "problems": list(problems),
        "problem_details": options.problem_details,
        "show_sources": options.show_sources,
        "digest": digest(
            entries,
            skills,
            options.mentor_since or settings.today - dt.timedelta(days=DEFAULT_WINDOW_DAYS),
            settings.today,
        ),
        "known_titles": {entry.id: entry.title for entry in entries},
        "dashboard_uri": options.dashboard_uri,
        "entries_label": options.entries_label,
        "timeline_uri": TIMELINE,
        "problems_uri": PROBLEMS,
        "feedback_status": insights.feedback_status,
        "stage_reached": lambda r: insights.stage_reached(r, settings.stages),
        "is_overdue": lambda r: insights.is_overdue(r, settings),
        "is_to_chase": lambda r: insights.is_to_chase(r, settings),
    }


def _finals(practice: Any, stages: tuple[str, ...]) -> Any:
    """The funnel step of the `final` stage, when the configured stages have one."""
    for step in practice.funnel:
        if step.stage == "final":
            return step
    return None


def _by_month(
    entries: Sequence[AnyEntry],
) -> list[tuple[int, list[tuple[str, list[AnyEntry]]]]]:
    """Newest first: [(year, [(month name, entries), ...]), ...]."""
    result = []
    for year, in_year in groupby(entries, key=lambda e: e.date.year):
        months = [
            (calendar.month_name[month], list(in_month))
            for month, in_month in groupby(in_year, key=lambda e: e.date.month)
        ]
        result.append((year, months))
    return result


def _track_progress(
    tracks: Sequence[Any], stages: tuple[str, ...]
) -> list[tuple[Any, list[charts.Point]]]:
    """Each track's progress, with the points of its chart (a stage per process, over time)."""
    result = []
    for track in tracks:
        if track.rejections:
            progress = track_progress(track.name, track.rejections, stages)
            points = [
                charts.Point(r.date, insights.stage_index(stage, stages), r.company)
                for r, stage in progress.steps
            ]
            result.append((progress, points))
    return result
