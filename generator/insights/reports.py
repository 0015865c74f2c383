"""Every report over one analysis of the log: what the site, the CLI and `generate` show.

The log is analysed once (`analysis.analyse`); each report reads that analysis, and the
dashboard's headline reads the reports rather than counting again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import AnyEntry, Reflection, Rejection
from ..settings import Settings
from .analysis import Analysis, analyse
from .feedback import FeedbackReport, feedback_report
from .interviews import FunnelStep, PracticeReport, practice_report
from .lessons import LessonsReport, lessons_report
from .mentor import DEFAULT_WINDOW_DAYS, Digest, digest
from .names import LogNames, log_names
from .skills import SkillsReport, skills_report
from .tracks import Track, tracks_report


@dataclass(frozen=True)
class Headline:
    """The dashboard's numbers, each with the entries it counts, read from the reports."""

    rejections: tuple[Rejection, ...]
    reflections: tuple[Reflection, ...]
    feedback: FeedbackReport
    practice: PracticeReport

    @property
    def interviews(self) -> int:
        return self.practice.interviews

    @property
    def interviewed(self) -> tuple[Rejection, ...]:
        return self.practice.interviewed

    @property
    def finals(self) -> FunnelStep | None:
        return self.practice.finals

    @property
    def feedback_requested(self) -> tuple[Rejection, ...]:
        return self.feedback.requested

    @property
    def feedback_received(self) -> tuple[Rejection, ...]:
        return self.feedback.received

    @property
    def overdue(self) -> tuple[Rejection, ...]:
        return tuple(item.rejection for item in self.feedback.overdue)

    @property
    def to_chase(self) -> tuple[Rejection, ...]:
        return tuple(item.rejection for item in self.feedback.to_chase)


@dataclass(frozen=True)
class Reports:
    """The analysis and every report built on it, each computed once."""

    analysis: Analysis
    skills: SkillsReport
    feedback: FeedbackReport
    practice: PracticeReport
    tracks: list[Track]
    lessons: LessonsReport
    digest: Digest
    headline: Headline
    names: LogNames
    """The log's one name for each skill, strength and track: what every page shows."""


def mentor_window(settings: Settings, since: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The mentor digest's first and last day: `since` (default 30 days ago) to today."""
    return since or settings.today - dt.timedelta(days=DEFAULT_WINDOW_DAYS), settings.today


def reports(
    entries: Iterable[AnyEntry], settings: Settings, mentor_since: dt.date | None = None
) -> Reports:
    """Analyse the entries once and build every report from that analysis."""
    analysis = analyse(entries, settings)
    names = log_names(analysis.entries, settings.skill_aliases)
    skills = skills_report(analysis.entries, settings.skill_aliases, names)
    feedback = feedback_report(analysis)
    practice = practice_report(analysis)
    return Reports(
        analysis=analysis,
        skills=skills,
        feedback=feedback,
        practice=practice,
        tracks=tracks_report(analysis, settings.skill_aliases, names, skills),
        lessons=lessons_report(analysis.entries),
        digest=digest(analysis, skills, *mentor_window(settings, mentor_since)),
        headline=Headline(analysis.rejections, analysis.reflections, feedback, practice),
        names=names,
    )
