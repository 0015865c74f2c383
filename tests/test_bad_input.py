"""The bad-input catalogue: every broken file a person (or an attacker) could save, one per case.

Each file in `tests/bad_input/` is loaded alone and must give exactly the problems that
`tests/bad_input/expected.yml` lists for it (line, column, message); all of them loaded at once
must hide nothing. Cases that need bytes a text file should not hold (other encodings, 50 MB,
links, control characters) are generated here instead of committed.
"""

from __future__ import annotations

import os
import shutil
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import TODAY

from generator.entries.loader import MAX_FILE_BYTES, Log, load_log
from generator.errors import Problem
from generator.settings import Settings

CATALOGUE = Path(__file__).parent / "bad_input"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (CATALOGUE / "expected.yml").read_text(encoding="utf-8")
)
SECONDS = 2.0
"""Loose time limit for hostile files (the loader needs milliseconds; CI machines are slow)."""
PEAK_BYTES = 50 * 1024 * 1024

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"
GOOD_NAME = "zz-a-good-entry.md"
GOOD = "---\ndate: 2026-11-20\ncompany: Good Company\nrole: Analyst\n---\nAll fine.\n"


def load(root: Path) -> Log:
    return load_log(root, Settings(today=TODAY), display_as="entries")


def shown(problems: tuple[Problem, ...] | list[Problem]) -> str:
    return "\n".join(map(str, problems)) or "(no problem)"


def matches(problem: Problem, expected: dict[str, Any]) -> bool:
    """Does one reported problem say what the catalogue expects?"""
    if problem.line != expected["line"]:
        return False
    if "column" in expected and problem.column != expected["column"]:
        return False
    if "field" in expected and problem.field != expected["field"]:
        return False
    if "message" in expected and problem.message != expected["message"]:
        return False
    return expected.get("contains", "") in problem.message


def assert_problems(problems: list[Problem], expected: list[dict[str, Any]]) -> None:
    assert len(problems) == len(expected), shown(problems)
    for problem, wanted in zip(sorted(problems), expected, strict=True):
        assert matches(problem, wanted), f"expected {wanted}\nfound {problem}\n\n{shown(problems)}"


def catalogue_case(name: str) -> Any:
    case = EXPECTED[name]
    marks = [pytest.mark.xfail(strict=True, reason="BUG: " + case["bug"])] if "bug" in case else []
    return pytest.param(name, id=name, marks=marks)


