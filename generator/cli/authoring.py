"""`recovery-log init`, `new` and `schema`: the files a log starts from, written for you."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from ..entries.loader import load_log
from ..entries.schema import did_you_mean
from ..i18n import N_, Language, language_from_environment
from ..settings import Settings
from .app import config_option, entries_option, parse_date, project_for, shown, today_option
from .entry_lookup import find_entry
from .help_text import TranslatedCommand
from .readiness import findings
from .scaffold import (
    NewEntry,
    NewLog,
    entry_text,
    init_project,
    schema_reference,
    write_new,
)
from .scaffold import schema_text as make_schema_text
from .vendor import VENDOR_DIR

DEFAULT_SITE_NAME = N_("My recovery log")
"""`init`'s site name unless told one: in the terminal's language."""


@click.command(cls=TranslatedCommand)
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path))
@click.option(
    "--name",
    "author",
    default="",
    help=N_("Your name (site_author): feedback drafts are signed with it."),
)
@click.option(
    "--site-name",
    default=DEFAULT_SITE_NAME,
    show_default=True,
    help=N_("The site's name, shown in its header and browser tab."),
)
@click.option(
    "--private-repository",
    is_flag=True,
    help=N_(
        "This log's repository is private, on a plan that allows private Pages: publish "
        "the site from it (writes private_repository: true and the same-repository workflow)."
    ),
)
@today_option
def init(
    directory: Path, author: str, site_name: str, private_repository: bool, today: dt.date | None
) -> None:
    """Start a new log in DIRECTORY (default: here), ready for `mkdocs serve`.

    Writes mkdocs.yml, docs/tags.md (the home page is the dashboard), the JSON schema for
    editors, a GitHub Actions workflow that pushes only the built site to a separate site
    repository (publish.yml), requirements.txt (pinning this release when it came from PyPI;
    otherwise naming a copy of Recovery Log that init puts in vendor/), .gitignore, and two
    examples in entries/ (drafts named _example-*.md: never built). Refuses a folder that
    already has a mkdocs.yml, and never overwrites a file. Then prints what `recovery-log
    doctor` says is left to do before publishing.

    \b
    Example:
      recovery-log init my-log --name "Dana Ruiz" && cd my-log && mkdocs serve
    """
    language = language_from_environment()
    _ = language.gettext
    if site_name == DEFAULT_SITE_NAME:
        site_name = _(DEFAULT_SITE_NAME)
    log = NewLog(site_name, today or dt.date.today(), author.strip(), private_repository)
    written = init_project(directory, log, language)
    vendored = [p for p in written if VENDOR_DIR in p.as_posix()]
    for path in written:
        if path not in vendored:
            click.echo(_("created %(path)s", path=path))
    if vendored:
        click.echo(
            _(
                "created %(path)s (a copy of Recovery Log for the workflow)",
                path=directory / VENDOR_DIR,
            )
        )
    next_command = f"cd {directory} && recovery-log new rejection --company ... --role ..."
    click.echo("\n" + _("Next: %(command)s", command=next_command))
    if not log.author:
        click.echo(
            _(
                "Your name, please: add `site_author: Your Name` to mkdocs.yml (feedback "
                "drafts are signed with it)."
            )
        )
    click.echo(_publishing_note(log, language))
    click.echo(_("Preview with `mkdocs serve`. Before publishing (recovery-log doctor):"))
    for finding in findings(directory, language):
        click.echo(f"  {finding.line(language)}")


def _publishing_note(log: NewLog, language: Language) -> str:
    if log.private_repository:
        return language.gettext(
            "Publishing: keep this repository private; %(workflow)s publishes the site from it.",
            workflow=".github/workflows/pages.yml",
        )
    return language.gettext(
        "Publishing: keep this repository private (or on this machine); the site goes to a "
        "separate site repository: set publish_to in mkdocs.yml, then `recovery-log publish` "
        "(or push, for %(workflow)s). README: Publish for your mentor.",
        workflow=".github/workflows/publish.yml",
    )


@click.command(cls=TranslatedCommand)
@click.argument("kind", type=click.Choice(["rejection", "reflection"]))
@click.option("--company", default="", help=N_("The company (rejection)."))
@click.option("--role", default="", help=N_("The role (rejection)."))
@click.option("--track", default="", help=N_("The role family, e.g. 'data analysis'."))
@click.option("--stage", default="", help=N_("The furthest stage reached (rejection)."))
@click.option("--title", default="", help=N_("A title (reflection)."))
@click.option(
    "--about",
    multiple=True,
    help=N_("An entry it reflects on: its id or a unique part of it (repeatable)."),
)
@click.option("--date", "day", callback=parse_date, help=N_("The entry's date; default today."))
@click.option(
    "--edit", is_flag=True, help=N_("Open it in your editor ($VISUAL, else $EDITOR) once written.")
)
@entries_option(N_("Where to write it; default: the entries folder of mkdocs.yml."))
@config_option
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
    project = project_for(config_file)
    settings = project.settings()
    if entries_dir is None and project.config is None and not project.entries_dir.is_dir():
        raise click.ClickException(
            settings.language.gettext(
                "no mkdocs.yml here or in any folder above: run this inside a log "
                "(`recovery-log init DIR` starts one), or pass --entries-dir"
            )
        )
    day = _checked_day(day, settings)
    if kind == "rejection":
        _check_rejection(company, role, settings.language)
    stage = _checked_stage(stage, settings)
    folder = entries_dir if entries_dir is not None else shown(project.entries_dir)
    about = _about_ids(about, folder, settings)
    entry = NewEntry(
        kind, day, company.strip(), role.strip(), track.strip(), stage, title.strip(), about
    )
    path = folder / entry.file_name()
    content = entry_text(
        entry, schema_reference(path, project.root), settings.stages, settings.language
    )
    write_new(path, content, settings.language)
    click.echo(str(path))
    if edit:
        _open_in_editor(path, settings.language)


def _checked_day(day: dt.date | None, settings: Settings) -> dt.date:
    """`--date`, else today; never a day after today."""
    day = day or settings.today
    if day > settings.today:
        raise click.BadParameter(
            settings.language.gettext(
                "%(day)s is after today (%(today)s)", day=day, today=settings.today
            ),
            param_hint="--date",
        )
    return day


def _checked_stage(stage: str, settings: Settings) -> str:
    """`--stage` as the entry format writes it: one of the log's stages, or none."""
    stage = stage.strip().lower()
    if stage and stage not in settings.stages:
        raise click.BadParameter(
            settings.language.gettext(
                "expected one of %(stages)s, found %(stage)s",
                stages=", ".join(settings.stages),
                stage=repr(stage),
            )
            + did_you_mean(stage, settings.stages, settings.language),
            param_hint="--stage",
        )
    return stage


