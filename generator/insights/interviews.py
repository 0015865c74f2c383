"""Interviews as practice: how far each process went, and what each stage asked of you."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import AnyEntry, Rejection
from .analysis import interviews_attended, rejections, stage_index, stage_reached


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    reached: tuple[Rejection, ...]
    """Rejections that got at least this far."""
    ended: tuple[Rejection, ...]
    """Rejections whose furthest stage was this one."""


@dataclass
class StageGuide:
    """What one kind of stage has looked like so far, and what you learnt there."""

    stage: str
    times: int = 0
    entries: list[Rejection] = field(default_factory=list)
    formats: Counter[str] = field(default_factory=Counter)
    lessons: list[tuple[str, Rejection]] = field(default_factory=list)


@dataclass(frozen=True)
class PracticeReport:
    interviews: int
    interviewed: tuple[Rejection, ...]
    funnel: tuple[FunnelStep, ...]
    progression: tuple[tuple[Rejection, str], ...]
    """Each rejection, oldest first, with its stage reached."""
    guides: tuple[StageGuide, ...]
    """Stages after the first (`applied` is no interview) that came up, in order."""

    def trend(self, stages: tuple[str, ...]) -> tuple[float, float] | None:
        """The average stage (1-based) reached by the earlier and the later half of rejections."""
        if len(self.progression) < 4:
            return None
        half = len(self.progression) // 2
        indices = [stage_index(stage, stages) + 1 for _, stage in self.progression]
        earlier, later = indices[:half], indices[-half:]
        return sum(earlier) / len(earlier), sum(later) / len(later)


def practice_report(entries: Sequence[AnyEntry], stages: tuple[str, ...]) -> PracticeReport:
    rejected = sorted(rejections(entries), key=lambda r: (r.date, r.id))
    reached = {r.id: stage_reached(r, stages) for r in rejected}
    counts = {r.id: interviews_attended(r, stages) for r in rejected}
    guides = {stage: StageGuide(stage) for stage in stages}
    first = stages[0]
    for rejection in rejected:
        if rejection.process:
            for step in rejection.process:
                if step.stage == first:
                    continue
                guide = guides[step.stage]
                guide.times += 1
                if not guide.entries or guide.entries[-1] is not rejection:
                    guide.entries.append(rejection)
                if step.format:
                    guide.formats[" ".join(step.format.split())] += 1
        elif stage_index(rejection.stage, stages) > 0:
            guides[rejection.stage].times += 1
            guides[rejection.stage].entries.append(rejection)
        ended = guides[reached[rejection.id]]
        for lesson in rejection.lessons:
            ended.lessons.append((lesson, rejection))
    funnel = tuple(
        FunnelStep(
            stage,
            tuple(r for r in rejected if stage_index(reached[r.id], stages) >= index),
            tuple(r for r in rejected if reached[r.id] == stage),
        )
        for index, stage in enumerate(stages)
    )
    return PracticeReport(
        interviews=sum(counts.values()),
        interviewed=tuple(r for r in rejected if counts[r.id]),
        funnel=funnel,
        progression=tuple((r, reached[r.id]) for r in rejected),
        guides=tuple(g for g in guides.values() if g.times or g.lessons),
    )
