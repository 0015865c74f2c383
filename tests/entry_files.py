"""Entry files written for a test and loaded the way the site loads them, on a pinned day.

Its own module (not conftest.py) so that tests can import `Entries` for annotations: a
`from conftest import` resolves to whichever conftest.py pytest put on the path first.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from helpers import TODAY

from generator.entries.loader import Log, ParseCache, load_log
from generator.errors import Problem
from generator.model import AnyEntry
from generator.settings import Settings


class Entries:
    """Write entry files, load them; problems name files as `entries/<name>`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, text: str | bytes) -> Path:
        """Write `name` as given: text is dedented and UTF-8 encoded, bytes are written raw."""
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else textwrap.dedent(text).encode())
        return path

    def entry(self, name: str, fields: str, body: str = "") -> Path:
        """Write `fields` (YAML) in the shape the suffix asks for: front matter or plain YAML."""
        fields = textwrap.dedent(fields)
        if name.lower().endswith((".md", ".markdown")):
            return self.write(name, f"---\n{fields}---\n{body}")
        return self.write(name, fields)

    def line_of(self, name: str, text: str) -> int:
        """The 1-based line of `name` where `text` first occurs."""
        lines = (self.root / name).read_bytes().decode("utf-8", "replace").splitlines()
        return next(number for number, line in enumerate(lines, 1) if text in line)

    def load(self, cache: ParseCache | None = None, **settings: object) -> Log:
        return load_log(
            self.root, Settings(today=TODAY, **settings), display_as="entries", cache=cache
        )

    def only_problem(self, **settings: object) -> Problem:
        problems = self.load(**settings).problems
        assert len(problems) == 1, "\n".join(map(str, problems)) or "no problem reported"
        return problems[0]

    def only_entry(self, **settings: object) -> AnyEntry:
        log = self.load(**settings)
        assert not log.problems, "\n".join(map(str, log.problems))
        assert len(log.entries) == 1, log.entries
        return log.entries[0]
