"""The feedback tracker: who to ask, who to chase, and how quickly you ask."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import AnyEntry, FeedbackStatus, Rejection
from ..settings import Settings
from .analysis import days_since, feedback_status, is_overdue, is_to_chase, rejections

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


def feedback_report(entries: Sequence[AnyEntry], settings: Settings) -> FeedbackReport:
    rejected = sorted(rejections(entries), key=lambda r: (r.date, r.id))
    by_status: dict[FeedbackStatus, list[Rejection]] = {status: [] for status in STATUSES}
    overdue: list[Waiting] = []
    to_chase: list[Waiting] = []
    promptness: list[Waiting] = []
    for rejection in rejected:
        status = feedback_status(rejection)
        by_status[status].append(rejection)
        if is_overdue(rejection, settings):
            overdue.append(Waiting(rejection, days_since(rejection.date, settings.today)))
        requested = rejection.feedback.requested if rejection.feedback else None
        if requested:
            promptness.append(Waiting(rejection, (requested - rejection.date).days))
            if is_to_chase(rejection, settings):
                to_chase.append(Waiting(rejection, days_since(requested, settings.today)))
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


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _greeting(rejection: Rejection) -> str:
    source = rejection.feedback.source if rejection.feedback else None
    return f"Dear {_one_line(source)}," if source else "Hello,"


def request_email(rejection: Rejection) -> Email:
    """A short, courteous request for feedback: thanks, one question, no pressure."""
    role, company = _one_line(rejection.role), _one_line(rejection.company)
    return Email(
        subject=f"Thank you, and a short request about the {role} role",
        body="\n\n".join(
            [
                _greeting(rejection),
                f"Thank you for letting me know about the {role} role at "
                f"{company}, and for the time you and the team gave me. I enjoyed "
                "learning about the work.",
                "If you have a few minutes, I would be grateful for any feedback: is there "
                "anything I could have done differently, or a skill I should strengthen for "
                "roles like this one?",
                "Thank you again, and all the best to the team.",
                "Kind regards,\n[Your name]",
            ]
        ),
    )


def follow_up_email(rejection: Rejection) -> Email:
    """A gentle follow-up on a request that has had no answer."""
    asked = rejection.feedback.requested if rejection.feedback else None
    when = f" on {asked.day} {asked:%B}" if asked else ""
    role, company = _one_line(rejection.role), _one_line(rejection.company)
    return Email(
        subject=f"Following up: feedback on the {role} role",
        body="\n\n".join(
            [
                _greeting(rejection),
                f"I wrote{when} to ask for feedback on my application for the "
                f"{role} role at {company}. I know how busy things get, "
                "so I wanted to follow up once, gently.",
                "Even a sentence or two on what I could do differently would help me a lot. "
                "If feedback isn't something you are able to share, I completely understand.",
                "Thank you for your time.",
                "Kind regards,\n[Your name]",
            ]
        ),
    )


def email_for(rejection: Rejection) -> Email:
    """The follow-up when a request is pending, else the request."""
    if feedback_status(rejection) == "pending":
        return follow_up_email(rejection)
    return request_email(rejection)
