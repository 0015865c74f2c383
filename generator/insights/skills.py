"""The skills gap: each skill's citations and progress, its status, and the strengths.

One pass over the entries, oldest first; no entry is looked at twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import AnyEntry, Gap, Progress, Reflection, Rejection
from .names import LogNames, Names, log_names

SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}
STATUS_RANK = {"recurring": 0, "open": 1, "learning": 1, "closed": 2}
"""Recurring gaps first and closed ones last; open and learning ones are equally pressing."""
OPEN_STATUSES = ("recurring", "open", "learning")
"""A gap with one of these statuses still needs work."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A rejection naming the skill as a gap."""

    rejection: Rejection
    gap: Gap


@dataclass(frozen=True, slots=True)
class Step:
    """A reflection recording progress on the skill."""

    reflection: Reflection
    progress: Progress


@dataclass
class SkillGap:
    key: str
    name: str = ""
    citations: list[Citation] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)

    @property
    def rejections(self) -> list[Rejection]:
        seen: dict[str, Rejection] = {}
        for citation in self.citations:
            seen.setdefault(citation.rejection.id, citation.rejection)
        return list(seen.values())

    @property
    def severity(self) -> str:
        """The highest severity any citation gave it."""
        if not self.citations:
            return ""
        return max((c.gap.severity for c in self.citations), key=SEVERITY_RANK.__getitem__)

    @property
    def first_seen(self) -> dt.date | None:
        return self.citations[0].rejection.date if self.citations else None

    @property
    def last_seen(self) -> dt.date | None:
        return self.citations[-1].rejection.date if self.citations else None

    @property
    def latest_plan(self) -> str | None:
        for citation in reversed(self.citations):
            if citation.gap.plan:
                return citation.gap.plan
        return None

    @property
    def status(self) -> str:
        """The latest progress status; `recurring` when cited again after it was closed.

        A skill is recurring when a rejection citing it is dated after its most recent
        `closed` progress, and no progress has been recorded since that rejection.
        """
        if not self.steps:
            return "open"
        latest = self.steps[-1]
        closed = latest.progress.status == "closed"
        if closed and self.last_seen is not None and self.last_seen > latest.reflection.date:
            return "recurring"
        return latest.progress.status

    @property
    def closed_on(self) -> dt.date | None:
        closed = [s.reflection.date for s in self.steps if s.progress.status == "closed"]
        return closed[-1] if closed else None

    def lifecycle(self) -> list[tuple[dt.date, str, AnyEntry, str]]:
        """Every event, oldest first: (date, "cited" or a status, the entry, a detail)."""
        events: list[tuple[dt.date, int, str, AnyEntry, str]] = []
        for c in self.citations:
            detail = c.gap.evidence or ""
            events.append((c.rejection.date, 0, "cited", c.rejection, detail))
        for s in self.steps:
            events.append(
                (s.reflection.date, 1, s.progress.status, s.reflection, s.progress.note or "")
            )
        events.sort(key=lambda e: (e[0], e[1], e[3].id))
        return [(day, what, entry, detail or "") for day, _, what, entry, detail in events]

    def tracks(self, tracks: Names) -> list[str]:
        keys = dict.fromkeys(tracks.key(c.rejection.track) for c in self.citations)
        return [tracks.shown(key) for key in keys]


@dataclass(frozen=True)
class Strength:
    name: str
    entries: tuple[AnyEntry, ...]


@dataclass(frozen=True)
class SkillsReport:
    gaps: tuple[SkillGap, ...]
    """Most pressing first: recurring, then open or learning, then closed; within each, the most
    cited, then the most severe, then the most recently seen."""
    strengths: tuple[Strength, ...]
    """Most often cited first."""
    tracks: Names

    @property
    def open_gaps(self) -> list[SkillGap]:
        """The gaps to work on: cited by a rejection and not closed, most pressing first."""
        return [gap for gap in self.gaps if gap.status in OPEN_STATUSES and gap.citations]


def skills_report(
    entries: Sequence[AnyEntry],
    aliases: dict[str, str] | None = None,
    names: LogNames | None = None,
) -> SkillsReport:
    """Gaps and strengths over all entries (given in any order), under the log's names."""
    names = names or log_names(entries, aliases)
    skills, strength_names = names.skills, names.strengths
    gaps: dict[str, SkillGap] = {}
    strengths: dict[str, list[AnyEntry]] = {}
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        if isinstance(entry, Rejection):
            for gap in entry.gaps:
                key = skills.key(gap.skill)
                gaps.setdefault(key, SkillGap(key)).citations.append(Citation(entry, gap))
        else:
            for progress in entry.progress:
                key = skills.key(progress.skill)
                gaps.setdefault(key, SkillGap(key)).steps.append(Step(entry, progress))
        for name in dict.fromkeys(strength_names.key(s) for s in entry.strengths):
            strengths.setdefault(name, []).append(entry)
    for skill_gap in gaps.values():
        skill_gap.name = skills.shown(skill_gap.key)
    ordered = sorted(gaps.values(), key=_pressing)
    strength_list = sorted(
        (Strength(strength_names.shown(k), tuple(v)) for k, v in strengths.items()),
        key=lambda s: (-len(s.entries), s.name.casefold()),
    )
    return SkillsReport(tuple(ordered), tuple(strength_list), names.tracks)


def _pressing(gap: SkillGap) -> tuple[int, int, int, int, str]:
    last = gap.last_seen.toordinal() if gap.last_seen else 0
    return (
        STATUS_RANK[gap.status],
        -len(gap.rejections),
        -SEVERITY_RANK.get(gap.severity, -1),
        -last,
        gap.name.casefold(),
    )
