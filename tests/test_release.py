"""The release workflow: a version tag publishes to PyPI through trusted publishing, and only
when the tag names the version the package declares (in one place: generator/__init__.py)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import __version__

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text())


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def tag_check(tag: str) -> subprocess.CompletedProcess[str]:
    """The workflow's own tag check, run here as GitHub would run it for `tag`."""
    (step,) = [
        s for s in steps(yaml.safe_load(WORKFLOW.read_text())) if "REF_NAME" in s.get("run", "")
    ]
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", step["run"]],
        cwd=REPO,
        env={"GITHUB_REF_NAME": tag, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_workflow_runs_only_on_version_tags(workflow: dict[str, Any]) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers == {"push": {"tags": ["v*"]}}


def test_publishing_uses_trusted_publishing_and_no_stored_token(workflow: dict[str, Any]) -> None:
    publish = workflow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert any(
        step.get("uses") == "pypa/gh-action-pypi-publish@release/v1" for step in publish["steps"]
    )
    assert "secrets." not in WORKFLOW.read_text()
    assert all("password" not in step.get("with", {}) for step in steps(workflow))


def test_every_action_is_pinned_to_a_major_version(workflow: dict[str, Any]) -> None:
    actions = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert actions
    assert [a for a in actions if not re.search(r"@(release/)?v\d+$", a)] == []


def test_the_tag_check_passes_for_the_packages_version() -> None:
    result = tag_check(f"v{__version__}")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tag_check_stops_a_tag_that_is_not_the_packages_version() -> None:
    result = tag_check("v999.0.0")
    assert result.returncode == 1
    assert f"is not v{__version__}" in result.stdout


def test_the_version_is_declared_only_in_the_package() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "generator.__version__"}


def test_the_release_builds_with_the_tools_the_tests_pin(workflow: dict[str, Any]) -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    pinned = {
        r
        for r in project["project"]["optional-dependencies"]["test"]
        if r.startswith(("build==", "twine=="))
    }
    installed = {
        word for step in steps(workflow) for word in step.get("run", "").split() if "==" in word
    }
    assert pinned == installed
