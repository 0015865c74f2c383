"""Lessons learnt, newest first, with the ones you keep relearning grouped together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import AnyEntry
from .names import Names


@dataclass(frozen=True, slots=True)
class Lesson:
    text: str
    entry: AnyEntry


@dataclass(frozen=True, slots=True)
class RepeatedLesson:
    text: str
    entries: tuple[AnyEntry, ...]
    """Newest first."""


@dataclass(frozen=True, slots=True)
class LessonsReport:
    lessons: tuple[Lesson, ...]
    """Every lesson, newest entry first."""
    repeated: tuple[RepeatedLesson, ...]
    """Lessons written in two or more entries, most repeated first."""


def lessons_report(entries: Sequence[AnyEntry]) -> LessonsReport:
    names = Names()
    newest_first = sorted(entries, key=lambda e: (e.date, e.id), reverse=True)
    lessons: list[Lesson] = []
    by_key: dict[str, list[AnyEntry]] = {}
    for entry in newest_first:
        for text in entry.lessons:
            lessons.append(Lesson(text, entry))
            bucket = by_key.setdefault(names.add(text), [])
            if not bucket or bucket[-1] is not entry:
                bucket.append(entry)
    repeated = sorted(
        (RepeatedLesson(names.shown(k), tuple(v)) for k, v in by_key.items() if len(v) > 1),
        key=lambda r: (-len(r.entries), r.text.casefold()),
    )
    return LessonsReport(tuple(lessons), tuple(repeated))
