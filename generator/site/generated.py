"""The files `recovery-log generate` writes into a docs folder, and the list it keeps of them.

The list (the manifest) is what makes writing into a user's own docs folder safe: a path that
holds a file not on it, or not as it was written (the list keeps each file's digest), is the
user's, and is never overwritten or deleted. Files are rewritten
only when their bytes change, so a second run leaves every time stamp alone and an engine's
live reload sees only real changes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..i18n import ENGLISH, Language

MANIFEST = ".recovery-log-generated"
_HEADER = (
    "# Written by `recovery-log generate`: the files it made here (SHA-256, path), which it\n"
    "# rewrites or removes as the log changes. Any other file in this folder, or one of these\n"
    "# changed since, is yours and left alone.\n"
)


class NotOurFiles(Exception):
    """Some paths the log needs hold the user's own files; nothing was written."""

    SHOWN = 5
    """How many of the paths the message names."""

    def __init__(self, folder: Path, paths: list[str]) -> None:
        self.folder = folder
        self.paths = paths
        super().__init__(self.said())

    def said(self, language: Language = ENGLISH) -> str:
        """What went wrong, in `language` (`str(exc)` is the English)."""
        shown = ", ".join(str(self.folder / path) for path in self.paths[: self.SHOWN])
        more = len(self.paths) - self.SHOWN
        if more <= 0:
            return language.gettext(
                "%(paths)s: already there, and not as recovery-log generate wrote it, so nothing"
                " was written. Move or rename your file (or generate into another folder with"
                " --out).",
                paths=shown,
            )
        return language.ngettext(
            "%(paths)s and %(num)s more: already there, and not as recovery-log generate wrote"
            " it, so nothing was written. Move or rename your file (or generate into another"
            " folder with --out).",
            "%(paths)s and %(num)s more: already there, and not as recovery-log generate wrote"
            " it, so nothing was written. Move or rename your files (or generate into another"
            " folder with --out).",
            more,
            paths=shown,
        )


@dataclass
class Written:
    """What one run changed in the folder."""

    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)


def read_manifest(folder: Path) -> dict[str, set[str]]:
    """The paths (relative, POSIX) the last run wrote into `folder`, with their SHA-256 digests.

    One line per file, as `sha256sum` writes them (so `sha256sum -c` checks them too); a path
    may be listed twice, old and new digest, while a run is writing.
    """
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return {}
    listed: dict[str, set[str]] = {}
    for line in text.splitlines():
        digest, _, relative = line.partition("  ")
        if line.startswith("#") or not relative or not _safe(relative):
            continue
        listed.setdefault(relative, set()).add(digest)
    return listed


def generated_files(folder: Path) -> set[str]:
    """The files in `folder` exactly as `generate` wrote them; a file edited since is the user's."""
    found = set()
    for relative, digests in read_manifest(folder).items():
        try:
            data = (folder / relative).read_bytes()
        except OSError:
            continue
        if _digest(data) in digests:
            found.add(relative)
    return found


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(relative: str) -> bool:
    """A path inside the folder: a tampered manifest never reaches outside it."""
    path = PurePosixPath(relative)
    return not path.is_absolute() and ".." not in path.parts and relative != MANIFEST


def user_files(folder: Path, paths: list[str]) -> list[str]:
    """The paths, among those to write, that hold (or sit under) something the user made."""
    ours = generated_files(folder)
    taken = []
    for relative in paths:
        if relative in ours:
            continue
        target = folder / relative
        parents = [p for p in target.parents if folder in p.parents]
        if target.exists() or target.is_symlink() or any(p.is_file() for p in parents):
            taken.append(relative)
    return sorted(taken)


def write_files(folder: Path, files: Mapping[str, bytes]) -> Written:
    """Make `folder` hold exactly `files` among the files it wrote before; refuse on a user's."""
    for relative in files:
        if not _safe(relative):
            raise ValueError(f"not a path inside the folder: {relative!r}")
    taken = user_files(folder, list(files))
    if taken:
        raise NotOurFiles(folder, taken)
    previous = generated_files(folder)
    new = {relative: _digest(data) for relative, data in files.items()}
    folder.mkdir(parents=True, exist_ok=True)
    # Listed before written: an interrupted run never leaves a file of ours off the list.
    listed = [(_digest((folder / p).read_bytes()), p) for p in previous]
    _write_if_changed(folder / MANIFEST, _manifest([*listed, *((d, p) for p, d in new.items())]))
    result = Written()
    for relative, data in sorted(files.items()):
        if _write_if_changed(folder / relative, data):
            result.changed.append(relative)
        else:
            result.unchanged += 1
    for relative in sorted(previous - set(files)):
        if _remove(folder, relative):
            result.removed.append(relative)
    _write_if_changed(folder / MANIFEST, _manifest([(d, p) for p, d in new.items()]))
    return result


def _manifest(lines: list[tuple[str, str]]) -> bytes:
    body = "".join(f"{digest}  {path}\n" for digest, path in sorted(set(lines), key=_by_path))
    return (_HEADER + body).encode("utf-8")


def _by_path(line: tuple[str, str]) -> tuple[str, str]:
    return line[1], line[0]


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
    return True


def _remove(folder: Path, relative: str) -> bool:
    """Delete one stale file of ours, and the folders it leaves empty."""
    path = folder / relative
    if not path.is_file():
        return False
    path.unlink()
    for parent in path.parents:
        if parent == folder or folder not in parent.parents:
            break
        try:
            parent.rmdir()
        except OSError:
            break
    return True
