"""`recovery-log due`: today's actions, one line each with the entry id; nothing when none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..insights.analysis import Analysis, analyse
from ..insights.feedback import Waiting, feedback_report
from ..wording import plural
from .app import config_option, entries_option, load, today_option


def due_lines(analysis: Analysis) -> list[str]:
    """What to do today: ask now, overdue, to chase, then open mentor questions."""
    report = feedback_report(analysis)
    lines = [
        *_lines("ask now", report.to_ask_now, "since the rejection"),
        *_lines("overdue", report.overdue, "since the rejection, still worth asking"),
        *_lines("chase", report.to_chase, "since you asked: send the one follow-up"),
    ]
    for reflection in reversed(analysis.reflections):
        for question in reflection.ask_mentor:
            if question.answered is None:
                lines.append(f"mentor   {reflection.id}  {question.question}")
    return lines


def _lines(label: str, items: tuple[Waiting, ...], since: str) -> list[str]:
    return [
        f"{label:<8} {w.rejection.id}  {w.rejection.title}: {plural(w.days, 'day')} {since}"
        for w in items
    ]


@click.command()
@entries_option()
@config_option
@today_option
def due(entries_dir: Path | None, config_file: Path, today: dt.date | None) -> None:
    """Today's actions: feedback to ask for now, overdue, to chase, and open mentor questions.

    One line each, with the entry id (for `recovery-log feedback-email ID`). Prints nothing
    when there is nothing to do.

    \b
    Example:
      recovery-log due
    """
    log, settings, _, _ = load(entries_dir, config_file, today)
    for line in due_lines(analyse(log.entries, settings)):
        click.echo(line)
