"""`recovery-log due`: today's actions, one line each with the entry id; nothing when none."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import click

from ..i18n import ENGLISH, Language
from ..insights.analysis import Analysis, analyse
from ..insights.feedback import Waiting, feedback_report
from .app import config_option, entries_option, load, today_option
from .help_text import TranslatedCommand


def due_lines(analysis: Analysis, language: Language = ENGLISH) -> list[str]:
    """What to do today: ask now, overdue, to chase, then open mentor questions."""
    report = feedback_report(analysis)
    # Translators: the labels of `recovery-log due`, at most 8 letters if you can.
    lines = [
        *_lines(language.pgettext("due", "ask now"), report.to_ask_now, _ask_now, language),
        *_lines(language.pgettext("due", "overdue"), report.overdue, _overdue, language),
        *_lines(language.pgettext("due", "chase"), report.to_chase, _chase, language),
    ]
    mentor = language.pgettext("due", "mentor")
    for reflection in reversed(analysis.reflections):
        for question in reflection.ask_mentor:
            if question.answered is None:
                lines.append(f"{mentor:<8} {reflection.id}  {question.question}")
    return lines


def _ask_now(w: Waiting, language: Language) -> str:
    return language.ngettext(
        "%(role)s at %(company)s: %(num)s day since the rejection",
        "%(role)s at %(company)s: %(num)s days since the rejection",
        w.days,
        role=w.rejection.role,
        company=w.rejection.company,
    )


def _overdue(w: Waiting, language: Language) -> str:
    return language.ngettext(
        "%(role)s at %(company)s: %(num)s day since the rejection, still worth asking",
        "%(role)s at %(company)s: %(num)s days since the rejection, still worth asking",
        w.days,
        role=w.rejection.role,
        company=w.rejection.company,
    )


def _chase(w: Waiting, language: Language) -> str:
    return language.ngettext(
        "%(role)s at %(company)s: %(num)s day since you asked: send the one follow-up",
        "%(role)s at %(company)s: %(num)s days since you asked: send the one follow-up",
        w.days,
        role=w.rejection.role,
        company=w.rejection.company,
    )


def _lines(
    label: str,
    items: tuple[Waiting, ...],
    said: Callable[[Waiting, Language], str],
    language: Language,
) -> list[str]:
    return [f"{label:<8} {w.rejection.id}  {said(w, language)}" for w in items]


@click.command(cls=TranslatedCommand)
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
    for line in due_lines(analyse(log.entries, settings), settings.language):
        click.echo(line)