def write(root: Path, name: str, data: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "entries"
    folder.mkdir()
    return folder


# -- the catalogue itself --------------------------------------------------------------------


def test_every_fixture_has_its_expectation_and_every_expectation_its_fixture() -> None:
    files = {path.name for path in CATALOGUE.iterdir() if path.name != "expected.yml"}
    assert files == set(EXPECTED)


def test_fixture_ids_are_unique_so_they_can_be_loaded_together() -> None:
    ids = [name.rsplit(".", 1)[0] for name in EXPECTED]
    assert len(ids) == len(set(ids))


def test_every_case_expects_at_least_one_located_problem() -> None:
    for name, case in EXPECTED.items():
        assert case["problems"], name
        for problem in case["problems"]:
            assert problem["line"] >= 1, name
            assert ("message" in problem) != ("contains" in problem), name


@pytest.mark.parametrize("name", [catalogue_case(name) for name in EXPECTED])
def test_each_bad_file_alone_reports_exactly_its_problems(root: Path, name: str) -> None:
    case = EXPECTED[name]
    shutil.copyfile(CATALOGUE / name, root / name)
    for sibling, text in case.get("with", {}).items():
        write(root, sibling, text)

    log = load(root)

    assert {entry.source for entry in log.entries} == set(case.get("with", {}))
    assert {problem.path for problem in log.problems} <= {f"entries/{name}"}
    assert_problems(list(log.problems), case["problems"])


def test_one_broken_entry_never_hides_the_others(root: Path) -> None:
    """The whole catalogue in one folder, beside a good entry: every file is reported."""
    working = {name: case for name, case in EXPECTED.items() if "bug" not in case}
    for name, case in working.items():
        shutil.copyfile(CATALOGUE / name, root / name)
        for sibling, text in case.get("with", {}).items():
            write(root, sibling, text)
    write(root, GOOD_NAME, GOOD)

    log = load(root)

    siblings = {sibling for case in working.values() for sibling in case.get("with", {})}
    assert {entry.source for entry in log.entries} == {GOOD_NAME, *siblings}
    by_file: dict[str, list[Problem]] = {}
    for problem in log.problems:
        by_file.setdefault(problem.path, []).append(problem)
    assert set(by_file) == {f"entries/{name}" for name in working}
    for name, case in working.items():
        assert_problems(by_file[f"entries/{name}"], case["problems"])


def test_the_catalogue_in_sub_folders_reports_each_file_at_its_own_path(root: Path) -> None:
    names = [name for name, case in EXPECTED.items() if "bug" not in case and "with" not in case]
    for index, name in enumerate(names):
        shutil.copyfile(CATALOGUE / name, write(root, f"{2020 + index % 3}/{name}", b""))

    log = load(root)

    assert log.entries == ()
    expected = {f"entries/{2020 + index % 3}/{name}" for index, name in enumerate(names)}
    assert {problem.path for problem in log.problems} == expected


# -- encodings and line endings --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "line", "column", "byte"),
    [
        ("latin-1.md", b"---\ndate: 2026-11-03\ncompany: Caf\xe9 Analytics\n---\n", 3, 13, 0xE9),
        ("latin-1.yml", b"date: 2026-11-03\ncompany: Caf\xe9 Analytics\nrole: r\n", 2, 13, 0xE9),
        ("utf-16.yml", ACME.encode("utf-16"), 1, 1, 0xFF),
        ("cp1252-quote.md", b"---\n" + ACME.encode() + b"---\nI was \x93fine\x94.\n", 6, 7, 0x93),
        ("truncated-utf8.yml", ACME.encode() + b"notes: caf\xc3\n", 4, 11, 0xC3),
    ],
    ids=["latin-1.md", "latin-1.yml", "utf-16.yml", "cp1252-quote.md", "truncated-utf8.yml"],
)
def test_bytes_that_are_not_utf8_are_reported_at_the_first_bad_byte(
    root: Path, name: str, data: bytes, line: int, column: int, byte: int
) -> None:
    write(root, name, data)
    write(root, GOOD_NAME, GOOD)

    log = load(root)

    assert [entry.source for entry in log.entries] == [GOOD_NAME]
    [problem] = log.problems
    assert (problem.path, problem.line, problem.column) == (f"entries/{name}", line, column)
    assert problem.message == (
        f"the file is not UTF-8 text: save it as UTF-8 (found the byte 0x{byte:02x})"
    )


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_bom_and_windows_line_endings_load_fine(root: Path, ending: str) -> None:
    bom = b"\xef\xbb\xbf"
    markdown = "---\n" + ACME + "tags: [remote]\n---\nLine one.\n\nLine *two*.\n"
    plain = ACME.replace("Acme", "Beta") + "notes: |\n  Line one.\n\n  Line two.\n"
    write(root, "acme.md", bom + markdown.replace("\n", ending).encode())
    write(root, "beta.yml", bom + plain.replace("\n", ending).encode())

    log = load(root)

    assert log.problems == ()
    entries = {entry.id: entry for entry in log.entries}
    assert entries["acme"].company == "Acme Analytics"
    assert entries["acme"].tags == ("remote",)
    assert entries["acme"].body == "Line one.\n\nLine *two*.\n"
    assert entries["beta"].body == "Line one.\n\nLine two."
    assert "\r" not in entries["acme"].role + entries["beta"].role


@pytest.mark.parametrize("name", ["acme.md", "acme.yml"])
def test_an_error_after_a_bom_and_crlf_is_on_the_line_the_editor_shows(
    root: Path, name: str
) -> None:
    text = ACME + "mood: 9\n"
    text = f"---\n{text}---\n" if name.endswith(".md") else text
    write(root, name, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())

    [problem] = load(root).problems

    line = text.splitlines().index("mood: 9") + 1
    assert (problem.line, problem.column, problem.field) == (line, 7, "mood")


