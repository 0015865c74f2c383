"""What `import` tells the user: one line per row or message, a summary, an exit status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...wording import plural
from .kinds import KIND_NAMES

_MANY = {
    "interview or assessment invitation": "interview or assessment invitations",
    "other message": "other messages",
    "spam": "spam",
}


@dataclass
class Report:
    """The lines to print, and the counts behind the summary and the exit status."""

    verbose: bool = False
    numbered: list[tuple[int, str]] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    """E-mails that are not rejections, by kind."""
    waiting: list[Path] = field(default_factory=list)
    """Drafts of earlier imports, still to finish."""

    @property
    def lines(self) -> list[str]:
        """One line per row or message (and per note), in the order they were read."""
        return [line for _, line in sorted(self.numbered, key=lambda pair: pair[0])]

    def add(self, index: int, kind: str, line: str) -> None:
        if kind:
            self.counts[kind] += 1
        self.numbered.append((index, line))

    def add_other(self, index: int, kind: str, line: str) -> None:
        """An e-mail that is not a rejection: counted by kind; its line shown with --verbose."""
        self.kinds[kind] += 1
        if self.verbose:
            self.numbered.append((index, line))

    @property
    def ok(self) -> bool:
        """Nothing failed and no draft waits: everything read is in the log."""
        return not (self.counts["failed"] or self.counts["draft"] or self.waiting)

    def summary(self, dry_run: bool) -> str:
        c = self.counts
        parts = [
            f"{plural(c['written'], 'entry', 'entries')} " + ("to write" if dry_run else "written"),
            f"{plural(c['completed'], 'draft')} completed" if c["completed"] else "",
            f"{plural(c['draft'], 'draft')} to finish" if c["draft"] else "",
            f"{c['exists']} already there" if c["exists"] else "",
            f"{plural(c['duplicate'], 'duplicate')} not written twice" if c["duplicate"] else "",
            f"{c['skipped']} skipped (not rejections)" if c["skipped"] else "",
            self._others(),
            f"{c['failed']} not imported" if c["failed"] else "",
        ]
        head = "Dry run, nothing written: " if dry_run else ""
        text = head + "; ".join(part for part in parts if part) + "."
        return text + self._waiting()

    def _others(self) -> str:
        total = sum(self.kinds.values())
        if not total:
            return ""
        by_kind = ", ".join(
            plural(self.kinds[kind], KIND_NAMES[kind], _MANY.get(KIND_NAMES[kind]))
            for kind in KIND_NAMES
            if self.kinds[kind]
        )
        more = "" if self.verbose else "; --verbose lists them"
        return f"{plural(total, 'e-mail')} not rejections, not written ({by_kind}{more})"

    def _waiting(self) -> str:
        if not self.waiting:
            return ""
        names = ", ".join(str(path) for path in self.waiting)
        return (
            f"\n{plural(len(self.waiting), 'draft')} from an earlier import still to finish: "
            f"{names}. Fill in what its header says (or import again with --company/--role), "
            "or delete it if it is not a rejection."
        )
