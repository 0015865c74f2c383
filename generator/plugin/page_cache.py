"""The log's pages kept across plain `mkdocs serve` rebuilds: part of the MkDocs adapter.

Plain `mkdocs serve` rebuilds every page on every save. At 1,000 entries that is about ten
seconds of Markdown and theme rendering for pages that did not change. Each page the plugin
generates is a function of its Markdown source and of the *frame* every page shares (the nav,
`mkdocs.yml`, the theme's overrides), so while serving the plugin keeps what MkDocs made of
each of its pages and hands it back while neither changed:

* **Markdown**: the page's HTML, table of contents and anchors. Valid while the page's source,
  the configuration as loaded (`mkdocs.yml`, what it inherits, `!ENV` values) and every page
  it links to (whether it exists, and its address) are unchanged. A Markdown extension not
  known to read nothing but the page (`FILE_FREE_EXTENSIONS`) turns the cache off.
* **Theme**: the finished HTML file. Valid while the Markdown is, and the frame is unchanged.
  The theme is then not rendered, and search is given the page's entries from the previous
  build (`search.SearchKeeper`) instead of parsing the page again.

A page whose rendering logged a warning is never kept, so the warning (and `--strict`) comes
back on every rebuild. The users' own pages are always rendered. Nothing is written to disk:
the cache lives in the serving process, and `mkdocs build` never uses it. This module imports
no MkDocs; the plugin hands it pages and answers about links.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import posixpath
import re
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

KEPT_TEMPLATE = "recovery-log-kept-page.html"
"""An empty template: a page whose finished HTML is kept renders it, costing nothing."""

TRUSTED_PLUGINS = frozenset({"search", "tags", "recovery-log"})
"""Plugins known to treat a page the same on every build and to be done with a page once it
is written (`material/` prefix allowed). Any other plugin, or a hook, might change pages in
ways the cache cannot see, or read them later, so with one the cache is off and a build keeps
every page's Markdown and HTML to the end."""

