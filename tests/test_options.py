"""The plugin's options, declared once: the site and the command line accept and refuse alike."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import TODAY
from mkdocs.config import load_config
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import Abort, ConfigurationError

from generator.cli import main
from generator.cli.project import ProjectError, read_project
from generator.errors import RecoveryLogError
from generator.options import OPTIONS, Options, read_options
from generator.plugin.plugin import RecoveryLogConfig
from generator.settings import Settings

WRONG_VALUES = [
    ("stages: []", "stages", "needs at least one stage"),
    ("feedback_due_days: -1", "feedback_due_days", "expected a number of days (0 or more)"),
    ("follow_up_days: -3", "follow_up_days", "expected a number of days (0 or more)"),
    ("follow_up_days: soon", "follow_up_days", "expected a number of days (0 or more)"),
    ("today: 26/11/2026", "today", "expected a date as YYYY-MM-DD"),
    ("mentor_since: last week", "mentor_since", "expected a date as YYYY-MM-DD"),
    ("show_private: maybe", "show_private", "expected true or false"),
    ("templates_dir: no-such-folder", "templates_dir", "expected an existing folder"),
]


def write_site(root: Path, options: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (root / "entries").mkdir(exist_ok=True)
    body = textwrap.indent(textwrap.dedent(options).strip(), " " * 6)
    config = root / "mkdocs.yml"
    config.write_text(f"site_name: Test\nplugins:\n  - recovery-log:\n{body}\n", encoding="utf-8")
    return config


def plugin_error(config: Path, caplog: pytest.LogCaptureFixture) -> str:
    """What MkDocs logs when it refuses to load `config` (empty when it loads fine)."""
    caplog.clear()
    try:
        load_config(str(config))
    except (Abort, ConfigurationError, ValidationError):
        return caplog.text or "refused"
    return ""


def test_every_declared_option_is_a_typed_field_and_a_plugin_option() -> None:
    names = [option.name for option in OPTIONS]
    assert list(Options.__dataclass_fields__) == names
    assert [name for name, _ in RecoveryLogConfig._schema] == names


def test_the_defaults_are_the_core_settings_defaults() -> None:
    settings = read_options({}).settings(today=TODAY)
    assert settings == Settings(today=TODAY)


@pytest.mark.parametrize(("line", "option", "expected"), WRONG_VALUES)
def test_the_command_line_refuses_what_the_site_refuses(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, line: str, option: str, expected: str
) -> None:
    config = write_site(tmp_path, line)
    assert f"option '{option}': {expected}" in plugin_error(config, caplog)
    with pytest.raises(ProjectError) as caught:
        read_project(config)
    message = str(caught.value)
    assert message.startswith(f"{config}: recovery-log option '{option}': ")
    assert expected in message


def test_check_names_the_file_and_the_option_of_a_wrong_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_site(tmp_path, "stages: []")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "mkdocs.yml: recovery-log option 'stages': needs at least one stage" in result.output
    assert "Traceback" not in result.output


def test_a_site_that_sets_every_option_reads_the_same_both_ways(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "my-templates").mkdir()
    config = write_site(
        tmp_path,
        """
        entries_dir: notes
        stages: [Applied, Screen, Final]
        feedback_due_days: 3
        follow_up_days: 0
        today: 2026-11-26
        skill_aliases: {postgres: SQL}
        show_private: "yes"
        templates_dir: my-templates
        anonymize_companies: true
        mentor_since: 2026-11-01
        feed: false
        """,
    )
    (tmp_path / "notes").mkdir()
    assert plugin_error(config, caplog) == ""
    plugin = load_config(str(config)).plugins["recovery-log"].config
    project = read_project(config)
    for option in OPTIONS:
        assert getattr(project.options, option.name) == plugin[option.name], option.name
    assert project.entries_dir == tmp_path / "notes"
    assert project.templates_dir == tmp_path / "my-templates"
    assert project.settings().stages == ("applied", "screen", "final")
    assert project.settings(today=dt.date(2026, 12, 1)).today == dt.date(2026, 12, 1)


@pytest.mark.parametrize(("value", "shown"), [("1", True), ("", False), (None, False)])
def test_show_private_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str | None, shown: bool
) -> None:
    config = write_site(tmp_path, "show_private: !ENV RECOVERY_LOG_SHOW_PRIVATE")
    if value is None:
        monkeypatch.delenv("RECOVERY_LOG_SHOW_PRIVATE", raising=False)
    else:
        monkeypatch.setenv("RECOVERY_LOG_SHOW_PRIVATE", value)
    assert read_project(config).settings().show_private is shown
    assert load_config(str(config)).plugins["recovery-log"].config["show_private"] is shown


def test_every_project_error_is_a_recovery_log_error() -> None:
    assert issubclass(ProjectError, RecoveryLogError)


def test_the_readme_documents_every_option() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    missing = [o.name for o in OPTIONS if f"| `{o.name}` |" not in readme]
    assert not missing, f"README's options table lacks {missing}"
