"""`recovery-log publish`: build the published site and push only it to the site's repository.

The sources and the published site live apart: the log's own repository is private (or stays
on this machine), and a separate repository, or a branch of one, only ever holds the built
site. So `publish` refuses a remote that holds the sources, unless `private_repository: true`.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from ..entries.loader import load_log
from ..i18n import N_, Language
from ..options import OptionError, check_option
from .app import config_option, project_for
from .git_remotes import (
    holding_sources,
    push_address,
    remote_names,
    sources_branch_at,
    uncommitted,
)
from .help_text import TranslatedCommand
from .project import PLUGIN_NAME, ProjectOptions
from .readiness import site_findings
from .site_push import PushError, site_repository

PREVIEW_VARIABLE = "RECOVERY_LOG_SHOW_PRIVATE"
PREVIEW_MARK = "rl-private-banner"
"""The class of the banner every page of a private preview carries."""
NO_REMOTE = N_(
    "where to? Name the repository that receives the built site (a separate one, never the "
    "one holding these sources): recovery-log publish --remote %(address)s, or set it once "
    "in mkdocs.yml under the %(plugin)s plugin: publish_to: %(address)s"
)
SITE_ADDRESS = "git@github.com:<you>/<site-repository>.git"


@click.command(cls=TranslatedCommand)
@click.option(
    "--remote",
    default=None,
    help=N_(
        "The git remote (a name, or an address; a path is taken from the log's folder) that "
        "receives the built site; default: publish_to in mkdocs.yml."
    ),
)
@click.option(
    "--branch", default="gh-pages", show_default=True, help=N_("The branch the site is pushed to.")
)
@click.option("--message", default=None, help=N_("The site commit's message."))
@config_option
def publish(remote: str | None, branch: str, message: str | None, config_file: Path) -> None:
    """Build the site as your mentor sees it and push only the built site to its repository.

    Runs doctor's checks on what would be published (any entry problem stops it), builds
    with `mkdocs build --strict` (private entries and sections left out), and pushes the
    site with ghp-import to BRANCH of the remote. Refuses a remote that holds these sources
    (the current branch's upstream, or one a sources branch was pushed to) unless mkdocs.yml
    says `private_repository: true`. The site is built from the files as they are on disk,
    committed or not. Nothing changes in this repository.

    \b
    Examples:
      recovery-log publish --remote git@github.com:dana/recovery-log-site.git
      recovery-log publish                 # to publish_to of mkdocs.yml
    """
    project = project_for(config_file)
    language = project.language
    _ = language.gettext
    if project.config is None:
        raise click.ClickException(
            _("no mkdocs.yml here or in any folder above: run this inside your log")
        )
    _refuse_private_preview(language)
    target = remote or project.options.publish_to
    if not target:
        raise click.ClickException(_(NO_REMOTE, address=SITE_ADDRESS, plugin=PLUGIN_NAME))
    address = _address(project.root, target, language)
    _refuse_sources(project, target, branch)
    _refuse_unready(project)
    _note_uncommitted(project.root, language)
    try:
        with (
            site_repository(address, branch) as repository,
            tempfile.TemporaryDirectory(prefix="recovery-log-site-") as folder,
        ):
            site = _build(project.config, Path(folder) / "site", language)
            commit = repository.publish(site, message or _default_message())
            count = sum(1 for path in site.rglob("*") if path.is_file())
    except PushError as exc:
        raise click.ClickException(
            _(
                "git could not publish to %(target)s:\n%(error)s\nNothing was pushed, and "
                "nothing changed here.",
                target=target,
                error=exc.said(language),
            )
        ) from None
    click.echo(
        language.ngettext(
            "Published %(num)s file to %(target)s (branch %(branch)s, commit %(commit)s): "
            "only the built site, nothing from your sources.",
            "Published %(num)s files to %(target)s (branch %(branch)s, commit %(commit)s): "
            "only the built site, nothing from your sources.",
            count,
            target=target,
            branch=branch,
            commit=commit,
        )
    )


def _refuse_private_preview(language: Language) -> None:
    value = os.environ.get(PREVIEW_VARIABLE)
    try:
        shown = check_option("show_private", value)
    except OptionError:
        shown = True
    if shown:
        setting = f"{PREVIEW_VARIABLE}={value}"
        raise click.ClickException(
            language.gettext(
                "%(setting)s switches on a private preview, which shows private entries: "
                "unset it (`unset %(variable)s`) and publish again. Nothing was built or "
                "pushed.",
                setting=setting,
                variable=PREVIEW_VARIABLE,
            )
        )


def _address(root: Path, target: str, language: Language) -> str:
    """Where `target` (a remote's name, or an address) pushes; a word that is neither is an
    error saying how to name one."""
    looks_like_address = any(sign in target for sign in "/:\\") or (root / target).exists()
    if target not in remote_names(root) and not looks_like_address:
        command = f"git remote add {target} <address>"
        raise click.ClickException(
            language.gettext(
                "no remote named %(name)s here: give the site repository's address (--remote "
                "%(address)s), or add it: %(command)s",
                name=repr(target),
                address=SITE_ADDRESS,
                command=command,
            )
        )
    return push_address(root, target)


def _refuse_sources(project: ProjectOptions, target: str, branch: str) -> None:
    """Refuse the repository of the sources (unless it is private), and, always, a branch
    that holds them."""
    assert project.config is not None
    _ = project.language.gettext
    marker = project.config.name
    replaced = sources_branch_at(project.root, target, branch, marker)
    if replaced is not None:
        raise click.ClickException(
            _(
                "refusing to publish to branch %(branch)s of %(target)s: it holds the history "
                "of your branch %(replaced)s, which the site would replace. Choose the site's "
                "own branch (--branch gh-pages). Nothing was pushed.",
                branch=branch,
                target=target,
                replaced=replaced,
            )
        )
    if project.options.private_repository:
        return
    holder = holding_sources(project.root, target, marker, project.language)
    if holder is None:
        return
    raise click.ClickException(
        _(
            "refusing to publish to %(target)s: it holds these sources (remote %(remote)s: "
            "%(why)s), so everything in them, private entries and imported e-mails included, "
            "would sit next to the site. Publish to a separate site repository (README: "
            "Publish for your mentor), or, if that repository is private on a plan that "
            "allows private Pages, set `private_repository: true` under the %(plugin)s "
            "plugin in mkdocs.yml. Nothing was pushed.",
            target=target,
            remote=holder.name,
            why=holder.why,
            plugin=PLUGIN_NAME,
        )
    )


def _refuse_unready(project: ProjectOptions) -> None:
    """Doctor's findings about what would be published: each one that blocks, said, and
    every entry problem listed."""
    assert project.config is not None
    language = project.language
    found = site_findings(project.config, language=language)
    blocking = [finding for finding in found if finding.blocks]
    if not blocking:
        return
    for problem in load_log(project.entries_dir, project.settings()).problems:
        click.echo(str(problem), err=True)
    for finding in blocking:
        click.echo(finding.line(language), err=True)
    raise click.ClickException(
        language.ngettext(
            "%(num)s thing to fix before publishing. Nothing was built or pushed.",
            "%(num)s things to fix before publishing. Nothing was built or pushed.",
            len(blocking),
        )
    )


def _note_uncommitted(root: Path, language: Language) -> None:
    changed = uncommitted(root)
    if changed:
        click.echo(
            language.ngettext(
                "Note: %(num)s file here has changes not committed; the site is built from the "
                "files as they are on disk now (a workflow builds from what is pushed).",
                "Note: %(num)s files here have changes not committed; the site is built from "
                "the files as they are on disk now (a workflow builds from what is pushed).",
                len(changed),
            ),
            err=True,
        )


def _build(config: Path, out: Path, language: Language) -> Path:
    """The published site, built strictly into `out`: private content left out."""
    env = {k: v for k, v in os.environ.items() if k != PREVIEW_VARIABLE}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    command += ["--config-file", str(config.resolve()), "--site-dir", str(out)]
    done = subprocess.run(
        command, cwd=config.resolve().parent, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        output = (done.stderr + done.stdout).strip()
        raise click.ClickException(
            language.gettext(
                "the site did not build (mkdocs build --strict):\n%(output)s\nNothing was pushed.",
                output=output,
            )
        )
    if any(PREVIEW_MARK in page.read_text("utf-8", "replace") for page in out.rglob("*.html")):
        raise click.ClickException(
            language.gettext(
                "the build shows private content (a private preview): nothing was pushed"
            )
        )
    return out


def _default_message() -> str:
    return f"Publish the site ({dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC)"
