"""The mentor digest: what happened since the last session, and what to talk about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import AnyEntry, MentorQuestion, Reflection, Rejection
from .analysis import Analysis, reflections, rejections
from .skills import SkillGap, SkillsReport

DEFAULT_WINDOW_DAYS = 30
"""The digest covers this many days before today unless `mentor_since` says otherwise."""


@dataclass(frozen=True)
class Question:
    question: MentorQuestion
    reflection: Reflection


@dataclass(frozen=True)
class MoodSummary:
    """The mood of a period: its average, and the lowest (the entry that noted it)."""

    average: float
    lowest: AnyEntry
    count: int
    """Entries in the period that noted a mood."""


def mood_summary(entries: list[AnyEntry]) -> MoodSummary | None:
    """Average and lowest mood of `entries` (the first lowest, in their order); None if none."""
    noted = [e for e in entries if e.mood is not None]
    if not noted:
        return None
    lowest = min(noted, key=lambda e: e.mood or 0)
    average = sum(e.mood or 0 for e in noted) / len(noted)
    return MoodSummary(average=average, lowest=lowest, count=len(noted))


@dataclass(frozen=True)
class Digest:
    since: dt.date
    until: dt.date
    rejections: tuple[Rejection, ...]
    lessons: tuple[tuple[str, AnyEntry], ...]
    gaps_opened: tuple[SkillGap, ...]
    """First cited in the window."""
    gaps_closed: tuple[tuple[SkillGap, Reflection], ...]
    """Marked closed in the window."""
    gaps_recurring: tuple[SkillGap, ...]
    """Cited again, in the window, after they were closed."""
    decisions: tuple[Reflection, ...]
    agenda: tuple[Question, ...]
    """Every open question for the mentor, newest first, however old."""
    answered: tuple[Question, ...] = ()
    """Questions answered in the period, the latest answer first."""
    mood: MoodSummary | None = None
    """The period's mood (entries dated in it), or None when none noted one."""


def digest(analysis: Analysis, skills: SkillsReport, since: dt.date, until: dt.date) -> Digest:
    """The digest for `since` to `until`, both included; entries newest first."""

    def within(day: dt.date | None) -> bool:
        return day is not None and since <= day <= until

    newest = analysis.entries[::-1]
    recent = [e for e in newest if within(e.date)]
    closed = []
    for gap in skills.gaps:
        for step in gap.steps:
            if step.progress.status == "closed" and within(step.reflection.date):
                closed.append((gap, step.reflection))
    agenda = [
        Question(question, reflection)
        for reflection in reflections(newest)
        for question in reflection.ask_mentor
        if question.answered is None
    ]
    answered = sorted(
        (
            Question(question, reflection)
            for reflection in reflections(newest)
            for question in reflection.ask_mentor
            if within(question.answered)
        ),
        key=lambda q: q.question.answered or until,
        reverse=True,
    )
    return Digest(
        since=since,
        until=until,
        rejections=tuple(rejections(recent)),
        lessons=tuple((lesson, e) for e in recent for lesson in e.lessons),
        gaps_opened=tuple(g for g in skills.gaps if within(g.first_seen)),
        gaps_closed=tuple(closed),
        gaps_recurring=tuple(
            g for g in skills.gaps if g.status == "recurring" and within(g.last_seen)
        ),
        decisions=tuple(r for r in reflections(recent) if r.decision),
        agenda=tuple(agenda),
        answered=tuple(answered),
        mood=mood_summary(recent),
    )
