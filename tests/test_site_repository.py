"""The sources and the published site live apart: `publish` pushes only the built site, never
where the sources are; `doctor` blocks a setup that would make private text readable; the
workflow `init` writes builds here and pushes the site to a separate repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from helpers import TODAY_TEXT
from import_log import import_into
from test_import_email import EMAIL_WORDS
from test_publishing import PRIVATE_COMPANY, PRIVATE_ENTRY_WORD, PRIVATE_SECTION_WORD

from generator.cli import main
from generator.cli.git_remotes import same_place
from generator.cli.readiness import findings
from generator.cli.site_push import PushError
from generator.i18n import N_, Language

PRIVATE_ENTRY = f"""\
---
date: 2026-11-02
company: {PRIVATE_COMPANY}
role: Analyst
private: true
---
{PRIVATE_ENTRY_WORD}: the whole entry is private.
"""
PUBLIC_ENTRY = f"""\
---
date: 2026-11-05
company: Quillfeather Analytics
role: Data Analyst
---
Quillfeather was kind.

<!-- private -->
{PRIVATE_SECTION_WORD}: what I really think.
<!-- /private -->
"""
SECRETS = (PRIVATE_COMPANY, PRIVATE_ENTRY_WORD, PRIVATE_SECTION_WORD, *EMAIL_WORDS)
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Dana Ruiz",
    "GIT_AUTHOR_EMAIL": "dana@example.org",
    "GIT_COMMITTER_NAME": "Dana Ruiz",
    "GIT_COMMITTER_EMAIL": "dana@example.org",
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


def bare(path: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "--quiet", "--bare")
    return path


def refs(repo: Path) -> list[str]:
    return git(repo, "for-each-ref", "--format=%(refname) %(objectname)").splitlines()


def every_object(repo: Path) -> bytes:
    """The content of every object in `repo` (blobs, trees with their names, commits)."""
    done = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"],
        cwd=repo,
        capture_output=True,
        check=True,
    )
    return done.stdout


def publish(*args: str) -> Result:
    return CliRunner().invoke(main, ["publish", *args], catch_exceptions=False)


def set_option(root: Path, line: str) -> None:
    """Add `line` to the recovery-log plugin's options in mkdocs.yml."""
    config = root / "mkdocs.yml"
    anchor = "      entries_dir: entries\n"
    config.write_text(config.read_text().replace(anchor, f"{anchor}      {line}\n"))


