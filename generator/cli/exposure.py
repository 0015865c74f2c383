"""What private text a log's sources hold, and whether its publishing setup would show them.

The site leaves private content out; the repository it is published from holds the files
themselves. On GitHub's free plan Pages needs a public repository, so a workflow that
publishes Pages from the sources' own repository makes every file in `entries/` readable.
Read from the files, as they are in the repository: drafts (`_*.md`) and broken entries too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..i18n import ENGLISH, Language
from .git_remotes import git, in_repository
from .scaffold import private_section_hints

WORKFLOWS = Path(".github/workflows")
SAME_REPOSITORY_MARKERS = (
    "actions/deploy-pages",
    "actions/upload-pages-artifact",
    "mkdocs gh-deploy",
    "ghp-import",
    "peaceiris/actions-gh-pages",
)
"""Steps that publish Pages from the repository the workflow runs in."""
OTHER_REPOSITORY_MARKERS = ("external_repository:", "repository-name:")
"""Settings of those steps that send the site to another repository instead."""

_SECTION = re.compile(
    r"<!--\s*private\s*-->(.*?)(?:<!--\s*/\s*private\s*-->|\Z)", re.IGNORECASE | re.DOTALL
)
EMAIL_OPENING = "E-mail from "
"""How `recovery-log import` opens the private section that holds an e-mail's text."""
_PRIVATE_FLAG = re.compile(r"^private\s*:\s*(?:true|yes|on)\s*(?:#.*)?$", re.I | re.M)
_SUFFIXES = (".md", ".markdown", ".yml", ".yaml")


@dataclass(frozen=True)
class PrivateContent:
    """The private content of the files under an entries folder."""

    private_entries: int = 0
    sections: int = 0
    emails: int = 0
    files: tuple[str, ...] = ()
    """Each file holding some, as a path from the log's folder."""

    def __bool__(self) -> bool:
        return bool(self.files)

    def describe(self, language: Language = ENGLISH) -> str:
        """ "2 private entries, 3 private sections and 1 imported e-mail's text (a.md, b.md)"."""
        parts = []
        if self.private_entries:
            parts.append(
                language.ngettext(
                    "%(num)s private entry", "%(num)s private entries", self.private_entries
                )
            )
        sections = self.sections - self.emails
        if sections:
            parts.append(
                language.ngettext("%(num)s private section", "%(num)s private sections", sections)
            )
        if self.emails:
            parts.append(
                language.ngettext(
                    "the text of %(num)s imported e-mail",
                    "the text of %(num)s imported e-mails",
                    self.emails,
                )
            )
        listed = ", ".join(self.files[:3])
        if len(self.files) > 3:
            listed = language.ngettext(
                "%(files)s and %(num)s more",
                "%(files)s and %(num)s more",
                len(self.files) - 3,
                files=listed,
            )
        joined = _joined(parts, language)
        # Translators: what is private, then its files: "2 private entries (a.md)".
        return language.gettext("%(content)s (%(files)s)", content=joined, files=listed)


def _joined(parts: list[str], language: Language) -> str:
    """One, two or three kinds of private content, said as a list."""
    if len(parts) == 3:
        return language.gettext(
            "%(first)s, %(second)s and %(third)s",
            first=parts[0],
            second=parts[1],
            third=parts[2],
        )
    if len(parts) == 2:
        return language.gettext("%(first)s and %(second)s", first=parts[0], second=parts[1])
    return parts[0]


def private_content(entries_dir: Path, root: Path) -> PrivateContent:
    """The private content of the entry files under `entries_dir` that git would keep
    (files it ignores never reach a repository)."""
    entries = sections = emails = 0
    files = []
    hints = private_section_hints()
    for path in _kept(_entry_files(entries_dir), root):
        text = path.read_text(encoding="utf-8", errors="replace")
        private = bool(_PRIVATE_FLAG.search(_header(text)))
        found = [inner.strip() for inner in _SECTION.findall(text)]
        found = [inner for inner in found if inner and inner not in hints]
        if private or found:
            entries += private
            sections += len(found)
            emails += sum(inner.startswith(EMAIL_OPENING) for inner in found)
            files.append(path.relative_to(root).as_posix())
    return PrivateContent(entries, sections, emails, tuple(files))


def _entry_files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in _SUFFIXES:
                yield path


def _header(text: str) -> str:
    """A Markdown entry's front matter, or a whole YAML entry."""
    if text.lstrip("\ufeff").startswith("---"):
        return text.split("\n---", 1)[0]
    return text


def _kept(paths: Iterator[Path], root: Path) -> list[Path]:
    found = list(paths)
    if not found or not in_repository(root):
        return found
    names = [path.relative_to(root).as_posix() for path in found]
    done = git(root, "-c", "core.quotepath=off", "check-ignore", "--stdin", given="\n".join(names))
    ignored = set(done.stdout.splitlines())
    return [path for path, name in zip(found, names, strict=True) if name not in ignored]


def same_repository_workflow(root: Path) -> Path | None:
    """The first workflow that publishes Pages from the repository it runs in."""
    folder = root / WORKFLOWS
    for path in sorted([*folder.glob("*.yml"), *folder.glob("*.yaml")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in SAME_REPOSITORY_MARKERS) and not any(
            marker in text for marker in OTHER_REPOSITORY_MARKERS
        ):
            return path
    return None
