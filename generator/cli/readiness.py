"""Is a log ready to publish? The findings `recovery-log doctor` prints (and `init` as next steps).

Offline: it reads files only. Each finding says what is fine, or what to do; `blocks` marks the
ones that stop a published build from working (the doctor then exits 1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..entries.loader import load_log
from ..i18n import N_, Language, language_from_environment
from ..options import OptionError, check_option
from .exposure import private_content, same_repository_workflow
from .git_remotes import holding_sources
from .project import PLUGIN_NAME, ProjectError, find_config, plugin_options, read_project

WORKFLOWS = Path(".github/workflows")
REQUIREMENTS = "requirements.txt"
PUBLISH_COMMAND = "recovery-log publish"
NO_REMOTE = N_(
    "mkdocs.yml names no site repository: set `publish_to: %(address)s` under the "
    "%(plugin)s plugin (a repository that holds only the built site)"
)
NO_REMOTE_ADDRESS = "git@github.com:<you>/<site>.git"
ENCRYPT_PLUGIN = "encryptcontent"
ENCRYPT_PACKAGE = "mkdocs-encryptcontent-plugin"
PLACEHOLDER = re.compile(r"<[^>]*>|\bOWNER\b|\bYOUR[-_]", re.IGNORECASE)
"""A requirement still holding a placeholder such as `<owner>`: not installable as written."""


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str
    """What is fine, or what is wrong and what to do about it."""

    @property
    def blocks(self) -> bool:
        return not self.ok

    def line(self, language: Language | None = None) -> str:
        """The finding as doctor prints it: "ok " or "fix", then its sentence."""
        if language is None:
            return f"{'ok ' if self.ok else 'fix'}  {self.text}"
        # Translators: the mark before a finding of `recovery-log doctor` that is fine.
        ok = language.pgettext("finding", "ok")
        # Translators: the mark before a finding of `recovery-log doctor` the user must fix.
        fix = language.pgettext("finding", "fix")
        width = max(len(ok), len(fix))
        return f"{(ok if self.ok else fix).ljust(width)}  {self.text}"


def log_language(start: Path) -> Language:
    """The language of the log around `start`; outside a log (or unreadable), the terminal's."""
    config = find_config(start)
    if config is None:
        return language_from_environment()
    try:
        return read_project(config, required=True).language
    except ProjectError:
        return language_from_environment()


def findings(start: Path, language: Language | None = None) -> list[Finding]:
    """Every finding for the log around `start` (its folder or any folder below it)."""
    words = language or log_language(start)
    _ = words.gettext
    config = find_config(start)
    if config is None:
        return [
            Finding(
                False,
                _(
                    "no mkdocs.yml in %(folder)s or any folder above: run this inside your "
                    "log, or start one with `recovery-log init DIR`",
                    folder=start,
                ),
            )
        ]
    root = config.parent
    try:
        data = _published_config(config)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        return [Finding(False, _unreadable(config, exc, words))]
    return [
        Finding(True, _("found %(config)s", config=config)),
        *site_findings(config, data, words),
        _workflow(root, data, words),
        *_requirements(root, data, words),
    ]


def _unreadable(config: Path, exc: Exception, language: Language) -> str:
    return language.gettext("%(config)s: cannot be read: %(error)s", config=config, error=exc)


def site_findings(
    config: Path, data: dict[str, Any] | None = None, language: Language | None = None
) -> list[Finding]:
    """What decides whether the site, and the repository it is published from, may be seen:
    the findings `recovery-log publish` checks too (the others are about a workflow's build)."""
    words = language or log_language(config.parent)
    if data is None:
        try:
            data = _published_config(config)
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            return [Finding(False, _unreadable(config, exc, words))]
    return [
        _site_url(data, words),
        _author(data, words),
        *_entries(config, words),
        _private_preview(data, config.parent, words),
        *_exposure(config, words),
    ]


