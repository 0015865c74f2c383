"""The `recovery-log` group and what its commands share: options, reading the project, errors.

Each command lives in a module named for it and is registered in `generator/cli/__init__.py`
by name in `main.lazy_commands`, so its module is imported only when it runs.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

import click

from .. import __version__
from ..entries.loader import Log, load_log
from ..errors import RecoveryLogError
from ..i18n import N_, language_from_environment
from ..settings import Settings
from .help_text import TranslatedCommand, version_option
from .project import ProjectOptions, find_config, read_project

DEBUG_VARIABLE = "RECOVERY_LOG_DEBUG"
DEFAULT_CONFIG = Path("mkdocs.yml")


class _Group(TranslatedCommand, click.Group):
    """Every failure is one clear line, never a traceback (set RECOVERY_LOG_DEBUG=1 to see it).

    Commands can be registered lazily (`lazy_commands`: name -> "module:attribute"): a
    command's module, and what it imports (Jinja, icalendar...), is read only when that
    command runs, so `recovery-log check` starts without them.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, str] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy_commands.get(cmd_name)
        if target is not None and cmd_name not in self.commands:
            module, attribute = target.split(":")
            command = getattr(importlib.import_module(module, __package__), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except RecoveryLogError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except BrokenPipeError:  # `recovery-log check | head` stopped reading: no traceback
            _quiet_stdout()
            raise click.exceptions.Exit(1) from None
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE):
                raise
            raise click.ClickException(
                language_from_environment().gettext(
                    "%(error)s (%(kind)s; set %(variable)s=1 for details)",
                    error=exc,
                    kind=type(exc).__name__,
                    variable=DEBUG_VARIABLE,
                )
            ) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@version_option(__version__, prog_name="recovery-log")
def main() -> None:
    """Recovery Log: your notes about job rejections, turned into a calm site.

    Write one file per rejection or reflection in entries/, then preview with `mkdocs serve`.

    \b
    Start here:
      recovery-log init my-log        # a new log, ready for `mkdocs serve`
      recovery-log new rejection --company Acme --role "Data Analyst"
      recovery-log check              # is every entry fine?
    """


def _quiet_stdout() -> None:
    """Send what is left of stdout nowhere, so Python's exit does not fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test runner's capture)
        pass


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A click callback: YYYY-MM-DD, or nothing."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            language_from_environment().gettext(
                "expected a date as YYYY-MM-DD, found %(value)s", value=repr(value)
            )
        ) from None


config_option = click.option(
    "-f",
    "--config-file",
    default=str(DEFAULT_CONFIG),
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("The site's configuration, for its stages, `today`, aliases and entries folder."),
)


def entries_option(help: str = N_("The entries folder; default: the one of mkdocs.yml.")) -> Any:
    """`--entries DIR`, or `--entries-dir DIR` (the older spelling): one option, every command."""
    return click.option(
        "--entries",
        "--entries-dir",
        "entries_dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=help,
    )


today_option = click.option(
    "--today", callback=parse_date, help=N_("Act as if today were this date (YYYY-MM-DD).")
)


def project_for(config_file: Path) -> ProjectOptions:
    """The site's options; a file the user named must exist.

    Without `-f`, `mkdocs.yml` is looked for here, then in each folder above (as git finds its
    root), so every command works from anywhere inside a log.
    """
    if config_file == DEFAULT_CONFIG:
        found = find_config(Path.cwd())
        if found is not None:
            return read_project(shown(found), required=True)
    return read_project(config_file, required=config_file != DEFAULT_CONFIG)


def entries_folder(entries_dir: Path | None, project: ProjectOptions) -> Path:
    """The folder the user named, else the project's; it must exist."""
    folder = entries_dir if entries_dir is not None else shown(project.entries_dir)
    if not folder.is_dir():
        raise click.ClickException(
            project.language.gettext(
                "no entries folder at %(folder)s: pass the folder, or run this next to mkdocs.yml",
                folder=folder,
            )
        )
    return folder


class Loaded(NamedTuple):
    """A log as a command read it."""

    log: Log
    settings: Settings
    folder: Path
    project: ProjectOptions


def load(entries_dir: Path | None, config_file: Path, today: dt.date | None) -> Loaded:
    """The log, the settings it was read with, the folder it came from, and the project."""
    project = project_for(config_file)
    settings = project.settings(today)
    folder = entries_folder(entries_dir, project)
    return Loaded(load_log(folder, settings), settings, folder, project)


def shown(path: Path) -> Path:
    """`path` as the user would type it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
