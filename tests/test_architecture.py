"""The shape of the package: the MkDocs adapter is the one room that knows MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
ADAPTER = GENERATOR / "plugin"


def _imported_modules(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_only_the_adapter_sub_package_imports_mkdocs() -> None:
    outside = [
        f"{path.relative_to(GENERATOR.parent)} imports {name}"
        for path in sorted(GENERATOR.rglob("*.py"))
        if ADAPTER not in path.parents
        for name in sorted(_imported_modules(path))
        if name == "mkdocs" or name.startswith("mkdocs.")
    ]
    assert outside == []


def test_the_adapter_sub_package_does_import_mkdocs() -> None:
    inside = {
        name
        for path in ADAPTER.rglob("*.py")
        for name in _imported_modules(path)
        if name.startswith("mkdocs")
    }
    assert "mkdocs.plugins" in inside
