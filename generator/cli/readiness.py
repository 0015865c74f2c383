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
from ..options import OptionError, check_option
from ..wording import plural
from .exposure import private_content, same_repository_workflow
from .git_remotes import holding_sources
from .project import PLUGIN_NAME, ProjectError, find_config, plugin_options, read_project

WORKFLOWS = Path(".github/workflows")
REQUIREMENTS = "requirements.txt"
PUBLISH_COMMAND = "recovery-log publish"
NO_REMOTE = (
    "mkdocs.yml names no site repository: set `publish_to: git@github.com:<you>/<site>.git` "
    f"under the {PLUGIN_NAME} plugin (a repository that holds only the built site)"
)
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

    def line(self) -> str:
        return f"{'ok ' if self.ok else 'fix'}  {self.text}"


def findings(start: Path) -> list[Finding]:
    """Every finding for the log around `start` (its folder or any folder below it)."""
    config = find_config(start)
    if config is None:
        return [
            Finding(
                False,
                f"no mkdocs.yml in {start} or any folder above: run this inside your log, "
                "or start one with `recovery-log init DIR`",
            )
        ]
    root = config.parent
    try:
        data = _published_config(config)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        return [Finding(False, f"{config}: cannot be read: {exc}")]
    return [
        Finding(True, f"found {config}"),
        *site_findings(config, data),
        _workflow(root, data),
        *_requirements(root, data),
    ]


