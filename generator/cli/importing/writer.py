"""Turning what was read into files: never overwriting, checked before written, reported.

Two rows never share a file: the same rejection twice is a duplicate (written once), two
different ones whose names fold alike are a clash (the second gets a short stable suffix).
A draft an earlier import left is completed when the same message comes back complete.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...entries.loader import load_log
from ...i18n import Language
from ...settings import Settings
from ..scaffold import ScaffoldError, schema_reference, write_new
from .candidate import Candidate, Notice, Skip, draft_advice, entry_text
from .existing import Identity, Known, identity, identity_of, known_entries
from .report import Report

Item = Candidate | Skip | Notice


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


@dataclass(frozen=True)
class Planned:
    index: int
    candidate: Candidate
    name: str
    text: str
    replaces: Path | None = None
    """The waiting draft of the same message that this complete entry takes the place of."""


@dataclass(frozen=True)
class Destination:
    folder: Path
    project_root: Path
    shown: Path
    """The folder as the user named it, for the report."""


def write_all(
    items: Iterable[Item],
    where: Destination,
    settings: Settings,
    dry_run: bool,
    verbose: bool = False,
) -> Report:
    """Write every new candidate; one report line per item, in order."""
    report = Report(verbose=verbose, language=settings.language)
    known = known_entries(where.folder)
    planned = _Planner(known, where, report).plan(items)
    public = [(p.candidate, p.name, p.text) for p in planned if not p.candidate.is_draft]
    problems = problems_before_writing(public, settings)
    completed = set()
    _ = settings.language
    for plan in planned:
        problem = problems.get(plan.name)
        if problem:
            line = _.gettext(
                "%(where)s: not imported: %(problem)s", where=plan.candidate.where, problem=problem
            )
            report.add(plan.index, "failed", line)
            continue
        if not dry_run:
            try:
                write_new(where.folder / plan.name, plan.text)
            except ScaffoldError:
                line = _.gettext(
                    "%(where)s: already there: %(path)s",
                    where=plan.candidate.where,
                    path=where.shown / plan.name,
                )
                report.add(plan.index, "exists", line)
                continue
            if plan.replaces:
                plan.replaces.unlink(missing_ok=True)
        if plan.replaces:
            completed.add(plan.replaces)
        _record_written(report, plan, where, dry_run)
    report.waiting = [_as_shown(p, where) for p in known.drafts if p not in completed]
    return report


@dataclass
class _Planner:
    """Names each candidate's file, or reports why it is not written."""

    known: Known
    where: Destination
    report: Report
    taken: dict[str, tuple[str, Identity]] = field(default_factory=dict)

    @property
    def _(self) -> Language:
        return self.report.language

    def plan(self, items: Iterable[Item]) -> list[Planned]:
        planned: list[Planned] = []
        for index, item in enumerate(items):
            if isinstance(item, Notice):
                line = self._.gettext(
                    "%(where)s: note: %(note)s", where=item.where, note=item.message
                )
                self.report.add(index, "", line)
            elif isinstance(item, Skip):
                self._skip(index, item)
            else:
                plan = self._place(index, item)
                if plan:
                    planned.append(plan)
        return planned

    def _skip(self, index: int, item: Skip) -> None:
        if item.kind:
            line = self._.gettext(
                "%(where)s: not written: %(reason)s", where=item.where, reason=item.reason
            )
            self.report.add_other(index, item.kind, line)
        elif item.failed:
            line = self._.gettext(
                "%(where)s: not imported: %(problem)s", where=item.where, problem=item.reason
            )
            self.report.add(index, "failed", line)
        else:
            line = self._.gettext(
                "%(where)s: skipped: %(reason)s", where=item.where, reason=item.reason
            )
            self.report.add(index, "skipped", line)

    def _place(self, index: int, item: Candidate) -> Planned | None:
        same_message = self.known.keys.get(item.key) if item.key else None
        replaces = None
        if same_message is not None:
            if not (same_message.name.startswith("_") and not item.is_draft):
                self._already(index, item, same_message)
                return None
            replaces = same_message  # the message again, now complete: it finishes its draft
        name = self._free_name(index, item)
        if name is None:
            return None
        self.taken[name] = (item.where, _identity(item))
        schema = schema_reference(self.where.folder / name, self.where.project_root)
        text = entry_text(item, schema, self.report.language)
        return Planned(index, item, name, text, replaces)

    def _free_name(self, index: int, item: Candidate) -> str | None:
        """The file name for `item`, suffixed on a clash; None when it is already there."""
        name = item.file_name()
        mine = _identity(item)
        clash = ""
        for attempt in (name, _suffixed(name, item)):
            there = self.known.ids.get(attempt.removesuffix(".md").lstrip("_"))
            earlier = self.taken.get(attempt)
            if there is not None and identity_of(there) == mine:
                self._already(index, item, there)
                return None
            if earlier and earlier[1] == mine:
                line = self._.gettext(
                    "%(where)s: duplicate of %(earlier)s: written once",
                    where=item.where,
                    earlier=earlier[0],
                )
                self.report.add(index, "duplicate", line)
                return None
            if there is None and earlier is None:
                if clash:
                    item.notes.append(
                        self._.gettext(
                            "clash: %(name)s is a different rejection's (%(other)s); "
                            "written as %(written)s",
                            name=name,
                            other=clash,
                            written=attempt,
                        )
                    )
                return attempt
            clash = clash or (
                earlier[0] if earlier else str(_as_shown(there or Path(), self.where))
            )
        line = self._.gettext(
            "%(where)s: not imported: %(name)s and %(other)s are both taken",
            where=item.where,
            name=name,
            other=_suffixed(name, item),
        )
        self.report.add(index, "failed", line)
        return None

    def _already(self, index: int, item: Candidate, path: Path) -> None:
        shown = _as_shown(path, self.where)
        line = self._.gettext("%(where)s: already there: %(path)s", where=item.where, path=shown)
        self.report.add(index, "exists", line)


