"""`recovery-log doctor`: is this log ready to publish? One line per finding, offline."""

from __future__ import annotations

from pathlib import Path

import click

from .help_text import TranslatedCommand
from .readiness import findings, log_language


@click.command(cls=TranslatedCommand)
@click.argument(
    "directory", required=False, default=".", type=click.Path(file_okay=False, path_type=Path)
)
def doctor(directory: Path) -> None:
    """Say whether the log is ready to publish, and what to do where it is not.

    Looks for mkdocs.yml in DIRECTORY (default: here) or a folder above, then checks:
    site_url is set, every entry passes `check`, no private preview is switched on, a
    workflow builds the site, requirements.txt names an installable Recovery Log (and the
    encryption plugin when the site uses it). Offline. Exits 1 when anything blocks
    publishing.

    \b
    Example:
      recovery-log doctor
    """
    language = log_language(directory)
    found = findings(directory, language)
    for finding in found:
        click.echo(finding.line(language))
    blocking = sum(finding.blocks for finding in found)
    if blocking:
        click.echo(
            language.ngettext(
                "%(num)s to fix before publishing.", "%(num)s to fix before publishing.", blocking
            )
        )
        raise SystemExit(1)
    click.echo(language.gettext("Ready to publish."))
