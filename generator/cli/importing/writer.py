"""Turning what was read into files: never overwriting, checked before written, reported."""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...entries.loader import load_log
from ...settings import Settings
from ...wording import plural
from ..scaffold import ScaffoldError, schema_reference, write_new
from .candidate import KEY_PREFIX, Candidate, Notice, Skip, draft_advice, entry_text

ENTRY_SUFFIXES = (".md", ".markdown", ".yml", ".yaml")
Item = Candidate | Skip | Notice


@dataclass
class Report:
    """The lines to print, and the counts behind the summary and the exit status."""

    numbered: list[tuple[int, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def lines(self) -> list[str]:
        """One line per row or message (and per note), in the order they were read."""
        return [line for _, line in sorted(self.numbered, key=lambda pair: pair[0])]

    def add(self, index: int, kind: str, line: str) -> None:
        if kind:
            self.counts[kind] += 1
        self.numbered.append((index, line))

    @property
    def ok(self) -> bool:
        """Nothing failed and no draft waits: everything read is in the log."""
        return not (self.counts["failed"] or self.counts["draft"])

    def summary(self, dry_run: bool) -> str:
        c = self.counts
        parts = [
            f"{plural(c['written'], 'entry', 'entries')} " + ("to write" if dry_run else "written"),
            f"{plural(c['draft'], 'draft')} to finish" if c["draft"] else "",
            f"{c['exists']} already there" if c["exists"] else "",
            f"{c['skipped']} skipped (not rejections)" if c["skipped"] else "",
            f"{c['failed']} not imported" if c["failed"] else "",
        ]
        head = "Dry run, nothing written: " if dry_run else ""
        return head + "; ".join(part for part in parts if part) + "."


@dataclass(frozen=True)
class Known:
    """What the entries folder holds already: entry ids and import keys, with their files."""

    ids: dict[str, Path]
    keys: dict[str, Path]


def known_entries(folder: Path) -> Known:
    """Every entry file under `folder`, drafts included, by id (without `_`) and import key."""
    ids: dict[str, Path] = {}
    keys: dict[str, Path] = {}
    if not folder.is_dir():
        return Known(ids, keys)
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in ENTRY_SUFFIXES or not path.is_file():
            continue
        ids.setdefault(path.stem.lstrip("_"), path)
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:4096]
        except OSError:
            continue
        for line in head.splitlines():
            if line.startswith(KEY_PREFIX):
                keys.setdefault(line.removeprefix(KEY_PREFIX).strip(), path)
    return Known(ids, keys)


def problems_before_writing(
    candidates: list[tuple[Candidate, str, str]], settings: Settings
) -> dict[str, str]:
    """File name -> the first problem `check` would report, for the entries about to be written."""
    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="recovery-log-import-") as scratch:
        for _candidate, name, text in candidates:
            (Path(scratch) / name).write_text(text, encoding="utf-8")
        for problem in load_log(scratch, settings).problems:
            name = Path(problem.path).name
            where = f"{problem.field}: " if problem.field else ""
            found.setdefault(name, f"{where}{problem.message}")
    return found


def write_all(
    items: Iterable[Item],
    folder: Path,
    project_root: Path,
    settings: Settings,
    dry_run: bool,
    shown: Path,
) -> Report:
    """Write every new candidate; one report line per item, in order."""
    report = Report()
    known = known_entries(folder)
    planned = _plan(list(items), known, folder, project_root, report, shown)
    public = [(c, name, text) for _, c, name, text in planned if not c.is_draft]
    problems = problems_before_writing(public, settings)
    for index, candidate, name, text in planned:
        problem = problems.get(name)
        if problem:
            report.add(index, "failed", f"{candidate.where}: not imported: {problem}")
            continue
        if not dry_run:
            try:
                write_new(folder / name, text)
            except ScaffoldError:
                report.add(index, "exists", f"{candidate.where}: already there: {shown / name}")
                continue
        _record_written(report, index, candidate, shown / name, dry_run)
    return report


Planned = tuple[int, Candidate, str, str]


def _plan(
    items: list[Item],
    known: Known,
    folder: Path,
    project_root: Path,
    report: Report,
    shown: Path,
) -> list[Planned]:
    """The candidates to write, with their index, file name and text; the rest reported."""
    planned: list[Planned] = []
    taken: dict[str, str] = {}
    for index, item in enumerate(items):
        if isinstance(item, Notice):
            report.add(index, "", f"{item.where}: note: {item.message}")
            continue
        if isinstance(item, Skip):
            kind = "failed" if item.failed else "skipped"
            verb = "not imported" if item.failed else "skipped"
            report.add(index, kind, f"{item.where}: {verb}: {item.reason}")
            continue
        name = item.file_name()
        there = known.keys.get(item.key) if item.key else None
        there = there or known.ids.get(name.removesuffix(".md").lstrip("_"))
        if there is not None:
            there = _as_shown(there, folder, shown)
            report.add(index, "exists", f"{item.where}: already there: {there}")
            continue
        if name in taken:
            if not item.is_draft:
                same = f"{name} is taken by {taken[name]} (same date, company and role)"
                report.add(index, "failed", f"{item.where}: not imported: {same}")
                continue
            name = _free_draft_name(name, taken)
        taken[name] = item.where
        text = entry_text(item, schema_reference(folder / name, project_root))
        planned.append((index, item, name, text))
    return planned


def _free_draft_name(name: str, taken: dict[str, str]) -> str:
    stem = name.removesuffix(".md")
    number = 2
    while f"{stem}-{number}.md" in taken:
        number += 1
    return f"{stem}-{number}.md"


def _record_written(
    report: Report, index: int, candidate: Candidate, path: Path, dry_run: bool
) -> None:
    verb = "would write" if dry_run else "wrote"
    if candidate.is_draft:
        line = f"{candidate.where}: {verb} draft {path}: {draft_advice(candidate)}"
        report.add(index, "draft", line)
    else:
        report.add(index, "written", f"{candidate.where}: {verb} {path}")
    for note in candidate.notes:
        report.add(index, "", f"{candidate.where}: note: {note}")


def _as_shown(path: Path, folder: Path, shown: Path) -> Path:
    try:
        return shown / path.relative_to(folder)
    except ValueError:
        return path
