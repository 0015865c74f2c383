"""Files → validated entries. Every problem of every file is collected; none hides another."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import EntryError, Problem
from ..model import (
    AnyEntry,
    Feedback,
    Gap,
    MentorQuestion,
    ProcessStep,
    Progress,
    Reflection,
    Rejection,
)
from ..settings import Settings
from . import schema
from .yamldoc import Mapping, Pos, YamlProblem, parse

MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yml", ".yaml")
MAX_FILE_BYTES = 1024 * 1024
"""An entry is a few paragraphs; anything larger than this is a mistake (or an attack)."""

_START = Pos(1, 1)


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


@dataclass
class _Loaded:
    entry: AnyEntry
    about_pos: list[Pos] | None
    """Where each `about` id stands; None until asked for (see `about_positions`)."""
    fields_text: tuple[str, int] = ("", 0)
    """The YAML of the fields and its first line's offset, to find those places again."""
    warnings: list[Problem] = field(default_factory=list)
    """What `Log.warnings` says about this entry, located."""

    def about_positions(self) -> list[Pos]:
        """Where each `about` id stands: parsed again with positions, only when needed.

        Valid files are parsed without positions (the cheap way); only a problem found
        later, such as an `about` id no entry has, needs to say where it stands.
        """
        if self.about_pos is None:
            text, offset = self.fields_text
            try:
                data, pos = parse(text, line_offset=offset)
            except YamlProblem:  # pragma: no cover - the same text parsed before
                data, pos = None, _START
            self.about_pos = _item_positions(
                data.get("about") if isinstance(data, dict) else None,
                _value_pos(data, "about", pos),
            )
        return self.about_pos


class ParseCache:
    """Files already read, so a rebuild reads again only what changed since the last one.

    A file is known by its path, its time stamp and size, and the settings its checks depend
    on; anything else is read afresh. Cross-file checks (ids, `about`) always run again.
    """

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[object, ...], _Loaded | None, list[Problem]]] = {}

    def load(
        self, path: Path, root: Path, settings: Settings, problems: list[Problem]
    ) -> _Loaded | None:
        try:
            info = path.stat()
        except OSError:
            return _load_guarded(path, root, settings, problems)
        key = (info.st_mtime_ns, info.st_size, str(root), settings.stages, settings.today)
        known = self._files.get(str(path))
        if known is not None and known[0] == key:
            problems.extend(known[2])
            return known[1]
        found: list[Problem] = []
        item = _load_guarded(path, root, settings, found)
        self._files[str(path)] = (key, item, found)
        problems.extend(found)
        return item

    def keep_only(self, paths: list[Path]) -> None:
        """Forget files that are gone."""
        wanted = {str(path) for path in paths}
        for name in [name for name in self._files if name not in wanted]:
            del self._files[name]


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
    if not root.is_dir():
        problems.append(
            Problem(str(root), 1, 1, "the entries folder does not exist: create it and add entries")
        )
        return Log((), tuple(problems))
    loaded: list[_Loaded] = []
    paths = discover(root, problems)
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
    loaded = _check_unique_ids(loaded, paths, root, shown_root, problems)
    loaded = _check_about(loaded, {_entry_id(p) for p in paths}, root, problems)
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


def discover(root: Path, problems: list[Problem]) -> list[Path]:
    """The entry files under root, sorted; other files are reported, never silently skipped."""
    found: list[Path] = []
    real_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for dirname in list(dirnames):
            link = Path(folder) / dirname
            if link.is_symlink():
                dirnames.remove(dirname)
                if not _inside(link, real_root):
                    problems.append(
                        _file_problem(link, root, "a link to a folder outside the entries folder")
                    )
                else:
                    problems.append(
                        _file_problem(link, root, "a link to a folder: entries are read once")
                    )
        for name in sorted(filenames):
            if name.startswith((".", "_")):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not _inside(path, real_root):
                problems.append(
                    _file_problem(path, root, "a link to a file outside the entries folder")
                )
                continue
            if not path.name.lower().endswith(MARKDOWN_SUFFIXES + YAML_SUFFIXES):
                problems.append(
                    _file_problem(
                        path,
                        root,
                        "not an entry file: entries end in .md, .markdown, .yml or .yaml "
                        "(start the name with '_' to keep other files here)",
                    )
                )
                continue
            found.append(path)
    return found


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _display(path: Path, root: Path) -> str:
    return (root / path.relative_to(root)).as_posix()