def _check_rejection(company: str, role: str, language: Language) -> None:
    """A rejection names its company and role."""
    if not company and not role:
        raise click.UsageError(language.gettext("a rejection needs --company and --role"))
    if not company:
        raise click.UsageError(language.gettext("a rejection needs --company"))
    if not role:
        raise click.UsageError(language.gettext("a rejection needs --role"))


def _about_ids(about: tuple[str, ...], folder: Path, settings: Settings) -> tuple[str, ...]:
    """Each `--about` as the full id of the entry it names (an id, a path or a unique part)."""
    if not about or not folder.is_dir():
        return about
    log = load_log(folder, settings)
    return tuple(find_entry(log, name, folder, settings.language).id for name in about)


NO_EDITOR = N_(
    "No editor is set, so %(path)s was written but not opened: it is there, ready to fill in.\n"
    "To have --edit open it, name your editor in VISUAL (or EDITOR), e.g. in ~/.bashrc:\n"
    "  export VISUAL=nano        # or: code --wait, vim, micro...\n"
    "On Windows (PowerShell): $env:VISUAL = 'notepad'"
)


def _open_in_editor(path: Path, language: Language) -> None:
    """Open the new file in the user's editor; without one, say how to set it (the file stays)."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        click.echo(language.gettext(NO_EDITOR, path=path), err=True)
        return
    click.edit(filename=str(path), editor=editor)


@click.command(cls=TranslatedCommand)
@config_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=N_("Write it to this file instead of printing it."),
)
def schema(config_file: Path, output: Path | None) -> None:
    """Print the JSON Schema of an entry, for editors (YAML language server).

    Uses the stages of mkdocs.yml when it names some.

    \b
    Examples:
      recovery-log schema > schema/entry.schema.json
      recovery-log schema -o schema/entry.schema.json
    """
    project = project_for(config_file)
    settings = project.settings()
    text = make_schema_text(settings.stages, settings.language)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        click.echo(project.language.gettext("wrote %(path)s", path=output))
