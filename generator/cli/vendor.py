"""A copy of Recovery Log inside a new log (`vendor/recovery-log`), so its workflow installs it.

Recovery Log is not on the package index, so a log started with `init` outside this repository
would have nothing to install on GitHub's build machine. The copy is the exact version that
wrote the log, installed by path (`./vendor/recovery-log` in `requirements.txt`). To upgrade,
replace the folder with a newer copy (README, "Start your own log").
"""

from __future__ import annotations

import importlib.metadata
from importlib import resources
from importlib.resources.abc import Traversable

from .. import __version__

VENDOR_DIR = "vendor/recovery-log"
"""Where the copy goes in a new log, and what `requirements.txt` names."""
DISTRIBUTION = "recovery-log"
KEPT_SUFFIXES = (".py", ".j2", ".css", ".yml", ".typed")

PYPROJECT = """\
# A copy of Recovery Log {version}, written by `recovery-log init` so that this log's
# GitHub Pages workflow can install it (Recovery Log is not on PyPI).
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "recovery-log"
version = "{version}"
requires-python = ">=3.11"
dependencies = [
{dependencies}
]

[project.optional-dependencies]
encrypt = [
{encrypt}
]

[project.scripts]
recovery-log = "generator.cli:main"

[project.entry-points."mkdocs.plugins"]
recovery-log = "generator.plugin.plugin:RecoveryLogPlugin"

[tool.setuptools.packages.find]
include = ["generator*"]

[tool.setuptools.package-data]
"*" = ["*.j2", "*.css", "*.yml"]
"""


def _requirements() -> tuple[list[str], list[str]]:
    """(dependencies, the `encrypt` extra) of the running Recovery Log."""
    try:
        declared = importlib.metadata.requires(DISTRIBUTION) or []
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        declared = []
    plain = [r for r in declared if ";" not in r]
    encrypt = [r.split(";")[0].strip() for r in declared if 'extra == "encrypt"' in r]
    return plain, encrypt


def _lines(items: list[str]) -> str:
    return "\n".join(f'    "{item}",' for item in items)


def pyproject() -> str:
    plain, encrypt = _requirements()
    return PYPROJECT.format(
        version=__version__, dependencies=_lines(plain), encrypt=_lines(encrypt)
    )


def _walk(folder: Traversable, prefix: str) -> dict[str, str]:
    files: dict[str, str] = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name == "__pycache__" or item.name.startswith("."):
            continue
        if item.is_dir():
            files.update(_walk(item, f"{prefix}{item.name}/"))
        elif item.name.endswith(KEPT_SUFFIXES):
            files[f"{prefix}{item.name}"] = item.read_text(encoding="utf-8")
    return files


def vendor_files() -> dict[str, str]:
    """Every file of the copy, by its path inside the log."""
    files = _walk(resources.files("generator"), f"{VENDOR_DIR}/generator/")
    files[f"{VENDOR_DIR}/pyproject.toml"] = pyproject()
    return files
