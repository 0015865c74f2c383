"""`recovery-log feedback-email`: the letter one rejection's feedback calls for now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..insights.analysis import rejection_facts
from ..insights.feedback import NoLetter, letter_for
from ..model import Rejection
from ..site.emails import draft, text_environment
from .app import config_option, entries_option, load, today_option
from .entry_lookup import find_entry
from .help_text import TranslatedCommand


@click.command("feedback-email", cls=TranslatedCommand)
@click.argument("entry")
@entries_option()
@config_option
@today_option
def feedback_email(
    entry: str, entries_dir: Path | None, config_file: Path, today: dt.date | None
) -> None:
    """Print the letter a rejection's feedback calls for now.

    The request while asking is due; the one follow-up once it is due; a short thank-you
    note once the feedback has come. Nothing (and the reason why) when the company gives no
    feedback, when you chose not to ask, when you followed up already, or while it is too
    early to follow up.

    ENTRY is the entry's id (its file name without extension), any part of it that names
    one entry only (e.g. the company), or its path. The text is the same as on the site's
    feedback page, in the log's language (and reworded by your `templates_dir`, if it has
    feedback_request.txt.j2, feedback_follow_up.txt.j2 or feedback_thanks.txt.j2, or the
    same for one language only: feedback_request.de.txt.j2...).

    \b
    Example:
      recovery-log feedback-email 2026-11-03-acme-data-analyst
      recovery-log feedback-email acme
    """
    log, settings, folder, project = load(entries_dir, config_file, today)
    language = settings.language
    found = find_entry(log, entry, folder, language)
    if not isinstance(found, Rejection):
        raise click.ClickException(
            language.gettext(
                "'%(entry)s' is a reflection; feedback emails are for rejections", entry=found.id
            )
        )
    letter = letter_for(rejection_facts(found, settings), settings)
    if isinstance(letter, NoLetter):
        reason = letter.text(language)
        raise click.ClickException(
            language.gettext("no letter for '%(entry)s': %(reason)s", entry=found.id, reason=reason)
        )
    env = text_environment(project.templates_dir, language)
    mail = draft(found, letter, env, project.site_author)
    # Translators: the e-mail's subject line, as a mail program shows it ("Subject: …").
    subject = language.gettext("Subject: %(subject)s", subject=mail.subject)
    click.echo(f"{subject}\n\n{mail.body}")