@pytest.fixture
def log(tmp_path: Path, runner_env: None, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A log started by `init`, with a private entry, a private section and an imported
    e-mail, committed; the current folder."""
    root = tmp_path / "log"
    result = CliRunner().invoke(
        main, ["init", str(root), "--name", "Dana Ruiz", "--today", TODAY_TEXT]
    )
    assert result.exit_code == 0, result.output
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("# site_url: https://<your-name>", "site_url: https://dana")
    )
    set_option(root, f"today: {TODAY_TEXT}")
    (root / "entries" / "2026-11-02-private.md").write_text(PRIVATE_ENTRY)
    (root / "entries" / "2026-11-05-quillfeather-data-analyst.md").write_text(PUBLIC_ENTRY)
    assert import_into(root / "entries", "fabrikam.eml").exit_code == 0
    git(root, "init", "--quiet", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "My log")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def runner_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No private preview from the developer's shell; a git identity for the commits."""
    monkeypatch.delenv("RECOVERY_LOG_SHOW_PRIVATE", raising=False)
    for name, value in GIT_IDENTITY.items():
        monkeypatch.setenv(name, value)


@pytest.fixture
def origin(log: Path, tmp_path: Path) -> Path:
    """A remote holding the sources: main pushed to it, as its upstream."""
    remote = bare(tmp_path / "origin.git")
    git(log, "remote", "add", "origin", str(remote))
    git(log, "push", "--quiet", "-u", "origin", "main")
    return remote


def source_paths(root: Path) -> list[str]:
    """The files of the sources' repository; `vendor/` (a public copy of Recovery Log) aside."""
    return [path for path in git(root, "ls-files").splitlines() if not path.startswith("vendor/")]


# --- publish: everything private, published ------------------------------------------------


def test_publish_pushes_the_site_to_the_branch_and_nothing_else(log: Path, tmp_path: Path):
    site = bare(tmp_path / "site.git")
    result = publish("--remote", str(site))
    assert result.exit_code == 0, result.output
    assert "only the built site, nothing from your sources" in result.output
    assert [ref.split()[0] for ref in refs(site)] == ["refs/heads/gh-pages"]
    files = git(site, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert {"index.html", "mentor/index.html", "feedback/index.html"} <= set(files)


def test_no_object_of_the_site_repository_holds_private_text_or_a_source(log, tmp_path):
    site = bare(tmp_path / "site.git")
    assert publish("--remote", str(site)).exit_code == 0
    everything = every_object(site).decode("utf-8", "replace").casefold()
    assert [word for word in SECRETS if word.casefold() in everything] == []
    unpublished = ["mkdocs.yml", "entries/2026-11-02-private.md", "entries/_example-rejection.md"]
    assert [path for path in unpublished if path.casefold() in everything] == []
    sources = {(log / path).read_bytes() for path in source_paths(log)}
    assert [blob for blob in sources if blob in every_object(site)] == []
    files = git(site, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    assert [f for f in files if f.endswith((".md", ".yml", ".yaml"))] == []
    pages = re.compile(r"entries/(?:[^/]+/)?index\.html")
    assert [f for f in files if f.startswith("entries/") and not pages.fullmatch(f)] == []


def test_publishing_again_follows_the_last_publication(log: Path, tmp_path: Path):
    site = bare(tmp_path / "site.git")
    publish("--remote", str(site), "--message", "first")
    publish("--remote", str(site), "--message", "second")
    assert git(site, "log", "--format=%s", "gh-pages").split() == ["second", "first"]


def test_publish_changes_nothing_in_the_sources_repository(log: Path, tmp_path: Path):
    before = (refs(log), git(log, "status", "--porcelain"))
    publish("--remote", str(bare(tmp_path / "site.git")))
    assert (refs(log), git(log, "status", "--porcelain")) == before


def test_a_log_that_is_not_a_git_repository_is_published_too(log: Path, tmp_path: Path):
    shutil.rmtree(log / ".git")
    site = bare(tmp_path / "site.git")
    result = publish("--remote", str(site))
    assert result.exit_code == 0, result.output
    assert not (log / ".git").exists()


def test_publish_to_is_the_remote_when_none_is_given(log: Path, tmp_path: Path):
    site = bare(tmp_path / "site.git")
    set_option(log, f"publish_to: {site}")
    assert publish().exit_code == 0
    assert git(site, "rev-parse", "--verify", "gh-pages")


# --- publish: refusing the sources' own repository -----------------------------------------


def test_publish_refuses_the_remote_that_holds_the_sources(log: Path, origin: Path):
    before = refs(origin)
    result = publish("--remote", "origin")
    assert result.exit_code == 1
    assert "refusing to publish to origin: it holds these sources" in result.output
    assert "it is the upstream of main" in result.output
    assert refs(origin) == before


def test_publish_refuses_the_sources_remote_named_by_its_address(log: Path, origin: Path):
    result = publish("--remote", str(origin))
    assert result.exit_code == 1
    assert "it holds these sources" in result.output


def test_publish_refuses_a_remote_a_sources_branch_was_pushed_to(log: Path, tmp_path: Path):
    backup = bare(tmp_path / "backup.git")
    git(log, "remote", "add", "backup", str(backup))
    git(log, "push", "--quiet", "backup", "main")
    result = publish("--remote", "backup")
    assert result.exit_code == 1
    assert "refusing to publish to backup" in result.output
    assert [ref.split()[0] for ref in refs(backup)] == ["refs/heads/main"]


def test_publish_to_the_sources_repository_is_allowed_when_it_is_private(log, origin):
    set_option(log, "private_repository: true")
    result = publish("--remote", "origin")
    assert result.exit_code == 0, result.output
    assert [ref.split()[0] for ref in refs(origin)] == ["refs/heads/gh-pages", "refs/heads/main"]


def test_publish_never_replaces_a_branch_holding_the_sources(log: Path, origin: Path):
    set_option(log, "private_repository: true")
    before = refs(origin)
    result = publish("--remote", "origin", "--branch", "main")
    assert result.exit_code == 1
    assert "it holds the history of your branch main, which the site would replace" in (
        result.output
    )
    assert refs(origin) == before


def test_a_site_remote_fetched_here_is_still_the_sites(log: Path, tmp_path: Path):
    site = bare(tmp_path / "site.git")
    git(log, "remote", "add", "site", str(site))
    assert publish("--remote", "site").exit_code == 0
    git(log, "fetch", "--quiet", "site")
    result = publish("--remote", "site")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "other",
    [
        "https://github.com/Dana/Log",
        "ssh://git@github.com/dana/log.git",
        "https://dana@github.com/dana/log.git/",
    ],
)
def test_one_repository_is_recognised_under_each_of_its_addresses(other: str):
    assert same_place("git@github.com:dana/log.git", other)
    assert not same_place("git@github.com:dana/log-site.git", other)


# --- publish: bad input and edge cases -----------------------------------------------------


def test_publish_without_a_remote_says_how_to_name_one(log: Path):
    result = publish()
    assert result.exit_code == 1
    assert "recovery-log publish --remote git@github.com:<you>/<site-repository>.git" in (
        result.output
    )
    assert "publish_to: git@github.com:<you>/<site-repository>.git" in result.output


def test_publish_to_an_unknown_remote_name_says_how_to_add_it(log: Path):
    result = publish("--remote", "site")
    assert result.exit_code == 1
    assert "no remote named 'site' here" in result.output
    assert "git remote add site <address>" in result.output


def test_an_unreachable_remote_shows_gits_error_and_leaves_nothing(log: Path, tmp_path: Path):
    before = (refs(log), git(log, "status", "--porcelain"))
    result = publish("--remote", str(tmp_path / "nowhere.git"))
    assert result.exit_code == 1
    assert "does not appear to be a git repository" in result.output
    assert "Nothing was pushed, and nothing changed here." in result.output
    assert (refs(log), git(log, "status", "--porcelain")) == before


def test_a_rejected_push_shows_gits_error_and_leaves_nothing(log: Path, tmp_path: Path):
    site = bare(tmp_path / "site.git")
    hook = site / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'this repository takes no pushes today' >&2\nexit 1\n")
    hook.chmod(0o755)
    before = refs(log)
    result = publish("--remote", str(site))
    assert result.exit_code == 1
    assert "this repository takes no pushes today" in result.output
    assert "[remote rejected]" in result.output
    assert refs(site) == []
    assert refs(log) == before


def test_publish_refuses_while_a_private_preview_is_switched_on(log, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_LOG_SHOW_PRIVATE", "1")
    site = bare(tmp_path / "site.git")
    result = publish("--remote", str(site))
    assert result.exit_code == 1
    assert "RECOVERY_LOG_SHOW_PRIVATE=1 switches on a private preview" in result.output
    assert refs(site) == []


def test_publish_refuses_entry_problems_listing_them(log: Path, tmp_path: Path):
    (log / "entries" / "2026-11-06-broken.md").write_text("---\ndate: 2026-11-06\nrole: A\n---\n")
    site = bare(tmp_path / "site.git")
    result = publish("--remote", str(site))
    assert result.exit_code == 1
    assert "entries/2026-11-06-broken.md:" in result.output
    assert "company" in result.output
    assert "Nothing was built or pushed." in result.output
    assert refs(site) == []


def test_uncommitted_changes_are_published_as_they_are_on_disk(log: Path, tmp_path: Path):
    entry = log / "entries" / "2026-11-05-quillfeather-data-analyst.md"
    entry.write_text(entry.read_text().replace("was kind", "was kind and quick"))
    site = bare(tmp_path / "site.git")
    result = publish("--remote", str(site))
    assert result.exit_code == 0, result.output
    assert "1 file here has changes not committed; the site is built from the files" in (
        result.output
    )
    page = "entries/2026-11-05-quillfeather-data-analyst/index.html"
    assert "was kind and quick" in git(site, "show", f"gh-pages:{page}")


# --- doctor: what the repository would show -------------------------------------------------


def use_same_repository_workflow(root: Path) -> None:
    """Swap the workflow `init` wrote for the one that publishes Pages from this repository."""
    workflows = root / ".github" / "workflows"
    (workflows / "publish.yml").unlink()
    template = resources.files("generator.cli").joinpath("scaffold_templates", "pages.yml")
    (workflows / "pages.yml").write_text(template.read_text(encoding="utf-8"))


def blocking(root: Path) -> list[str]:
    return [finding.text for finding in findings(root) if finding.blocks]


def test_doctor_blocks_private_content_in_a_repository_pages_publishes(log: Path):
    use_same_repository_workflow(log)
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "readable by anyone" in line]
    assert line.startswith(
        "fix  1 private entry, 1 private section and the text of 1 imported e-mail "
        "(entries/2026-11-02-private.md, entries/2026-11-03-fabrikam-product-analyst.md, "
        "entries/2026-11-05-quillfeather-data-analyst.md) would be readable by anyone: the "
        "workflow .github/workflows/pages.yml publishes GitHub Pages from this repository"
    )


def test_doctor_finds_nothing_readable_with_the_two_repository_workflow(log: Path):
    set_option(log, "publish_to: git@github.com:dana/recovery-log-site.git")
    assert blocking(log) == []


def test_doctor_accepts_the_same_repository_workflow_in_a_private_repository(log: Path):
    use_same_repository_workflow(log)
    set_option(log, "private_repository: true")
    assert blocking(log) == []


def test_doctor_blocks_publish_to_naming_the_sources_repository(log: Path, origin: Path):
    set_option(log, "publish_to: origin")
    [line] = [text for text in blocking(log) if "readable by anyone" in text]
    assert "publish_to names origin, which holds these sources" in line


def test_doctor_does_not_count_private_files_git_ignores_and_does_not_hold(log: Path):
    use_same_repository_workflow(log)
    git(log, "rm", "--quiet", "-r", "--cached", "entries")
    (log / ".gitignore").write_text("entries/\n")
    assert blocking(log) == []


def test_doctor_counts_private_files_git_holds_even_when_ignored(log: Path):
    use_same_repository_workflow(log)
    (log / ".gitignore").write_text("entries/\n")
    assert any("readable by anyone" in text for text in blocking(log))


def test_doctor_blocks_a_log_without_site_author(log: Path):
    set_option(log, "publish_to: git@github.com:dana/recovery-log-site.git")
    config = log / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_author: Dana Ruiz", ""))
    assert blocking(log) == [
        "site_author is not set: add `site_author: Your Name` to mkdocs.yml (feedback drafts "
        "are signed with it; without it they have no signature)"
    ]


# --- the workflow init writes ----------------------------------------------------------------


def workflow(root: Path, name: str = "publish.yml") -> dict:
    return yaml.safe_load((root / ".github" / "workflows" / name).read_text())


def steps(document: dict) -> list[dict]:
    return [step for job in document["jobs"].values() for step in job["steps"]]


NEEDS_NETWORK = {
    "Install": "pip install from the package index",
    "Load the site repository's deploy key": "ssh-keyscan github.com, and a secret",
}
"""The workflow's steps this test cannot run offline, and why."""


@pytest.mark.parametrize("flags", [(), ("--private-repository",)])
def test_the_workflows_init_writes_pin_the_major_version_of_each_action(tmp_path, flags):
    CliRunner().invoke(main, ["init", str(tmp_path / "log"), *flags])
    [path] = (tmp_path / "log" / ".github" / "workflows").iterdir()
    used = [step["uses"] for step in steps(workflow(tmp_path / "log", path.name)) if "uses" in step]
    assert used
    assert [u for u in used if not re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", u)] == []


def test_the_workflow_builds_and_pushes_only_the_site_to_the_site_repository(log, tmp_path):
    site = bare(tmp_path / "site.git")
    set_option(log, f"publish_to: {site}")
    document = workflow(log)
    assert document[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads `on` as true
    runnable = [s for s in steps(document) if "run" in s and s.get("name") not in NEEDS_NETWORK]
    assert {s["name"] for s in steps(document) if "run" in s} - {
        s["name"] for s in runnable
    } == set(NEEDS_NETWORK)
    bin_folder = str(Path(sys.executable).parent)
    for step in runnable:
        env = {**os.environ, **step.get("env", {}), "PATH": f"{bin_folder}:{os.environ['PATH']}"}
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]], cwd=log, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert [ref.split()[0] for ref in refs(site)] == ["refs/heads/gh-pages"]
    everything = every_object(site).decode("utf-8", "replace").casefold()
    assert [word for word in SECRETS if word.casefold() in everything] == []


def test_a_push_failure_is_said_in_gits_words_or_else_in_the_logs_language() -> None:
    german = Language("de")
    assert PushError("fatal: repository not found").said(german) == "fatal: repository not found"
    silent = PushError("", N_("git %(command)s failed"), command="push")
    assert silent.said(german) == "git push ist fehlgeschlagen"
    assert str(silent) == "git push failed"
