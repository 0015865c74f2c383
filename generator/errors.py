"""The project's errors (one base, so callers catch one thing) and the problem records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .i18n import ENGLISH, Language


class RecoveryLogError(Exception):
    """The base of every error Recovery Log raises on purpose; its message is for the user."""


class TranslatedError(RecoveryLogError):
    """An error raised before the log's language is known: it keeps its catalog message and
    values, `str()` is the English, and whoever shows it says it in the log's language."""

    def __init__(self, message: str, **values: Any) -> None:
        self.message, self.values = message, values
        super().__init__(self.said(ENGLISH))

    def said(self, language: Language) -> str:
        return language.gettext(self.message, **self.values)


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
