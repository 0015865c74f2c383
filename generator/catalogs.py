"""The message catalogs: extract the `.pot`, update each language's `.po`, compile the `.mo`.

    python -m generator.catalogs extract           # generator/locale/recovery-log.pot, afresh
    python -m generator.catalogs init LANG         # a new language's .po, from the .pot
    python -m generator.catalogs update            # every .po gets the .pot's new messages
    python -m generator.catalogs compile           # every .po -> its .mo (committed, shipped)

Extraction follows `babel.cfg` at the repository's root, with Babel's own extractors (Python,
and Jinja's for the templates). Messages are written without source lines, sorted, so that
moving a template's line does not change the `.pot`, and the test that the committed `.pot`
matches a fresh extraction fails only when a message was added, changed or removed.
"""

from __future__ import annotations

import ast
import inspect
import io
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from . import __version__
from .i18n import DOMAIN, LOCALE_DIR, TEMPLATE_CATALOG

ROOT = Path(__file__).resolve().parent.parent
"""The repository's root: where `babel.cfg` is, and what its paths are relative to."""
MAPPING = ROOT / "babel.cfg"
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
    "NC_": ((1, "c"), 2),
}
COMMENT_TAGS = ("Translators:",)
"""A comment starting so, just before a message, is shown to its translators."""


def extract(root: Path = ROOT) -> Catalog:
    """Every message of the Python code and the templates, as a template catalog."""
    with MAPPING.open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(
        project="Recovery Log",
        version=__version__,
        copyright_holder="the Recovery Log contributors",
        charset="utf-8",
        fuzzy=False,
    )
    found = extract_from_dir(
        root, method_map, options_map, keywords=KEYWORDS, comment_tags=COMMENT_TAGS
    )
    for _, _, message, comments, context in found:
        catalog.add(message, None, auto_comments=comments, context=context)
    return catalog


HELP_COMMENT = "A command's --help: lines after a \\b line are shown as laid out; keep commands."
"""Shown to translators above each command's help (one line: the `.pot` is written 100 wide)."""


def extract_cli(
    fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[Any, ...]]:
    """Babel's Python extractor, plus each click command's docstring: its `--help` text.

    The docstring is cleaned as click cleans it before it shows it (`inspect.cleandoc`), and
    `generator.cli.help_text` looks the same text up, so the two cannot drift apart.
    """
    yield from extract_python(fileobj, keywords, comment_tags, options)  # type: ignore[arg-type]
    fileobj.seek(0)
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and any(map(_is_click_command, node.decorator_list)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                yield node.lineno, None, inspect.cleandoc(docstring), [HELP_COMMENT]


def _is_click_command(decorator: ast.expr) -> bool:
    """`@click.command(...)`, `@click.group(...)`."""
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(call, ast.Attribute) and call.attr in ("command", "group")


def template_text(catalog: Catalog) -> bytes:
    """The `.pot` as written: no creation date, no source lines, sorted (see the module's doc)."""
    out = io.BytesIO()
    write_po(out, catalog, no_location=True, sort_output=True, width=100)
    lines = out.getvalue().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b'"POT-Creation-Date:'))


def po_path(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """Every language with a `.po` file."""
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, abort_invalid=True)


def write_catalog(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    write_po(out, catalog, no_location=True, sort_output=True, width=100, include_previous=True)
    path.write_bytes(out.getvalue())


def compiled(catalog: Catalog) -> bytes:
    """The `.mo` of a catalog (fuzzy messages left out, as gettext would)."""
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def init(code: str) -> Path:
    """A new language's `.po`: every message of the `.pot`, untranslated, with its plural rule."""
    catalog = read_catalog(TEMPLATE_CATALOG, locale=code)
    catalog.locale = code
    catalog.fuzzy = False
    path = po_path(code)
    write_catalog(path, catalog)
    return path


def update() -> None:
    """Each `.po` gets the `.pot`'s new messages and loses the ones gone; a message whose
    English changed is marked fuzzy, for its translator to check."""
    template = read_catalog(TEMPLATE_CATALOG)
    for code in languages():
        catalog = read_catalog(po_path(code), locale=code)
        catalog.update(template, no_fuzzy_matching=False)
        write_catalog(po_path(code), catalog)


def compile_all() -> None:
    for code in languages():
        po = po_path(code)
        po.with_suffix(".mo").write_bytes(compiled(read_catalog(po, locale=code)))


def main(argv: Sequence[str]) -> int:
    command, *rest = argv or ["help"]
    if command == "extract":
        TEMPLATE_CATALOG.write_bytes(template_text(extract()))
    elif command == "init" and len(rest) == 1:
        print(init(rest[0]))
    elif command == "update":
        update()
    elif command == "compile":
        compile_all()
    else:
        print(__doc__)
        return 0 if command == "help" else 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
