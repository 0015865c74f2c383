"""The feedback tracker: who to ask, who to chase, and how quickly you ask."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Literal

from ..model import FeedbackStatus, Rejection
from .analysis import Analysis, feedback_status

STATUSES: tuple[FeedbackStatus, ...] = (
    "not requested",
    "pending",
    "received",
    "declined",
    "not asked",
)


@dataclass(frozen=True)
class Waiting:
    """A rejection to act on, and how many days it has been."""

    rejection: Rejection
    days: int


@dataclass(frozen=True)
class Email:
    """A draft e-mail, ready to copy."""

    subject: str
    body: str


@dataclass(frozen=True)
class FeedbackReport:
    by_status: dict[FeedbackStatus, tuple[Rejection, ...]]
    overdue: tuple[Waiting, ...]
    """Not requested, more than `feedback_due_days` old: oldest first."""
    to_chase: tuple[Waiting, ...]
    """Pending for more than `follow_up_days`: longest wait first."""
    requested: tuple[Rejection, ...]
    received: tuple[Rejection, ...]
    promptness: tuple[Waiting, ...]
    """Each request with the days from the "no" to asking."""

    @property
    def response_rate(self) -> float | None:
        """Answers received of requests made, or None when nothing was requested."""
        return len(self.received) / len(self.requested) if self.requested else None

    @property
    def median_promptness(self) -> float | None:
        days = [w.days for w in self.promptness]
        return statistics.median(days) if days else None


def feedback_report(analysis: Analysis) -> FeedbackReport:
    """Rejections by feedback status (oldest first), what to ask for or chase, promptness."""
    by_status: dict[FeedbackStatus, list[Rejection]] = {status: [] for status in STATUSES}
    overdue: list[Waiting] = []
    to_chase: list[Waiting] = []
    promptness: list[Waiting] = []
    for facts in analysis.in_order():
        rejection = facts.rejection
        by_status[facts.feedback].append(rejection)
        if facts.overdue:
            overdue.append(Waiting(rejection, facts.days_waiting))
        if facts.asked_after is not None:
            promptness.append(Waiting(rejection, facts.asked_after))
        if facts.to_chase:
            to_chase.append(Waiting(rejection, facts.days_waiting))
    requested_all = tuple(
        r for status in ("pending", "received", "declined") for r in by_status[status]
    )
    return FeedbackReport(
        by_status={status: tuple(items) for status, items in by_status.items()},
        overdue=tuple(overdue),
        to_chase=tuple(sorted(to_chase, key=lambda w: -w.days)),
        requested=requested_all,
        received=tuple(by_status["received"]),
        promptness=tuple(promptness),
    )


EmailKind = Literal["request", "follow_up"]


def email_kind(rejection: Rejection) -> EmailKind:
    """The draft a rejection needs: a follow-up when a request is pending, else a request.

    The wording lives in the site's templates (`generator.site.emails`), so users can change it.
    """
    return "follow_up" if feedback_status(rejection) == "pending" else "request"
