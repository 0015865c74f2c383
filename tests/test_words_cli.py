"""The CLI and the MkDocs adapter speak the log's language: no English word left in `qps`.

In a log with `language: qps`, what `init`, `new`, `doctor`, `generate` and `publish`'s
refusals print, and the lines the plugin writes during `mkdocs build`, are all pseudo-translated
text: take it away (`tests/pseudo.py`), with the paths, command and option names the test gave,
and any English word left was written without the catalog. A new entry's comments come out in
the log's language too; German, French and Spanish are checked on one known sentence each.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from helpers import run_mkdocs
from pseudo import english_words

from generator.cli import main
from generator.cli.help_text import TranslatedCommand
from generator.settings import DEFAULT_STAGES

PLUGIN_LINE = "  - recovery-log:\n"
COMMANDS = ("recovery-log", "mkdocs", "INFO", "WARNING")
"""Names the output may hold as they are: the commands, and MkDocs' own level marks."""
FORMAT_VALUES = ("email", "in-person", "other", "low", "medium", "high", "remote", "true", "false")
"""The entry format's values a new entry's comments list: English, as the format is."""


def start_log(root: Path, language: str) -> Result:
    """`init` run from a terminal in `language`, then the log set to `language`."""
    result = CliRunner().invoke(
        main, ["init", str(root), "--name", "Sam Reyes"], env={"LANGUAGE": language, "LANG": ""}
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(PLUGIN_LINE, f"{PLUGIN_LINE}      language: {language}\n", 1),
        encoding="utf-8",
    )
    return result


@pytest.fixture(scope="module")
def pseudo_log(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    root = tmp_path_factory.mktemp("words-cli") / "log"
    return root, start_log(root, "qps")


@pytest.fixture
def inside(pseudo_log: tuple[Path, Result]) -> Iterator[Path]:
    """The working folder is the pseudo-language log, as when a user types a command there."""
    root, _ = pseudo_log
    here = Path.cwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(here)


def run_in_new_log(root: Path, language: str, *args: str) -> Result:
    """`recovery-log ARGS` typed inside a new log in `language`."""
    start_log(root, language)
    here = Path.cwd()
    os.chdir(root)
    try:
        return run(*args)
    finally:
        os.chdir(here)


def check_with_option(root: Path, language: str, option: str) -> Result:
    """`recovery-log check` in a new log in `language` whose plugin also has `option`."""
    start_log(root, language)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(PLUGIN_LINE, f"{PLUGIN_LINE}      {option}\n", 1), "utf-8")
    return run("check", "-f", str(config))


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"LANGUAGE": "", "LANG": "C"})


def left_in(output: str, root: Path, *values: str) -> list[str]:
    """The English words of `output` besides paths under `root`, commands and `values`."""
    paths = re.findall(rf"{re.escape(str(root))}\S*|(?<!\w)(?:\S+/)+\S+", output)
    return english_words(output, [*paths, *values, *COMMANDS])


def test_init_says_everything_in_the_terminals_language(pseudo_log: tuple[Path, Result]) -> None:
    root, result = pseudo_log
    assert result.exit_code == 0, result.output
    assert left_in(result.output, root, "--company", "--role", "cd") == []


def test_new_writes_its_comments_in_the_logs_language_and_says_nothing_in_english(
    inside: Path,
) -> None:
    result = run("new", "rejection", "--company", "Acme", "--role", "Analyst")
    assert result.exit_code == 0, result.output
    assert left_in(result.output, inside, "Acme", "Analyst") == []
    written = (inside / result.output.strip()).read_text(encoding="utf-8")
    commented = "\n".join(line for line in written.splitlines()[2:] if line.startswith("#"))
    without_keys = re.sub(r"[a-z_]+:", " ", commented)  # `# stage: phone`: the format's own
    assert english_words(without_keys, [*FORMAT_VALUES, *DEFAULT_STAGES]) == []


def test_new_refuses_in_the_logs_language(inside: Path) -> None:
    result = run("new", "rejection", "--company", "Acme")
    assert result.exit_code != 0
    said = result.output.strip().splitlines()[-1].removeprefix("Error: ")  # after click's usage
    assert left_in(said, inside, "--role") == []


def test_doctor_says_each_finding_in_the_logs_language(inside: Path) -> None:
    result = run("doctor")
    assert result.exit_code == 1  # no site_url, no publish_to: things to fix
    assert left_in(result.output, inside) == []


def test_generate_reports_in_the_logs_language(inside: Path, tmp_path: Path) -> None:
    result = run("generate", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert left_in(result.output, inside, str(tmp_path)) == []


def test_publish_refuses_in_the_logs_language(inside: Path) -> None:
    result = run("publish")
    assert result.exit_code != 0
    assert left_in(result.output, inside, "Error") == []


def test_publish_refuses_a_private_preview_in_the_logs_language(inside: Path) -> None:
    result = CliRunner().invoke(
        main, ["publish"], env={"RECOVERY_LOG_SHOW_PRIVATE": "1", "LANGUAGE": ""}
    )
    assert result.exit_code != 0
    assert "RECOVERY_LOG_SHOW_PRIVATE" in result.output
    assert left_in(result.output, inside, "Error", "RECOVERY_LOG_SHOW_PRIVATE") == []


def test_the_plugins_lines_in_a_build_are_in_the_sites_language(
    pseudo_log: tuple[Path, Result],
) -> None:
    root, _ = pseudo_log
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("font: false", "font: {}"), encoding="utf-8"
    )
    (root / "docs" / "timeline.md").write_text("# Mine\n", encoding="utf-8")
    done = run_mkdocs(root, "build")
    assert done.returncode == 0, done.stderr
    ours = [line for line in done.stderr.splitlines() if "recovery-log" in line]
    assert len(ours) >= 2, done.stderr  # the web fonts, the user's own page, the feed
    assert left_in("\n".join(ours), root, "Mine", "timeline.md") == []


