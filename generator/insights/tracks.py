"""Persist or pivot: each track (role family) with what it has shown so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AnyEntry, Reflection, Rejection
from .analysis import Analysis
from .names import Names

INSIGHT_MIN_REJECTIONS = 3
"""A track gets its note once this many of its rejections cite one skill."""


@dataclass(frozen=True)
class Shared:
    """A name (skill or strength) and the entries that cite it."""

    name: str
    entries: tuple[AnyEntry, ...]


@dataclass
class Track:
    key: str
    name: str = ""
    rejections: list[Rejection] = field(default_factory=list)
    decisions: list[Reflection] = field(default_factory=list)
    furthest: str = ""
    furthest_entry: Rejection | None = None
    recurring_gaps: list[Shared] = field(default_factory=list)
    """Skills cited by two or more of the track's rejections, most cited first."""
    strengths: list[Shared] = field(default_factory=list)
    """Strengths cited in the track's rejections, most cited first."""

    @property
    def latest_decision(self) -> Reflection | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def insight_gaps(self) -> list[Shared]:
        """The skills shared by at least `INSIGHT_MIN_REJECTIONS` rejections of this track."""
        return [g for g in self.recurring_gaps if len(g.entries) >= INSIGHT_MIN_REJECTIONS]


def tracks_report(analysis: Analysis, aliases: dict[str, str] | None = None) -> list[Track]:
    """Every track, the one with most rejections first."""
    names = Names()
    skills = Names(aliases)
    strengths = Names()
    tracks: dict[str, Track] = {}
    gaps: dict[str, dict[str, list[AnyEntry]]] = {}
    praised: dict[str, dict[str, list[AnyEntry]]] = {}
    furthest: dict[str, int] = {}
    for entry in analysis.entries:
        if isinstance(entry, Reflection):
            if entry.track and entry.decision:
                key = names.add(entry.track)
                tracks.setdefault(key, Track(key)).decisions.append(entry)
            continue
        facts = analysis.of(entry)
        key = names.add(entry.track)
        track = tracks.setdefault(key, Track(key))
        track.rejections.append(entry)
        if facts.stage_number >= furthest.get(key, 0):
            furthest[key] = facts.stage_number
            track.furthest, track.furthest_entry = facts.stage_reached, entry
        for skill in dict.fromkeys(skills.add(g.skill) for g in entry.gaps):
            gaps.setdefault(key, {}).setdefault(skill, []).append(entry)
        for name in dict.fromkeys(strengths.add(s) for s in entry.strengths):
            praised.setdefault(key, {}).setdefault(name, []).append(entry)
    for key, track in tracks.items():
        track.name = names.shown(key)
        track.recurring_gaps = _most_cited(gaps.get(key, {}), skills, minimum=2)
        track.strengths = _most_cited(praised.get(key, {}), strengths, minimum=1)
    return sorted(tracks.values(), key=lambda t: (-len(t.rejections), t.name.casefold()))


def _most_cited(cited: dict[str, list[AnyEntry]], names: Names, minimum: int) -> list[Shared]:
    shared = [Shared(names.shown(k), tuple(v)) for k, v in cited.items() if len(v) >= minimum]
    return sorted(shared, key=lambda s: (-len(s.entries), s.name.casefold()))
