"""Are you getting further? Within one track, the stages the earlier and the later processes
reached, as stage names: comparing across tracks would mix a junior role's screen with a
senior role's final, so each track is read on its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Rejection
from .analysis import stage_index, stage_reached


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


def track_progress(
    track: str, rejections: Sequence[Rejection], stages: tuple[str, ...]
) -> Progress:
    """How far the processes of one track went over time, in stage names."""
    ordered = sorted(rejections, key=lambda r: (r.date, r.id))
    steps = tuple((r, stage_reached(r, stages)) for r in ordered)
    if len(steps) < 2:
        return Progress(track, steps)
    half = len(steps) // 2
    earlier = _typical([stage for _, stage in steps[:half]], stages)
    later = _typical([stage for _, stage in steps[-half:]], stages)
    before, after = stage_index(earlier, stages), stage_index(later, stages)
    direction = "further" if after > before else "same" if after == before else "earlier"
    return Progress(track, steps, earlier, later, direction, half)


def _typical(reached: list[str], stages: tuple[str, ...]) -> str:
    """The median stage (the lower one of an even count): one far process does not skew it."""
    ordered = sorted(reached, key=lambda stage: stage_index(stage, stages))
    return ordered[(len(ordered) - 1) // 2]
