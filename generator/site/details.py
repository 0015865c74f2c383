"""Detail pages: the full evidence behind a bounded overview page, one click away.

An overview page (skills, tracks, interviews, lessons, reflections, the timeline) shows its
summaries and only the most recent evidence, so it stays readable at 1,000 entries and more.
Everything it leaves out is on a detail page it links to: one per skill, strength, track and
stage, and, once a list is long, one per year. None of them is in the navigation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any, TypeVar

from ..i18n import ENGLISH, Language
from ..insights.reports import Reports
from ..insights.skills import SkillGap, Strength
from ..insights.tracks import Track
from ..model import AnyEntry, Reflection
from .links import ENTRIES_FOLDER, PageAddresses

CITED = 5
"""A figure shows this many of its most recent entries inline, then "and N more"."""
RECENT = 20
"""A long list (every process, lesson, reflection or mood) shows this many of its newest rows."""
TIMELINE_SPLIT = 100
"""Above this many entries, the timeline lists the newest and links a page per year."""
AGENDA = 10
"""The mentor page's agenda lists this many open questions, the newest; the rest are a click
away (a meeting has time for a few, and a long list buries the new ones)."""

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
T = TypeVar("T")


def slug(text: str, fallback: str = "page") -> str:
    """Lower case, each run of anything but a-z and 0-9 one `-`: "SQL window functions" ->
    "sql-window-functions". `fallback` when nothing is left (a skill called "C++" is "c")."""
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or fallback


def _addresses(
    items: Iterable[T], name: Callable[[T], str], folder: str, fallback: str
) -> dict[str, str]:
    """name -> `folder/<slug>.md`, unique: a second "C#" after "C++" becomes `c-2`."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for item in items:
        base = slug(name(item), fallback)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        result[name(item)] = f"{folder}/{candidate}.md"
    return result


def _year_addresses(
    years: Iterable[int], folder: str, taken: Collection[str] = ()
) -> dict[int, str]:
    """year -> `folder/<year>.md` (`year-<year>.md` if an entry already has that address)."""
    result = {}
    for year in dict.fromkeys(years):
        uri = f"{folder}/{year}.md"
        result[year] = uri if uri not in taken else f"{folder}/year-{year}.md"
    return result


@dataclass(frozen=True)
class DetailAddresses:
    """Where each detail page lives; the templates link to them with `to.page(...)`.

    The year pages exist only for a list long enough to be cut on its overview page, so a
    small log has none (and its pages read exactly as before).
    """

    skills: dict[str, str] = field(default_factory=dict)
    """By the skill's shown name: `skills/<slug>.md`."""
    strengths: dict[str, str] = field(default_factory=dict)
    """By the strength's shown name: `skills/strengths/<slug>.md`."""
    tracks: dict[str, str] = field(default_factory=dict)
    """By the track's shown name: `tracks/<slug>.md`."""
    stages: dict[str, str] = field(default_factory=dict)
    """By stage: `interviews/<slug>.md`."""
    timeline_years: dict[int, str] = field(default_factory=dict)
    """`entries/<year>.md`, newest year first, once the log has over `TIMELINE_SPLIT` entries."""
    lesson_years: dict[int, str] = field(default_factory=dict)
    repeated_lessons: str = "lessons/repeated.md"
    """Every lesson written more than once, with every entry that wrote it."""
    reflection_years: dict[int, str] = field(default_factory=dict)
    open_questions: str = ""
    """`mentor/questions.md`: every open question for the mentor, once there are more than
    `AGENDA`; empty otherwise."""

    def skill(self, gap: SkillGap) -> str:
        return self.skills[gap.name]

    def strength(self, strength: Strength) -> str:
        return self.strengths[strength.name]

    def track(self, track: Track) -> str:
        return self.tracks[track.name]

    def stage(self, stage: str) -> str:
        return self.stages[stage]


def detail_addresses(entries: Sequence[AnyEntry], found: Reports) -> DetailAddresses:
    """The detail pages of this log (`entries` newest first, as the site lists them)."""
    entry_uris = {f"{ENTRIES_FOLDER}/{entry.id}.md" for entry in entries}
    lessons = found.lessons.lessons
    reflections = [e for e in entries if isinstance(e, Reflection)]
    moods = sum(e.mood is not None for e in entries)
    long_reflections = len(reflections) > RECENT or moods > RECENT
    return DetailAddresses(
        skills=_addresses(found.skills.gaps, lambda g: g.name, "skills", "skill"),
        strengths=_addresses(
            found.skills.strengths, lambda s: s.name, "skills/strengths", "strength"
        ),
        tracks=_addresses(found.tracks, lambda t: t.name, "tracks", "track"),
        stages=_addresses(found.analysis.stages, lambda s: s, "interviews", "stage"),
        timeline_years=_year_addresses(
            (e.date.year for e in entries if len(entries) > TIMELINE_SPLIT),
            ENTRIES_FOLDER,
            entry_uris,
        ),
        lesson_years=_year_addresses(
            (lesson.entry.date.year for lesson in lessons if len(lessons) > RECENT),
            PageAddresses.lessons.removesuffix(".md"),
        ),
        reflection_years=_year_addresses(
            (
                e.date.year
                for e in entries
                if long_reflections and (e.mood is not None or isinstance(e, Reflection))
            ),
            PageAddresses.reflections.removesuffix(".md"),
        ),
        open_questions=(
            PageAddresses.mentor.removesuffix(".md") + "/questions.md"
            if len(found.digest.agenda) > AGENDA
            else ""
        ),
    )


