"""The `recovery-log` command: work with a log from the terminal, without building the site."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..entries.loader import Log, load_log
from ..entries.schema import did_you_mean
from ..errors import Problem
from ..insights.feedback import email_for
from ..model import Rejection
from ..privacy import publishable
from ..settings import Settings
from ..site.render import plural
from .calendar_export import calendar_command
from .export import export_command
from .generate import generate
from .importing.command import import_command
from .project import ProjectError, ProjectOptions, read_project
from .scaffold import (
    NewEntry,
    ScaffoldError,
    entry_text,
    init_project,
    schema_reference,
    write_new,
)
from .scaffold import schema_text as make_schema_text
from .stats import stats_text

DEBUG_VARIABLE = "RECOVERY_LOG_DEBUG"


class _Group(click.Group):
    """Every failure is one clear line, never a traceback (set RECOVERY_LOG_DEBUG=1 to see it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except (ScaffoldError, ProjectError) as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Exit(130) from None
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE):
                raise
            raise click.ClickException(
                f"{exc} ({type(exc).__name__}; set {DEBUG_VARIABLE}=1 for details)"
            ) from None


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, found {value!r}") from None


DEFAULT_CONFIG = Path("mkdocs.yml")


def _project(config_file: Path) -> ProjectOptions:
    """The site's options; a file the user named must exist."""
    return read_project(config_file, required=config_file != DEFAULT_CONFIG)


_config_option = click.option(
    "-f",
    "--config-file",
    default=str(DEFAULT_CONFIG),
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The site's configuration, for its stages, `today`, aliases and entries folder.",
)
_today_option = click.option(
    "--today", callback=_date, help="Act as if today were this date (YYYY-MM-DD)."
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="recovery-log")
def main() -> None:
    """Recovery Log: your notes about job rejections, turned into a calm site.

    Write one file per rejection or reflection in entries/, then preview with `mkdocs serve`.

    \b
    Start here:
      recovery-log init my-log        # a new log, ready for `mkdocs serve`
      recovery-log new rejection --company Acme --role "Data Analyst"
      recovery-log check              # is every entry fine?
    """


def _entries_folder(entries_dir: Path | None, project: ProjectOptions) -> Path:
    folder = entries_dir if entries_dir is not None else _shown(project.entries_dir)
    if not folder.is_dir():
        raise click.ClickException(
            f"no entries folder at {folder}: pass the folder, or run this next to mkdocs.yml"
        )
    return folder


def _load(
    entries_dir: Path | None, config_file: Path, today: dt.date | None
) -> tuple[Log, Settings, Path]:
    project = _project(config_file)
    settings = project.settings(today)
    folder = _entries_folder(entries_dir, project)
    return load_log(folder, settings), settings, folder


@main.command()
@click.argument("entries_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@_config_option
@_today_option
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: path:line:col: message lines; json: one document, for editors and scripts.",
)
@click.option("--watch", is_flag=True, help="Check again whenever an entry changes (Ctrl-C stops).")
@click.option(
    "--interval", default=1.0, show_default=True, help="Seconds between looks, with --watch."
)
@click.option("--max-checks", type=int, default=None, hidden=True)
def check(
    entries_dir: Path | None,
    config_file: Path,
    today: dt.date | None,
    output: str,
    watch: bool,
    interval: float,
    max_checks: int | None,
) -> None:
    """Check every entry without building the site.

    Prints one line per problem as path:line:col: message, then a summary. Exits 1 when
    anything needs fixing, 0 when every entry is fine.

    \b
    Examples:
      recovery-log check
      recovery-log check my-log/entries
      recovery-log check --format json
      recovery-log check --watch
    """
    project = _project(config_file)
    folder = _entries_folder(entries_dir, project)
    settings = project.settings(today)
    show = _show_json if output == "json" else _show_text
    if not watch:
        log = load_log(folder, settings)
        show(log)
        sys.exit(1 if log.problems else 0)
    for log in _watch(folder, settings, interval, max_checks):
        if output == "text":
            click.echo(f"--- {dt.datetime.now():%H:%M:%S}")
        show(log)


def _watch(
    folder: Path, settings: Settings, interval: float, max_checks: int | None
) -> Iterator[Log]:
    """A fresh check each time any file under `folder` is added, removed or changed."""
    last: object = None
    checks = 0
    while max_checks is None or checks < max_checks:
        stamp = _stamp(folder)
        if stamp != last:
            last = stamp
            checks += 1
            yield load_log(folder, settings)
        else:
            time.sleep(interval)


def _stamp(folder: Path) -> frozenset[tuple[str, int, int]]:
    found = set()
    for path in folder.rglob("*"):
        try:
            info = path.stat()
        except OSError:
            continue
        found.add((str(path), info.st_mtime_ns, info.st_size))
    return frozenset(found)


def _show_text(log: Log) -> None:
    for problem in log.problems:
        click.echo(str(problem))
    files = len({problem.path for problem in log.problems})
    entries = len(log.entries)
    if log.problems:
        click.echo(
            f"{plural(len(log.problems), 'problem')} in {plural(files, 'file')}; "
            f"{plural(entries, 'entry', 'entries')} fine."
        )
    else:
        click.echo(f"All {plural(entries, 'entry', 'entries')} fine.")


def _problem_json(problem: Problem) -> dict[str, Any]:
    return {
        "path": problem.path,
        "line": problem.line,
        "column": problem.column,
        "field": problem.field,
        "message": problem.message,
    }


