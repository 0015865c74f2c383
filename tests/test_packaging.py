"""The package as users get it: the sdist and wheel `python -m build` makes, installed into a
fresh virtual environment the way a user installs it, and the logs `init` starts from there.

Slow (a build and two installs, about a minute with pip's cache): deselect with -m "not slow".
"""

from __future__ import annotations

import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from helpers import run_ok

from generator import __version__

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "generator"

pytestmark = pytest.mark.slow


def run(*command: str | Path, cwd: Path | None = None) -> str:
    return run_ok(command, cwd)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the sdist and the wheel built from it, as `python -m build` makes them."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, source_copy(tmp_path_factory.mktemp("src")))
    return out


def source_copy(where: Path) -> Path:
    """The repository's files as git sees them (tracked, or new and not ignored), copied, so
    that the build's `recovery_log.egg-info` lands there: in the repository, it would be found
    before the installed package by every later test run from the repository's root."""
    listed = run("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", cwd=REPO)
    for name in filter(None, listed.split("\0")):
        if (REPO / name).is_file():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, where / name)
    return where


def built(dist: Path, pattern: str) -> Path:
    (found,) = dist.glob(pattern)
    return found


def fresh_venv(where: Path) -> Path:
    """A new virtual environment without pip (pip runs from the test environment, --python)."""
    run(sys.executable, "-m", "venv", "--without-pip", where)
    return where / "bin"


def pip(venv_bin: Path, *arguments: str | Path, cwd: Path | None = None) -> str:
    return run(
        sys.executable, "-m", "pip", "--python", venv_bin / "python", "install", "-q",
        *arguments, cwd=cwd,
    )  # fmt: skip


def package_data() -> set[str]:
    """Every file of generator/ that is not Python: templates, stylesheet, scaffolding..."""
    return {
        path.relative_to(REPO).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc")
    }


def test_the_wheel_carries_every_file_of_the_package_that_is_not_python(dist: Path) -> None:
    with zipfile.ZipFile(built(dist, "*.whl")) as wheel:
        names = set(wheel.namelist())
    assert "generator/site/assets/recovery-log.css" in package_data()
    assert package_data() - names == set()


def test_the_sdist_carries_the_package_and_the_readme(dist: Path) -> None:
    root = f"recovery_log-{__version__}"
    with tarfile.open(built(dist, "*.tar.gz")) as sdist:
        names = set(sdist.getnames())
    assert {f"{root}/README.md", f"{root}/pyproject.toml"} <= names
    assert {f"{root}/{name}" for name in package_data()} - names == set()


def test_twine_check_strict_passes_for_both(dist: Path) -> None:
    output = run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert output.count("PASSED") == 2


def test_init_after_an_install_from_a_package_index_pins_the_release(
    dist: Path, tmp_path: Path
) -> None:
    index = tmp_path / "index"
    index.mkdir()
    wheel = built(dist, "*.whl")
    (index / wheel.name).write_bytes(wheel.read_bytes())
    venv = fresh_venv(tmp_path / "venv")
    wanted = f"recovery-log=={__version__}"
    # Recovery Log itself only from the local index; then its dependencies from pip's usual one.
    pip(venv, "--no-index", "--find-links", index, "--no-deps", wanted)
    pip(venv, "--find-links", index, wanted)

    output = run(venv / "recovery-log", "init", "log", cwd=tmp_path)

    log = tmp_path / "log"
    lines = (log / "requirements.txt").read_text().splitlines()
    assert [line for line in lines if line and not line.startswith("#")] == [wanted]
    assert not (log / "vendor").exists()
    assert f"ok   requirements.txt installs {wanted} from the package index" in output
    run(venv / "mkdocs", "build", "--strict", cwd=log)
    assert (log / "site" / "index.html").is_file()


def test_a_vendored_log_installs_the_packages_extras_from_its_copy(tmp_path: Path) -> None:
    run(Path(sys.executable).parent / "recovery-log", "init", "log", cwd=tmp_path)
    log = tmp_path / "log"
    venv = fresh_venv(tmp_path / "venv")

    pip(venv, "-r", "requirements.txt", "./vendor/recovery-log[properdocs]", cwd=log)

    run(venv / "properdocs", "build", "--strict", "-f", "mkdocs.yml", cwd=log)
    assert (log / "site" / "index.html").is_file()
