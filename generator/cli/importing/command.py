"""The `recovery-log import` command."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ...i18n import N_, Language
from ..command_kit import config_option, entries_folder, project_for, today_option
from ..help_text import TranslatedCommand
from ..project import ProjectOptions
from .dates import DateError, check_format
from .mentor_reply import take_mentor_replies
from .options import ImportOptions
from .reading import read_file
from .writer import Destination, write_all


@click.command("import", cls=TranslatedCommand)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help=N_("Report what would be written; write nothing."))
@click.option(
    "--entries",
    "--entries-dir",
    "entries_dir",
    type=click.Path(path_type=Path),
    default=None,
    help=N_("Where to write (created if missing); default: the entries folder of mkdocs.yml."),
)
@click.option("--company", default="", help=N_("The company: of every e-mail; of empty CSV cells."))
@click.option("--role", default="", help=N_("The role: of every e-mail; of empty CSV cells."))
@click.option(
    "--date-format",
    help=N_("How to read dates like 03/11/2026: DMY, MDY, or a pattern such as %%d.%%m.%%Y."),
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help=N_("Also list each e-mail that is not a rejection: its kind and the words that decided."),
)
@config_option
@today_option
def import_command(
    files: tuple[Path, ...],
    dry_run: bool,
    entries_dir: Path | None,
    company: str,
    role: str,
    date_format: str | None,
    verbose: bool,
    config_file: Path,
    today: dt.date | None,
) -> None:
    """Bring rejections in from a spreadsheet or e-mails.

    FILES are spreadsheets (.csv, .tsv, .xlsx) and e-mails (.eml, .mbox), in any mix.

    An e-mail whose subject names a question for your mentor (a "Reply by e-mail" link
    writes it) is your mentor's answer: its own words, quoted parts left out, are recorded
    under that question in the reflection that asked, with the day it was sent.

    Writes one entry per rejection, named as `recovery-log new` names them, and never
    overwrites: importing the same file again changes nothing. E-mails that are not
    rejections (invitations, offers, acknowledgements, alerts, newsletters) are never
    written; the summary counts them by kind. An e-mail's text, and a spreadsheet's notes,
    contacts and other free text, go into a private section of the entry. When a
    rejection's company or role cannot be read, the entry is a draft (file name starting
    with _); importing the message again with --company/--role completes it.

    Exits 1 when a row or message could not be imported or an import's draft waits, 0
    otherwise.

    \b
    Examples:
      recovery-log import applications.csv --dry-run
      recovery-log import applications.csv --date-format DMY
      recovery-log import "Takeout/Mail/All mail.mbox" --verbose
      recovery-log import huntr-export.csv teal.xlsx
      recovery-log import contoso.eml --role "Product Designer"
    """
    project = project_for(config_file)
    settings = project.settings(today)
    folder = _import_folder(entries_dir, project, settings.language)
    date_format = _checked_date_format(date_format, settings.language)
    options = ImportOptions(
        settings.stages,
        settings.today,
        date_format,
        company.strip(),
        role.strip(),
        settings.language,
    )
    # Mentor replies (mentor_reply.py) are recorded first; the importer below skips them.
    replies = take_mentor_replies(files, folder, settings, dry_run)
    items = [item for path in files for item in read_file(path, options) if not replies.took(item)]
    report = write_all(items, Destination(folder, project.root, folder), settings, dry_run, verbose)
    for line in [*replies.lines, *report.lines]:
        click.echo(line)
    click.echo(report.summary(dry_run))
    sys.exit(0 if report.ok and replies.ok else 1)


def _import_folder(entries_dir: Path | None, project: ProjectOptions, language: Language) -> Path:
    """Where entries are written: the log's folder (it must be there), or the one named,
    created when missing (it was named on purpose), as long as it is not a file."""
    if entries_dir is None:
        return entries_folder(None, project)
    if entries_dir.exists() and not entries_dir.is_dir():
        said = language.gettext("%(path)s is a file, not a folder", path=entries_dir)
        raise click.BadParameter(said, param_hint="--entries")
    return entries_dir


def _checked_date_format(date_format: str | None, language: Language) -> str | None:
    """`--date-format` as the readers take it (DMY, MDY or a strptime pattern), or None."""
    if date_format is None:
        return None
    try:
        return check_format(date_format)
    except DateError as exc:
        raise click.BadParameter(exc.said(language), param_hint="'--date-format'") from None
