"""Files → validated entries: `load_log`, `Log`, `ParseCache`; no problem hides another."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import EntryError, Problem
from ..model import AnyEntry
from ..settings import Settings
from . import schema
from .crosschecks import check_about, check_unique_ids
from .entry_builder import Loaded, build_entry, entry_id_of
from .files import (
    MARKDOWN_SUFFIXES,
    MAX_FILE_BYTES,
    YAML_SUFFIXES,
    discover,
    display_path,
    read_text,
    relative_path,
    split_front_matter,
)
from .yamldoc import Pos, YamlProblem, parse

__all__ = [
    "MARKDOWN_SUFFIXES",
    "MAX_FILE_BYTES",
    "YAML_SUFFIXES",
    "Log",
    "ParseCache",
    "discover",
    "load_file",
    "load_log",
]


@dataclass(frozen=True)
class Log:
    """Everything loaded from an entries folder: the good entries and the problems."""

    entries: tuple[AnyEntry, ...]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()
    """Valid entries that probably do not say what was meant (`gaps: Python, SQL`)."""

    def raise_for_problems(self) -> None:
        if self.problems:
            raise EntryError(self.problems)


RACY_NS = 2_000_000_000
"""The coarsest file time stamps kept (FAT's are 2 s; ext3's and HFS+'s 1 s). A file saved
again within this long of the last one can keep its time stamp, and often its size."""


@dataclass
class _Known:
    """One file as read: what its stamp was, what came of it, and (while its stamp cannot be
    trusted) a digest of its bytes."""

    stamp: tuple[object, ...]
    item: Loaded | None
    problems: list[Problem]
    content: bytes | None


class ParseCache:
    """Files already read, so a rebuild reads again only what changed since the last one.

    A file is known by its path, its time stamp and size, and the settings its checks depend
    on; anything else is read afresh. A stamp alone cannot be trusted while it is within the
    coarsest time stamps' step of the time the file was read (a same-size save in that step
    keeps it), so until then the file's bytes are compared too: only a file saved in the last
    seconds is read again to be sure. Cross-file checks (ids, `about`) always run again.
    """

    def __init__(self) -> None:
        self._files: dict[str, _Known] = {}

    def load(
        self, path: Path, root: Path, settings: Settings, problems: list[Problem]
    ) -> Loaded | None:
        try:
            info = path.stat()
        except OSError:
            return _load_guarded(path, root, settings, problems)
        stamp = (
            info.st_mtime_ns,
            info.st_size,
            str(root),
            settings.stages,
            settings.today,
            settings.language.memo_key(),  # the problems are worded in the language
        )
        known = self._files.get(str(path))
        if known is not None and known.stamp == stamp and _unchanged(path, info, known):
            problems.extend(known.problems)
            return known.item
        # digested before it is read: see _unchanged; b"" (unreadable) matches no digest
        content = (_digest(path) or b"") if _racy(info, time.time_ns()) else None
        found: list[Problem] = []
        item = _load_guarded(path, root, settings, found)
        self._files[str(path)] = _Known(stamp, item, found, content)
        problems.extend(found)
        return item

    def keep_only(self, paths: list[Path]) -> None:
        """Forget files that are gone."""
        wanted = {str(path) for path in paths}
        for name in [name for name in self._files if name not in wanted]:
            del self._files[name]


def _racy(info: os.stat_result, now: int) -> bool:
    """Whether a save from `now` on could leave the file's stamp as it is."""
    return info.st_mtime_ns > now - RACY_NS


def _unchanged(path: Path, info: os.stat_result, known: _Known) -> bool:
    """Whether a file whose stamp is the one it had when read still holds the same bytes.

    The digest was taken before the file was parsed, so a save in between shows as a change.
    """
    if known.content is None:
        return True
    if _digest(path) != known.content:
        return False
    if not _racy(info, time.time_ns()):  # a later save gets a later stamp: trusted from now
        known.content = None
    return True


def _digest(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(MAX_FILE_BYTES + 1), digest_size=16).digest()
    except OSError:
        return None


