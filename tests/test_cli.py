"""`recovery-log check [ENTRIES_DIR]`, run the way a user runs it, through click's test runner."""

from __future__ import annotations

import re
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main

PROBLEM_LINE = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<message>\S.*)$")

GOOD = {
    "2025-03-10-acme-data-analyst.md": """
        ---
        date: 2025-03-10
        company: Acme Analytics
        role: Data Analyst
        stage: technical
        ---
        I froze on the rolling-average question.
        """,
    "2025/2025-11-02-globex-engineer.yml": """
        date: 2025-11-02
        company: Globex
        role: Engineer
        notes: Five years of Go, they said.
        """,
    "2025-11-20-looking-back.md": """
        ---
        type: reflection
        date: 2025-11-20
        about: [2025-03-10-acme-data-analyst]
        ---
        Looking back.
        """,
}

# Two broken files: one with two problems (line 4 and line 5), one with one (line 2).
BROKEN = {
    "2025-12-05-initech-analyst.yml": """
        date: 2025-12-05
        company: Initech
        role: Analyst
        stage: interview
        mood: 7
        """,
    "2025/2025-12-08-hooli-analyst.md": """
        ---
        date: 2025-02-30
        company: Hooli
        role: Analyst
        ---
        A date that does not exist.
        """,
}


def write_entries(folder: Path, entries: dict[str, str]) -> Path:
    for name, text in entries.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return folder