class _PublishedLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as a publishing machine would: no variable set, so `!ENV` is its default."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_PublishedLoader.add_constructor("!ENV", _env_default)
_PublishedLoader.add_multi_constructor("", _ignore)


def _published_config(config: Path) -> dict[str, Any]:
    with config.open(encoding="utf-8-sig") as handle:
        data = yaml.load(handle, Loader=_PublishedLoader)
    return data if isinstance(data, dict) else {}


def _site_url(data: dict[str, Any], language: Language) -> Finding:
    url = data.get("site_url")
    if isinstance(url, str) and url.strip().startswith(("http://", "https://")):
        return Finding(True, language.gettext("site_url is %(url)s", url=url.strip()))
    return Finding(
        False,
        language.gettext(
            "site_url is not set: add `site_url: %(example)s` to mkdocs.yml (links in the "
            "feed and the sitemap need it)",
            example="https://<you>.github.io/<repository>/",
        ),
    )


def _author(data: dict[str, Any], language: Language) -> Finding:
    author = data.get("site_author")
    if isinstance(author, str) and author.strip():
        return Finding(
            True,
            language.gettext(
                "site_author is %(author)s: feedback drafts are signed with it",
                author=author.strip(),
            ),
        )
    return Finding(
        False,
        language.gettext(
            "site_author is not set: add `site_author: Your Name` to mkdocs.yml (feedback "
            "drafts are signed with it; without it they have no signature)"
        ),
    )


def _entries(config: Path, language: Language) -> Iterator[Finding]:
    _ = language.gettext
    try:
        project = read_project(config, required=True)
    except ProjectError as exc:
        yield Finding(False, f"{exc}")
        return
    folder = project.entries_dir
    if not folder.is_dir():
        yield Finding(
            False,
            _("no entries folder at %(folder)s: create it, or fix `entries_dir`", folder=folder),
        )
        return
    log = load_log(folder, project.settings())
    if log.problems:
        yield Finding(
            False,
            language.ngettext(
                "%(num)s entry problem would stop `mkdocs build --strict`: run "
                "`recovery-log check` and fix it",
                "%(num)s entry problems would stop `mkdocs build --strict`: run "
                "`recovery-log check` and fix them",
                len(log.problems),
            ),
        )
    elif not log.entries:
        yield Finding(True, _("no entries yet: add one with `recovery-log new rejection`"))
    else:
        yield Finding(
            True,
            language.ngettext(
                "%(num)s entry passes check", "%(num)s entries pass check", len(log.entries)
            ),
        )


def _private_preview(data: dict[str, Any], root: Path, language: Language) -> Finding:
    _ = language.gettext
    written = plugin_options(data)
    if written is None:
        return Finding(
            False,
            _(
                "mkdocs.yml does not list the %(plugin)s plugin: add it under `plugins:`",
                plugin=PLUGIN_NAME,
            ),
        )
    value = written.get("show_private", False) if isinstance(written, dict) else False
    try:
        shown = check_option("show_private", value, root)
    except OptionError as exc:
        return Finding(
            False, _("%(path)s: %(problem)s", path="mkdocs.yml", problem=exc.said(language))
        )
    if shown:
        return Finding(
            False,
            _(
                "show_private is on, so a build would publish private entries: set it to "
                "`%(setting)s` and preview privately with %(command)s",
                setting="!ENV [RECOVERY_LOG_SHOW_PRIVATE, false]",
                command="RECOVERY_LOG_SHOW_PRIVATE=1 mkdocs serve",
            ),
        )
    return Finding(True, _("no private preview switched on for publishing"))


def _workflow_text(root: Path, wanted: str) -> Path | None:
    """The first workflow of the repository whose text has `wanted`."""
    folder = root / WORKFLOWS
    for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):
        if wanted in path.read_text(encoding="utf-8", errors="replace"):
            return path
    return None


