"""What the terminal and the build say about entries: plain advice first, warnings that help.

`gaps: Python, SQL` is valid YAML for one skill named "Python, SQL": almost never what was meant,
so it is a warning (the entry still loads) at the file and line, showing the list form.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from entry_files import Entries
from helpers import TODAY_TEXT, built
from test_site_build import write_site

from generator.cli import main
from generator.settings import Settings
from generator.site.render import SiteOptions, render_site

RUNNER = CliRunner()
REJECTION = "date: 2026-11-03\ncompany: Acme\nrole: Data Analyst\n"


def check(folder: Path, *flags: str) -> tuple[int, str]:
    result = RUNNER.invoke(main, ["check", str(folder), "--today", TODAY_TEXT, *flags])
    return result.exit_code, result.output


# --- a lone value with commas -------------------------------------------------------------------


def test_gaps_written_with_commas_warn_at_the_line_and_show_the_list_form(entries: Entries):
    entries.entry("acme.md", REJECTION + "gaps: Python, SQL\n")
    log = entries.load()
    assert not log.problems and len(log.entries) == 1
    (warning,) = log.warnings
    assert (warning.path, warning.line, warning.column) == ("entries/acme.md", 5, 7)
    assert warning.message == (
        "gaps: if you meant 2 skills, write them as a list: gaps: [Python, SQL] "
        "(as written, 'Python, SQL' is one skill)"
    )


@pytest.mark.parametrize(("field", "one"), [("strengths", "strength"), ("tags", "tag")])
def test_strengths_and_tags_with_commas_warn_too(entries: Entries, field: str, one: str):
    entries.entry("acme.yml", REJECTION + f"{field}: curiosity, clear writing\n")
    (warning,) = entries.load().warnings
    assert warning.message.startswith(f"{field}: if you meant 2 {one}s, write them as a list:")
    assert warning.line == 4


@pytest.mark.parametrize(
    "fields",
    [
        "gaps: [Python, SQL]\n",
        "gaps:\n  - skill: 'Python, the standard library'\n",
        "lessons: Ask early, not late.\n",
        "strengths: curiosity\n",
    ],
)
def test_a_list_a_quoted_item_or_a_lesson_with_commas_is_no_warning(entries: Entries, fields: str):
    entries.entry("acme.md", REJECTION + fields)
    assert entries.load().warnings == ()


def test_check_prints_warnings_and_still_exits_0(entries: Entries):
    entries.entry("acme.md", REJECTION + "gaps: Python, SQL\n")
    code, output = check(entries.root)
    assert code == 0
    lines = output.splitlines()
    assert lines[0].endswith(
        "acme.md:5:7: warning: gaps: if you meant 2 skills, write them "
        "as a list: gaps: [Python, SQL] (as written, 'Python, SQL' is one skill)"
    )
    assert lines[-1] == "All 1 entry fine; 1 warning worth a look."


def test_check_json_lists_warnings_apart_from_problems(entries: Entries):
    entries.entry("acme.md", REJECTION + "tags: a, b\n")
    code, output = check(entries.root, "--format", "json")
    document = json.loads(output)
    assert code == 0 and document["ok"] and document["problems"] == []
    assert [(w["line"], w["field"]) for w in document["warnings"]] == [(5, "tags")]


def test_the_entry_problems_page_lists_warnings_in_a_preview(entries: Entries):
    entries.entry("acme.md", REJECTION + "gaps: Python, SQL\n")
    log = entries.load()
    settings = Settings(today=log.entries[0].date)
    pages = render_site(
        log.entries, [], settings, SiteOptions(problem_details=True), None, log.warnings
    )
    problems = next(p.content for p in pages if p.uri == "problems.md")
    assert "## Worth a look" in problems
    row = next(line for line in problems.splitlines() if line.startswith("| entries/acme.md |"))
    assert row.startswith("| entries/acme.md | 5 | 7 | gaps&#58; if you meant 2 skills")


def test_a_build_logs_warnings_as_recovery_log_and_passes_strict(tmp_path: Path):
    root = write_site(
        tmp_path / "site", {"acme.md": "---\n" + REJECTION + "gaps: Python, SQL\n---\n"}
    )
    result = built(root)  # --strict: a warning about a valid entry does not fail the build
    assert "recovery-log: worth a look: entries/acme.md:5:7: gaps: if you meant 2 skills" in (
        result.output
    )
    assert "generator:" not in result.output


# --- messages that say what shape is expected ----------------------------------------------------


def test_feedback_yes_says_what_shape_is_expected_with_an_example(entries: Entries):
    entries.entry("acme.md", REJECTION + "feedback: yes\n")
    problem = entries.only_problem()
    assert problem.message == (
        "feedback: expected a mapping of fields (key: value), found true (a yes/no value); "
        "for example: feedback: {requested: 2026-11-20, via: email}"
    )


def test_broken_yaml_starts_with_the_advice_and_gives_pyyamls_words_after(entries: Entries):
    entries.entry("acme.yml", REJECTION + "tags: [a, b\n")
    message = entries.only_problem().message
    assert message.startswith("a '[' opened here is never closed, or a comma is missing")
    assert message.endswith(
        "(not valid YAML: while parsing a flow sequence; did not find expected ',' or ']')"
    )


# --- the command line ---------------------------------------------------------------------------


def _options(command: click.Command, path: str) -> Iterator[tuple[str, str | None]]:
    """Every visible option of `command` and of its sub-commands, with its help text."""
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            yield f"{path} {param.opts[-1]}", param.help
    if isinstance(command, click.Group):
        ctx = click.Context(command)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, name
            yield from _options(sub, f"{path} {name}")


def test_every_option_of_every_command_has_help_text():
    assert len(list(_options(main, "recovery-log"))) > 30  # every command was looked at
    assert [name for name, help_text in _options(main, "recovery-log") if not help_text] == []


def test_new_edit_without_an_editor_says_how_to_set_one_and_keeps_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    (tmp_path / "entries").mkdir()
    result = RUNNER.invoke(
        main, ["new", "rejection", "--company", "A", "--role", "B", "--date", TODAY_TEXT, "--edit"]
    )
    assert result.exit_code == 0, result.output
    written = tmp_path / "entries" / f"{TODAY_TEXT}-a-b.md"
    assert written.is_file()
    assert "No editor is set" in result.output
    assert "export VISUAL=nano" in result.output


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_prints_a_script(shell: str):
    result = RUNNER.invoke(
        main, [], prog_name="recovery-log", env={"_RECOVERY_LOG_COMPLETE": f"{shell}_source"}
    )
    assert result.exit_code == 0
    assert "_RECOVERY_LOG_COMPLETE" in result.output
    assert "recovery-log" in result.output


def test_importing_the_command_line_leaves_each_commands_heavy_modules_for_later():
    code = (
        "import sys, generator.cli; "
        "print(sorted(m for m in ('jinja2', 'icalendar', 'generator.site.render', "
        "'generator.insights.reports') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_every_command_is_listed_in_the_help():
    output = RUNNER.invoke(main, ["--help"]).output
    for name in ("calendar", "check", "export", "feedback-email", "generate", "import", "init"):
        assert f"  {name} " in output