def _file_problem(path: Path, root: Path, message: str) -> Problem:
    return Problem(_display(path, root), 1, 1, message)


def _load_guarded(
    path: Path, root: Path, settings: Settings, problems: list[Problem]
) -> _Loaded | None:
    """`load_file`, and should anything unforeseen go wrong, a problem instead of a crash.

    One file must never stop the others from loading (nor stop `mkdocs serve`).
    """
    try:
        return load_file(path, root, settings, problems)
    except Exception as exc:
        problems.append(
            Problem(
                _display(path, root),
                1,
                1,
                f"this file could not be read ({type(exc).__name__}: {exc}); please report it",
            )
        )
        return None


def load_file(
    path: Path, root: Path, settings: Settings, problems: list[Problem]
) -> _Loaded | None:
    """Read one entry file; report its problems and return the entry, or None if broken.

    The file is parsed without positions first. Only when something is wrong is it parsed
    again with them, so that each problem names its line and column.
    """
    rel = _relative(path, root)
    shown = f"{root.as_posix()}/{rel}"
    text = _read_text(path, shown, problems)
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
) -> _Loaded | None:
    """Parse the entry's fields (with or without their positions) and check them."""
    try:
        if is_markdown:
            front, body = _split_front_matter(text)
            fields_text: tuple[str, int] = (front, 1)
            data, pos = parse(front, line_offset=1, positions=positions)
            if data is None:
                pos = Pos(2, 1)
        else:
            fields_text, body = (text, 0), None
            data, pos = parse(text, positions=positions)
    except YamlProblem as exc:
        problems.append(Problem(shown, exc.pos.line, exc.pos.column, exc.message))
        return None
    if data is None:
        problems.append(
            Problem(
                shown,
                pos.line,
                pos.column,
                "the entry has no fields: expected at least "
                "date, and for a rejection company and role",
            )
        )
        return None
    ctx = schema.Context(path=shown, today=settings.today, stages=settings.stages)
    item = _build(data, pos, body, path, rel, ctx)
    problems.extend(ctx.problems)
    if item is None or ctx.problems:
        return None
    item.warnings = ctx.warnings
    if getattr(item.entry, "about", ()):  # kept only where a later check may need places
        item.fields_text = fields_text
    return item


def _relative(path: Path, root: Path) -> str:
    """`path` inside `root`, with '/' (string slicing: `Path.relative_to` is costly per file)."""
    inside, prefix = str(path), str(root) + os.sep
    if inside.startswith(prefix):
        inside = inside[len(prefix) :]
        return inside.replace(os.sep, "/") if os.sep != "/" else inside
    return path.relative_to(root).as_posix()


def _read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size if len(raw) > MAX_FILE_BYTES else 0
    except OSError as exc:
        problems.append(Problem(shown, 1, 1, f"cannot read the file: {exc.strerror or exc}"))
        return None
    if size:
        problems.append(
            Problem(
                shown,
                1,
                1,
                f"the file is {size / 1024 / 1024:.1f} MB; an entry may be "
                f"at most {MAX_FILE_BYTES // 1024 // 1024} MB",
            )
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                shown,
                line,
                column,
                "the file is not UTF-8 text: save it as UTF-8 "
                f"(found the byte 0x{raw[exc.start]:02x})",
            )
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(
            Problem(
                shown,
                1,
                1,
                "the file is empty: expected the entry's fields (see the entry format page)",
            )
        )
        return None
    return text


_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
"""A line that closes the front matter: `---` or `...`, maybe followed by spaces."""


