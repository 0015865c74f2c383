"""The entries as typed, immutable values: what every other part of the core reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

FeedbackStatus = Literal[
    "not requested", "not asked", "pending", "received", "declined", "no answer"
]


@dataclass(frozen=True, slots=True)
class ProcessStep:
    stage: str
    date: dt.date | None = None
    format: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Feedback:
    requested: dt.date | Literal[False] | None = None
    via: str | None = None
    followed_up: dt.date | None = None
    """The day of the one polite follow-up."""
    received: dt.date | None = None
    declined: bool = False
    source: str | None = None
    """The `from:` field (a Python keyword, hence the name)."""
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class Gap:
    skill: str
    severity: str = "medium"
    evidence: str | None = None
    plan: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    skill: str
    status: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class MentorQuestion:
    question: str
    answered: dt.date | None = None
    answer: str | None = None
    """What the mentor said."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What both entry types have."""

    id: str
    source: str
    """The file, relative to the entries folder, with forward slashes."""
    date: dt.date
    strengths: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    mood: int | None = None
    tags: tuple[str, ...] = ()
    private: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    body: str = ""

    @property
    def kind(self) -> str:
        raise NotImplementedError

    @property
    def title(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Rejection(Entry):
    company: str = ""
    role: str = ""
    track: str = ""
    applied: dt.date | None = None
    stage: str = "applied"
    process: tuple[ProcessStep, ...] = ()
    feedback: Feedback | None = None
    gaps: tuple[Gap, ...] = ()

    @property
    def kind(self) -> str:
        return "rejection"

    @property
    def title(self) -> str:
        return f"{self.role} at {self.company}"


@dataclass(frozen=True, slots=True)
class Reflection(Entry):
    heading: str = ""
    about: tuple[str, ...] = ()
    progress: tuple[Progress, ...] = ()
    decision: str | None = None
    track: str | None = None
    ask_mentor: tuple[MentorQuestion, ...] = ()

    @property
    def kind(self) -> str:
        return "reflection"

    @property
    def title(self) -> str:
        return self.heading or f"Reflection, {self.date.isoformat()}"


AnyEntry = Rejection | Reflection
