"""What `import` tells the user: one line per row or message, a summary, an exit status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import ENGLISH, Language
from .kinds import KIND_NAMES


@dataclass
class Report:
    """The lines to print, and the counts behind the summary and the exit status."""

    verbose: bool = False
    language: Language = ENGLISH
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
        _, c = self.language, self.counts
        parts = [
            _.ngettext("%(num)s entry to write", "%(num)s entries to write", c["written"])
            if dry_run
            else _.ngettext("%(num)s entry written", "%(num)s entries written", c["written"]),
            _.ngettext("%(num)s draft completed", "%(num)s drafts completed", c["completed"])
            if c["completed"]
            else "",
            _.ngettext("%(num)s draft to finish", "%(num)s drafts to finish", c["draft"])
            if c["draft"]
            else "",
            _.ngettext("%(num)s already there", "%(num)s already there", c["exists"])
            if c["exists"]
            else "",
            _.ngettext(
                "%(num)s duplicate not written twice",
                "%(num)s duplicates not written twice",
                c["duplicate"],
            )
            if c["duplicate"]
            else "",
            _.ngettext(
                "%(num)s skipped (not rejections)", "%(num)s skipped (not rejections)", c["skipped"]
            )
            if c["skipped"]
            else "",
            self._others(),
            _.ngettext("%(num)s not imported", "%(num)s not imported", c["failed"])
            if c["failed"]
            else "",
        ]
        listed = "; ".join(part for part in parts if part)
        if dry_run:
            return _.gettext("Dry run, nothing written: %(summary)s.", summary=listed) + (
                self._waiting()
            )
        return f"{listed}.{self._waiting()}"

    def _others(self) -> str:
        total = sum(self.kinds.values())
        if not total:
            return ""
        _ = self.language
        by_kind = ", ".join(
            kind_count(kind, self.kinds[kind], _) for kind in KIND_NAMES if self.kinds[kind]
        )
        if self.verbose:
            return _.ngettext(
                "%(num)s e-mail not rejections, not written (%(kinds)s)",
                "%(num)s e-mails not rejections, not written (%(kinds)s)",
                total,
                kinds=by_kind,
            )
        return _.ngettext(
            "%(num)s e-mail not rejections, not written (%(kinds)s; --verbose lists them)",
            "%(num)s e-mails not rejections, not written (%(kinds)s; --verbose lists them)",
            total,
            kinds=by_kind,
        )

    def _waiting(self) -> str:
        if not self.waiting:
            return ""
        return "\n" + self.language.ngettext(
            "%(num)s draft from an earlier import still to finish: %(names)s. Fill in what its "
            "header says (or import again with --company/--role), or delete it if it is not a "
            "rejection.",
            "%(num)s drafts from an earlier import still to finish: %(names)s. Fill in what its "
            "header says (or import again with --company/--role), or delete it if it is not a "
            "rejection.",
            len(self.waiting),
            names=", ".join(str(path) for path in self.waiting),
        )


def kind_count(kind: str, num: int, language: Language) -> str:
    """ "2 job alerts": a count of e-mails of one kind (`kinds.KIND_NAMES`)."""
    _ = language
    counted = {
        "spam": lambda: _.ngettext("%(num)s spam", "%(num)s spam", num),
        "offer": lambda: _.ngettext("%(num)s offer", "%(num)s offers", num),
        "invitation": lambda: _.ngettext(
            "%(num)s interview or assessment invitation",
            "%(num)s interview or assessment invitations",
            num,
        ),
        "rejection": lambda: _.ngettext("%(num)s rejection", "%(num)s rejections", num),
        "acknowledgement": lambda: _.ngettext(
            "%(num)s application acknowledgement", "%(num)s application acknowledgements", num
        ),
        "alert": lambda: _.ngettext("%(num)s job alert", "%(num)s job alerts", num),
        "newsletter": lambda: _.ngettext("%(num)s newsletter", "%(num)s newsletters", num),
        "other": lambda: _.ngettext("%(num)s other message", "%(num)s other messages", num),
    }
    return counted[kind]()