@pytest.mark.parametrize(
    ("name", "data", "line", "column"),
    [
        ("bell.yml", b"date: 2026-11-03\ncompany: Ac\x07me\nrole: r\n", 2, 12),
        ("form-feed.md", b"---\ndate: 2026-11-03\ncompany: Acme\nrole: r\x0c\n---\n", 4, 8),
        ("nul.md", b"---\ndate: 2026-11-03\ncompany: Ac\x00me\nrole: r\n---\n", 3, 12),
    ],
    ids=["bell.yml", "form-feed.md", "nul.md"],
)
def test_a_control_character_is_reported_where_it_stands(
    root: Path, name: str, data: bytes, line: int, column: int
) -> None:
    write(root, name, data)
    code = f"U+{next(b for b in data if b < 32 and b not in (9, 10, 13)):04X}"

    [problem] = load(root).problems

    assert (problem.line, problem.column) == (line, column)
    assert problem.message == (
        f"not valid YAML: {code} is a control character YAML does not allow; delete it "
        "(it is often invisible: pasted from another program)"
    )


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])
@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("date: 2026-11-03\ncompany: Acme{sep}Corp\nrole: r\nlessons: [a]\nmood: 9\n", 2),
        ("# a note pasted{sep}from a web page\n" + ACME + "lessons: [a]\nmood: 9\n", 1),
        ('date: 2026-11-03\ncompany: "Acme{sep}Corp"\nrole: r\nlessons: [a]\nmood: 9\n', 2),
    ],
    ids=["in-a-value", "in-a-comment", "in-a-quoted-value"],
)
def test_a_unicode_line_separator_is_reported_on_the_line_an_editor_shows(
    root: Path, separator: str, text: str, at: int
) -> None:
    write(root, "acme.yml", text.format(sep=separator))

    problems = load(root).problems

    # An editor shows five lines: the separator stands on line `at`, the wrong mood on line 5.
    assert problems, "the mood of 9 is wrong whatever the separator does"
    for problem in problems:
        assert problem.line == at or (problem.line, problem.field) == (5, "mood"), str(problem)
        if problem.line == at:
            assert f"hidden line break, U+{ord(separator):04X}" in problem.message


# -- size and time ---------------------------------------------------------------------------


def peak_memory_of(action: Any) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def seconds_of(action: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


@pytest.mark.parametrize("name", ["huge.md", "huge.yml"])
def test_a_50_mb_file_is_refused_quickly_with_a_size_error(root: Path, name: str) -> None:
    path = write(root, name, ("---\n" + ACME if name.endswith(".md") else ACME).encode())
    with path.open("r+b") as handle:  # sparse: 50 MB to read, no 50 MB written to the CI disk
        handle.truncate(50 * 1024 * 1024)
    write(root, GOOD_NAME, GOOD)

    log, elapsed = seconds_of(lambda: load(root))
    again, peak = peak_memory_of(lambda: load(root))

    assert again == log
    assert [entry.source for entry in log.entries] == [GOOD_NAME]
    [problem] = log.problems
    assert (problem.path, problem.line, problem.column) == (f"entries/{name}", 1, 1)
    assert problem.message == "the file is 50.0 MB; an entry may be at most 1 MB"
    assert elapsed < SECONDS
    assert peak < PEAK_BYTES


def test_the_billion_laughs_is_refused_quickly_and_in_little_memory(root: Path) -> None:
    shutil.copyfile(CATALOGUE / "billion-laughs.yml", root / "billion-laughs.yml")
    write(root, GOOD_NAME, GOOD)

    log, elapsed = seconds_of(lambda: load(root))
    again, peak = peak_memory_of(lambda: load(root))

    assert again == log
    assert [entry.source for entry in log.entries] == [GOOD_NAME]
    [problem] = log.problems
    assert problem.path == "entries/billion-laughs.yml"
    assert "the document expands to more than 20000 values" in problem.message
    assert elapsed < SECONDS
    assert peak < PEAK_BYTES


@pytest.mark.parametrize("name", ["long.md", "long.yml"])
def test_a_very_long_line_under_the_size_limit_loads(root: Path, name: str) -> None:
    length = MAX_FILE_BYTES - 1000
    if name.endswith(".md"):
        write(root, name, "---\n" + ACME + "---\n" + "x" * length + "\n")
    else:
        write(root, name, ACME + "notes: " + "x" * length + "\n")

    log, elapsed = seconds_of(lambda: load(root))

    assert log.problems == ()
    [entry] = log.entries
    assert entry.body.strip() == "x" * length
    assert elapsed < SECONDS


@pytest.mark.parametrize("name", ["long.md", "long.yml"])
def test_a_very_long_wrong_value_gives_a_short_message_on_its_line(root: Path, name: str) -> None:
    fields = ACME + "mood: " + "9" * (MAX_FILE_BYTES - 1000) + "\n"
    write(root, name, f"---\n{fields}---\n" if name.endswith(".md") else fields)

    log, elapsed = seconds_of(lambda: load(root))

    [problem] = log.problems
    assert (problem.line, problem.column, problem.field) == (
        5 if name.endswith(".md") else 4,
        7,
        "mood",
    )
    assert problem.message.startswith("mood: expected a whole number from 1 to 5, found")
    assert len(problem.message) < 200
    assert elapsed < SECONDS


# -- links and ids ---------------------------------------------------------------------------


def symlink(link: Path, target: Path) -> None:
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):  # pragma: no cover - e.g. Windows without the right
        pytest.skip("symbolic links are not available here")


