"""The README's Quick start: read in a minute, and still holding the command CI runs."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
QUICK_START_WORDS = 250


def section(title: str) -> str:
    """The text of the README's `## title` section, up to the next `## ` heading."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def test_the_quick_start_is_at_most_250_words() -> None:
    words = section("Quick start").split()
    assert len(words) <= QUICK_START_WORDS, f"{len(words)} words"


def test_the_quick_start_holds_the_test_command_ci_runs() -> None:
    found = re.search(r"^\*\*Run the tests:\*\*\n\n```sh\n(.+?)\n```", section("Quick start"), re.M)
    assert found is not None
    assert ".venv/bin/pip install -e '.[test]'" in found.group(1)
    assert found.group(1).endswith(".venv/bin/pytest")


def test_the_preview_timings_have_their_own_section() -> None:
    assert "1,000 entries" not in section("Quick start")
    assert "1,000 entries" in section("How fast is it")
