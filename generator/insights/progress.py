"""Are you getting further? Within one track, the stages the earlier and the later processes
reached, as stage names: comparing across tracks would mix a junior role's screen with a
senior role's final, so each track is read on its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Rejection
from .analysis import RejectionFacts


@dataclass(frozen=True)
class Progress:
    """The processes of one track, oldest first, with the stage each reached."""

    track: str
    steps: tuple[tuple[Rejection, str], ...]
    earlier: str = ""
    """The typical (median) stage reached by the earlier half; empty with one process."""
    later: str = ""
    """The typical stage reached by the later half."""
    direction: str = ""
    """ "further", "same" or "earlier": how the later half compares; empty with one process."""
    halves: int = 0
    """How many processes each half holds (the middle one is left out of an odd count)."""


def track_progress(track: str, facts: Sequence[RejectionFacts]) -> Progress:
    """How far the processes of one track went over time, in stage names.

    `facts` are the track's rejections' facts (`Analysis.of`), in any order.
    """
    ordered = sorted(facts, key=lambda f: (f.rejection.date, f.rejection.id))
    steps = tuple((f.rejection, f.stage_reached) for f in ordered)
    if len(steps) < 2:
        return Progress(track, steps)
    half = len(ordered) // 2
    earlier, later = _typical(ordered[:half]), _typical(ordered[-half:])
    before, after = earlier.stage_number, later.stage_number
    direction = "further" if after > before else "same" if after == before else "earlier"
    return Progress(track, steps, earlier.stage_reached, later.stage_reached, direction, half)


def _typical(reached: Sequence[RejectionFacts]) -> RejectionFacts:
    """The median stage (the lower one of an even count): one far process does not skew it."""
    ordered = sorted(reached, key=lambda facts: facts.stage_number)
    return ordered[(len(ordered) - 1) // 2]