def _identity(item: Candidate) -> Identity:
    """A draft is its message: two drafts alike in date and company may be two messages."""
    role = f"{item.role}\n{item.key}" if item.is_draft else item.role
    return identity(item.date.isoformat(), item.company, role)


def _suffixed(name: str, item: Candidate) -> str:
    """`name` with a short digest of what the rejection is: stable from run to run."""
    digest = hashlib.sha256("\n".join(_identity(item)).encode("utf-8")).hexdigest()[:6]
    stem = name.removesuffix(".md")
    return f"{stem}-{digest}.md"


def _record_written(report: Report, plan: Planned, where: Destination, dry_run: bool) -> None:
    _, candidate, path = report.language, plan.candidate, where.shown / plan.name
    said = (
        _.gettext(" (it says %(words)s)", words=repr(candidate.decided_by))
        if report.verbose and candidate.decided_by
        else ""
    )
    if candidate.is_draft:
        advice = draft_advice(candidate, _)
        line = (
            _.gettext(
                "%(where)s: would write draft %(path)s: %(advice)s",
                where=candidate.where,
                path=path,
                advice=advice,
            )
            if dry_run
            else _.gettext(
                "%(where)s: wrote draft %(path)s: %(advice)s",
                where=candidate.where,
                path=path,
                advice=advice,
            )
        )
        report.add(plan.index, "draft", line + said)
    elif plan.replaces:
        finished = _as_shown(plan.replaces, where)
        line = (
            _.gettext(
                "%(where)s: would write %(path)s, for %(draft)s",
                where=candidate.where,
                path=path,
                draft=finished,
            )
            if dry_run
            else _.gettext(
                "%(where)s: wrote %(path)s, for %(draft)s",
                where=candidate.where,
                path=path,
                draft=finished,
            )
        )
        report.add(plan.index, "completed", line)
    else:
        line = (
            _.gettext("%(where)s: would write %(path)s", where=candidate.where, path=path)
            if dry_run
            else _.gettext("%(where)s: wrote %(path)s", where=candidate.where, path=path)
        )
        report.add(plan.index, "written", line + said)
    for note in candidate.notes:
        line = _.gettext("%(where)s: note: %(note)s", where=candidate.where, note=note)
        report.add(plan.index, "", line)


def _as_shown(path: Path, where: Destination) -> Path:
    try:
        return where.shown / path.relative_to(where.folder)
    except ValueError:
        return path