def _show_json(log: Log) -> None:
    document = {
        "ok": not log.problems,
        "entries": len(log.entries),
        "problems": [_problem_json(p) for p in log.problems],
    }
    click.echo(json.dumps(document, ensure_ascii=False))


@main.command()
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path))
@click.option("--name", "site_name", default="My recovery log", show_default=True)
@_today_option
def init(directory: Path, site_name: str, today: dt.date | None) -> None:
    """Start a new log in DIRECTORY (default: here), ready for `mkdocs serve`.

    Writes mkdocs.yml, entries/ with one example of each kind, docs/index.md, the JSON
    schema for editors, a GitHub Pages workflow and .gitignore. Refuses a folder that already
    has a mkdocs.yml, and never overwrites a file.

    \b
    Example:
      recovery-log init my-log && cd my-log && mkdocs serve
    """
    written = init_project(directory, site_name, today or dt.date.today())
    for path in written:
        click.echo(f"created {path}")
    click.echo(f"Next: cd {directory} && mkdocs serve")


@main.command()
@click.argument("kind", type=click.Choice(["rejection", "reflection"]))
@click.option("--company", default="", help="The company (rejection).")
@click.option("--role", default="", help="The role (rejection).")
@click.option("--track", default="", help="The role family, e.g. 'data analysis'.")
@click.option("--stage", default="", help="The furthest stage reached (rejection).")
@click.option("--title", default="", help="A title (reflection).")
@click.option("--about", multiple=True, help="An entry id it reflects on (repeatable).")
@click.option("--date", "day", callback=_date, help="The entry's date; default today.")
@click.option("--edit", is_flag=True, help="Open it in $VISUAL or $EDITOR.")
@click.option(
    "--entries-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write it; default: the entries folder of mkdocs.yml.",
)
@_config_option
def new(
    kind: str,
    company: str,
    role: str,
    track: str,
    stage: str,
    title: str,
    about: tuple[str, ...],
    day: dt.date | None,
    edit: bool,
    entries_dir: Path | None,
    config_file: Path,
) -> None:
    """Write a new, commented entry file, valid as written, ready to fill in.

    The file is entries/<date>-<slug>.md; an existing file is never overwritten.

    \b
    Examples:
      recovery-log new rejection --company Acme --role "Data Analyst" --stage final
      recovery-log new reflection --title "Two weeks on" --about 2026-11-03-acme-analyst
    """
    project = _project(config_file)
    settings = project.settings()
    day = day or settings.today
    if day > settings.today:
        raise click.BadParameter(f"{day} is after today ({settings.today})", param_hint="--date")
    if kind == "rejection":
        missing = [name for name, value in (("--company", company), ("--role", role)) if not value]
        if missing:
            raise click.UsageError(f"a rejection needs {' and '.join(missing)}")
    stage = stage.strip().lower()
    if stage and stage not in settings.stages:
        raise click.BadParameter(
            f"expected one of {', '.join(settings.stages)}, found {stage!r}"
            + did_you_mean(stage, settings.stages),
            param_hint="--stage",
        )
    entry = NewEntry(
        kind, day, company.strip(), role.strip(), track.strip(), stage, title.strip(), about
    )
    folder = entries_dir if entries_dir is not None else _shown(project.entries_dir)
    path = folder / entry.file_name()
    content = entry_text(entry, schema_reference(path, project.root), settings.stages)
    write_new(path, content)
    click.echo(str(path))
    if edit:
        _open_in_editor(path)


def _open_in_editor(path: Path) -> None:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise click.ClickException("--edit needs $VISUAL or $EDITOR to name your editor")
    click.edit(filename=str(path), editor=editor)


@main.command()
@_config_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write it to this file instead of printing it.",
)
def schema(config_file: Path, output: Path | None) -> None:
    """Print the JSON Schema of an entry, for editors (YAML language server).

    Uses the stages of mkdocs.yml when it names some.

    \b
    Examples:
      recovery-log schema > schema/entry.schema.json
      recovery-log schema -o schema/entry.schema.json
    """
    text = make_schema_text(_project(config_file).settings().stages)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}")


@main.command("feedback-email")
@click.argument("entry")
@click.option("--entries-dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@_config_option
@_today_option
def feedback_email(
    entry: str, entries_dir: Path | None, config_file: Path, today: dt.date | None
) -> None:
    """Print a courteous feedback request (or follow-up) for one rejection.

    ENTRY is the entry's id (its file name without extension) or its path. The text is the
    same as on the site's feedback page.

    \b
    Example:
      recovery-log feedback-email 2026-11-03-acme-data-analyst
    """
    log, _, folder = _load(entries_dir, config_file, today)
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
    mail = email_for(found)
    click.echo(f"Subject: {mail.subject}\n\n{mail.body}")


@main.command()
@click.argument("entries_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@_config_option
@_today_option
@click.option(
    "--private/--no-private", default=False, help="Include private entries (default: no)."
)
def stats(
    entries_dir: Path | None, config_file: Path, today: dt.date | None, private: bool
) -> None:
    """Skills gap, feedback and tracks in the terminal: a quick look without building.

    \b
    Example:
      recovery-log stats
    """
    log, settings, _ = _load(entries_dir, config_file, today)
    click.echo(stats_text(publishable(log.entries, private), settings), nl=False)
    if log.problems:
        click.echo(f"\n{plural(len(log.problems), 'problem')} left out: run recovery-log check.")


def _shown(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


main.add_command(generate)
main.add_command(import_command)
main.add_command(export_command)
main.add_command(calendar_command)
