"""What people (and attackers) actually type: broken YAML, odd encodings, hostile files.

Every one of them ends as a problem naming the file and the line; none raises, none hangs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.entries.loader import MAX_FILE_BYTES

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"

both_shapes = pytest.mark.parametrize("name", ["acme.md", "acme.yml"])


# -- malformed YAML --------------------------------------------------------------------------


@both_shapes
@pytest.mark.parametrize(
    "text",
    [
        ACME + "gaps:\n\t- SQL\n",
        "date: 2026-11-03\n\tcompany: Acme\nrole: Data Analyst\n",
    ],
)
def test_a_tab_in_the_indentation_is_an_error_saying_yaml_needs_spaces(entries, name, text):
    entries.entry(name, text)

    problem = entries.only_problem()

    assert problem.path == f"entries/{name}"
    assert (problem.line, problem.column) == (entries.line_of(name, "\t"), 1)
    assert problem.message.startswith("this line is indented with a tab: YAML needs spaces")
    assert "(not valid YAML: " in problem.message  # PyYAML's words come after the advice


@both_shapes
@pytest.mark.parametrize("quote", ["'", '"'])
def test_an_unclosed_quote_is_reported_where_it_opens(entries, name, quote):
    entries.entry(name, f"date: 2026-11-03\ncompany: {quote}Acme\nrole: Data Analyst\nmood: 2\n")

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (entries.line_of(name, "company:"), 10)
    assert "not valid YAML: while scanning a quoted scalar" in problem.message


@both_shapes
@pytest.mark.parametrize(
    ("line", "column"), [("tags: [remote, fintech", 7), ("extra: {salary: 55k", 8)]
)
def test_an_unclosed_bracket_is_reported_where_it_opens(entries, name, line, column):
    entries.entry(name, ACME + line + "\nmood: 2\n")

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (entries.line_of(name, line), column)
    assert "not valid YAML: while parsing a flow" in problem.message


@both_shapes
@pytest.mark.parametrize(
    ("text", "culprit", "expected"),
    [
        (
            "date: 2026-11-03\ncompany: Acme\n  role: Data Analyst\n",
            "role:",
            "mapping values are not allowed here",
        ),
        (
            ACME + "gaps:\n  - skill: SQL\n   severity: high\n",
            "severity:",
            "did not find expected '-' indicator",
        ),
    ],
)
def test_bad_indentation_is_reported_on_its_line(entries, name, text, culprit, expected):
    entries.entry(name, text)

    problem = entries.only_problem()

    assert problem.line == entries.line_of(name, culprit)
    assert "not valid YAML" in problem.message
    assert expected.replace(" here", "") in problem.message


@both_shapes
def test_a_duplicate_key_is_an_error_naming_both_lines(entries, name):
    entries.entry(name, ACME + "mood: 2\ncompany: Beta Corp\n")

    problem = entries.only_problem()

    first = entries.line_of(name, "company: Acme")
    assert (problem.line, problem.column) == (entries.line_of(name, "Beta Corp"), 1)
    assert f"duplicate key 'company' (first given on line {first})" in problem.message


def test_a_duplicate_key_inside_a_mapping_is_an_error_too(entries):
    entries.entry("acme.yml", ACME + "feedback:\n  via: email\n  via: phone\n")

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (6, 3)
    assert "duplicate key 'via' (first given on line 5)" in problem.message


def test_front_matter_without_a_closing_line_is_an_error_saying_so(entries):
    entries.write("acme.md", "---\n" + ACME + "My notes.\n")

    problem = entries.only_problem()

    assert (problem.path, problem.line) == ("entries/acme.md", 1)
    assert "the front matter is never closed: add a line '---'" in problem.message


@pytest.mark.parametrize("text", ["My notes, no fields.\n", "date: 2026-11-03\n---\nNotes\n"])
def test_a_markdown_entry_not_starting_with_front_matter_is_an_error(entries, text):
    entries.write("acme.md", text)

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (1, 1)
    assert "expected front matter: a Markdown entry starts with a line '---'" in problem.message


@pytest.mark.parametrize("name", ["acme.md", "acme.yml", "acme.markdown", "acme.yaml"])
@pytest.mark.parametrize("text", ["", "\n\n", "  \n\t\n"])
def test_an_empty_file_is_an_error_saying_it_is_empty(entries, name, text):
    entries.write(name, text)

    problem = entries.only_problem()

    assert (problem.path, problem.line) == (f"entries/{name}", 1)
    assert "the file is empty" in problem.message


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("acme.md", "---\n---\nOnly notes.\n", 2),
        ("acme.md", "---\n# nothing yet\n---\n", 2),
        ("acme.yml", "# nothing yet\n", 1),
        ("acme.yml", "~\n", 1),
    ],
)
def test_an_entry_without_fields_is_an_error_naming_the_required_ones(entries, name, text, line):
    entries.write(name, text)

    problem = entries.only_problem()

    assert problem.line == line
    assert "the entry has no fields: expected at least date" in problem.message


@both_shapes
@pytest.mark.parametrize(
    ("fields", "found"),
    [("- date: 2026-11-03\n- company: Acme\n", "a list"), ("Acme, data analyst\n", "'Acme")],
)
def test_fields_that_are_not_a_mapping_are_an_error(entries, name, fields, found):
    entries.entry(name, fields)

    problem = entries.only_problem()

    assert problem.line == entries.line_of(name, fields.splitlines()[0])
    assert f"expected a mapping of fields (key: value), found {found}" in problem.message


def test_a_second_yaml_document_is_an_error(entries):
    entries.write("acme.yml", ACME + "---\n" + ACME)

    problem = entries.only_problem()

    assert problem.line == 4
    assert "expected a single document" in problem.message


def test_an_undefined_alias_is_an_error(entries):
    entries.write("acme.yml", "date: 2026-11-03\ncompany: *acme\nrole: Data Analyst\n")

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (2, 10)
    assert "undefined alias" in problem.message


def test_a_few_aliases_are_fine(entries):
    entries.write("acme.yml", "date: 2026-11-03\ncompany: &name Acme\nrole: *name\n")

    assert entries.only_entry().role == "Acme"


# -- encodings and line endings --------------------------------------------------------------


@both_shapes
def test_bytes_that_are_not_utf8_are_an_error_pointing_at_the_first(entries, name):
    text = ACME.replace("Acme Analytics", "Caf\xe9 Analytics").encode("latin-1")
    entries.write(name, b"---\n" + text + b"---\n" if name.endswith(".md") else text)

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (entries.line_of(name, "company:"), 13)
    assert "the file is not UTF-8 text: save it as UTF-8 (found the byte 0xe9)" in problem.message


def test_a_utf8_bom_is_accepted(entries):
    entries.write("acme.md", b"\xef\xbb\xbf---\n" + ACME.encode() + b"---\nNotes\n")
    entries.write("beta.yml", b"\xef\xbb\xbf" + ACME.replace("Acme", "Beta").encode())

    log = entries.load()

    assert log.problems == ()
    assert sorted(entry.company for entry in log.entries) == ["Acme Analytics", "Beta Analytics"]


@both_shapes
def test_an_error_after_a_utf8_bom_is_on_the_right_line_and_column(entries, name):
    entries.entry(name, "mood: 9\n" + ACME)
    path = entries.root / name
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    problem = entries.only_problem()

    assert problem.field == "mood"
    assert (problem.line, problem.column) == (1 if name.endswith(".yml") else 2, 7)


def test_windows_line_endings_are_accepted(entries):
    entries.write("acme.md", ("---\n" + ACME + "---\nLine one.\nLine two.\n").replace("\n", "\r\n"))
    entries.write("beta.yml", (ACME + "notes: |\n  Line one.\n  Line two.\n").replace("\n", "\r\n"))

    log = entries.load()

    assert log.problems == ()
    assert {entry.id: entry.body for entry in log.entries} == {
        "acme": "Line one.\nLine two.\n",
        "beta": "Line one.\nLine two.",
    }


@both_shapes
def test_an_error_in_a_file_with_windows_line_endings_is_on_the_right_line(entries, name):
    entries.entry(name, ACME + "mood: 9\n")
    line = entries.line_of(name, "mood:")
    path = entries.root / name
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    problem = entries.only_problem()

    assert (problem.line, problem.column, problem.field) == (line, 7, "mood")


# -- hostile input ---------------------------------------------------------------------------


@both_shapes
@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object/apply:os.mkdir [{marker}]",
        "!!python/object/new:os.mkdir [{marker}]",
        "!!python/name:os.system",
        "!!python/tuple [a, b]",
    ],
)
def test_python_object_tags_are_refused_and_never_run(entries, tmp_path, name, tagged):
    marker = tmp_path / "pwned"
    entries.entry(
        name, "date: 2026-11-03\ncompany: " + tagged.format(marker=marker) + "\nrole: r\n"
    )

    problem = entries.only_problem()

    assert not marker.exists()
    assert (problem.line, problem.column) == (entries.line_of(name, "company:"), 10)
    assert "the YAML tag 'tag:yaml.org,2002:python/" in problem.message
    assert "is not allowed in an entry" in problem.message


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!custom Acme", "the YAML tag '!custom' is not allowed"),
        ("!!binary QWNtZQ==", "the YAML tag 'tag:yaml.org,2002:binary' is not allowed"),
        ("!!set {Acme}", "the YAML tag 'tag:yaml.org,2002:set' is not allowed"),
    ],
)
def test_other_tags_are_refused(entries, value, expected):
    entries.write("acme.yml", f"date: 2026-11-03\ncompany: {value}\nrole: r\n")

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (2, 10)
    assert expected in problem.message


def test_merge_keys_are_refused(entries):
    entries.write("acme.yml", "base: &base {company: Acme}\n<<: *base\ndate: 2026-11-03\n")

    problem = entries.only_problem()

    assert (problem.line, problem.column) == (2, 1)
    assert "merge keys (<<) are not supported" in problem.message


# Loads the folder in a child process, so that a regression fails the test instead of hanging
# the suite or eating the machine's memory.
LOAD_IN_A_CHILD = """
import datetime, json, sys
from generator.entries.loader import load_log
from generator.settings import Settings
log = load_log(sys.argv[1], Settings(today=datetime.date(2026, 11, 26)), display_as="entries")
found = {"entries": [e.id for e in log.entries], "problems": [str(p) for p in log.problems]}
print(json.dumps(found))
"""


def _limit_memory():  # pragma: no cover - runs in the child
    try:
        import resource
    except ImportError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_an_alias_bomb_is_refused_quickly(entries):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, letter in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{letter}: &{letter} [" + ", ".join([f"*{previous}"] * 9) + "]")
    entries.write("laughs.yml", "\n".join(lines) + "\n")  # 9**9 strings once expanded
    entries.entry("acme.md", ACME)

    started = time.perf_counter()
    child = subprocess.run(
        [sys.executable, "-c", LOAD_IN_A_CHILD, str(entries.root)],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=Path(__file__).resolve().parents[1],
        preexec_fn=_limit_memory if os.name == "posix" else None,
    )
    elapsed = time.perf_counter() - started

    assert child.returncode == 0, child.stderr[-2000:]
    log = json.loads(child.stdout)
    assert log["entries"] == ["acme"]
    [problem] = log["problems"]
    assert problem.startswith("entries/laughs.yml:1:")
    assert "the document expands to more than 20000 values" in problem
    assert elapsed < 5  # a Python start-up and a refusal; expanding would take minutes


@both_shapes
def test_a_two_megabyte_file_is_refused_with_a_size_error(entries, name):
    lesson = "  - practise more\n"
    entries.entry(name, ACME + "lessons:\n" + lesson * ((2 * MAX_FILE_BYTES - 100) // len(lesson)))
    assert 2 * MAX_FILE_BYTES - 200 < (entries.root / name).stat().st_size <= 2 * MAX_FILE_BYTES
    entries.entry("beta.md", ACME)

    log = entries.load()

    assert [entry.id for entry in log.entries] == ["beta"]
    [problem] = log.problems
    assert (problem.path, problem.line) == (f"entries/{name}", 1)
    assert "the file is 2.0 MB; an entry may be at most 1 MB" in problem.message


def test_a_file_just_under_the_limit_is_read(entries):
    padding = MAX_FILE_BYTES - len(ACME) - 100
    entries.write("acme.yml", ACME + "notes: " + "x" * padding + "\n")

    assert len(entries.only_entry().body) == padding


@pytest.fixture
def outside(tmp_path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "secret.md").write_text("---\n" + ACME.replace("Acme", "Secret") + "---\n")
    return folder


def symlink(link, target):
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError):  # pragma: no cover - e.g. Windows without rights
        pytest.skip("symbolic links are not available here")


@pytest.mark.parametrize(
    ("link", "target", "expected"),
    [
        ("secret.md", "secret.md", "a link to a file outside the entries folder"),
        ("2026/secret.md", "secret.md", "a link to a file outside the entries folder"),
        ("old", ".", "a link to a folder outside the entries folder"),
        ("gone.md", "missing.md", "a link to a file outside the entries folder"),
    ],
)
def test_a_link_out_of_the_entries_folder_is_refused(entries, outside, link, target, expected):
    entries.entry("acme.md", ACME)
    (entries.root / link).parent.mkdir(parents=True, exist_ok=True)
    symlink(entries.root / link, outside / target)

    log = entries.load()

    assert [entry.company for entry in log.entries] == ["Acme Analytics"]
    [problem] = log.problems
    assert (problem.path, problem.line) == (f"entries/{link}", 1)
    assert expected in problem.message


def test_nothing_raises_whatever_the_bytes(entries):
    hostile = [
        b"\x00\x01\x02",
        b"---\n\x00\n---\n",
        b"---\n[[[[[[[[[[\n---\n",
        b"---\n" + b"- " * 5000 + b"x\n---\n",
        b"---\n" + b"[" * 5000 + b"\n---\n",
        b"---\n? [a, b]\n: c\n---\n",
        b"---\n.inf: .nan\n---\n",
        b"---\ndate: 9999-12-31\ncompany: a\nrole: b\n---\n",
        b"---\ndate: 0001-01-01 00:00:00+99:00\n---\n",
        b"\xff\xfe---\n",
    ]
    for number, data in enumerate(hostile):
        entries.write(f"hostile-{number}.md", data)

    log = entries.load()

    assert log.entries == ()
    assert {p.path for p in log.problems} == {
        f"entries/hostile-{number}.md" for number in range(len(hostile))
    }
    assert all(p.line >= 1 for p in log.problems)
