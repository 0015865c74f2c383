"""Derived facts (see "Derived facts" in the entry format): one analysis of the log.

`analyse` computes each rejection's facts once (stage reached, feedback status, promptness,
to ask now, overdue, to chase, no answer); every report and page reads them from the
`Analysis` instead of deriving them again.
The per-entry functions stay importable for callers that look at one entry.
"""

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


def feedback_status(rejection: Rejection, settings: Settings | None = None) -> FeedbackStatus:
    """The status of the rejection's feedback (see "Derived facts" in the entry format).

    `no answer` depends on today and `follow_up_days`, so it needs `settings`; without them a
    followed-up request with no answer stays `pending`.
    """
    feedback = rejection.feedback
    if feedback is None or feedback.requested is None:
        return "not requested"
    if feedback.requested is False:
        return "not asked"
    if feedback.received is not None:
        return "received"
    if feedback.declined:
        return "declined"
    followed = feedback.followed_up
    if settings and followed and wait_is_over(followed, settings):
        return "no answer"
    return "pending"


def days_since(day: dt.date, today: dt.date) -> int:
    return (today - day).days


def wait_ends(sent: dt.date, settings: Settings) -> dt.date:
    """The first day the wait for a reply to what was sent on `sent` is over.

    The one rule for every reader (the site, `due`, `feedback-email`, the calendar): a
    request is to chase, and a follow-up has had no reply, once *more than*
    `follow_up_days` have passed (the entry format's words). So a request sent exactly
    `follow_up_days` ago is not yet to chase; the next day it is.
    """
    return sent + dt.timedelta(days=settings.follow_up_days + 1)


def wait_is_over(sent: dt.date, settings: Settings) -> bool:
    """Today is `wait_ends(sent)` or later (see there)."""
    return settings.today >= wait_ends(sent, settings)


def is_overdue(rejection: Rejection, settings: Settings) -> bool:
    """Not requested, and more than `feedback_due_days` since the "no"."""
    return rejection_facts(rejection, settings).overdue


def is_to_ask_now(rejection: Rejection, settings: Settings) -> bool:
    """Not requested, at most `feedback_due_days` since the "no": ask while they remember you."""
    return rejection_facts(rejection, settings).to_ask_now


def is_to_chase(rejection: Rejection, settings: Settings) -> bool:
    """Requested, not followed up, still pending after more than `follow_up_days`."""
    return rejection_facts(rejection, settings).to_chase


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


@dataclass(frozen=True, slots=True)
class RejectionFacts:
    """What one rejection shows, derived once: every report and page reads these."""

    rejection: Rejection
    stage_reached: str
    """The furthest of `stage` and every process step."""
    stage_number: int
    """The 1-based position of `stage_reached` among the configured stages."""
    feedback: FeedbackStatus
    interviews: int
    """Interviews attended in this process (see `interviews_attended`)."""
    asked_after: int | None
    """Days from the "no" to the feedback request (promptness); None when not asked."""
    days_waiting: int
    """Days since the "no" when feedback is not requested; since the request when pending
    and not followed up; since the follow-up once followed up."""
    to_ask_now: bool
    """Not requested, at most `feedback_due_days` after the "no": ask now, while they remember."""
    overdue: bool
    """Not requested, more than `feedback_due_days` after the "no": still worth asking for."""
    to_chase: bool
    """Requested, pending, not followed up, for more than `follow_up_days`: one polite follow-up."""
    followed_up: bool
    """A follow-up was sent (whatever the answer since)."""

    @property
    def no_answer(self) -> bool:
        """Followed up, and no answer `follow_up_days` later: you did your part."""
        return self.feedback == "no answer"

    @property
    def needs_email(self) -> bool:
        """A draft helps: a request to send (now or overdue) or the one follow-up."""
        return self.to_ask_now or self.overdue or self.to_chase


def rejection_facts(rejection: Rejection, settings: Settings) -> RejectionFacts:
    """The facts of one rejection, each computed once."""
    status = feedback_status(rejection, settings)
    feedback = rejection.feedback
    requested = feedback.requested if feedback else None
    asked = requested if isinstance(requested, dt.date) else None
    followed = feedback.followed_up if feedback and asked else None
    reached = stage_reached(rejection, settings.stages)
    since = rejection.date
    if status in ("pending", "no answer") and asked:
        since = followed or asked
    waiting = days_since(since, settings.today)
    not_requested = status == "not requested"
    return RejectionFacts(
        rejection=rejection,
        stage_reached=reached,
        stage_number=stage_index(reached, settings.stages) + 1,
        feedback=status,
        interviews=interviews_attended(rejection, settings.stages),
        asked_after=(asked - rejection.date).days if asked else None,
        days_waiting=waiting,
        to_ask_now=not_requested and waiting <= settings.feedback_due_days,
        overdue=not_requested and waiting > settings.feedback_due_days,
        to_chase=status == "pending"
        and asked is not None
        and followed is None
        and wait_is_over(asked, settings),
        followed_up=followed is not None,
    )


@dataclass(frozen=True)
class Analysis:
    """One analysis of the log: the entries in date order and each rejection's facts."""

    settings: Settings
    entries: tuple[AnyEntry, ...]
    """Every entry, oldest first (then by id)."""
    rejections: tuple[Rejection, ...]
    """Oldest first (then by id)."""
    reflections: tuple[Reflection, ...]
    """Oldest first (then by id)."""
    facts: dict[str, RejectionFacts]
    """By entry id."""

    def of(self, rejection: Rejection) -> RejectionFacts:
        """The facts of `rejection` (one of the log's; any other is computed on the spot)."""
        return self.facts.get(rejection.id) or rejection_facts(rejection, self.settings)

    @property
    def stages(self) -> tuple[str, ...]:
        return self.settings.stages

    def in_order(self) -> list[RejectionFacts]:
        """Every rejection's facts, oldest first."""
        return [self.facts[r.id] for r in self.rejections]


def analyse(entries: Iterable[AnyEntry], settings: Settings) -> Analysis:
    """The log's analysis: each rejection's facts, computed once for every report."""
    ordered = tuple(sorted(entries, key=lambda e: (e.date, e.id)))
    rejected = tuple(rejections(ordered))
    return Analysis(
        settings=settings,
        entries=ordered,
        rejections=rejected,
        reflections=tuple(reflections(ordered)),
        facts={r.id: rejection_facts(r, settings) for r in rejected},
    )


def referenced_by(entries: Iterable[AnyEntry]) -> dict[str, list[Reflection]]:
    """For each entry id, the reflections that are `about` it (the back links)."""
    result: dict[str, list[Reflection]] = {}
    for reflection in reflections(entries):
        for target in reflection.about:
            result.setdefault(target, []).append(reflection)
    return result