def site_findings(config: Path, data: dict[str, Any] | None = None) -> list[Finding]:
    """What decides whether the site, and the repository it is published from, may be seen:
    the findings `recovery-log publish` checks too (the others are about a workflow's build)."""
    if data is None:
        try:
            data = _published_config(config)
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            return [Finding(False, f"{config}: cannot be read: {exc}")]
    return [
        _site_url(data),
        _author(data),
        *_entries(config),
        _private_preview(data, config.parent),
        *_exposure(config),
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


def _site_url(data: dict[str, Any]) -> Finding:
    url = data.get("site_url")
    if isinstance(url, str) and url.strip().startswith(("http://", "https://")):
        return Finding(True, f"site_url is {url.strip()}")
    return Finding(
        False,
        "site_url is not set: add `site_url: https://<you>.github.io/<repository>/` to "
        "mkdocs.yml (links in the feed and the sitemap need it)",
    )


def _author(data: dict[str, Any]) -> Finding:
    author = data.get("site_author")
    if isinstance(author, str) and author.strip():
        return Finding(True, f"site_author is {author.strip()}: feedback drafts are signed with it")
    return Finding(
        False,
        "site_author is not set: add `site_author: Your Name` to mkdocs.yml (feedback drafts "
        "are signed with it; without it they have no signature)",
    )


def _entries(config: Path) -> Iterator[Finding]:
    try:
        project = read_project(config, required=True)
    except ProjectError as exc:
        yield Finding(False, f"{exc}")
        return
    folder = project.entries_dir
    if not folder.is_dir():
        yield Finding(False, f"no entries folder at {folder}: create it, or fix `entries_dir`")
        return
    log = load_log(folder, project.settings())
    if log.problems:
        yield Finding(
            False,
            f"{plural(len(log.problems), 'entry problem')} would stop "
            "`mkdocs build --strict`: run `recovery-log check` and fix them",
        )
    elif not log.entries:
        yield Finding(True, "no entries yet: add one with `recovery-log new rejection`")
    else:
        count = len(log.entries)
        verb = "passes" if count == 1 else "pass"
        yield Finding(True, f"{plural(count, 'entry', 'entries')} {verb} check")


def _private_preview(data: dict[str, Any], root: Path) -> Finding:
    written = plugin_options(data)
    if written is None:
        return Finding(
            False, f"mkdocs.yml does not list the {PLUGIN_NAME} plugin: add it under `plugins:`"
        )
    value = written.get("show_private", False) if isinstance(written, dict) else False
    try:
        shown = check_option("show_private", value, root)
    except OptionError as exc:
        return Finding(False, f"mkdocs.yml: {exc}")
    if shown:
        return Finding(
            False,
            "show_private is on, so a build would publish private entries: set it to "
            "`!ENV [RECOVERY_LOG_SHOW_PRIVATE, false]` and preview privately with "
            "RECOVERY_LOG_SHOW_PRIVATE=1 mkdocs serve",
        )
    return Finding(True, "no private preview switched on for publishing")


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


def _workflow(root: Path, data: dict[str, Any]) -> Finding:
    written = plugin_options(data)
    remote = written.get("publish_to") if isinstance(written, dict) else None
    publishing = _workflow_text(root, PUBLISH_COMMAND)
    if publishing is not None:
        name = publishing.relative_to(root)
        if remote or "--remote" in publishing.read_text(encoding="utf-8", errors="replace"):
            return Finding(True, f"the workflow {name} builds the site and publishes it")
        return Finding(False, f"the workflow {name} runs `{PUBLISH_COMMAND}`, but {NO_REMOTE}")
    found = _workflow_text(root, "mkdocs build")
    if found is not None:
        return Finding(True, f"the workflow {found.relative_to(root)} builds the site")
    if remote:
        return Finding(True, f"no workflow: you publish with `{PUBLISH_COMMAND}` (to {remote})")
    return Finding(
        False,
        f"no workflow in {WORKFLOWS} builds the site: `recovery-log init` in an empty "
        "folder writes one (publish.yml) to copy",
    )


def _exposure(config: Path) -> Iterator[Finding]:
    """Whether private text in the sources would be readable where the site is published from."""
    try:
        project = read_project(config, required=True)
    except ProjectError:
        return  # `_entries` reports it
    root = config.parent
    if project.options.private_repository:
        yield Finding(True, "private_repository is true: this repository is private")
        return
    where = _publishes_sources(config, project.options.publish_to)
    if where is None:
        yield Finding(True, "no workflow publishes this repository: only the built site is public")
        return
    content = private_content(project.entries_dir, root)
    if not content:
        yield Finding(True, f"{where}, but nothing in {project.options.entries_dir} is private")
        return
    yield Finding(
        False,
        f"{content.describe()} would be readable by anyone: {where}. Publish the site from a "
        "separate site repository instead (README: Publish for your mentor), or set "
        "`private_repository: true` if this repository is private",
    )


def _publishes_sources(config: Path, remote: str | None) -> str | None:
    """How the sources' own repository would become the site's, said for the user; or None."""
    root = config.parent
    workflow = same_repository_workflow(root)
    if workflow is not None:
        return (
            f"the workflow {workflow.relative_to(root)} publishes GitHub Pages from this "
            "repository, and Pages on GitHub's free plan needs a public repository"
        )
    holder = holding_sources(root, remote, config.name) if remote else None
    if holder is not None:
        return f"publish_to names {remote}, which holds these sources ({holder.why})"
    return None


def _requirements(root: Path, data: dict[str, Any]) -> Iterator[Finding]:
    path = root / REQUIREMENTS
    if not path.is_file() and _is_recovery_log(root) and _workflow_text(root, "pip install ."):
        yield Finding(True, "this repository is Recovery Log: the workflow runs `pip install .`")
        return
    if not path.is_file():
        yield Finding(False, f"no {REQUIREMENTS}: the workflow installs what it names")
        return
    lines = [
        line.split(" #", 1)[0].strip()
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    lines = [line for line in lines if line and not line.startswith("#")]
    yield installable(lines, root)
    if _uses_encryption(data) and not any(
        ENCRYPT_PACKAGE in line or "[encrypt]" in line for line in lines
    ):
        yield Finding(
            False,
            f"mkdocs.yml uses the {ENCRYPT_PLUGIN} plugin: add `{ENCRYPT_PACKAGE}` to "
            f"{REQUIREMENTS}",
        )


def _uses_encryption(data: dict[str, Any]) -> bool:
    plugins = data.get("plugins")
    names = plugins if isinstance(plugins, list) else list(plugins or {})
    return any(
        ENCRYPT_PLUGIN in (item if isinstance(item, str) else " ".join(map(str, item)))
        for item in names
        if isinstance(item, str | dict)
    )


def installable(lines: list[str], root: Path) -> Finding:
    """Whether `lines` (requirements) name a Recovery Log pip can install on a build machine:
    a release from the index (`recovery-log==<version>`, as `init` pins it), a VCS URL, or a path
    inside the repository (the copy `init` vendors)."""
    fix = (
        f"{REQUIREMENTS} names no installable Recovery Log: pin the release you use "
        "(`recovery-log==<version>`, see `recovery-log --version`), or name a copy inside the "
        "repository (`./vendor/recovery-log`) or a git URL: "
        "`recovery-log @ git+https://github.com/<owner>/<repository>`"
    )
    for line in lines:
        requirement = line.removeprefix("-e ").strip()
        name = re.split(r"[\s@=<>!~\[;]", requirement, maxsplit=1)[0].lower()
        if name.replace("_", "-") == "recovery-log":
            if "@" in requirement:
                url = requirement.split("@", 1)[1].strip()
                if PLACEHOLDER.search(url):
                    return Finding(False, f"{REQUIREMENTS}: replace the placeholder in {line!r}")
                return Finding(True, f"{REQUIREMENTS} installs Recovery Log from {url}")
            if re.search(r"[=<>~]", requirement):
                return Finding(
                    True, f"{REQUIREMENTS} installs {requirement} from the package index"
                )
            return Finding(False, fix)
        if requirement.startswith((".", "/")) or requirement.startswith("file:"):
            found = _local_package(requirement, root)
            if found is not None:
                return found
    return Finding(False, fix)


def _local_package(requirement: str, root: Path) -> Finding | None:
    """A path requirement that is a Recovery Log inside the repository, judged; else None."""
    path = re.sub(r"\[[^\]]*\]$", "", requirement.removeprefix("file:").split("#", 1)[0])
    target = (root / path).resolve()
    if not _is_recovery_log(target):
        return None
    if not target.is_relative_to(root.resolve()):
        return Finding(
            False,
            f"{REQUIREMENTS}: {requirement} is outside the repository, so a build machine "
            "does not have it: copy it inside, or use a git URL",
        )
    return Finding(True, f"{REQUIREMENTS} installs the Recovery Log in {requirement}")
