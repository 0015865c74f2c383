"""Interviews as practice: how far each process went, and what each stage asked of you."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..model import Rejection
from .analysis import Analysis, RejectionFacts

FINAL_STAGE = "final"
"""The stage the dashboard counts as "finals reached", when the configured stages have it."""


@dataclass(frozen=True, slots=True)
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


class Trend(NamedTuple):
    """The average stage (1-based) the earlier and the later half of the processes reached."""

    earlier: float
    later: float

    @property
    def direction(self) -> Literal["further", "same", "shorter"]:
        """Whether recent processes went further than the earlier ones."""
        if self.later > self.earlier:
            return "further"
        return "same" if self.later == self.earlier else "shorter"


@dataclass(frozen=True, slots=True)
class PracticeReport:
    interviews: int
    interviewed: tuple[Rejection, ...]
    funnel: tuple[FunnelStep, ...]
    progression: tuple[tuple[Rejection, str], ...]
    """Each rejection, oldest first, with its stage reached."""
    guides: tuple[StageGuide, ...]
    """Stages after the first (`applied` is no interview) that came up, in order."""
    stage_numbers: tuple[int, ...] = ()
    """The 1-based position of each `progression` item's stage among the configured stages."""

    @property
    def finals(self) -> FunnelStep | None:
        """The funnel step of the `final` stage, when the configured stages have one."""
        return next((step for step in self.funnel if step.stage == FINAL_STAGE), None)

    def trend(self, stages: tuple[str, ...] = ()) -> Trend | None:
        """The average stage (1-based) reached by the earlier and the later half of rejections.

        `stages` is not needed any more (each position was computed once); kept for callers.
        """
        if len(self.stage_numbers) < 4:
            return None
        half = len(self.stage_numbers) // 2
        earlier, later = self.stage_numbers[:half], self.stage_numbers[-half:]
        return Trend(sum(earlier) / len(earlier), sum(later) / len(later))


def practice_report(analysis: Analysis) -> PracticeReport:
    """Interviews attended, the funnel, the progression over time and a guide per stage."""
    stages = analysis.stages
    in_order = analysis.in_order()
    guides = {stage: StageGuide(stage) for stage in stages}
    for facts in in_order:
        _add_to_guides(guides, facts, stages[0])
    funnel = tuple(
        FunnelStep(
            stage,
            tuple(f.rejection for f in in_order if f.stage_number > index),
            tuple(f.rejection for f in in_order if f.stage_reached == stage),
        )
        for index, stage in enumerate(stages)
    )
    return PracticeReport(
        interviews=sum(f.interviews for f in in_order),
        interviewed=tuple(f.rejection for f in in_order if f.interviews),
        funnel=funnel,
        progression=tuple((f.rejection, f.stage_reached) for f in in_order),
        guides=tuple(g for g in guides.values() if g.times or g.lessons),
        stage_numbers=tuple(f.stage_number for f in in_order),
    )


def _add_to_guides(guides: dict[str, StageGuide], facts: RejectionFacts, first: str) -> None:
    """Count the stages one process went through, and file its lessons where it ended."""
    rejection = facts.rejection
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
    elif facts.interviews:
        guides[rejection.stage].times += 1
        guides[rejection.stage].entries.append(rejection)
    ended = guides[facts.stage_reached]
    for lesson in rejection.lessons:
        ended.lessons.append((lesson, rejection))
