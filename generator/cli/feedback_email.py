"""`recovery-log feedback-email`: the site's feedback request (or follow-up) for one rejection."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..entries.schema import did_you_mean
from ..model import Rejection
from ..site.emails import email_for, text_environment
from .app import config_option, load, today_option


@click.command("feedback-email")
@click.argument("entry")
@click.option("--entries-dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@config_option
@today_option
def feedback_email(
    entry: str, entries_dir: Path | None, config_file: Path, today: dt.date | None
) -> None:
    """Print a courteous feedback request (or follow-up) for one rejection.

    ENTRY is the entry's id (its file name without extension) or its path. The text is the
    same as on the site's feedback page (and reworded by your `templates_dir`, if it has
    feedback_request.txt.j2 or feedback_follow_up.txt.j2).

    \b
    Example:
      recovery-log feedback-email 2026-11-03-acme-data-analyst
    """
    log, _, folder, project = load(entries_dir, config_file, today)
    wanted = Path(entry).name
    if wanted.lower().endswith((".md", ".markdown", ".yml", ".yaml")):
        wanted = wanted.rsplit(".", 1)[0]
    found = next((e for e in log.entries if e.id == wanted), None)
    if found is None:
        hint = did_you_mean(wanted, [e.id for e in log.entries])
        broken = [p for p in log.problems if Path(p.path).name.startswith(wanted + ".")]
        reason = " (it has problems: run recovery-log check)" if broken else ""
        raise click.ClickException(f"no entry '{wanted}' in {folder}{reason}{hint}")
    if not isinstance(found, Rejection):
        raise click.ClickException(
            f"'{wanted}' is a reflection; feedback emails are for rejections"
        )
    mail = email_for(found, text_environment(project.templates_dir), project.site_author)
    click.echo(f"Subject: {mail.subject}\n\n{mail.body}")
