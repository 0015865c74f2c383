"""How a new log installs Recovery Log: a pinned release, or a copy in `vendor/recovery-log`.

Installed from a package index, Recovery Log is there for the log's build machine too, so `init`
pins the release (`recovery-log==<version>` in `requirements.txt`). Installed from a folder or a
git address, it may be nowhere a build machine can reach, so `init` copies the running package
into the log and `requirements.txt` installs that copy (`./vendor/recovery-log`). The copy's
`pyproject.toml` is derived from the installed package's own metadata (dependencies, every
extra, scripts, entry points), so it declares what the package declares.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable

from .. import __version__
from ..errors import RecoveryLogError
from ..i18n import language_from_environment

VENDOR_DIR = "vendor/recovery-log"
"""Where the copy goes in a new log, and what `requirements.txt` names."""
DISTRIBUTION = "recovery-log"
SKIPPED_SUFFIXES = (".pyc", ".pyo")
DIRECT_URL = "direct_url.json"
"""PEP 610: pip writes it for a path, a URL or a VCS checkout, never for an index release."""
DEVELOPER_EXTRAS = frozenset({"test"})
"""Extras for working on Recovery Log itself; the copy has no tests to run with them."""
EXTRA_MARKER = re.compile(r"""\s*(?:and\s+)?extra\s*==\s*["']([^"']+)["']""")

PYPROJECT = """\
# A copy of Recovery Log {version}, written by `recovery-log init` so that this log's
# GitHub Pages workflow can install it. It declares what the installed package declared.
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "recovery-log"
version = "{version}"
requires-python = {requires_python}
dependencies = {dependencies}

[project.optional-dependencies]
{extras}
{entry_points}[tool.setuptools.packages.find]
include = ["generator*"]

[tool.setuptools.package-data]
"generator" = ["**/*"]
"""


class VendorError(RecoveryLogError):
    """The running Recovery Log has no package metadata to copy from."""


def installed_from_index() -> bool:
    """Whether the running Recovery Log was installed from a package index (no PEP 610 record)."""
    try:
        distribution = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return False
    return distribution.read_text(DIRECT_URL) is None


def pinned_requirement() -> str:
    """The `requirements.txt` line that installs this very release from the index."""
    return f"{DISTRIBUTION}=={__version__}"


def _distribution() -> importlib.metadata.Distribution:
    try:
        return importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        raise VendorError(
            language_from_environment().gettext(
                "Recovery Log is not installed, so there is nothing to copy into the log: "
                "install it first (%(command)s, or %(editable)s in its repository)",
                command="pip install recovery-log",
                editable="pip install -e .",
            )
        ) from None


def split_requirements(declared: Iterable[str]) -> tuple[list[str], dict[str, list[str]]]:
    """Metadata `Requires-Dist` lines as (dependencies, requirements by extra), markers kept."""
    plain: list[str] = []
    extras: dict[str, list[str]] = {}
    for line in declared:
        requirement, _, marker = line.partition(";")
        found = EXTRA_MARKER.search(marker)
        if found is None:
            plain.append(line.strip())
            continue
        rest = (marker[: found.start()] + marker[found.end() :]).strip()
        rest = rest.removeprefix("and ").strip().removeprefix("(").removesuffix(")").strip()
        text = f"{requirement.strip()}; {rest}" if rest else requirement.strip()
        extras.setdefault(found.group(1), []).append(text)
    return plain, extras


def _array(items: list[str]) -> str:
    if not items:
        return "[]"
    return "[\n" + "".join(f"    {json.dumps(item)},\n" for item in items) + "]"


def _entry_point_tables(entry_points: importlib.metadata.EntryPoints) -> str:
    groups: dict[str, list[str]] = {}
    for point in entry_points:
        groups.setdefault(point.group, []).append(
            f"{json.dumps(point.name)} = {json.dumps(point.value)}\n"
        )
    tables = {"console_scripts": "[project.scripts]", "gui_scripts": "[project.gui-scripts]"}
    return "".join(
        f"{tables.get(group, f'[project.entry-points.{json.dumps(group)}]')}\n{''.join(lines)}\n"
        for group, lines in sorted(groups.items())
    )


def pyproject() -> str:
    """The copy's `pyproject.toml`, from the running package's installed metadata."""
    distribution = _distribution()
    plain, extras = split_requirements(distribution.requires or [])
    requires_python = distribution.metadata["Requires-Python"] or ">=3.11"
    return PYPROJECT.format(
        version=__version__,
        requires_python=json.dumps(requires_python),
        dependencies=_array(plain),
        extras="".join(
            f"{name} = {_array(items)}\n"
            for name, items in sorted(extras.items())
            if name not in DEVELOPER_EXTRAS
        ),
        entry_points=_entry_point_tables(distribution.entry_points),
    )


def _walk(folder: Traversable, prefix: str) -> dict[str, str | bytes]:
    """The package's files as bytes, so the copy is exact and binary ones (catalogs) come too."""
    files: dict[str, str | bytes] = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name == "__pycache__" or item.name.startswith("."):
            continue
        if item.is_dir():
            files.update(_walk(item, f"{prefix}{item.name}/"))
        elif not item.name.endswith(SKIPPED_SUFFIXES):
            files[f"{prefix}{item.name}"] = item.read_bytes()
    return files


def vendor_files() -> dict[str, str | bytes]:
    """Every file of the copy, by its path inside the log."""
    files = _walk(resources.files("generator"), f"{VENDOR_DIR}/generator/")
    files[f"{VENDOR_DIR}/pyproject.toml"] = pyproject()
    return files