FILE_FREE_EXTENSIONS = frozenset(
    {
        *("abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code"),
        *("footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br"),
        *("sane_lists", "smarty", "tables", "toc", "wikilinks"),
        *("pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.blocks.admonition"),
        *("pymdownx.blocks.caption", "pymdownx.blocks.definition", "pymdownx.blocks.details"),
        *("pymdownx.blocks.html", "pymdownx.blocks.tab", "pymdownx.caret", "pymdownx.critic"),
        *("pymdownx.details", "pymdownx.emoji", "pymdownx.escapeall", "pymdownx.extra"),
        *("pymdownx.fancylists", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys"),
        *("pymdownx.magiclink", "pymdownx.mark", "pymdownx.pathconverter"),
        *("pymdownx.progressbar", "pymdownx.quotes", "pymdownx.saneheaders"),
        *("pymdownx.smartsymbols", "pymdownx.striphtml", "pymdownx.superfences"),
        *("pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde", "pymdownx.bracketspan"),
        *("material.extensions.preview", "generator.site.html_blocks"),
    }
)
"""Markdown extensions known to make a page's HTML from its Markdown and their settings
alone. Any other one might pull other files into a page, whose changes the cache cannot see:
`pymdownx.snippets` (any file under its base paths, by default the whole project, nested, or
downloaded), `pymdownx.b64` (images), include extensions. With one, the cache is off."""


def unvouched_extensions(names: Iterable[str]) -> list[str]:
    """The Markdown extensions of `names` not known to read nothing but the page."""
    return sorted(
        name
        for name in names
        if name.removeprefix("markdown.extensions.") not in FILE_FREE_EXTENSIONS
    )


_LINK = re.compile(
    r"""(?:\]\(\s*<?|^\s*\[[^\]]+\]:\s*<?|(?:href|src)\s*=\s*["'])([^\s)"'<>]+)""", re.MULTILINE
)
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#)")


def link_targets(markdown: str) -> list[str]:
    """Every relative link target the page's Markdown may contain (an over-estimate is fine:
    each one only adds a lookup to the page's key)."""
    return sorted({target for target in _LINK.findall(markdown) if not _EXTERNAL.match(target)})


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def plain(value: object) -> object:
    """A configuration value as JSON data that is the same for equal settings in every build.

    Mappings (MkDocs' config and its parts, a theme's options), sequences and scalars as they
    are; a plugin as its config; a function or class by its name; anything else by its repr,
    without the memory address some reprs carry.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(json.dumps(plain(item), sort_keys=True) for item in value)
    settings = getattr(value, "config", None)
    if isinstance(settings, Mapping):
        return {"plugin": type(value).__qualname__, "config": plain(settings)}
    if isinstance(value, dt.date | dt.time | os.PathLike):
        return str(value)
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    return f"{type(value).__qualname__}:{_ADDRESS.sub('', repr(value))}"


UNSEEN_SETTINGS = frozenset({"config_file_path"})
"""Settings no page depends on that can differ from build to build: `mkdocs serve -f
mkdocs.yml` names the file as given for its first build, and by its full path after."""


def config_fingerprint(config: Mapping[str, Any], *more: object) -> str:
    """A digest of the configuration as MkDocs loaded it (after `INHERIT:`, `!ENV` and every
    plugin's `on_config`), and of `more`: what every page may depend on besides its source."""
    seen = {key: value for key, value in config.items() if key not in UNSEEN_SETTINGS}
    return digest(json.dumps([plain(seen), plain(more)], sort_keys=True))


def digest(*parts: str) -> str:
    value = hashlib.sha1()
    for part in parts:
        value.update(part.encode("utf-8", "surrogatepass"))
        value.update(b"\0")
    return value.hexdigest()


@dataclass
class KeptPage:
    """What MkDocs made of one generated page, and what it depended on."""

    source: str
    """A digest of the page's source and of the site's configuration."""
    links: str
    """Where each of its relative links led when it was rendered."""
    files: str
    """The site's files (names and addresses) when `links` was last found the same."""
    content: bytes
    """The page's HTML (MkDocs' `page.content`), compressed like `output`."""
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None
    frame: str = ""
    output: bytes = b""
    """The finished HTML, compressed: at 1,000 entries, 5 kB a page instead of 19 kB (with
    its compressed `content`, about 8 MB kept in all)."""


class WarningCounter(logging.Handler):
    """Counts MkDocs' warnings, so a page whose rendering warned is not kept."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageCache:
    """Generated pages' Markdown and theme results, kept for the life of one `mkdocs serve`."""

    def __init__(self) -> None:
        self.kept: dict[str, KeptPage] = {}
        self.pages: set[str] = set()
        self.setting = ""
        self.files = ""
        self.rendering: dict[str, tuple[str, Callable[[], str], int]] = {}
        self.reused: set[str] = set()
        self.finished: set[str] = set()
        self.frame = ""
        self.warnings = WarningCounter()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def close(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        self.kept.clear()

    def start_build(self, setting: str) -> None:
        """`setting`: a digest of what every page's Markdown depends on (mkdocs.yml, ...)."""
        self.setting = setting
        self.pages = set()
        self.rendering = {}
        self.reused = set()
        self.finished = set()

    def add_page(self, uri: str) -> None:
        """One of the plugin's pages in this build."""
        self.pages.add(uri)

    def set_files(self, names_and_addresses: Iterable[str]) -> None:
        """Every file of this build, so that when none was added, removed or moved, no page's
        links need checking."""
        self.files = digest(*sorted(names_and_addresses))

    def is_generated(self, uri: str) -> bool:
        return uri in self.pages

    def reuse(
        self, uri: str, meta: str, markdown: str, resolve: Callable[[str], str | None]
    ) -> bool:
        """Whether the page's kept HTML stands for this Markdown (then `put_back` replaces
        MkDocs' rendering); if not, the page is rendered and watched for warnings. `meta` is
        the page's front matter, serialised."""
        source = digest(uri, meta, markdown, self.setting)

        def links() -> str:
            return "\n".join(f"{target} {resolve(target)}" for target in link_targets(markdown))

        kept = self.kept.get(uri)
        if (
            kept is not None
            and kept.source == source
            and (kept.files == self.files or kept.links == links())
        ):
            kept.files = self.files
            self.reused.add(uri)
            return True
        self.rendering[uri] = (source, links, self.warnings.count)
        return False

    def put_back(self, page: Any, find_file: Callable[[str], Any]) -> None:
        """What MkDocs' rendering of the page would set: its HTML, toc, title and anchors."""
        kept = self.kept[page.file.src_uri]
        page.content = _unpacked(kept.content)
        page.toc, page._title_from_render = kept.toc, kept.title
        page.present_anchor_ids = kept.anchors
        page.links_to_anchors = _anchor_links_to(kept.links_to_anchors, find_file)

    def content(self, page: Any, html: str) -> str:
        """The page's HTML as every plugin left it, kept for next time unless its rendering
        warned (a page put back, or not watched, is returned as it is)."""
        uri = page.file.src_uri
        started = self.rendering.pop(uri, None)
        if started is None:
            return html
        source, links, warnings_before = started
        if self.warnings.count != warnings_before:
            self.kept.pop(uri, None)
            return html
        self.kept[uri] = KeptPage(
            source=source,
            links=links(),
            files=self.files,
            content=_packed(html),
            toc=page.toc,
            title=page._title_from_render,
            anchors=page.present_anchor_ids,
            links_to_anchors=_anchor_links_by_uri(page.links_to_anchors),
        )
        return html

    def finish_reused(self, frame: str, pages: Iterable[Any]) -> list[Any]:
        """The pages whose finished HTML can be served as kept: their Markdown was reused and
        the frame is the one they were finished in. Pages gone from the site are forgotten."""
        uris = self.pages
        for gone in set(self.kept) - uris:
            del self.kept[gone]
        finished = []
        for page in pages:
            uri = page.file.src_uri
            kept = self.kept.get(uri)
            if uri in self.reused and kept is not None and kept.frame == frame and kept.output:
                finished.append(page)
                self.finished.add(uri)
        self.frame = frame
        return finished

    def is_finished(self, uri: str) -> bool:
        return uri in self.finished

    def output(self, uri: str, output: str) -> str:
        """The finished HTML to write: the kept one, or this build's, kept for next time."""
        kept = self.kept.get(uri)
        if kept is None:
            return output
        if uri in self.finished:
            return _unpacked(kept.output)
        kept.frame = self.frame
        kept.output = _packed(output)
        return output


def _packed(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpacked(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def _anchor_links_by_uri(
    links: dict[Any, dict[str, str]] | None,
) -> dict[str, dict[str, str]] | None:
    if links is None:
        return None
    return {file.src_uri: dict(anchors) for file, anchors in links.items()}


def _anchor_links_to(
    links: dict[str, dict[str, str]] | None, find_file: Callable[[str], Any]
) -> dict[Any, dict[str, str]] | None:
    """Anchor links keyed by this build's `File` objects, as MkDocs validates them."""
    if links is None:
        return None
    found = {}
    for uri, anchors in links.items():
        file = find_file(uri)
        if file is not None:
            found[file] = dict(anchors)
    return found


class TemplateCode(jinja2.BytecodeCache):
    """The theme's templates, compiled once per preview instead of once per rebuild.

    MkDocs makes a new Jinja environment for every build, which compiles Material's templates
    again (about 0.3 s a save, whatever the size of the log). Jinja checks each kept template
    against its source, so an edited override is compiled afresh.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


def link_resolver(
    page: Any, files: Any, resolved: dict[str, dict[str, str | None]]
) -> Callable[[str], str | None]:
    """The address each relative link of `page` leads to now (None: to no page).

    `resolved` holds the answers already worked out in this build, by folder: most pages
    share their links."""
    folder = posixpath.dirname(page.file.src_uri)
    known = resolved.setdefault(folder, {})

    def resolve(target: str) -> str | None:
        if target not in known:
            path = unquote(urlsplit(target).path)
            found = files.get_file_from_path(posixpath.normpath(posixpath.join(folder, path)))
            known[target] = "" if not path else found.url if found is not None else None
        return known[target]

    return resolve


def nav_shape(items: list[Any]) -> str:
    """Everything of the nav that the theme draws on every page: titles, addresses, nesting."""
    parts = []
    for item in items:
        parts.append(f"{type(item).__name__}|{item.title}|{getattr(item, 'url', '')}")
        children = getattr(item, "children", None)
        if children:
            parts.append("[" + nav_shape(children) + "]")
    return "\n".join(parts)


def theme_stamp(custom_dir: str | None) -> str:
    """The theme overrides' names, sizes and times: an edited override redraws every page."""
    if not custom_dir or not os.path.isdir(custom_dir):
        return ""
    stamps = []
    for folder, _, names in os.walk(custom_dir):
        for name in names:
            stat = os.stat(os.path.join(folder, name))
            stamps.append(f"{folder}/{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(sorted(stamps))
