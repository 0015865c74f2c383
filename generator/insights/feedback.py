"""The feedback tracker: who to ask, who to chase, and how quickly you ask."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from typing import Literal

from ..model import FeedbackStatus, Rejection
from ..settings import Settings
from .analysis import Analysis, RejectionFacts, feedback_status, wait_ends

STATUSES: tuple[FeedbackStatus, ...] = (
    "not requested",
    "pending",
    "received",
    "declined",
    "no answer",
    "not asked",
)

REQUESTED: tuple[FeedbackStatus, ...] = ("pending", "received", "declined", "no answer")
"""The statuses of a request that was made: the response rate counts among these."""

DRAFTS_SHOWN = 5
"""The feedback page shows full drafts for at most this many rejections, the most urgent."""


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
    to_ask_now: tuple[Waiting, ...]
    """Not requested, at most `feedback_due_days` old: the closest to the end of that first."""
    overdue: tuple[Waiting, ...]
    """Not requested, more than `feedback_due_days` old: oldest first."""
    to_chase: tuple[Waiting, ...]
    """Pending, not followed up, for more than `follow_up_days`: longest wait first."""
    no_answer: tuple[Waiting, ...]
    """Followed up, still no answer `follow_up_days` later: days since the follow-up."""
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

    @property
    def open_actions(self) -> int:
        """Rejections with something to do: ask now, overdue, or to chase."""
        return len(self.to_ask_now) + len(self.overdue) + len(self.to_chase)

    @property
    def most_urgent(self) -> tuple[Waiting, ...]:
        """The `DRAFTS_SHOWN` most urgent: to ask now (while they remember you), then to chase
        (longest wait first), then overdue (the most recent first: the likeliest to answer)."""
        ordered = (*self.to_ask_now, *self.to_chase, *reversed(self.overdue))
        return ordered[:DRAFTS_SHOWN]


def feedback_report(analysis: Analysis) -> FeedbackReport:
    """Rejections by feedback status (oldest first), what to ask for or chase, promptness."""
    by_status: dict[FeedbackStatus, list[Rejection]] = {status: [] for status in STATUSES}
    lists: dict[str, list[Waiting]] = {"now": [], "overdue": [], "chase": [], "none": []}
    promptness: list[Waiting] = []
    for facts in analysis.in_order():
        rejection = facts.rejection
        by_status[facts.feedback].append(rejection)
        waiting = Waiting(rejection, facts.days_waiting)
        for key, flag in (
            ("now", facts.to_ask_now),
            ("overdue", facts.overdue),
            ("chase", facts.to_chase),
            ("none", facts.no_answer),
        ):
            if flag:
                lists[key].append(waiting)
        if facts.asked_after is not None:
            promptness.append(Waiting(rejection, facts.asked_after))
    return FeedbackReport(
        by_status={status: tuple(items) for status, items in by_status.items()},
        to_ask_now=tuple(sorted(lists["now"], key=lambda w: -w.days)),
        overdue=tuple(lists["overdue"]),
        to_chase=tuple(sorted(lists["chase"], key=lambda w: -w.days)),
        no_answer=tuple(lists["none"]),
        requested=tuple(r for status in REQUESTED for r in by_status[status]),
        received=tuple(by_status["received"]),
        promptness=tuple(promptness),
    )


EmailKind = Literal["request", "follow_up", "thanks"]


def email_kind(rejection: Rejection) -> EmailKind:
    """The draft the site shows for a rejection that needs one (`RejectionFacts.needs_email`):
    the follow-up when a request is pending, else a request.

    The wording lives in the site's templates (`generator.site.emails`), so users can change it.
    """
    return "follow_up" if feedback_status(rejection) == "pending" else "request"


@dataclass(frozen=True)
class NoLetter:
    """Why no letter fits the rejection's feedback now, in words for the user."""

    reason: str


def letter_for(facts: RejectionFacts, settings: Settings) -> EmailKind | NoLetter:
    """The one letter the state of the request calls for, or why there is none.

    The request while asking is due (to ask now, or overdue); the one follow-up once chasing
    is due (`analysis.wait_ends`); a thank-you note once the feedback has come. Never a
    letter the log says is not wanted or is one too many.
    """
    rejection = facts.rejection
    feedback = rejection.feedback
    company = " ".join(rejection.company.split())
    language = settings.language
    if facts.feedback == "not requested":
        return "request"
    if facts.feedback == "received":
        return "thanks"
    if facts.feedback == "not asked":
        return NoLetter(
            language.gettext(
                "you chose not to ask for feedback on this one (requested: false), so there is "
                "nothing to send"
            )
        )
    if facts.feedback == "declined":
        return NoLetter(
            language.gettext(
                "%(company)s gives no feedback (declined: true), so there is nothing to ask",
                company=company,
            )
        )
    if feedback and feedback.followed_up:
        return NoLetter(
            language.gettext(
                "you followed up on %(day)s already: one follow-up is enough, so there is "
                "nothing more to send",
                day=language.long_date(feedback.followed_up),
            )
        )
    if facts.to_chase:
        return "follow_up"
    asked = feedback.requested if feedback else None
    if not isinstance(asked, dt.date):
        return "request"
    return NoLetter(
        language.gettext(
            "you asked on %(asked)s, so it is too early to follow up; if no reply has come, the "
            "one follow-up is due on %(due)s",
            asked=language.long_date(asked),
            due=language.long_date(wait_ends(asked, settings)),
        )
    )