def test_links_pointing_outside_the_entries_folder_are_refused_never_read(
    tmp_path: Path, root: Path
) -> None:
    outside = tmp_path / "elsewhere"
    write(outside, "secret.md", "---\n" + ACME.replace("Acme", "Secret") + "---\n")
    write(root, GOOD_NAME, GOOD)
    symlink(root / "secret.md", outside / "secret.md")
    symlink(root / "old-entries", outside)
    (root / "2026").mkdir()
    symlink(root / "2026" / "up.md", outside / "secret.md")

    log = load(root)

    assert [entry.source for entry in log.entries] == [GOOD_NAME]
    assert [(p.path, p.line, p.column, p.message) for p in log.problems] == [
        ("entries/2026/up.md", 1, 1, "a link to a file outside the entries folder"),
        ("entries/old-entries", 1, 1, "a link to a folder outside the entries folder"),
        ("entries/secret.md", 1, 1, "a link to a file outside the entries folder"),
    ]
    assert "Secret" not in repr(log)


def test_a_link_to_itself_is_reported_not_followed_forever(root: Path) -> None:
    write(root, GOOD_NAME, GOOD)
    symlink(root / "loop.md", root / "loop.md")

    log, elapsed = seconds_of(lambda: load(root))

    assert [entry.source for entry in log.entries] == [GOOD_NAME]
    [problem] = log.problems
    assert (problem.path, problem.line) == ("entries/loop.md", 1)
    assert elapsed < SECONDS


def test_duplicate_ids_across_sub_folders_are_all_reported_naming_the_others(root: Path) -> None:
    write(root, "2025/acme.md", "---\n" + ACME + "---\n")
    write(root, "2026/acme.yml", ACME)
    write(root, "2026/old/acme.yaml", "mood: 9\n")  # broken as well: still counted
    write(root, GOOD_NAME, GOOD)

    log = load(root)

    assert [entry.source for entry in log.entries] == [GOOD_NAME]
    duplicates = [p for p in log.problems if "is used by another file too" in p.message]
    assert [(p.path, p.line, p.column) for p in duplicates] == [
        ("entries/2025/acme.md", 1, 1),
        ("entries/2026/acme.yml", 1, 1),
        ("entries/2026/old/acme.yaml", 1, 1),
    ]
    for problem in duplicates:
        others = {"entries/2025/acme.md", "entries/2026/acme.yml", "entries/2026/old/acme.yaml"}
        for other in others - {problem.path}:
            assert other in problem.message
        assert "the id 'acme'" in problem.message
        assert "rename one" in problem.message
