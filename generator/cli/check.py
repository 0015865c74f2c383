"""`recovery-log check`: every entry checked without building the site, once or on every change."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from ..entries.loader import Log, load_log
from ..errors import Problem
from ..i18n import N_, Language
from ..settings import Settings
from .app import config_option, entries_folder, project_for, today_option
from .help_text import TranslatedCommand
from .watching import changes


@click.command(cls=TranslatedCommand)
@click.argument("entries_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@config_option
@today_option
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("text: path:line:col: message lines; json: one document, for editors and scripts."),
)
@click.option(
    "--watch", is_flag=True, help=N_("Check again whenever an entry changes (Ctrl-C stops).")
)
@click.option(
    "--interval", default=1.0, show_default=True, help=N_("Seconds between looks, with --watch.")
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

    Prints one line per problem as path:line:col: message, then one per warning (an entry
    that is valid but probably not what you meant, e.g. `gaps: Python, SQL`), then a summary.
    Exits 1 when anything needs fixing, 0 when every entry is fine (warnings or not).

    \b
    Examples:
      recovery-log check
      recovery-log check my-log/entries
      recovery-log check --format json
      recovery-log check --watch
    """
    project = project_for(config_file)
    folder = entries_folder(entries_dir, project)
    settings = project.settings(today)
    if output == "json":
        show: Callable[[Log], None] = _show_json
    else:
        show = functools.partial(_show_text, language=settings.language)
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
    for _ in changes([folder], interval, max_checks):
        yield load_log(folder, settings)


def _show_text(log: Log, language: Language) -> None:
    for problem in log.problems:
        click.echo(str(problem))
    for warning in log.warnings:
        where = f"{warning.path}:{warning.line}:{warning.column}"
        # Translators: a line of `check` about an entry that is valid but probably not what
        # was meant; %(why)s says why.
        click.echo(f"{where}: " + language.gettext("warning: %(why)s", why=warning.message))
    click.echo(_summary(log, language))


def _summary(log: Log, language: Language) -> str:
    """The last line: how many problems in how many files, how many entries are fine."""
    ngettext = language.ngettext
    counts = {
        "entries": ngettext("%(num)s entry", "%(num)s entries", len(log.entries)),
        "files": ngettext("%(num)s file", "%(num)s files", len({p.path for p in log.problems})),
        "warnings": ngettext("%(num)s warning", "%(num)s warnings", len(log.warnings)),
    }
    problems = len(log.problems)
    if problems and log.warnings:
        return ngettext(
            "%(num)s problem in %(files)s; %(entries)s fine; %(warnings)s worth a look.",
            "%(num)s problems in %(files)s; %(entries)s fine; %(warnings)s worth a look.",
            problems,
            **counts,
        )
    if problems:
        return ngettext(
            "%(num)s problem in %(files)s; %(entries)s fine.",
            "%(num)s problems in %(files)s; %(entries)s fine.",
            problems,
            **counts,
        )
    entries = len(log.entries)
    if log.warnings:
        return ngettext(
            "All %(num)s entry fine; %(warnings)s worth a look.",
            "All %(num)s entries fine; %(warnings)s worth a look.",
            entries,
            **counts,
        )
    if not entries:
        return language.gettext(
            "No entries yet: write your first with `recovery-log new rejection` (the files "
            "starting with _ are examples and drafts, left out)."
        )
    return ngettext("All %(num)s entry fine.", "All %(num)s entries fine.", entries)


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
        "warnings": [_problem_json(w) for w in log.warnings],
    }
    click.echo(json.dumps(document, ensure_ascii=False))
