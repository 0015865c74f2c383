"""The editor-side commands: init, new, schema, check --format json / --watch, feedback-email,
stats. Each through click's test runner, asserting on what the user sees and what is on disk."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from helpers import TODAY, TODAY_TEXT

from generator import __version__
from generator.cli import main, scaffold
from generator.cli.project import read_project
from generator.cli.scaffold import schema_text
from generator.cli.vendor import split_requirements
from generator.entries.loader import load_log
from generator.settings import Settings

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def fresh_log(tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log just made by `init`, as the current folder."""
    result = runner.invoke(main, ["init", str(tmp_path / "log"), "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "log")
    return tmp_path / "log"


EXAMPLE_REJECTION = f"{TODAY_TEXT}-example-company-data-analyst"


@pytest.fixture
def log_dir(fresh_log: Path) -> Path:
    """A log made by `init` whose two examples were copied to entry names, as its notes say."""
    entries = fresh_log / "entries"
    example = (entries / "_example-rejection.md").read_text()
    (entries / f"{EXAMPLE_REJECTION}.md").write_text(example)
    (entries / f"{TODAY_TEXT}-starting-my-recovery-log.md").write_text(
        (entries / "_example-reflection.md").read_text()
    )
    return fresh_log


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# --- init ---------------------------------------------------------------------------------------


def test_init_writes_a_complete_log(fresh_log: Path) -> None:
    for name in (
        "mkdocs.yml",
        "docs/tags.md",
        ".gitignore",
        ".github/workflows/publish.yml",
        "requirements.txt",
        "schema/entry.schema.json",
        "vendor/recovery-log/pyproject.toml",
        "vendor/recovery-log/generator/plugin/plugin.py",
    ):
        assert (fresh_log / name).is_file(), name
    examples = sorted(p.name for p in (fresh_log / "entries").iterdir())
    assert examples == ["_example-reflection.md", "_example-rejection.md"]


def test_init_examples_are_drafts_that_never_count_as_entries(fresh_log: Path) -> None:
    log = load_log(fresh_log / "entries", Settings(today=TODAY))
    assert (log.entries, log.problems) == ((), ())


def test_init_examples_say_they_are_examples_and_how_to_write_an_entry(fresh_log: Path) -> None:
    text = (fresh_log / "entries" / "_example-rejection.md").read_text()
    assert "AN EXAMPLE, NOT AN ENTRY" in text
    assert "recovery-log new rejection" in text


def test_init_examples_are_valid_once_copied_to_an_entry_name(log_dir: Path) -> None:
    log = load_log(log_dir / "entries", Settings(today=TODAY))
    assert log.problems == ()
    assert {e.kind for e in log.entries} == {"rejection", "reflection"}


def requirement_lines(log: Path) -> list[str]:
    text = (log / "requirements.txt").read_text()
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_init_from_an_editable_install_vendors_a_copy_the_requirements_install(
    fresh_log: Path,
) -> None:
    assert requirement_lines(fresh_log) == ["./vendor/recovery-log"]
    pyproject = (fresh_log / "vendor" / "recovery-log" / "pyproject.toml").read_text()
    assert 'recovery-log" = "generator.plugin.plugin:RecoveryLogPlugin"' in pyproject


def test_the_vendored_copy_declares_the_packages_extras_and_entry_points(fresh_log: Path) -> None:
    copy = tomllib.loads((fresh_log / "vendor" / "recovery-log" / "pyproject.toml").read_text())
    installed = importlib.metadata.distribution("recovery-log")
    dependencies, extras = split_requirements(installed.requires or [])
    assert copy["project"]["dependencies"] == dependencies
    assert copy["project"]["optional-dependencies"] == {
        name: extras[name] for name in ("encrypt", "properdocs", "zensical")
    }
    assert copy["project"]["entry-points"]["properdocs.plugins"] == {
        "recovery-log": "generator.plugin.plugin:RecoveryLogPlugin"
    }
    assert copy["project"]["scripts"] == {"recovery-log": "generator.cli:main"}


def test_the_vendored_copy_holds_every_template_and_the_stylesheet(fresh_log: Path) -> None:
    copy = fresh_log / "vendor" / "recovery-log" / "generator"
    package = REPO / "generator"
    data = {
        path.relative_to(package)
        for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    }
    assert data
    assert all((copy / relative).is_file() for relative in data)


def test_init_from_an_index_install_pins_the_release_and_copies_nothing(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scaffold, "installed_from_index", lambda: True)
    result = runner.invoke(main, ["init", str(tmp_path / "log")])
    assert result.exit_code == 0, result.output
    assert requirement_lines(tmp_path / "log") == [f"recovery-log=={__version__}"]
    assert not (tmp_path / "log" / "vendor").exists()
    assert f"ok   requirements.txt installs recovery-log=={__version__} from the package" in (
        result.output
    )


def test_an_extra_with_its_own_marker_keeps_that_marker() -> None:
    plain, extras = split_requirements(
        ["click>=8", 'tomli>=2; python_version < "3.11" and extra == "toml"']
    )
    assert plain == ["click>=8"]
    assert extras == {"toml": ['tomli>=2; python_version < "3.11"']}


def test_init_prints_the_doctors_findings_as_next_steps(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["init", str(tmp_path / "log")])
    assert "fix  site_url is not set" in result.output
    assert "ok   requirements.txt installs the Recovery Log in ./vendor/recovery-log" in (
        result.output
    )


def test_init_name_is_the_site_author(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["init", str(tmp_path / "log"), "--name", "Dana Ruiz"])
    assert result.exit_code == 0, result.output
    assert read_project(tmp_path / "log" / "mkdocs.yml").site_author == "Dana Ruiz"
    assert "ok   site_author is Dana Ruiz" in result.output


def test_init_without_a_name_asks_for_it(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["init", str(tmp_path / "log")])
    assert read_project(tmp_path / "log" / "mkdocs.yml").site_author is None
    assert "Your name, please: add `site_author: Your Name` to mkdocs.yml" in result.output
    assert "fix  site_author is not set" in result.output


def test_init_writes_the_same_repository_workflow_only_for_a_private_repository(
    tmp_path: Path, runner: CliRunner
) -> None:
    runner.invoke(main, ["init", str(tmp_path / "log"), "--private-repository"])
    workflows = sorted(p.name for p in (tmp_path / "log" / ".github" / "workflows").iterdir())
    assert workflows == ["pages.yml"]
    assert read_project(tmp_path / "log" / "mkdocs.yml").options.private_repository is True


def test_init_refuses_a_folder_with_a_mkdocs_yml(tmp_path: Path, runner: CliRunner) -> None:
    write(tmp_path / "mkdocs.yml", "site_name: mine\n")
    result = runner.invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert (tmp_path / "mkdocs.yml").read_text() == "site_name: mine\n"
    assert not (tmp_path / "entries").exists()


def test_init_keeps_files_that_are_already_there(tmp_path: Path, runner: CliRunner) -> None:
    write(tmp_path / ".gitignore", "mine\n")
    result = runner.invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitignore").read_text() == "mine\n"


def test_an_initialised_log_builds_strictly_with_no_other_step(log_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=log_dir,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Where things stand" in (log_dir / "site" / "index.html").read_text()
    assert not (log_dir / "site" / "dashboard").exists()


# --- new ----------------------------------------------------------------------------------------


def test_new_rejection_writes_a_valid_file_named_by_date_and_slug(
    log_dir: Path, runner: CliRunner
) -> None:
    result = runner.invoke(
        main,
        [
            "new",
            "rejection",
            "--company",
            "Finch & Forge",
            "--role",
            "Data Analyst",
            "--date",
            "2026-11-20",
            "--stage",
            "Final",
            "--track",
            "data analysis",
        ],
    )
    assert result.exit_code == 0, result.output
    path = log_dir / "entries" / "2026-11-20-finch-forge-data-analyst.md"
    assert result.output.strip() == str(Path("entries") / path.name)
    log = load_log(log_dir / "entries", Settings(today=TODAY))
    assert log.problems == ()
    entry = next(e for e in log.entries if e.id == path.stem)
    assert (entry.company, entry.role, entry.stage, entry.track) == (
        "Finch & Forge",
        "Data Analyst",
        "final",
        "data analysis",
    )


def test_new_file_points_editors_at_the_schema(log_dir: Path, runner: CliRunner) -> None:
    runner.invoke(main, ["new", "reflection", "--title", "Two weeks on", "--date", TODAY_TEXT])
    text = (log_dir / "entries" / f"{TODAY_TEXT}-two-weeks-on.md").read_text()
    assert "# yaml-language-server: $schema=../schema/entry.schema.json" in text


def test_new_reflection_about_an_entry_is_valid(log_dir: Path, runner: CliRunner) -> None:
    about = EXAMPLE_REJECTION
    result = runner.invoke(main, ["new", "reflection", "--about", about, "--date", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    log = load_log(log_dir / "entries", Settings(today=TODAY))
    assert log.problems == ()


def test_new_never_overwrites(log_dir: Path, runner: CliRunner) -> None:
    args = ["new", "rejection", "--company", "Acme", "--role", "Analyst", "--date", TODAY_TEXT]
    assert runner.invoke(main, args).exit_code == 0
    path = log_dir / "entries" / f"{TODAY_TEXT}-acme-analyst.md"
    path.write_text("my own words")
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    assert "already exists; nothing was overwritten" in result.output
    assert path.read_text() == "my own words"


def test_new_rejection_needs_company_and_role(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["new", "rejection", "--company", "Acme"])
    assert result.exit_code == 2
    assert "a rejection needs --role" in result.output


def test_new_refuses_an_unknown_stage_with_a_hint(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["new", "rejection", "--company", "A", "--role", "B", "--stage", "finl"]
    )
    assert result.exit_code == 2
    assert "did you mean 'final'?" in result.output


def test_new_refuses_a_future_date(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["new", "rejection", "--company", "A", "--role", "B", "--date", "2999-01-01"]
    )
    assert result.exit_code == 2
    assert "after today" in result.output


def test_new_with_edit_opens_the_editor(
    log_dir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = []
    monkeypatch.setattr("click.edit", lambda filename, editor: opened.append((filename, editor)))
    monkeypatch.setenv("EDITOR", "my-editor")
    monkeypatch.delenv("VISUAL", raising=False)
    result = runner.invoke(
        main, ["new", "rejection", "--company", "A", "--role", "B", "--date", TODAY_TEXT, "--edit"]
    )
    assert result.exit_code == 0, result.output
    assert opened == [(str(Path("entries") / f"{TODAY_TEXT}-a-b.md"), "my-editor")]


# --- schema -------------------------------------------------------------------------------------


def test_committed_schema_is_up_to_date() -> None:
    committed = (REPO / "schema" / "entry.schema.json").read_text()
    assert committed == schema_text(), "run: recovery-log schema -o schema/entry.schema.json"


def test_schema_command_prints_the_schema(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["schema", "-f", str(REPO / "mkdocs.yml")])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "Recovery Log entry"


def test_schema_uses_the_sites_stages(runner: CliRunner, tmp_path: Path) -> None:
    config = write(
        tmp_path / "mkdocs.yml",
        "site_name: x\nplugins:\n  - recovery-log:\n      stages: [applied, chat, offer]\n",
    )
    schema = json.loads(runner.invoke(main, ["schema", "-f", str(config)]).output)
    validator = jsonschema.Draft202012Validator(schema)
    base = {"date": TODAY_TEXT, "company": "A", "role": "B"}
    assert validator.is_valid({**base, "stage": "Chat"})
    assert not validator.is_valid({**base, "stage": "final"})


def _as_yaml_12(value: object) -> object:
    """Dates as the strings an editor's YAML 1.2 parser sees."""
    if isinstance(value, dict):
        return {k: _as_yaml_12(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_yaml_12(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _fields(path: Path) -> object:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix in (".md", ".markdown"):
        text = text.split("---\n")[1]
    return _as_yaml_12(yaml.safe_load(text))


SAMPLES = sorted(p for p in (REPO / "entries").rglob("*") if p.is_file())


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_schema_accepts_every_sample_entry(path: Path) -> None:
    schema = json.loads((REPO / "schema" / "entry.schema.json").read_text())
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(_fields(path))]
    assert errors == []


INVALID = {
    "unknown field": {"date": TODAY_TEXT, "company": "A", "role": "B", "stregths": ["x"]},
    "missing role": {"date": TODAY_TEXT, "company": "A"},
    "unknown stage": {"date": TODAY_TEXT, "company": "A", "role": "B", "stage": "interview"},
    "mood out of range": {"date": TODAY_TEXT, "company": "A", "role": "B", "mood": 9},
    "severity unknown": {
        "date": TODAY_TEXT,
        "company": "A",
        "role": "B",
        "gaps": [{"skill": "SQL", "severity": "huge"}],
    },
    "requested true": {
        "date": TODAY_TEXT,
        "company": "A",
        "role": "B",
        "feedback": {"requested": True},
    },
    "date not a date": {"date": "yesterday", "company": "A", "role": "B"},
    "empty company": {"date": TODAY_TEXT, "company": "  ", "role": "B"},
    "reflection with company": {"type": "reflection", "date": TODAY_TEXT, "company": "A"},
    "progress status unknown": {
        "type": "reflection",
        "date": TODAY_TEXT,
        "progress": [{"skill": "SQL", "status": "done"}],
    },
    "decision unknown": {"type": "reflection", "date": TODAY_TEXT, "decision": "maybe"},
    "unknown type": {"type": "note", "date": TODAY_TEXT, "company": "A", "role": "B", "x": 1},
}


@pytest.mark.parametrize("fields", INVALID.values(), ids=INVALID.keys())
def test_schema_rejects_each_invalid_fixture(fields: dict[str, object]) -> None:
    schema = json.loads((REPO / "schema" / "entry.schema.json").read_text())
    assert not jsonschema.Draft202012Validator(schema).is_valid(fields)


# --- check --format json / --watch --------------------------------------------------------------


def test_check_json_lists_problems_with_their_places(log_dir: Path, runner: CliRunner) -> None:
    write(log_dir / "entries" / "broken.yml", "date: 2026-11-01\ncompany: A\nrole: B\nmood: 9\n")
    result = runner.invoke(main, ["check", "--format", "json", "--today", TODAY_TEXT])
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["ok"] is False
    assert document["entries"] == 2
    assert document["problems"] == [
        {
            "path": "entries/broken.yml",
            "line": 4,
            "column": 7,
            "field": "mood",
            "message": "mood: expected a whole number from 1 to 5, found the number 9",
        }
    ]


def test_check_json_on_good_entries_is_ok(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", "--format", "json", "--today", TODAY_TEXT])
    assert result.exit_code == 0
    assert json.loads(result.output) == {"ok": True, "entries": 2, "problems": [], "warnings": []}


def test_check_watch_checks_again_after_a_change(
    log_dir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = log_dir / "entries" / "broken.yml"

    def break_an_entry(seconds: float) -> None:
        write(broken, "date: 2026-11-01\ncompany: A\n")

    monkeypatch.setattr("generator.cli.watching.time.sleep", break_an_entry)
    result = runner.invoke(main, ["check", "--watch", "--max-checks", "2", "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    first, second = result.output.split("---")[1:]
    assert "All 2 entries fine." in first
    assert "entries/broken.yml:1:1: role: required field is missing" in second


# --- feedback-email -----------------------------------------------------------------------------


def test_feedback_email_for_a_rejection_names_role_and_company(
    log_dir: Path, runner: CliRunner
) -> None:
    entry = log_dir / "entries" / f"{EXAMPLE_REJECTION}.md"
    result = runner.invoke(main, ["feedback-email", entry.stem, "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Subject: ")
    assert "Data Analyst role at Example Company" in result.output
    assert "Thank you" in result.output


def test_feedback_email_uses_the_wording_of_your_templates_dir(
    log_dir: Path, runner: CliRunner
) -> None:
    write(
        log_dir / "my-templates" / "feedback_request.txt.j2",
        "A question about {{ role }}\n\n"
        "Hi {{ contact or 'there' }}, any feedback on {{ company }}?\n",
    )
    config = log_dir / "mkdocs.yml"
    text = config.read_text()
    config.write_text(
        text.replace(
            "      entries_dir: entries\n",
            "      entries_dir: entries\n      templates_dir: my-templates\n",
        )
    )
    entry = log_dir / "entries" / f"{EXAMPLE_REJECTION}.md"
    result = runner.invoke(main, ["feedback-email", entry.stem, "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Subject: A question about Data Analyst\n\nHi ")
    assert "any feedback on Example Company?" in result.output


def test_feedback_email_takes_a_path_too(log_dir: Path, runner: CliRunner) -> None:
    entry = log_dir / "entries" / f"{EXAMPLE_REJECTION}.md"
    result = runner.invoke(main, ["feedback-email", str(entry), "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output


def test_feedback_email_takes_a_unique_part_of_an_id(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["feedback-email", "Example-Company", "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    assert "Data Analyst role at Example Company" in result.output


def _ids(log_dir: Path) -> list[str]:
    return sorted(
        p.stem
        for p in (log_dir / "entries").iterdir()
        if p.suffix == ".md" and not p.name.startswith("_")
    )


def test_an_id_part_several_entries_share_lists_them(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["feedback-email", "2026-", "--today", TODAY_TEXT])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == "Error: '2026-' is part of 2 entry ids; name one of them more fully:"
    assert sorted(line.strip() for line in lines[1:]) == _ids(log_dir)


def test_an_unknown_entry_lists_the_closest_ids(log_dir: Path, runner: CliRunner) -> None:
    rejection = next(i for i in _ids(log_dir) if "example" in i)
    typo = rejection.replace("example-company", "exampel-compnay")
    result = runner.invoke(main, ["feedback-email", typo, "--today", TODAY_TEXT])
    assert result.exit_code == 1
    assert f"no entry '{typo}' in entries. The closest ids:" in result.output
    assert result.output.splitlines()[1] == f"  {rejection}"


def test_new_reflection_about_takes_a_unique_part_of_an_id(
    log_dir: Path, runner: CliRunner
) -> None:
    result = runner.invoke(
        main, ["new", "reflection", "--title", "T", "--about", "example", "--date", TODAY_TEXT]
    )
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip()).read_text()
    rejection = next(i for i in _ids(log_dir) if "example" in i)
    assert f"  - {rejection}" in written


def test_new_reflection_about_an_unknown_entry_says_so(log_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["new", "reflection", "--title", "T", "--about", "nowhere", "--date", TODAY_TEXT]
    )
    assert result.exit_code == 1
    assert "no entry 'nowhere' in entries" in result.output


def test_feedback_email_refuses_a_reflection(log_dir: Path, runner: CliRunner) -> None:
    entry = log_dir / "entries" / f"{TODAY_TEXT}-starting-my-recovery-log.md"
    result = runner.invoke(main, ["feedback-email", entry.stem, "--today", TODAY_TEXT])
    assert result.exit_code == 1
    assert "is a reflection" in result.output


def test_feedback_email_is_the_same_text_as_the_feedback_page(
    log_dir: Path, runner: CliRunner
) -> None:
    from generator.site.emails import email_for

    log = load_log(log_dir / "entries", Settings(today=TODAY))
    rejection = next(e for e in log.entries if e.kind == "rejection")
    mail = email_for(rejection)
    result = runner.invoke(main, ["feedback-email", rejection.id, "--today", TODAY_TEXT])
    assert result.output == f"Subject: {mail.subject}\n\n{mail.body}\n"


# --- stats --------------------------------------------------------------------------------------


def test_stats_shows_gaps_feedback_and_tracks(runner: CliRunner, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(REPO)
    result = runner.invoke(main, ["stats", "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    assert "Skills gap" in result.output
    assert "SQL window functions" in result.output
    assert "not asked yet" in result.output  # "not requested", in words that read apart
    assert "data analysis" in result.output


def test_stats_leaves_private_entries_out_by_default(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)

    def data_analysis_rejections(*flags: str) -> list[str]:
        output = runner.invoke(main, ["stats", "--today", TODAY_TEXT, *flags]).output
        row = next(line for line in output.splitlines() if "data analysis" in line)
        return row.split()[2:3]

    assert data_analysis_rejections() == ["3"]
    assert data_analysis_rejections("--private") == ["4"]


# --- every command ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "init", "new", "schema", "feedback-email", "stats"])
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_an_unexpected_error_is_one_line_not_a_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "entries").mkdir()

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("generator.cli.app.load_log", explode)
    monkeypatch.delenv("RECOVERY_LOG_DEBUG", raising=False)
    result = runner.invoke(main, ["stats"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: disk on fire (RuntimeError; set RECOVERY_LOG_DEBUG=1 for details)"
    ]