def _split_front_matter(text: str) -> tuple[str, str]:
    """The front matter's YAML and the notes below it (without splitting the notes into lines)."""
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip() != "---":
        if text.rstrip() == "---":
            raise _NEVER_CLOSED
        raise YamlProblem(
            _START,
            "expected front matter: a Markdown entry starts with a line '---', then its fields, "
            "then a closing '---' line, then your notes",
        )
    closing = _CLOSING_LINE.search(text, first_end + 1)
    if closing is None:
        raise _NEVER_CLOSED
    start, end = closing.start(), closing.end()
    front = text[first_end + 1 : max(start - 1, first_end + 1)]
    return front, text[end + 1 :]


_NEVER_CLOSED = YamlProblem(
    _START,
    "the front matter is never closed: add a line '---' after the fields, before your notes",
)


def _build(
    data: Any, pos: Pos, body: str | None, path: Path, rel: str, ctx: schema.Context
) -> _Loaded | None:
    if not isinstance(data, dict):
        schema.REJECTION.check(data, pos, "", ctx)
        return None
    kind = "rejection"
    if "type" in data:
        kind = schema.TYPE.spec.check(data["type"], _value_pos(data, "type", pos), "type", ctx)
        if kind is schema.INVALID:
            return None
    record = schema.ENTRY_TYPES[kind]
    if body is not None and "notes" in data:
        ctx.report(
            _key_pos(data, "notes", pos),
            "notes",
            "in a Markdown entry your notes go below the closing '---', not in a 'notes:' field",
        )
    fields, _ = record.check_fields(data, pos, "", ctx)
    _check_dates(fields, data, pos, ctx)
    if ctx.problems:
        return None
    text = body if body is not None else fields.get("notes", "")
    entry_id = _entry_id(path)
    if kind == "reflection":
        about_pos = None
        if isinstance(data, Mapping):
            about_pos = _item_positions(data.get("about"), _value_pos(data, "about", pos))
        return _Loaded(_reflection(entry_id, rel, fields, text), about_pos)
    return _Loaded(_rejection(entry_id, rel, fields, text, ctx.stages[0]), [])


def _entry_id(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]


def _key_pos(data: Any, key: str, default: Pos) -> Pos:
    return data.key_pos.get(key, default) if isinstance(data, Mapping) else default


def _value_pos(data: Any, key: str, default: Pos) -> Pos:
    return data.value_pos.get(key, default) if isinstance(data, Mapping) else default


def _item_positions(value: Any, default: Pos) -> list[Pos]:
    if isinstance(value, list) and hasattr(value, "item_pos"):
        return list(value.item_pos)
    return [default]


def _check_dates(fields: dict[str, Any], data: Any, pos: Pos, ctx: schema.Context) -> None:
    """The order rules: applied <= date <= requested <= received (and date <= received);
    requested <= followed_up."""
    day: dt.date | None = fields.get("date")
    if day is None:
        return

    def out_of_order(
        raw: Any, key: str, found: dt.date, word: str, than: str, bound: dt.date
    ) -> None:
        name = key if raw is data else f"feedback.{key}"
        ctx.report(
            _value_pos(raw, key, pos),
            name,
            f"expected a day no {word} than the {than} ({bound.isoformat()}), "
            f"found {found.isoformat()}",
        )

    applied = fields.get("applied")
    if applied is not None and applied > day:
        out_of_order(data, "applied", applied, "later", "rejection", day)
    feedback = fields.get("feedback")
    raw = data.get("feedback")
    if not feedback or not isinstance(raw, dict):
        return
    requested = feedback.get("requested") or None
    received = feedback.get("received")
    if requested is not None and requested < day:
        out_of_order(raw, "requested", requested, "earlier", "rejection", day)
    if received is not None and received < day:
        out_of_order(raw, "received", received, "earlier", "rejection", day)
    elif received is not None and requested is not None and received < requested:
        out_of_order(raw, "received", received, "earlier", "request", requested)
    _check_follow_up(feedback, raw, pos, ctx, requested, out_of_order)


def _check_follow_up(
    feedback: dict[str, Any], raw: Any, pos: Pos, ctx: schema.Context, requested: Any, order: Any
) -> None:
    """`followed_up` needs a request (a date) and is not before it."""
    followed = feedback.get("followed_up")
    if followed is None:
        return
    if requested is None:
        ctx.report(
            _value_pos(raw, "followed_up", pos),
            "feedback.followed_up",
            "expected `requested:` (the day you asked) with a follow-up, found none: "
            "a follow-up follows a request",
        )
    elif followed < requested:
        order(raw, "followed_up", followed, "earlier", "request", requested)