def _is_recovery_log(folder: Path) -> bool:
    """`folder` holds Recovery Log's own project file (a copy of its repository)."""
    project = folder / "pyproject.toml"
    return project.is_file() and 'name = "recovery-log"' in project.read_text(
        encoding="utf-8", errors="replace"
    )


def no_remote(language: Language) -> str:
    """mkdocs.yml names no site repository: what to write there."""
    return language.gettext(NO_REMOTE, address=NO_REMOTE_ADDRESS, plugin=PLUGIN_NAME)


def _workflow(root: Path, data: dict[str, Any], language: Language) -> Finding:
    _ = language.gettext
    written = plugin_options(data)
    remote = written.get("publish_to") if isinstance(written, dict) else None
    publishing = _workflow_text(root, PUBLISH_COMMAND)
    if publishing is not None:
        name = publishing.relative_to(root)
        if remote or "--remote" in publishing.read_text(encoding="utf-8", errors="replace"):
            return Finding(
                True, _("the workflow %(name)s builds the site and publishes it", name=name)
            )
        return Finding(
            False,
            _(
                "the workflow %(name)s runs `%(command)s`, but %(problem)s",
                name=name,
                command=PUBLISH_COMMAND,
                problem=no_remote(language),
            ),
        )
    found = _workflow_text(root, "mkdocs build")
    if found is not None:
        return Finding(
            True, _("the workflow %(name)s builds the site", name=found.relative_to(root))
        )
    if remote:
        return Finding(
            True,
            _(
                "no workflow: you publish with `%(command)s` (to %(remote)s)",
                command=PUBLISH_COMMAND,
                remote=remote,
            ),
        )
    return Finding(
        False,
        _(
            "no workflow in %(folder)s builds the site: `recovery-log init` in an empty "
            "folder writes one (publish.yml) to copy",
            folder=WORKFLOWS,
        ),
    )


def _exposure(config: Path, language: Language) -> Iterator[Finding]:
    """Whether private text in the sources would be readable where the site is published from."""
    try:
        project = read_project(config, required=True)
    except ProjectError:
        return  # `_entries` reports it
    _ = language.gettext
    root = config.parent
    if project.options.private_repository:
        yield Finding(True, _("private_repository is true: this repository is private"))
        return
    where = _publishes_sources(config, project.options.publish_to, language)
    if where is None:
        yield Finding(
            True, _("no workflow publishes this repository: only the built site is public")
        )
        return
    content = private_content(project.entries_dir, root)
    if not content:
        yield Finding(
            True,
            _(
                "%(where)s, but nothing in %(folder)s is private",
                where=where,
                folder=project.options.entries_dir,
            ),
        )
        return
    yield Finding(
        False,
        _(
            "%(content)s would be readable by anyone: %(where)s. Publish the site from a "
            "separate site repository instead (README: Publish for your mentor), or set "
            "`private_repository: true` if this repository is private",
            content=content.describe(language),
            where=where,
        ),
    )


def _publishes_sources(config: Path, remote: str | None, language: Language) -> str | None:
    """How the sources' own repository would become the site's, said for the user; or None."""
    root = config.parent
    workflow = same_repository_workflow(root)
    if workflow is not None:
        return language.gettext(
            "the workflow %(name)s publishes GitHub Pages from this repository, and Pages on "
            "GitHub's free plan needs a public repository",
            name=workflow.relative_to(root),
        )
    holder = holding_sources(root, remote, config.name, language) if remote else None
    if holder is not None:
        return language.gettext(
            "publish_to names %(remote)s, which holds these sources (%(why)s)",
            remote=remote,
            why=holder.why,
        )
    return None


