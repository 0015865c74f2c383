"""The project's errors (one base, so callers catch one thing) and the problem records."""

from __future__ import annotations

from dataclasses import dataclass


class RecoveryLogError(Exception):
    """The base of every error Recovery Log raises on purpose; its message is for the user."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one entry file, located as precisely as we know it.

    `path` is shown to the user as written (relative to the entries folder's parent when
    possible); `line` and `column` are 1-based, 0 when unknown.
    """

    path: str
    line: int
    column: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class EntryError(RecoveryLogError):
    """Raised for anything wrong with the entries: carries every problem found, never just one."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
