"""The knobs the core needs, independent of any site engine's configuration system."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .i18n import ENGLISH, Language

DEFAULT_STAGES: tuple[str, ...] = (
    "applied",
    "screen",
    "phone",
    "technical",
    "take-home",
    "onsite",
    "final",
    "offer",
)
"""The stages of a hiring process when a site configures none, in order."""

DEFAULT_FEEDBACK_DUE_DAYS = 7
"""Days after a "no" before an unrequested feedback is worth asking for."""
DEFAULT_FOLLOW_UP_DAYS = 10
"""Days a feedback request may stay unanswered before a polite follow-up."""


@dataclass(frozen=True)
class Settings:
    """What the core needs to know; the site's options (`generator.options`) fill it in."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    """The stages of a hiring process, in order; entries name them case-insensitively."""
    today: dt.date = field(default_factory=dt.date.today)
    """The day the site is built for: later dates are errors; overdue and to-chase count from it."""
    feedback_due_days: int = DEFAULT_FEEDBACK_DUE_DAYS
    """A rejection with no feedback request after this many days is overdue."""
    follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS
    """A pending feedback request older than this many days is worth a polite follow-up."""
    skill_aliases: dict[str, str] = field(default_factory=dict)
    """Synonyms merged into one skill, e.g. {"postgres": "SQL"}."""
    show_private: bool = False
    """Include private entries and private sections (a local preview; never publish it)."""
    language: Language = ENGLISH
    """The words and formats of the pages, drafts and messages (`i18n.resolve_language`)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(s.strip().lower() for s in self.stages))
