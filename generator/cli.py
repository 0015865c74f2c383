"""The `recovery-log` command: work with a log from the terminal, without building the site."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import __version__
from .loader import load_log
from .project import read_project


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, found {value!r}") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="recovery-log")
def main() -> None:
    """Recovery Log: your notes about job rejections, turned into a calm site.

    Write one file per rejection or reflection in entries/, then preview with `mkdocs serve`.
    """


@main.command()
@click.argument("entries_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-f",
    "--config-file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The site's configuration, for its stages, `today` and entries folder.",
)
@click.option("--today", callback=_date, help="Check as if today were this date (YYYY-MM-DD).")
def check(entries_dir: Path | None, config_file: Path, today: dt.date | None) -> None:
    """Check every entry without building the site.

    Prints one line per problem as path:line:col: message, then a summary. Exits 1 when
    anything needs fixing, 0 when every entry is fine.

    \b
    Examples:
      recovery-log check
      recovery-log check my-log/entries
      recovery-log check --today 2026-11-26
    """
    project = read_project(config_file)
    folder = entries_dir if entries_dir is not None else _shown(project.entries_dir)
    log = load_log(folder, project.settings(today))
    for problem in log.problems:
        click.echo(str(problem))
    files = len({problem.path for problem in log.problems})
    entries = len(log.entries)
    if log.problems:
        click.echo(
            f"{_count(len(log.problems), 'problem')} in {_count(files, 'file')}; "
            f"{_count(entries, 'entry', 'entries')} fine."
        )
        sys.exit(1)
    click.echo(f"All {_count(entries, 'entry', 'entries')} fine.")


def _shown(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _count(number: int, word: str, many: str | None = None) -> str:
    return f"{number} {word if number == 1 else (many or word + 's')}"
