"""`recovery-log stats`: the insights as plain text, a quick look without building the site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import click

from ..i18n import N_, NC_, Language
from ..insights.feedback import FeedbackReport
from ..insights.reports import reports
from ..insights.skills import SkillsReport
from ..insights.tracks import Track
from ..model import AnyEntry
from ..privacy import publishable
from ..settings import Settings
from ..vocabulary import decision_name, gap_status_name, stage_name, status_label
from .app import config_option, load, today_option
from .help_text import TranslatedCommand


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        indent
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


SEVERITIES = {
    "low": NC_("severity", "low"),
    "medium": NC_("severity", "medium"),
    "high": NC_("severity", "high"),
}
"""A skill gap's severity, as the entry format writes it."""


def stats_text(entries: Sequence[AnyEntry], settings: Settings, top: int = 10) -> str:
    """Skills gap, feedback status and tracks, as aligned plain text."""
    found = reports(entries, settings)
    _ = settings.language
    lines = [_.gettext("Skills gap (most pressing first)"), *_gap_lines(found.skills, _, top)]
    lines += ["", _.gettext("Feedback")]
    lines += _table(
        [
            (status_label(status, _), _.integer(len(items)))
            for status, items in found.feedback.by_status.items()
        ]
    )
    lines += _feedback_lines(found.feedback, _)
    lines += ["", _.gettext("Tracks"), *_track_lines(found.tracks, _)]
    return "\n".join(lines) + "\n"


def _gap_lines(skills: SkillsReport, _: Language, top: int) -> list[str]:
    if not skills.gaps:
        return ["  " + _.gettext("none written down yet")]
    # Translators: the columns of the skills gap table in `recovery-log stats`.
    head = (_.gettext("skill"), _.gettext("status"), _.gettext("severity"), _.gettext("rejections"))
    rows = [
        (
            g.name,
            gap_status_name(g.status, _),
            _.pgettext(*SEVERITIES[g.severity]) if g.severity in SEVERITIES else g.severity or "-",
            _.integer(len(g.rejections)),
        )
        for g in skills.gaps[:top]
    ]
    lines = _table([head, *rows])
    if len(skills.gaps) > top:
        lines.append(
            "  " + _.gettext("... and %(num)s more", num=_.integer(len(skills.gaps) - top))
        )
    return lines


def _feedback_lines(feedback: FeedbackReport, _: Language) -> list[str]:
    lines = []
    if feedback.response_rate is not None:
        lines.append(
            "  "
            + _.gettext(
                "response rate: %(received)s of %(requested)s (%(rate)s)",
                received=_.integer(len(feedback.received)),
                requested=_.integer(len(feedback.requested)),
                rate=_.percent(feedback.response_rate),
            )
        )
    for said, items in (
        (_ask_now, feedback.to_ask_now),
        (_worth_asking, feedback.overdue),
        (_worth_chasing, feedback.to_chase),
    ):
        for item in items:
            r = item.rejection
            lines.append("  " + said(_, item.days, role=r.role, company=r.company, id=r.id))
    return lines


def _ask_now(_: Language, days: int, **about: str) -> str:
    return _.ngettext(
        "ask now: %(role)s at %(company)s (%(num)s day since the rejection) [%(id)s]",
        "ask now: %(role)s at %(company)s (%(num)s days since the rejection) [%(id)s]",
        days,
        **about,
    )


def _worth_asking(_: Language, days: int, **about: str) -> str:
    return _.ngettext(
        "worth asking for: %(role)s at %(company)s (%(num)s day since the rejection) [%(id)s]",
        "worth asking for: %(role)s at %(company)s (%(num)s days since the rejection) [%(id)s]",
        days,
        **about,
    )


def _worth_chasing(_: Language, days: int, **about: str) -> str:
    return _.ngettext(
        "worth a polite follow-up: %(role)s at %(company)s (%(num)s day since you asked) [%(id)s]",
        "worth a polite follow-up: %(role)s at %(company)s (%(num)s days since you asked) [%(id)s]",
        days,
        **about,
    )


def _track_lines(tracks: Sequence[Track], _: Language) -> list[str]:
    if not tracks:
        return ["  " + _.gettext("none yet")]
    # Translators: the columns of the tracks table in `recovery-log stats`.
    head = (
        _.gettext("track"),
        _.gettext("rejections"),
        _.gettext("furthest stage"),
        _.gettext("latest decision"),
    )
    rows = [
        (
            t.name,
            _.integer(len(t.rejections)),
            stage_name(t.furthest, _) if t.furthest else "-",
            decision_name(t.latest_decision.decision, _)
            if t.latest_decision and t.latest_decision.decision
            else "-",
        )
        for t in tracks
    ]
    return _table([head, *rows])


@click.command(cls=TranslatedCommand)
@click.argument("entries_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@config_option
@today_option
@click.option(
    "--private/--no-private", default=False, help=N_("Include private entries (default: no).")
)
def stats(
    entries_dir: Path | None, config_file: Path, today: dt.date | None, private: bool
) -> None:
    """Skills gap, feedback and tracks in the terminal: a quick look without building.

    \b
    Example:
      recovery-log stats
    """
    log, settings, _, _ = load(entries_dir, config_file, today)
    click.echo(stats_text(publishable(log.entries, private), settings), nl=False)
    if log.problems:
        click.echo(
            "\n"
            + settings.language.ngettext(
                "%(num)s problem left out: run recovery-log check.",
                "%(num)s problems left out: run recovery-log check.",
                len(log.problems),
            )
        )
