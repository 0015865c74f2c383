"""Persist or pivot: each track (role family) with what it has shown so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AnyEntry, Reflection, Rejection
from .analysis import Analysis
from .names import LogNames, Names, log_names
from .skills import SkillsReport, skills_report

INSIGHT_MIN_REJECTIONS = 3
"""A track gets its note once this many of its rejections cite one skill."""
DECIDED = ("persist", "pivot")
"""Decisions that answer "keep going, or aim elsewhere?" (`undecided` leaves it open)."""
ANSWERED = ("learning", "closed")
"""A skill's statuses that answer "is this something you want to learn?"."""


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
    skill_status: dict[str, str] = field(default_factory=dict)
    """The skills page's status of each recurring gap, by name."""

    @property
    def latest_decision(self) -> Reflection | None:
        return self.decisions[-1] if self.decisions else None

    @property
    def insight_gaps(self) -> list[Shared]:
        """The skills shared by at least `INSIGHT_MIN_REJECTIONS` rejections of this track."""
        return [g for g in self.recurring_gaps if len(g.entries) >= INSIGHT_MIN_REJECTIONS]

    @property
    def decision_open(self) -> bool:
        """No decision yet, or the latest one is `undecided`: "keep going?" is still a question."""
        latest = self.latest_decision
        return latest is None or latest.decision not in DECIDED

    @property
    def gaps_to_decide(self) -> list[Shared]:
        """Shared gaps not answered yet: not being learnt, not closed (none after a pivot)."""
        if self.latest_decision is not None and self.latest_decision.decision == "pivot":
            return []
        return [g for g in self.insight_gaps if self.skill_status.get(g.name) not in ANSWERED]

    @property
    def gaps_in_hand(self) -> list[tuple[Shared, str]]:
        """Shared gaps already answered, with how: ("SQL", "learning") or ("SQL", "closed")."""
        found = [(g, self.skill_status.get(g.name, "")) for g in self.insight_gaps]
        return [(g, status) for g, status in found if status in ANSWERED]

    @property
    def open_questions(self) -> bool:
        """Whether the track's note still asks anything."""
        return bool(self.insight_gaps) and (self.decision_open or bool(self.gaps_to_decide))


def tracks_report(
    analysis: Analysis,
    aliases: dict[str, str] | None = None,
    names: LogNames | None = None,
    skills_found: SkillsReport | None = None,
) -> list[Track]:
    """Every track, the one with most rejections first, under the log's names."""
    log = names or log_names(analysis.entries, aliases)
    found = skills_found or skills_report(analysis.entries, aliases, log)
    status = {gap.name: gap.status for gap in found.gaps}
    track_names, skills, strengths = log.tracks, log.skills, log.strengths
    tracks: dict[str, Track] = {}
    gaps: dict[str, dict[str, list[AnyEntry]]] = {}
    praised: dict[str, dict[str, list[AnyEntry]]] = {}
    furthest: dict[str, int] = {}
    for entry in analysis.entries:
        if isinstance(entry, Reflection):
            if entry.track and entry.decision:
                key = track_names.key(entry.track)
                tracks.setdefault(key, Track(key)).decisions.append(entry)
            continue
        facts = analysis.of(entry)
        key = track_names.key(entry.track)
        track = tracks.setdefault(key, Track(key))
        track.rejections.append(entry)
        if facts.stage_number >= furthest.get(key, 0):
            furthest[key] = facts.stage_number
            track.furthest, track.furthest_entry = facts.stage_reached, entry
        for skill in dict.fromkeys(skills.key(g.skill) for g in entry.gaps):
            gaps.setdefault(key, {}).setdefault(skill, []).append(entry)
        for name in dict.fromkeys(strengths.key(s) for s in entry.strengths):
            praised.setdefault(key, {}).setdefault(name, []).append(entry)
    for key, track in tracks.items():
        track.name = track_names.shown(key)
        track.recurring_gaps = _most_cited(gaps.get(key, {}), skills, minimum=2)
        track.strengths = _most_cited(praised.get(key, {}), strengths, minimum=1)
        track.skill_status = {g.name: status.get(g.name, "open") for g in track.recurring_gaps}
    return sorted(tracks.values(), key=lambda t: (-len(t.rejections), t.name.casefold()))


def _most_cited(cited: dict[str, list[AnyEntry]], names: Names, minimum: int) -> list[Shared]:
    shared = [Shared(names.shown(k), tuple(v)) for k, v in cited.items() if len(v) >= minimum]
    return sorted(shared, key=lambda s: (-len(s.entries), s.name.casefold()))