def _common(entry_id: str, rel: str, fields: dict[str, Any], body: str) -> dict[str, Any]:
    return {
        "id": entry_id,
        "source": rel,
        "date": fields["date"],
        "strengths": tuple(fields.get("strengths", ())),
        "lessons": tuple(fields.get("lessons", ())),
        "mood": fields.get("mood"),
        "tags": tuple(fields.get("tags", ())),
        "private": fields.get("private", False),
        "extra": fields.get("extra", {}),
        "body": body or "",
    }


def _rejection(
    entry_id: str, rel: str, fields: dict[str, Any], body: str, first_stage: str
) -> Rejection:
    feedback = fields.get("feedback")
    return Rejection(
        **_common(entry_id, rel, fields, body),
        company=fields["company"],
        role=fields["role"],
        track=fields.get("track") or fields["role"],
        applied=fields.get("applied"),
        stage=fields.get("stage", first_stage),
        process=tuple(ProcessStep(**step) for step in fields.get("process", ())),
        feedback=None if feedback is None else _feedback(feedback),
        gaps=tuple(Gap(**gap) for gap in fields.get("gaps", ())),
    )


def _feedback(fields: dict[str, Any]) -> Feedback:
    values = dict(fields)
    values["source"] = values.pop("from", None)
    return Feedback(**values)


def _reflection(entry_id: str, rel: str, fields: dict[str, Any], body: str) -> Reflection:
    return Reflection(
        **_common(entry_id, rel, fields, body),
        heading=fields.get("title", ""),
        about=tuple(fields.get("about", ())),
        progress=tuple(Progress(**item) for item in fields.get("progress", ())),
        decision=fields.get("decision"),
        track=fields.get("track"),
        ask_mentor=tuple(MentorQuestion(**q) for q in fields.get("ask_mentor", ())),
    )


def _check_unique_ids(
    loaded: list[_Loaded], paths: list[Path], root: Path, shown_root: Path, problems: list[Problem]
) -> list[_Loaded]:
    """Report every file whose id another file shares; keep only the unique ones.

    All entry files count, broken ones too: fixing one error must not reveal another. Ids that
    differ only in case clash too: their pages would be one file on macOS and Windows.
    """
    by_id: dict[str, list[Path]] = {}
    for path in paths:
        by_id.setdefault(_entry_id(path).casefold(), []).append(path)
    clashing = [group for group in by_id.values() if len(group) > 1]
    for group in clashing:
        for path in group:
            others = ", ".join(
                (shown_root / p.relative_to(root)).as_posix() for p in group if p != path
            )
            problems.append(
                Problem(
                    (root / path.relative_to(root)).as_posix(),
                    1,
                    1,
                    f"the id '{_entry_id(path)}' is used by another file too ({others}): "
                    "ids are file names without extension (case aside) and must be unique; "
                    "rename one",
                )
            )
    duplicated = {key for key, group in by_id.items() if len(group) > 1}
    return [item for item in loaded if item.entry.id.casefold() not in duplicated]


def _check_about(
    loaded: list[_Loaded], known: set[str], root: Path, problems: list[Problem]
) -> list[_Loaded]:
    """Report `about` ids that name no entry file; such a reflection is held back."""
    kept = []
    for item in loaded:
        entry = item.entry
        unknown = [
            (index, target)
            for index, target in enumerate(getattr(entry, "about", ()))
            if target not in known
        ]
        if not unknown:
            kept.append(item)
        for index, target in unknown:
            about_pos = item.about_positions()
            at = about_pos[index] if index < len(about_pos) else _START
            hint = schema.did_you_mean(target, sorted(known))
            problems.append(
                Problem(
                    (root / entry.source).as_posix(),
                    at.line,
                    at.column,
                    f"about[{index + 1}]: expected the id of an entry (its file name without "
                    f"extension), found '{target}', which no entry has{hint}",
                    "about",
                )
            )
    return kept
