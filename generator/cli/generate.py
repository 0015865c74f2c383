"""`recovery-log generate`: the log's pages as Markdown files, for engines that run no plugins.

Zensical reads `mkdocs.yml` but not MkDocs plugins, so this writes what the plugin would hand
MkDocs in memory (the same pages, at the same paths, from the same `build_site`) into the docs
folder, plus `feed.xml` and the stylesheet. Only the writing to disk lives here.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from ..i18n import N_, Language
from ..site.build import STYLESHEET, BuildOptions, Rebuilds, SiteIdentity, SitePages, build_site
from ..site.feed import FEED_PATH
from ..site.format_page import ENTRY_FORMAT
from ..site.generated import NotOurFiles, Written, generated_files, write_files
from .help_text import TranslatedCommand
from .project import ProjectError, ProjectOptions, read_config, read_project
from .watching import changes

DEFAULT_CONFIG = Path("mkdocs.yml")
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Target:
    """Where and how one run writes: the project, its folder, and the run's choices."""

    project: ProjectOptions
    site: SiteIdentity
    out: Path
    today: dt.date | None
    show_private: bool
    preview: bool
    """Watching: a local preview, so the problems page names each broken file."""


def plugin_options(project: ProjectOptions, **run: Any) -> BuildOptions:
    """The plugin's own options from `mkdocs.yml`, read (and checked) as the plugin reads them."""
    return BuildOptions(
        entries_label=project.options.entries_dir,
        templates_dir=project.templates_dir,
        anonymize_companies=project.anonymize_companies,
        mentor_since=project.mentor_since,
        feed=project.feed,
        author=project.site_author,
        site_name=project.site_name,
        reply_to=project.options.reply_to,
        **run,
    )