def _requirements(root: Path, data: dict[str, Any], language: Language) -> Iterator[Finding]:
    _ = language.gettext
    path = root / REQUIREMENTS
    if not path.is_file() and _is_recovery_log(root) and _workflow_text(root, "pip install ."):
        yield Finding(True, _("this repository is Recovery Log: the workflow runs `pip install .`"))
        return
    if not path.is_file():
        yield Finding(
            False,
            _("no %(file)s: the workflow installs what it names", file=REQUIREMENTS),
        )
        return
    lines = [
        line.split(" #", 1)[0].strip()
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    lines = [line for line in lines if line and not line.startswith("#")]
    yield installable(lines, root, language)
    if _uses_encryption(data) and not any(
        ENCRYPT_PACKAGE in line or "[encrypt]" in line for line in lines
    ):
        yield Finding(
            False,
            _(
                "mkdocs.yml uses the %(plugin)s plugin: add `%(package)s` to %(file)s",
                plugin=ENCRYPT_PLUGIN,
                package=ENCRYPT_PACKAGE,
                file=REQUIREMENTS,
            ),
        )


def _uses_encryption(data: dict[str, Any]) -> bool:
    plugins = data.get("plugins")
    names = plugins if isinstance(plugins, list) else list(plugins or {})
    return any(
        ENCRYPT_PLUGIN in (item if isinstance(item, str) else " ".join(map(str, item)))
        for item in names
        if isinstance(item, str | dict)
    )


def installable(lines: list[str], root: Path, language: Language) -> Finding:
    """Whether `lines` (requirements) name a Recovery Log pip can install on a build machine:
    a release from the index (`recovery-log==<version>`, as `init` pins it), a VCS URL, or a path
    inside the repository (the copy `init` vendors)."""
    _ = language.gettext
    fix = _(
        "%(file)s names no installable Recovery Log: pin the release you use "
        "(`%(pin)s`, see `recovery-log --version`), or name a copy inside the "
        "repository (`%(copy)s`) or a git URL: `%(url)s`",
        file=REQUIREMENTS,
        pin="recovery-log==<version>",
        copy="./vendor/recovery-log",
        url="recovery-log @ git+https://github.com/<owner>/<repository>",
    )
    for line in lines:
        requirement = line.removeprefix("-e ").strip()
        name = re.split(r"[\s@=<>!~\[;]", requirement, maxsplit=1)[0].lower()
        if name.replace("_", "-") == "recovery-log":
            if "@" in requirement:
                url = requirement.split("@", 1)[1].strip()
                if PLACEHOLDER.search(url):
                    return Finding(
                        False,
                        _(
                            "%(file)s: replace the placeholder in %(line)s",
                            file=REQUIREMENTS,
                            line=repr(line),
                        ),
                    )
                return Finding(
                    True,
                    _("%(file)s installs Recovery Log from %(url)s", file=REQUIREMENTS, url=url),
                )
            if re.search(r"[=<>~]", requirement):
                return Finding(
                    True,
                    _(
                        "%(file)s installs %(requirement)s from the package index",
                        file=REQUIREMENTS,
                        requirement=requirement,
                    ),
                )
            return Finding(False, fix)
        if requirement.startswith((".", "/")) or requirement.startswith("file:"):
            found = _local_package(requirement, root, language)
            if found is not None:
                return found
    return Finding(False, fix)


def _local_package(requirement: str, root: Path, language: Language) -> Finding | None:
    """A path requirement that is a Recovery Log inside the repository, judged; else None."""
    path = re.sub(r"\[[^\]]*\]$", "", requirement.removeprefix("file:").split("#", 1)[0])
    target = (root / path).resolve()
    if not _is_recovery_log(target):
        return None
    if not target.is_relative_to(root.resolve()):
        return Finding(
            False,
            language.gettext(
                "%(file)s: %(requirement)s is outside the repository, so a build machine "
                "does not have it: copy it inside, or use a git URL",
                file=REQUIREMENTS,
                requirement=requirement,
            ),
        )
    return Finding(
        True,
        language.gettext(
            "%(file)s installs the Recovery Log in %(requirement)s",
            file=REQUIREMENTS,
            requirement=requirement,
        ),
    )
