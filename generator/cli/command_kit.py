"""Options and helpers shared by `import`, `export` and `calendar`.

They mirror `commands.py`'s (`-f/--config-file`, `--today`) so every command reads the site's
configuration the same way, through `project.read_project`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .project import ProjectOptions, read_project

DEFAULT_CONFIG = Path("mkdocs.yml")


def parse_day_option(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> dt.date | None:
    """A click callback: YYYY-MM-DD as a date, or a usage error saying what was expected."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, found {value!r}") from None


config_option = click.option(
    "-f",
    "--config-file",
    default=str(DEFAULT_CONFIG),
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The site's configuration, for its stages, `today` and entries folder.",
)
today_option = click.option(
    "--today", callback=parse_day_option, help="Act as if today were this date (YYYY-MM-DD)."
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write it to this file instead of printing it.",
)


def project_for(config_file: Path) -> ProjectOptions:
    """The site's options; a configuration file the user named must exist."""
    return read_project(config_file, required=config_file != DEFAULT_CONFIG)


def shown(path: Path) -> Path:
    """`path` relative to the current folder when it is inside it, as the user would type it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def entries_folder(given: Path | None, project: ProjectOptions) -> Path:
    """The entries folder: the one given, else the configuration's; it must exist."""
    folder = given if given is not None else shown(project.entries_dir)
    if not folder.is_dir():
        raise click.ClickException(
            f"no entries folder at {folder}: pass the folder, or run this next to mkdocs.yml"
        )
    return folder


def deliver(data: bytes, output: Path | None, what: str) -> None:
    """Print `data`, or write it to `output` and say so."""
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    except OSError as exc:
        raise click.ClickException(f"{output}: cannot be written: {exc.strerror}") from None
    click.echo(f"wrote {output} ({what})")
