"""Derived facts, as pure functions over the model (see "Derived facts" in the entry format)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import AnyEntry, FeedbackStatus, Reflection, Rejection
from ..settings import Settings


def rejections(entries: Iterable[AnyEntry]) -> list[Rejection]:
    return [entry for entry in entries if isinstance(entry, Rejection)]


def reflections(entries: Iterable[AnyEntry]) -> list[Reflection]:
    return [entry for entry in entries if isinstance(entry, Reflection)]


def feedback_status(rejection: Rejection) -> FeedbackStatus:
    feedback = rejection.feedback
    if feedback is None or feedback.requested is None:
        return "not requested"
    if feedback.requested is False:
        return "not asked"
    if feedback.received is not None:
        return "received"
    if feedback.declined:
        return "declined"
    return "pending"


def days_since(day: dt.date, today: dt.date) -> int:
    return (today - day).days


def is_overdue(rejection: Rejection, settings: Settings) -> bool:
    """Not requested, and more than `feedback_due_days` since the "no"."""
    return (
        feedback_status(rejection) == "not requested"
        and days_since(rejection.date, settings.today) > settings.feedback_due_days
    )


def is_to_chase(rejection: Rejection, settings: Settings) -> bool:
    """Requested, still pending after more than `follow_up_days`."""
    feedback = rejection.feedback
    return (
        feedback_status(rejection) == "pending"
        and feedback is not None
        and isinstance(feedback.requested, dt.date)
        and days_since(feedback.requested, settings.today) > settings.follow_up_days
    )


def stage_index(stage: str, stages: tuple[str, ...]) -> int:
    return stages.index(stage) if stage in stages else 0


def stage_reached(rejection: Rejection, stages: tuple[str, ...]) -> str:
    """The furthest of `stage` and every process step: a rejection never loses how far it got."""
    names = [rejection.stage, *(step.stage for step in rejection.process)]
    return max(names, key=lambda name: stage_index(name, stages))


def interviews_attended(rejection: Rejection, stages: tuple[str, ...]) -> int:
    """Process steps beyond `applied`; with no process, one if the stage is beyond `applied`."""
    first = stages[0] if stages else "applied"
    if rejection.process:
        return sum(1 for step in rejection.process if step.stage != first)
    return 1 if stage_index(rejection.stage, stages) > 0 else 0


@dataclass(frozen=True)
class Headline:
    """The dashboard's numbers, each with the entries it counts."""

    rejections: tuple[Rejection, ...]
    reflections: tuple[Reflection, ...]
    interviewed: tuple[Rejection, ...]
    interviews: int
    feedback_requested: tuple[Rejection, ...]
    feedback_received: tuple[Rejection, ...]
    overdue: tuple[Rejection, ...]
    to_chase: tuple[Rejection, ...]


def headline(entries: Iterable[AnyEntry], settings: Settings) -> Headline:
    """The dashboard's numbers, in one pass over the entries."""
    rejected: list[Rejection] = []
    reflected: list[Reflection] = []
    interviewed: list[Rejection] = []
    requested: list[Rejection] = []
    received: list[Rejection] = []
    overdue: list[Rejection] = []
    to_chase: list[Rejection] = []
    interviews = 0
    for entry in entries:
        if isinstance(entry, Reflection):
            reflected.append(entry)
            continue
        rejected.append(entry)
        count = interviews_attended(entry, settings.stages)
        interviews += count
        if count:
            interviewed.append(entry)
        status = feedback_status(entry)
        if status in ("pending", "received", "declined"):
            requested.append(entry)
        if status == "received":
            received.append(entry)
        elif status == "not requested" and is_overdue(entry, settings):
            overdue.append(entry)
        elif status == "pending" and is_to_chase(entry, settings):
            to_chase.append(entry)
    return Headline(
        rejections=tuple(rejected),
        reflections=tuple(reflected),
        interviewed=tuple(interviewed),
        interviews=interviews,
        feedback_requested=tuple(requested),
        feedback_received=tuple(received),
        overdue=tuple(overdue),
        to_chase=tuple(to_chase),
    )


def referenced_by(entries: Iterable[AnyEntry]) -> dict[str, list[Reflection]]:
    """For each entry id, the reflections that are `about` it (the back links)."""
    result: dict[str, list[Reflection]] = {}
    for reflection in reflections(entries):
        for target in reflection.about:
            result.setdefault(target, []).append(reflection)
    return result