def test_a_wrong_option_is_explained_in_the_logs_language(tmp_path: Path) -> None:
    root = tmp_path / "log"
    result = check_with_option(root, "qps", "follow_up_days: soon")
    assert result.exit_code != 0
    said = result.output.strip().removeprefix("Error: ")
    assert "follow_up_days" in said and "'soon'" in said
    assert left_in(said, root, "follow_up_days", "soon") == []


# --- --help ---------------------------------------------------------------------------------

CLICKS_OWN = ("Usage", "Options", "Commands", "Positional", "arguments", "OPTIONS", "COMMAND")
CLICKS_OWN += ("ARGS", "default", "TEXT", "FILE", "DIRECTORY", "FLOAT", "INTEGER", "PATH")
"""What click writes itself around our help (the issue lets it stay English)."""


def command_words(name: str) -> list[str]:
    """What a command's help shows as the user types it: its name, options, metavars, choices,
    and the defaults click shows."""
    command = main.get_command(click.Context(main), name) if name else main
    assert command is not None
    ctx = click.Context(command, info_name=name or "recovery-log")
    words = [name] if name else list(main.list_commands(ctx))
    for param in command.get_params(ctx):
        words += [*param.opts, *param.secondary_opts, param.make_metavar(ctx)]
        words += getattr(param.type, "choices", ())
        if getattr(param, "show_default", False):
            words.append(str(param.default))
    return [word for word in words if word]


@pytest.mark.parametrize("name", ["", *sorted(main.lazy_commands)])
def test_help_is_in_the_logs_language(inside: Path, name: str) -> None:
    args = [*([name] if name else []), "--help"]
    wide = {"terminal_width": 200, "max_content_width": 200}  # "gh-pages" not split in two
    result = CliRunner().invoke(main, args, env={"LANGUAGE": ""}, prog_name="recovery-log", **wide)
    assert result.exit_code == 0, result.output
    assert left_in(result.output, inside, *command_words(name), *CLICKS_OWN) == []


def test_every_command_reads_its_help_from_the_catalogs() -> None:
    ctx = click.Context(main)
    for name in main.list_commands(ctx):
        assert isinstance(main.get_command(ctx, name), TranslatedCommand), name


# --- German, French, Spanish -----------------------------------------------------------------


def test_a_new_entrys_comments_are_german_in_a_german_log(tmp_path: Path) -> None:
    root = tmp_path / "log"
    result = run_in_new_log(
        root, "de", "new", "rejection", "--company", "Acme", "--role", "Analyst"
    )
    written = (root / result.output.strip()).read_text(encoding="utf-8")
    assert "# Eine Absage. Nur date, company und role sind Pflicht" in written
    assert "# stage: applied" in written  # the entry format stays English
    assert "Was passiert ist, in deinen eigenen Worten." in written


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("de", "Bereit zum Veröffentlichen."),
        ("fr", "site_url n\u2019est pas défini"),
        ("es", "site_author es Sam Reyes: los borradores de comentarios se firman con él"),
    ],
)
def test_doctor_speaks_german_french_and_spanish(
    tmp_path: Path, language: str, sentence: str
) -> None:
    root = tmp_path / "log"
    start_log(root, language)
    if language == "de":
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8").replace(
            "# site_url: https://<your-name>.github.io/<site-repository>/",
            "site_url: https://sam.example/",
        )
        config.write_text(
            text.replace("      # publish_to:", "      publish_to: git@github.com:sam/site.git\n#"),
            encoding="utf-8",
        )
    result = run("doctor", str(root))
    assert sentence in result.output, result.output


def test_a_wrong_option_is_explained_in_german_in_a_german_log(tmp_path: Path) -> None:
    result = check_with_option(tmp_path / "log", "de", "follow_up_days: -2")
    assert "Option 'follow_up_days': erwartet eine Anzahl Tage (0 oder mehr)" in result.output


def test_a_log_started_from_a_german_terminal_is_german(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path)], env={"LANGUAGE": "de"})
    assert f"{tmp_path / 'mkdocs.yml'} angelegt" in result.output
    config = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: Mein Recovery Log" in config
    assert "\n  language: de " in config
    assert "name: Zum dunklen Modus wechseln" in config


def test_help_is_german_in_a_german_log(tmp_path: Path) -> None:
    result = run_in_new_log(tmp_path / "log", "de", "due", "--help")
    shown = " ".join(result.output.split())  # as read, whatever click's line breaks
    assert "Heute zu tun: Feedback, um das du jetzt bitten kannst" in shown
    assert "So tun, als wäre heute dieses Datum" in shown  # an option's help


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Vérifier chaque entrée sans construire le site."),
        ("es", "Comprueba cada entrada sin compilar el sitio."),
    ],
)
def test_help_outside_a_log_is_in_the_terminals_language(
    tmp_path: Path, language: str, sentence: str
) -> None:
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["check", "--help"], env={"LANGUAGE": language})
    finally:
        os.chdir(here)
    assert sentence in result.output
