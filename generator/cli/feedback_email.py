"""`recovery-log feedback-email`: the site's feedback request (or follow-up) for one rejection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..model import Rejection
from ..site.emails import email_for, text_environment
from .app import config_option, entries_option, load, today_option
from .entry_lookup import find_entry


@click.command("feedback-email")
@click.argument("entry")
@entries_option()
@config_option
@today_option
def feedback_email(
    entry: str, entries_dir: Path | None, config_file: Path, today: dt.date | None
) -> None:
    """Print a courteous feedback request (or follow-up) for one rejection.

    ENTRY is the entry's id (its file name without extension), any part of it that names
    one entry only (e.g. the company), or its path. The text is the
    same as on the site's feedback page (and reworded by your `templates_dir`, if it has
    feedback_request.txt.j2 or feedback_follow_up.txt.j2).

    \b
    Example:
      recovery-log feedback-email 2026-11-03-acme-data-analyst
      recovery-log feedback-email acme
    """
    log, _, folder, project = load(entries_dir, config_file, today)
    found = find_entry(log, entry, folder)
    if not isinstance(found, Rejection):
        raise click.ClickException(
            f"'{found.id}' is a reflection; feedback emails are for rejections"
        )
    followed = found.feedback.followed_up if found.feedback else None
    if followed and found.feedback and not (found.feedback.received or found.feedback.declined):
        raise click.ClickException(
            f"you followed up on {followed.isoformat()} already: one follow-up is enough, so "
            "there is nothing more to send (the site marks it \"no answer\" in time)"
        )
    mail = email_for(found, text_environment(project.templates_dir), project.site_author)
    click.echo(f"Subject: {mail.subject}\n\n{mail.body}")
