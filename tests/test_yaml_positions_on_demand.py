"""Valid files are parsed without positions; only a file with a problem is parsed with them.

Both ways must accept and refuse exactly the same texts, give the same values, and word a
problem the same way, at the same place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.entries import yamldoc
from generator.entries.files import split_front_matter

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "tests" / "bad_input").glob("*.*")) + sorted(
    (ROOT / "entries").rglob("*.*")
)


def _fields(path: Path) -> tuple[str, int]:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if path.suffix in (".md", ".markdown"):
        try:
            return split_front_matter(text)[0], 1
        except yamldoc.YamlProblem:
            return text, 0
    return text, 0


def _outcome(text: str, offset: int, positions: bool) -> Any:
    try:
        return yamldoc.parse(text, offset, positions=positions)
    except yamldoc.YamlProblem as exc:
        return ("problem", exc.pos, exc.message)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_parsing_without_positions_gives_the_same_values_and_problems(path: Path) -> None:
    text, offset = _fields(path)
    assert _outcome(text, offset, False) == _outcome(text, offset, True)


def test_values_without_positions_are_plain_dicts_and_lists() -> None:
    value, _ = yamldoc.parse("a:\n  - b: 1\n", positions=False)
    assert type(value) is dict and type(value["a"]) is list and type(value["a"][0]) is dict


def test_a_problem_found_without_positions_is_still_placed() -> None:
    with pytest.raises(yamldoc.YamlProblem) as caught:
        yamldoc.parse("a: 1\nb: 2\na: 3\n", positions=False)
    assert caught.value.pos == yamldoc.Pos(3, 1)
    assert caught.value.message == "duplicate key 'a' (first given on line 1)"


@pytest.mark.parametrize(
    "scalar",
    ["", "~", "null", "yes", "No", "true", "1", "-2", "+3", "0x1f", "1_000", "0o7", "1.5",
     ".inf", "-.Inf", ".nan", "1e3", "2026-01-05", "2026-1-5", "2026-01-05 10:00", "=", "<<",
     "plain words", "!", "&", "*", "Yes please"],
)
def test_the_quicker_resolver_gives_pyyaml_s_tags(scalar: str) -> None:
    ours = yamldoc._Loader("").resolve(yaml.ScalarNode, scalar, (True, False))
    theirs = yaml.SafeLoader("").resolve(yaml.ScalarNode, scalar, (True, False))
    assert ours == theirs