def _flag(value: object, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value if isinstance(value, bool) else str(value).strip().lower() in _TRUE


def _day(value: object, name: str, language: Language) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ProjectError(
            language.gettext(
                "%(option)s: expected a date as YYYY-MM-DD, found %(value)s",
                option=name,
                value=repr(value),
            )
        ) from None


def site_identity(config_file: Path) -> tuple[SiteIdentity, Path]:
    """The feed's site settings, and the docs folder, from `mkdocs.yml`."""
    config = read_config(config_file)
    root = config_file.parent  # as the user named it, so messages show short paths
    identity = SiteIdentity(
        title=str(config.get("site_name") or "Recovery Log"),
        site_url=str(config["site_url"]) if config.get("site_url") else None,
        author=str(config["site_author"]) if config.get("site_author") else None,
        directory_urls=_flag(config.get("use_directory_urls"), default=True),
    )
    return identity, root / str(config.get("docs_dir") or "docs")


def render(target: Target, kept: Rebuilds | None = None) -> tuple[SitePages, dict[str, bytes]]:
    """Every file the site needs from the log, by its path in the docs folder."""
    user_home = (target.out / "index.md").exists() and "index.md" not in generated_files(target.out)
    settings = replace(target.project.settings(target.today), show_private=target.show_private)
    options = plugin_options(
        target.project,
        user_home=user_home,
        problem_details=target.preview,
        banner_in_pages=True,
        directory_urls=target.site.directory_urls,
    )
    site = build_site(target.project.entries_dir, settings, options, kept)
    files = {page.uri: page.content.encode("utf-8") for page in site.pages}
    if (target.out / ENTRY_FORMAT).exists() and ENTRY_FORMAT not in generated_files(target.out):
        del files[ENTRY_FORMAT]  # the user's own "Writing entries" page wins, as in MkDocs
    files[STYLESHEET] = site.stylesheet
    feed = site.feed(target.site)
    if feed is not None:
        files[FEED_PATH] = feed
    return site, files


def generate_once(target: Target, kept: Rebuilds | None = None) -> tuple[SitePages, Written]:
    site, files = render(target, kept)
    return site, write_files(target.out, files)


@click.command(cls=TranslatedCommand)
@click.option(
    "-f",
    "--config-file",
    default=str(DEFAULT_CONFIG),
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=N_("The site's configuration: the plugin's options, docs_dir, site_url."),
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=N_("Write here instead of the docs folder (docs_dir) of mkdocs.yml."),
)
@click.option(
    "--watch", is_flag=True, help=N_("Generate again whenever an entry changes (Ctrl-C).")
)
@click.option(
    "--show-private",
    is_flag=True,
    help=N_("Include private entries and sections, for a local preview only: never publish it."),
)
@click.option("--strict", is_flag=True, help=N_("Exit 1 when an entry has problems (for CI)."))
@click.option("--today", metavar="YYYY-MM-DD", help=N_("Act as if today were this date."))
@click.option("--interval", default=1.0, show_default=True, help=N_("Seconds between looks."))
@click.option("--max-runs", type=int, default=None, hidden=True)
def generate(
    config_file: Path,
    out: Path | None,
    watch: bool,
    show_private: bool,
    strict: bool,
    today: str | None,
    interval: float,
    max_runs: int | None,
) -> None:
    """Write the log's pages as Markdown into the docs folder, for Zensical and other engines.

    The same pages, at the same addresses, as the MkDocs plugin gives, plus feed.xml and the
    stylesheet. It keeps a list of its files (.recovery-log-generated), removes its own stale
    ones, and never overwrites or deletes a file it did not write. Private entries and private
    sections are left out unless --show-private.

    \b
    Examples:
      recovery-log generate && zensical build
      recovery-log generate --watch        # and `zensical serve` in a second terminal
    """
    project = read_project(config_file, required=config_file != DEFAULT_CONFIG)
    identity, docs_dir = site_identity(config_file)
    target = Target(
        project=project,
        site=identity,
        out=out if out is not None else docs_dir,
        today=_day(today, "--today", project.language),
        show_private=show_private,
        preview=watch,
    )
    _check_folders(target)
    if plugin_options(project).feed and not identity.site_url:
        click.echo(
            project.language.gettext(
                "No site_url in mkdocs.yml, so no feed.xml: set it to publish a feed."
            )
        )
    if not watch:
        site, _ = _run(target)
        if site is None or (strict and site.problems):
            raise SystemExit(1)
        return
    kept = Rebuilds()
    for _ in changes(_watched(target), interval, max_runs):
        click.echo(f"--- {dt.datetime.now():%H:%M:%S}")
        _run(target, kept)


def _check_folders(target: Target) -> None:
    language = target.project.language
    entries = target.project.entries_dir.resolve()
    if not entries.is_dir():
        raise click.ClickException(
            language.gettext(
                "no entries folder at %(folder)s: run this next to mkdocs.yml",
                folder=target.project.entries_dir,
            )
        )
    out = target.out.resolve()
    if out == entries or entries in out.parents:
        raise click.ClickException(
            language.gettext(
                "%(folder)s is inside the entries folder: its pages would be read as entries",
                folder=target.out,
            )
        )


def _run(target: Target, kept: Rebuilds | None = None) -> tuple[SitePages | None, Written]:
    """One generation, reported; a refusal is reported too, and changes nothing."""
    try:
        site, written = generate_once(target, kept)
    except NotOurFiles as exc:
        click.echo(target.project.language.gettext("Error: %(error)s", error=exc), err=True)
        return None, Written()
    for problem in site.problems:
        click.echo(str(problem), err=True)
    _summary(target, site, written)
    return site, written


def _summary(target: Target, site: SitePages, written: Written) -> None:
    language = target.project.language
    changed = language.ngettext("%(num)s file", "%(num)s files", len(written.changed))
    click.echo(
        language.ngettext(
            "Generated %(num)s page in %(folder)s: %(changed)s written, %(removed)s removed, "
            "%(unchanged)s unchanged.",
            "Generated %(num)s pages in %(folder)s: %(changed)s written, %(removed)s removed, "
            "%(unchanged)s unchanged.",
            len(site.pages),
            folder=_shown(target.out),
            changed=changed,
            removed=language.integer(len(written.removed)),
            unchanged=language.integer(written.unchanged),
        )
    )
    if site.problems:
        click.echo(
            language.ngettext(
                "%(num)s problem left those entries out: see the '%(page)s' page, or run "
                "recovery-log check.",
                "%(num)s problems left those entries out: see the '%(page)s' page, or run "
                "recovery-log check.",
                len(site.problems),
                page=language.gettext("Entry problems"),
            ),
            err=True,
        )
    if target.show_private:
        click.echo(
            language.gettext(
                "Private preview: these files show private entries. Run recovery-log generate "
                "without --show-private before you build a site to publish."
            ),
            err=True,
        )


def _watched(target: Target) -> list[Path]:
    folders = [target.project.entries_dir]
    if target.project.templates_dir is not None:
        folders.append(target.project.templates_dir)
    return folders


def _shown(path: Path) -> str:
    try:
        return os.fspath(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return os.fspath(path)