def load_log(
    entries_dir: str | os.PathLike[str],
    settings: Settings,
    display_as: str | None = None,
    cache: ParseCache | None = None,
) -> Log:
    """Load and validate every entry under `entries_dir`, newest first.

    Problems name files as `display_as/<path inside the folder>` (default: `entries_dir`).
    With a `cache`, files unchanged since the last call are not read again.
    """
    root = Path(entries_dir)
    problems: list[Problem] = []
    language = settings.language
    if not root.is_dir():
        message = language.gettext("the entries folder does not exist: create it and add entries")
        problems.append(Problem(str(root), 1, 1, message))
        return Log((), tuple(problems))
    loaded: list[Loaded] = []
    paths = discover(root, problems, language)
    for path in paths:
        if cache is None:
            item = _load_guarded(path, root, settings, problems)
        else:
            item = cache.load(path, root, settings, problems)
        if item is not None:
            loaded.append(item)
    if cache is not None:
        cache.keep_only(paths)
    shown_root = root if display_as is None else Path(display_as)
    loaded = check_unique_ids(loaded, paths, root, shown_root, problems, language)
    loaded = check_about(loaded, {entry_id_of(p) for p in paths}, root, problems, language)
    entries = sorted((item.entry for item in loaded), key=lambda e: (e.date, e.id), reverse=True)
    warnings = [warning for item in loaded for warning in item.warnings]
    if display_as is not None:
        problems = [_relabel(problem, root, shown_root) for problem in problems]
        warnings = [_relabel(warning, root, shown_root) for warning in warnings]
    return Log(tuple(entries), tuple(sorted(set(problems))), tuple(sorted(warnings)))


def _relabel(problem: Problem, root: Path, shown_root: Path) -> Problem:
    try:
        inside = Path(problem.path).relative_to(root)
    except ValueError:
        return problem
    return dataclasses.replace(problem, path=(shown_root / inside).as_posix())


def _load_guarded(
    path: Path, root: Path, settings: Settings, problems: list[Problem]
) -> Loaded | None:
    """`load_file`, and should anything unforeseen go wrong, a problem instead of a crash.

    One file must never stop the others from loading (nor stop `mkdocs serve`).
    """
    try:
        return load_file(path, root, settings, problems)
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
        problems.append(
            Problem(
                display_path(path, root),
                1,
                1,
                settings.language.gettext(
                    "this file could not be read (%(error)s); please report it",
                    error=error,
                ),
            )
        )
        return None


def load_file(path: Path, root: Path, settings: Settings, problems: list[Problem]) -> Loaded | None:
    """Read one entry file; report its problems and return the entry, or None if broken.

    The file is parsed without positions first. Only when something is wrong is it parsed
    again with them, so that each problem names its line and column.
    """
    rel = relative_path(path, root)
    shown = f"{root.as_posix()}/{rel}"
    text = read_text(path, shown, problems, settings.language)
    if text is None:
        return None
    is_markdown = path.name.lower().endswith(MARKDOWN_SUFFIXES)
    found: list[Problem] = []
    item = _parse_and_build(text, is_markdown, path, rel, shown, settings, found, False)
    if found or (item is not None and item.warnings):
        found.clear()
        item = _parse_and_build(text, is_markdown, path, rel, shown, settings, found, True)
    problems.extend(found)
    return item


def _parse_and_build(
    text: str,
    is_markdown: bool,
    path: Path,
    rel: str,
    shown: str,
    settings: Settings,
    problems: list[Problem],
    positions: bool,
) -> Loaded | None:
    """Parse the entry's fields (with or without their positions) and check them."""
    language = settings.language
    try:
        if is_markdown:
            front, body = split_front_matter(text, language)
            fields_text: tuple[str, int] = (front, 1)
            data, pos = parse(front, line_offset=1, positions=positions, language=language)
            if data is None:
                pos = Pos(2, 1)
        else:
            fields_text, body = (text, 0), None
            data, pos = parse(text, positions=positions, language=language)
    except YamlProblem as exc:
        problems.append(Problem(shown, exc.pos.line, exc.pos.column, exc.message))
        return None
    if data is None:
        problems.append(
            Problem(
                shown,
                pos.line,
                pos.column,
                language.gettext(
                    "the entry has no fields: expected at least "
                    "date, and for a rejection company and role"
                ),
            )
        )
        return None
    ctx = schema.Context(
        path=shown, today=settings.today, stages=settings.stages, language=language
    )
    item = build_entry(data, pos, body, path, rel, ctx)
    problems.extend(ctx.problems)
    if item is None or ctx.problems:
        return None
    item.warnings = ctx.warnings
    if getattr(item.entry, "about", ()):  # kept only where a later check may need places
        item.fields_text = fields_text
    return item