def write_config(path: Path, options: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = textwrap.indent(textwrap.dedent(options).strip(), " " * 6)
    path.write_text(
        f"site_name: Test\nplugins:\n  - search\n  - recovery-log:\n{body}\n", encoding="utf-8"
    )
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def problem_lines(result: Result) -> list[re.Match[str]]:
    return [m for line in result.output.splitlines() if (m := PROBLEM_LINE.match(line))]


def summary(result: Result) -> str:
    return result.output.strip().splitlines()[-1]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from an empty temporary folder, as a user runs the command in their project."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def broken(in_tmp: Path) -> Result:
    write_entries(in_tmp / "entries", {**GOOD, **BROKEN})
    return run("check", "entries")


# --- good entries ---------------------------------------------------------------------------


def test_good_entries_exit_0(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    assert run("check", "entries").exit_code == 0


def test_good_entries_print_only_a_summary(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    result = run("check", "entries")
    assert result.output.strip().splitlines() == [summary(result)]
    assert "3 entries" in summary(result)
    assert "fine" in summary(result)


def test_without_argument_checks_the_entries_folder(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "3 entries" in summary(result)


# --- broken entries -------------------------------------------------------------------------


def test_broken_entries_exit_1(broken: Result) -> None:
    assert broken.exit_code == 1


def test_broken_entries_are_not_a_crash(broken: Result) -> None:
    assert isinstance(broken.exception, SystemExit)
    assert "Traceback" not in broken.output


def test_each_problem_is_one_path_line_col_message_line(broken: Result) -> None:
    lines = broken.output.strip().splitlines()
    problems, last = lines[:-1], lines[-1]
    assert len(problems) == 3
    assert [line for line in problems if not PROBLEM_LINE.match(line)] == []
    assert not PROBLEM_LINE.match(last)


def test_every_broken_file_is_listed_with_its_lines(broken: Result) -> None:
    located = {(m["path"], int(m["line"])) for m in problem_lines(broken)}
    assert located == {
        ("entries/2025-12-05-initech-analyst.yml", 4),
        ("entries/2025-12-05-initech-analyst.yml", 5),
        ("entries/2025/2025-12-08-hooli-analyst.md", 2),
    }


def test_problem_messages_name_field_and_what_was_found(broken: Result) -> None:
    messages = {m["message"] for m in problem_lines(broken)}
    assert any(m.startswith("stage:") and "'interview'" in m for m in messages)
    assert any(m.startswith("mood:") and "7" in m for m in messages)
    assert any(m.startswith("date:") and "2025-02-30" in m for m in messages)


def test_summary_counts_problems_files_and_good_entries(broken: Result) -> None:
    assert summary(broken) == "3 problems in 2 files; 3 entries fine."


def test_a_log_with_only_examples_says_how_to_write_the_first_entry(tmp_path: Path) -> None:
    (tmp_path / "_example-rejection.md").write_text("---\ndate: 2026-11-03\n---\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 0
    assert summary(result).startswith("No entries yet: write your first with `recovery-log new")


def test_good_files_are_not_listed_as_problems(broken: Result) -> None:
    paths = {m["path"] for m in problem_lines(broken)}
    assert not any("acme" in path or "globex" in path for path in paths)


# --- reading the site's configuration -------------------------------------------------------


def test_config_file_today_makes_a_later_entry_an_error(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    write_config(in_tmp / "mkdocs.yml", "today: 2025-11-10")
    result = run("check", "-f", "mkdocs.yml")
    assert result.exit_code == 1
    [problem] = problem_lines(result)
    assert problem["path"] == "entries/2025-11-20-looking-back.md"
    assert "2025-11-10" in problem["message"]


def test_config_file_entries_dir_is_checked(in_tmp: Path) -> None:
    write_entries(in_tmp / "site" / "notes" / "log", {**GOOD, **BROKEN})
    write_config(in_tmp / "site" / "mkdocs.yml", "entries_dir: notes/log")
    result = run("check", "-f", "site/mkdocs.yml")
    assert result.exit_code == 1
    assert {m["path"] for m in problem_lines(result)} == {
        "site/notes/log/2025-12-05-initech-analyst.yml",
        "site/notes/log/2025/2025-12-08-hooli-analyst.md",
    }


def test_config_file_stages_are_used(in_tmp: Path) -> None:
    write_entries(
        in_tmp / "entries",
        {
            "2025-10-01-assessed.yml": """
                date: 2025-10-01
                company: Assessed plc
                role: Graduate Analyst
                stage: Assessment Centre
                """
        },
    )
    default_stages = run("check", "entries")
    assert default_stages.exit_code == 1
    assert "'Assessment Centre'" in problem_lines(default_stages)[0]["message"]
    write_config(in_tmp / "mkdocs.yml", "stages: [applied, assessment centre, offer]")
    assert run("check", "-f", "mkdocs.yml").exit_code == 0


def test_default_config_file_is_mkdocs_yml_here(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    write_config(in_tmp / "mkdocs.yml", "today: 2025-11-10")
    assert run("check").exit_code == 1


def test_config_with_mkdocs_yaml_tags_is_read(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECOVERY_LOG_SHOW_PRIVATE", raising=False)
    write_entries(in_tmp / "entries", GOOD)
    (in_tmp / "mkdocs.yml").write_text(
        textwrap.dedent(
            """
            site_name: Test
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
            plugins:
              - recovery-log:
                  today: 2025-11-10
                  show_private: !ENV [RECOVERY_LOG_SHOW_PRIVATE, false]
            """
        ),
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1, result.output
    assert "2025-11-10" in problem_lines(result)[0]["message"]


# --- --today --------------------------------------------------------------------------------


def test_today_option_makes_a_later_entry_an_error(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    result = run("check", "entries", "--today", "2025-11-10")
    assert result.exit_code == 1
    assert [m["path"] for m in problem_lines(result)] == ["entries/2025-11-20-looking-back.md"]


def test_today_option_wins_over_the_config_file(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    write_config(in_tmp / "mkdocs.yml", "today: 2025-11-10")
    assert run("check", "--today", "2025-12-31").exit_code == 0


def test_today_option_rejects_a_bad_date(in_tmp: Path) -> None:
    write_entries(in_tmp / "entries", GOOD)
    result = run("check", "entries", "--today", "2025-13-01")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


# --- a missing folder -----------------------------------------------------------------------


def test_missing_folder_is_a_clear_one_line_error(in_tmp: Path) -> None:
    result = run("check", "no-such-folder")
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "no-such-folder" in lines[0]
    assert "folder" in lines[0].lower()


# --- help and version -----------------------------------------------------------------------


def test_check_help_shows_an_example() -> None:
    result = run("check", "--help")
    assert result.exit_code == 0
    assert "Example" in result.output
    assert re.search(r"^\s+recovery-log check \S", result.output, re.M)


def test_main_help_lists_the_check_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert re.search(r"^\s+check\s", result.output, re.M)


def test_version_is_the_installed_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"recovery-log, version {version('recovery-log')}"
