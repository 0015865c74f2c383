"""The mentor digest: what happened since the last session, and what to talk about."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from dataclasses import dataclass

from ..model import AnyEntry, MentorQuestion, Reflection, Rejection
from .analysis import Analysis, interviews_attended, reflections, rejections
from .skills import SkillGap, SkillsReport

DEFAULT_WINDOW_DAYS = 30
"""The digest covers this many days before today unless `mentor_since` says otherwise."""


TOKEN_PATTERN = re.compile(r"\[(q-[a-z2-7]{6})\]", re.IGNORECASE)
"""A question's token as a subject carries it, e.g. "[q-7fk2ma]"."""


def question_token(reflection_id: str, question: str) -> str:
    """A short token that names one question for the mentor, e.g. "q-7fk2ma".

    Made from the reflection's id and the question's words, so it stays the same from build
    to build (a link sent last week still names its question), without a field to write.
    """
    words = " ".join(question.split())
    digest_ = hashlib.sha256(f"{reflection_id}\n{words}".encode()).digest()
    return "q-" + base64.b32encode(digest_).decode("ascii")[:6].lower()


def token_in(subject: str) -> str | None:
    """The question token a subject carries ("Answer ... [q-7fk2ma]"), lower case; or None."""
    found = TOKEN_PATTERN.search(subject)
    return found.group(1).lower() if found else None


@dataclass(frozen=True)
class Question:
    question: MentorQuestion
    reflection: Reflection

    @property
    def token(self) -> str:
        return question_token(self.reflection.id, self.question.question)


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
    interviews: int = 0
    """Interviews attended in the period (see `interviews_in`)."""
    feedback_asked: tuple[Rejection, ...] = ()
    """Rejections whose feedback was requested in the period."""
    feedback_received: tuple[Rejection, ...] = ()
    """Rejections whose feedback came in the period."""


def interviews_in(analysis: Analysis, since: dt.date, until: dt.date) -> int:
    """Interviews attended from `since` to `until`: each process step beyond the first stage
    dated then (a step without a date counts on its rejection's date), and each rejection so
    dated that has no process but got beyond the first stage."""
    first = analysis.stages[0] if analysis.stages else "applied"
    count = 0
    for rejection in analysis.rejections:
        if not rejection.process:
            if since <= rejection.date <= until:
                count += interviews_attended(rejection, analysis.stages)
            continue
        for step in rejection.process:
            day = step.date or rejection.date
            count += step.stage != first and since <= day <= until
    return count


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
        interviews=interviews_in(analysis, since, until),
        feedback_asked=tuple(
            r for r in analysis.rejections if r.feedback and within(_day(r.feedback.requested))
        ),
        feedback_received=tuple(
            r for r in analysis.rejections if r.feedback and within(r.feedback.received)
        ),
    )


def _day(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None
