"""Every case of the official YAML test suite, as a .yml entry and as .md front matter.

The suite's documents are valid and invalid YAML of every kind the spec allows: none is an entry,
so each must end as located problems (or, if it happened to be one, an entry): never an
exception. The cases come from tests/fixtures/yaml_test_suite.json, made by
tests/tools/convert_yaml_test_suite.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import TODAY

from generator.entries.loader import load_log
from generator.settings import Settings

SUITE = json.loads(
    (Path(__file__).parent / "fixtures" / "yaml_test_suite.json").read_text(encoding="utf-8")
)
CASES = SUITE["cases"]
SETTINGS = Settings(today=TODAY)


def case_id(case: dict[str, object]) -> str:
    return str(case["name"]).split(" ", 1)[0]


def test_the_fixture_holds_the_whole_suite() -> None:
    assert len(CASES) >= 350
    assert len({case_id(case) for case in CASES}) == len(CASES)
    assert any(case["error"] for case in CASES)
    assert any("\t" in case["yaml"] for case in CASES), "tabs should be real tabs"
    assert not any("␣" in case["yaml"] or "»" in case["yaml"] for case in CASES)


@pytest.mark.parametrize("shape", ["yml", "md"])
@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_a_yaml_test_suite_case_gives_entries_or_located_problems(
    tmp_path: Path, case: dict[str, object], shape: str
) -> None:
    root = tmp_path / "entries"
    root.mkdir()
    name = f"case.{shape}"
    source = str(case["yaml"])
    text = source if shape == "yml" else f"---\n{source}\n---\nNotes.\n"
    (root / name).write_text(text, encoding="utf-8", newline="")

    log = load_log(root, SETTINGS, display_as="entries")

    assert len(log.entries) + len(log.problems) >= 1
    assert {problem.path for problem in log.problems} <= {f"entries/{name}"}
    assert bool(log.entries) != bool(log.problems)
    lines = sum(text.count(mark) for mark in ("\n", "\r", "\x85", "\u2028", "\u2029")) + 2
    for problem in log.problems:
        assert 1 <= problem.line <= lines, str(problem)
        assert problem.column >= 0, str(problem)
        assert problem.message.strip(), str(problem)
    if case["error"] and shape == "yml":
        assert not log.entries, "invalid YAML never makes an entry"
