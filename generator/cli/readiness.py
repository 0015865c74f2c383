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
from .project import PLUGIN_NAME, ProjectError, find_config, plugin_options, read_project

WORKFLOWS = Path(".github/workflows")
REQUIREMENTS = "requirements.txt"
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
        _site_url(data),
        *_entries(config),
        _private_preview(data, root),
        _workflow(root),
        *_requirements(root, data),
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


def _workflow(root: Path) -> Finding:
    found = _workflow_text(root, "mkdocs build")
    if found is not None:
        return Finding(True, f"the workflow {found.relative_to(root)} builds the site")
    return Finding(
        False,
        f"no workflow in {WORKFLOWS} runs `mkdocs build`: `recovery-log init` in an empty "
        "folder writes one (pages.yml) to copy",
    )


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
