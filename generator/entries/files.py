"""Finding the entry files under a folder and reading one: size limit, UTF-8, front matter."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import Problem
from ..i18n import ENGLISH, N_, Language
from .yamldoc import Pos, YamlProblem

MARKDOWN_SUFFIXES = (".md", ".markdown")
YAML_SUFFIXES = (".yml", ".yaml")
MAX_FILE_BYTES = 1024 * 1024
"""An entry is a few paragraphs; anything larger than this is a mistake (or an attack)."""

START = Pos(1, 1)


def discover(root: Path, problems: list[Problem], language: Language = ENGLISH) -> list[Path]:
    """The entry files under root, sorted; other files are reported, never silently skipped."""

    def problem(path: Path, message: str) -> Problem:
        return Problem(display_path(path, root), 1, 1, language.gettext(message))

    found: list[Path] = []
    real_root = root.resolve()
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for dirname in list(dirnames):
            link = Path(folder) / dirname
            if link.is_symlink():
                dirnames.remove(dirname)
                if not _inside(link, real_root):
                    problems.append(
                        problem(link, N_("a link to a folder outside the entries folder"))
                    )
                else:
                    problems.append(problem(link, N_("a link to a folder: entries are read once")))
        for name in sorted(filenames):
            if name.startswith((".", "_")):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not _inside(path, real_root):
                problems.append(problem(path, N_("a link to a file outside the entries folder")))
                continue
            if not path.name.lower().endswith(MARKDOWN_SUFFIXES + YAML_SUFFIXES):
                problems.append(
                    problem(
                        path,
                        N_(
                            "not an entry file: entries end in .md, .markdown, .yml or .yaml "
                            "(start the name with '_' to keep other files here)"
                        ),
                    )
                )
                continue
            found.append(path)
    return found


def _inside(path: Path, real_root: Path) -> bool:
    try:
        path.resolve().relative_to(real_root)
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def display_path(path: Path, root: Path) -> str:
    return (root / path.relative_to(root)).as_posix()


def relative_path(path: Path, root: Path) -> str:
    """`path` inside `root`, with '/' (string slicing: `Path.relative_to` is costly per file)."""
    inside, prefix = str(path), str(root) + os.sep
    if inside.startswith(prefix):
        inside = inside[len(prefix) :]
        return inside.replace(os.sep, "/") if os.sep != "/" else inside
    return path.relative_to(root).as_posix()


def read_text(
    path: Path, shown: str, problems: list[Problem], language: Language = ENGLISH
) -> str | None:
    """The file's text with "\n" line ends, or None with a problem said in `language`."""
    _ = language.gettext
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size if len(raw) > MAX_FILE_BYTES else 0
    except OSError as exc:
        problems.append(
            Problem(shown, 1, 1, _("cannot read the file: %(error)s", error=exc.strerror or exc))
        )
        return None
    if size:
        problems.append(
            Problem(
                shown,
                1,
                1,
                _(
                    "the file is %(size)s MB; an entry may be at most %(limit)s MB",
                    size=_megabytes(size, language),
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                ),
            )
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = format(raw[exc.start], "#04x")
        problems.append(
            Problem(
                shown,
                line,
                column,
                _(
                    "the file is not UTF-8 text: save it as UTF-8 (found the byte %(byte)s)",
                    byte=byte,
                ),
            )
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        problems.append(
            Problem(
                shown,
                1,
                1,
                _("the file is empty: expected the entry's fields (see the entry format page)"),
            )
        )
        return None
    return text


def _megabytes(size: int, language: Language) -> str:
    """ "50.0" in English, "50,0" in German: a size as the language writes it."""
    from babel.numbers import format_decimal

    return format_decimal(size / 1024 / 1024, "0.0", locale=language.locale)


_CLOSING_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)
"""A line that closes the front matter: `---` or `...`, maybe followed by spaces."""


def split_front_matter(text: str, language: Language = ENGLISH) -> tuple[str, str]:
    """The front matter's YAML and the notes below it (without splitting the notes into lines)."""
    first_end = text.find("\n")
    never_closed = N_(
        "the front matter is never closed: add a line '---' after the fields, before your notes"
    )
    if first_end < 0 or text[:first_end].rstrip() != "---":
        if text.rstrip() == "---":
            raise YamlProblem(START, language.gettext(never_closed))
        message = language.gettext(
            "expected front matter: a Markdown entry starts with a line '---', then its fields, "
            "then a closing '---' line, then your notes"
        )
        raise YamlProblem(START, message)
    closing = _CLOSING_LINE.search(text, first_end + 1)
    if closing is None:
        raise YamlProblem(START, language.gettext(never_closed))
    start, end = closing.start(), closing.end()
    front = text[first_end + 1 : max(start - 1, first_end + 1)]
    return front, text[end + 1 :]