def in_year(items: Iterable[T], year: int, date_of: Callable[[T], object]) -> list[T]:
    """The items dated in `year`, in their order."""
    return [item for item in items if getattr(date_of(item), "year", None) == year]


Render = Callable[[str, str, str, dict[str, Any]], "str | Callable[[], str]"]
"""(page uri, template, title, what the template adds) -> the page's Markdown, or what
renders it when it is read."""


def detail_pages(
    entries: Sequence[AnyEntry],
    found: Reports,
    details: DetailAddresses,
    render: Render,
    language: Language = ENGLISH,
) -> list[tuple[str, str | Callable[[], str]]]:
    """(uri, Markdown) of every detail page; `entries` newest first; titles in `language`."""
    pages = [
        *(
            (uri, render(uri, "skill.md.j2", g.name, {"gap": g}))
            for g in found.skills.gaps
            for uri in [details.skill(g)]
        ),
        *(
            (uri, render(uri, "strength.md.j2", f"Strength: {s.name}", {"strength": s}))
            for s in found.skills.strengths
            for uri in [details.strength(s)]
        ),
        *(
            (uri, render(uri, "track.md.j2", title, {"track": t}))
            for t in found.tracks
            for uri in [details.track(t)]
            for title in [language.gettext("Track: %(track)s", track=t.name)]
        ),
    ]
    guides = {guide.stage: guide for guide in found.practice.guides}
    for step in found.practice.funnel:
        uri = details.stage(step.stage)
        extra = {"step": step, "guide": guides.get(step.stage)}
        pages.append((uri, render(uri, "stage.md.j2", f"Interviews: {step.stage}", extra)))
    if any(len(lesson.entries) > CITED for lesson in found.lessons.repeated):
        uri = details.repeated_lessons
        title = language.gettext("Lessons you keep writing")
        pages.append((uri, render(uri, "lessons_repeated.md.j2", title, {})))
    if details.open_questions:
        uri = details.open_questions
        pages.append((uri, render(uri, "questions.md.j2", "Open questions for my mentor", {})))
    pages.extend(_year_pages(entries, found, details, render, language))
    return pages


def _year_pages(
    entries: Sequence[AnyEntry],
    found: Reports,
    details: DetailAddresses,
    render: Render,
    language: Language,
) -> list[tuple[str, str | Callable[[], str]]]:
    pages = []
    for year, uri in details.timeline_years.items():
        year_entries = in_year(entries, year, lambda e: e.date)
        months = by_month(year_entries, language)
        extra = {"year": year, "year_entries": year_entries, "months": months}
        title = language.gettext("Timeline: %(year)s", year=year)
        pages.append((uri, render(uri, "timeline_year.md.j2", title, extra)))
    for year, uri in details.lesson_years.items():
        lessons = in_year(found.lessons.lessons, year, lambda lesson: lesson.entry.date)
        extra = {"year": year, "year_lessons": lessons}
        title = language.gettext("Lessons: %(year)s", year=year)
        pages.append((uri, render(uri, "lessons_year.md.j2", title, extra)))
    for year, uri in details.reflection_years.items():
        extra = {
            "year": year,
            "year_reflections": [
                e for e in in_year(entries, year, lambda e: e.date) if isinstance(e, Reflection)
            ],
            "year_moods": [
                e for e in in_year(entries, year, lambda e: e.date) if e.mood is not None
            ],
        }
        pages.append((uri, render(uri, "reflections_year.md.j2", f"Reflections: {year}", extra)))
    return pages


def by_month(
    entries: Iterable[AnyEntry], language: Language = ENGLISH
) -> list[tuple[str, list[AnyEntry]]]:
    """Entries of one year, newest first, grouped by month: [(month name, entries), ...]."""
    return [
        (language.month_name(month), list(in_month))
        for month, in_month in groupby(entries, key=lambda e: e.date.month)
    ]
