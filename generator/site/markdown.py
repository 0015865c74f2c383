"""Writing user data into generated Markdown as data, never as markup."""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from urllib.parse import quote

import yaml
from markupsafe import Markup

_ACTIVE = "\\`*_{}[]()<>&|~^=:#!$"
"""Characters that Markdown, its extensions, HTML or a template engine may read as syntax."""
_REFERENCES = {ord(char): f"&#{ord(char)};" for char in _ACTIVE}
_SPACE = re.compile(r"[^\S\u00a0]+")
"""White space to fold, except the no-break space, which keeps dates and names together."""


class Md(Markup):
    """Markdown that is safe to emit as is (made by us, or the user's own body).

    A `Markup` subclass so that Jinja's autoescaping, which also covers macro output, knows it.
    """

    __slots__ = ()


def escape(value: object) -> Md:
    """Text shown literally, on one line, in any Markdown context (tables and links included).

    Every character Markdown, its common extensions, HTML or a template engine could read as
    syntax becomes a numeric character reference, which every renderer shows as the character.
    """
    if hasattr(value, "__html__"):
        return Md(value)
    text = str(value)
    if "  " in text or not text.isprintable():  # printable: no white space but " "
        text = _SPACE.sub(" ", text)
    text = text.strip()
    # str.__new__: the text is plain str already, so Markup's own checks would only cost time
    return str.__new__(Md, text.translate(_REFERENCES))


def finalize(value: object) -> str:
    """Jinja's finalize hook: every `{{ value }}` is escaped for Markdown unless already safe.

    Its result is always safe text (a `Markup`), so Jinja's own (HTML) autoescaping, which
    would leave it alone, is not asked (see `render._SafeOutput`).
    """
    if value is None:
        return Md("")
    if hasattr(value, "__html__"):
        return value if isinstance(value, str) else Markup(value.__html__())
    return escape(value)


# Hits are a link repeated within a page: a small cache keeps them without holding every
# link of a large site for the whole build (about 5 MB at 1,000 entries with 65,536).
@functools.lru_cache(maxsize=2048)
def link_target(target_uri: str, from_uri: str) -> str:
    """A relative, percent-encoded link from one generated page's source to another's."""
    return quote(relative_path(target_uri, posixpath.dirname(from_uri)), safe="/#")


def relative_path(target: str, base: str) -> str:
    """`posixpath.relpath(target, base)` for two paths relative to the same root, without
    its calls to the operating system (it asks for the working directory, twice per link)."""
    to = [part for part in target.split("/") if part and part != "."]
    start = [part for part in base.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(to, start, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def link(text: object, target_uri: str, from_uri: str) -> Md:
    return Md(f"[{escape(text)}]({link_target(target_uri, from_uri)})")


def meta_text(value: str) -> str:
    """User text for a page's metadata (title, tags), which themes print as HTML, unescaped.

    MkDocs treats a page title as HTML, and Material prints titles through `striptags` (which
    decodes entities) and tag names as they are. So angle brackets become look-alike quotation
    marks, which no renderer reads as a tag, and the rest is entity-escaped.
    """
    text = " ".join(value.split()).replace("<", "\u2039").replace(">", "\u203a")
    return html.escape(text, quote=True)


def front_matter(meta: dict[str, object]) -> Md:
    """The page's own metadata (title, tags...), serialised safely as YAML."""
    if not meta:
        return Md("")
    dumped = _quick_yaml(meta)
    if dumped is None:
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return Md(f"---\n{dumped}---\n\n")


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()-]*[A-Za-z0-9.)]")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _plain(text: str) -> bool:
    """Text YAML reads back as the same string when written without quotes."""
    return bool(_PLAIN.fullmatch(text)) and text.lower() not in _YAML_WORDS


def _quick_yaml(meta: dict[str, object]) -> str | None:
    """Text and lists of text as YAML, written directly: `yaml.safe_dump` took a third of the
    time of rendering an entry page. A JSON string is a YAML double-quoted scalar when every
    character is printable (else None, and `yaml.safe_dump` writes it)."""
    lines = []
    for key, value in meta.items():
        items = value if isinstance(value, list) else [value]
        texts = [item for item in items if isinstance(item, str) and item.isprintable()]
        if len(texts) != len(items):
            return None
        quoted = [item if _plain(item) else json.dumps(item, ensure_ascii=False) for item in texts]
        if isinstance(value, list):
            lines.append(f"{key}:" if value else f"{key}: []")
            lines.extend(f"- {item}" for item in quoted)
        else:
            lines.append(f"{key}: {quoted[0]}")
    return "\n".join(lines) + "\n"
