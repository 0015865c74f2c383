"""Options and helpers shared by `import`, `export` and `calendar`.

The configuration and date options and the entries folder are `app`'s, the same for every
command, so each reads the site's configuration the same way, through `project.read_project`.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..i18n import ENGLISH, N_, Language
from .app import (
    DEFAULT_CONFIG,
    config_option,
    entries_folder,
    entries_option,
    project_for,
    shown,
    today_option,
)
from .app import parse_date as parse_day_option

__all__ = [
    "DEFAULT_CONFIG",
    "config_option",
    "deliver",
    "entries_folder",
    "entries_option",
    "output_option",
    "parse_day_option",
    "project_for",
    "shown",
    "today_option",
]

output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=N_("Write it to this file instead of printing it."),
)


def deliver(data: bytes, output: Path | None, what: str, language: Language = ENGLISH) -> None:
    """Print `data`, or write it to `output` and say so (in `language`)."""
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        reason = language.gettext(
            "%(path)s: cannot be written: %(why)s", path=str(output), why=exc.strerror or ""
        )
        raise click.ClickException(reason) from None
    click.echo(language.gettext("wrote %(path)s (%(what)s)", path=str(output), what=what))
