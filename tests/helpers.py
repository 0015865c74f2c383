"""What the tests share: the pinned day, one way to run MkDocs, one HTML reader.

Import from here (`from helpers import ...`) rather than copying a helper into a test module.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from generator.site.template_cache import CACHE_DIR_VARIABLE

TODAY = dt.date(2026, 11, 26)
"""The day every test log is built for (the `today:` option, `--today`, `Settings.today`)."""
TODAY_TEXT = TODAY.isoformat()

BUILD_TIMEOUT = 300
"""Seconds a `mkdocs build` may take before the test fails (generous: CI machines are slow)."""


# --------------------------------------------------------------------------------------------
# Running MkDocs, in a subprocess, exactly as a user does
# --------------------------------------------------------------------------------------------


def mkdocs_env(**extra: str) -> dict[str, str]:
    """This environment without any RECOVERY_LOG_ variable (a developer's shell may set
    one) but the test session's template cache (conftest), plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_LOG_")}
    if CACHE_DIR_VARIABLE in os.environ:
        env[CACHE_DIR_VARIABLE] = os.environ[CACHE_DIR_VARIABLE]
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def run_mkdocs(
    root: Path, *args: str, env: dict[str, str] | None = None, timeout: float = BUILD_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """`mkdocs <args>` in `root`, with `env` added to a clean environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=root,
        env=mkdocs_env(**(env or {})),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_ok(command: tuple[str | Path, ...], cwd: Path | None, timeout: float = 600) -> str:
    """Run a command as a user would (no RECOVERY_LOG_ variable, no private preview), assert it
    succeeded, and give back what it printed."""
    env = mkdocs_env(DISABLE_MKDOCS_2_WARNING="true", PIP_DISABLE_PIP_VERSION_CHECK="1")
    result = subprocess.run(
        [os.fspath(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@dataclass
class Build:
    """The result of `mkdocs build` in `root`: its exit code, its output, and the site."""

    root: Path
    returncode: int
    output: str
    parsed: dict[Path, Node] = field(default_factory=dict, repr=False)

    @property
    def site(self) -> Path:
        return self.root / "site"

    def file_for(self, url: str) -> Path:
        """The built file behind a site-relative URL such as "", "skills/" or "feed.xml"."""
        path = unquote(urlsplit(url).path).lstrip("/")
        if path and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            path += "/"  # "skills" is the page at "skills/"
        if path == "" or path.endswith("/"):
            path += "index.html"
        return self.site / path

    def html(self, url: str) -> str:
        return self.file_for(url).read_text(encoding="utf-8")

    def document(self, url: str) -> Node:
        """The page at `url`, parsed (once)."""
        file = self.file_for(url)
        if file not in self.parsed:
            self.parsed[file] = parse_html(file.read_text(encoding="utf-8"))
        return self.parsed[file]

    def article(self, url: str) -> Node:
        """The main content (Material's <article>) of the page at `url`."""
        return self.document(url).find("article")

    def page(self, url: str) -> Page:
        """What a reader sees on the page at a site-relative URL such as "" or "entries/<id>/"."""
        return Page.of(url, self.document(url))

    def has_page(self, url: str) -> bool:
        return self.file_for(url).is_file()


def build(root: Path, *, strict: bool = True, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build [--strict]` in `root`, successful or not."""
    done = run_mkdocs(root, "build", *(["--strict"] if strict else []), env=env)
    return Build(root, done.returncode, done.stdout + done.stderr)


def built(root: Path, *, strict: bool = True, env: dict[str, str] | None = None) -> Build:
    """A build that must succeed (the test fails with MkDocs' output otherwise)."""
    result = build(root, strict=strict, env=env)
    assert result.returncode == 0, result.output
    return result


def templates_of_yours(folder: Path, templates: dict[str, str]) -> Path:
    """A `templates_dir` of the user's own in `folder`, holding `templates` (name -> text)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in templates.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def differences(served: Path, expected: Path) -> list[str]:
    """Two built sites' files that are missing, extra or different; the search index
    compared entry by entry (its order follows the order pages were indexed in)."""
    found = []
    names = {
        path.relative_to(site).as_posix()
        for site in (served, expected)
        for path in site.rglob("*")
        if path.is_file() and not path.relative_to(site).as_posix().startswith(".")
    }
    for name in sorted(names):
        one, other = served / name, expected / name
        if not (one.is_file() and other.is_file()):
            found.append(f"{name}: only in {'the first' if one.is_file() else 'the second'}")
        elif name.endswith("search_index.json"):
            if search_entries(one) != search_entries(other):
                found.append(f"{name}: other entries")
        elif one.read_bytes() != other.read_bytes():
            found.append(f"{name}: differs")
    return found


def search_entries(index: Path) -> list[str]:
    docs = json.loads(index.read_text("utf-8"))["docs"]
    return sorted(json.dumps(doc, sort_keys=True) for doc in docs)


# --------------------------------------------------------------------------------------------
# Reading HTML: one small tree, built the way a browser builds it
# --------------------------------------------------------------------------------------------

VOID = {
    *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"),
    *("track", "wbr"),
}
BLOCK = {
    *("p", "li", "ul", "ol", "div", "table", "tr", "td", "th", "caption", "pre", "br"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "svg", "title", "desc", "g"),
    *("text", "blockquote", "article", "section"),
}


def fold(text: str) -> str:
    """White space folded to single spaces, as a reader sees it."""
    return " ".join(text.split())


@dataclass(eq=False)
class Node:
    """An element (or the document), its attributes and children (elements and text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        """The text as a reader sees it: white space folded, blocks apart, inline runs joined."""
        return fold(self._raw())

    def plain(self) -> str:
        """Every piece of text inside, joined as written, white space folded."""
        return fold("".join(self.strings()))

    def strings(self, skip: frozenset[str] = frozenset()) -> Iterator[str]:
        """Each text node inside, in document order, leaving out elements named in `skip`."""
        for child in self.children:
            if isinstance(child, str):
                yield child
            elif child.tag not in skip:
                yield from child.strings(skip)

    def _raw(self) -> str:
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag in BLOCK:
                parts.append(f" {child._raw()} ")
            else:
                parts.append(child._raw())
        return "".join(parts)

    def iter(self) -> Iterator[Node]:
        """This node and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def inside(self, tag: str, cls: str | None = None) -> Node | None:
        """The nearest enclosing `tag` (with class `cls`), if any."""
        return next(
            (a for a in self.ancestors() if a.tag == tag and (cls is None or cls in a.classes)),
            None,
        )

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if n.tag == tag and (cls is None or cls in n.classes)]

    def find(self, tag: str, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag}{' class=' + cls if cls else ''}> found"
        return found[0]

    def hrefs(self) -> list[str]:
        return [a.attrs["href"] for a in self.find_all("a") if "href" in a.attrs]


class _TreeBuilder(HTMLParser):
    """The tree of a page. The head's <title> is text only (RCDATA), as in a browser: a tag
    written inside it stays text. An <svg>'s <title> is an element like any other."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.in_title: Node | None = None

    def _add(self, tag: str, attrs: list[tuple[str, str | None]]) -> Node:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        return node

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.in_title is not None:
            self.in_title.children.append(self.get_starttag_text() or "")
            return
        node = self._add(tag, attrs)
        if tag == "title" and node.inside("svg") is None:
            self.in_title = node
        elif tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.in_title is not None:
            self.in_title.children.append(self.get_starttag_text() or "")
            return
        self._add(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.in_title is not None:
            if tag == "title":
                self.in_title = None
            else:
                self.in_title.children.append(f"</{tag}>")
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        (self.in_title or self.stack[-1]).children.append(data)


def parse_html(text: str) -> Node:
    """The document tree of an HTML page."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


UNSEEN = frozenset({"title", "script", "style"})
"""Elements whose text a reader never sees on the page."""


def seen_text(node: Node) -> str:
    """The text of `node` a reader sees (no <title>, <script> or <style>), folded."""
    return fold("".join(node.strings(UNSEEN)))


def resolve(page_url: str, href: str) -> str:
    """The site-relative URL a link on the page at `page_url` points to (no fragment)."""
    base = "http://site.invalid/"
    absolute = urljoin(base + page_url, href).split("#", 1)[0]
    return absolute.removeprefix(base) if absolute.startswith(base) else absolute


@dataclass
class Page:
    """What a reader sees on one page of the built site (read from its tree)."""

    url: str
    title: str = ""
    text: str = ""
    """The visible text of the page's main content (Material's <article>), white space folded."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(site-relative URL, link text) of every link in the main content."""
    nav_links: list[str] = field(default_factory=list)
    """Site-relative URLs linked from the primary (sidebar) navigation."""
    headings: list[tuple[str, str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    """Table rows of the main content, as lists of cell texts."""
    scripts: list[str] = field(default_factory=list)
    """The code of every <script> element anywhere in the document."""
    tags: list[str] = field(default_factory=list)
    """Material's tag chips at the top of the page."""

    @classmethod
    def parse(cls, url: str, html: str) -> Page:
        return cls.of(url, parse_html(html))

    @classmethod
    def of(cls, url: str, document: Node) -> Page:
        page = cls(url)
        title = next((t for t in document.find_all("title") if t.inside("svg") is None), None)
        page.title = fold("".join(title.strings())) if title else ""
        page.scripts = [
            s.attrs.get("src", "") + "".join(s.strings()) for s in document.find_all("script")
        ]
        page.nav_links = [
            resolve(url, a.attrs["href"])
            for a in document.find_all("a")
            if a.attrs.get("href") and _in_nav(a, "md-nav--primary")
        ]
        page.tags = [
            seen_text(chip)
            for chip in document.iter()
            if "md-tag" in chip.classes and _in_nav(chip, "md-tags")
        ]
        articles = document.find_all("article")
        if articles:
            page._read_article(articles[0])
        return page

    def _read_article(self, article: Node) -> None:
        self.text = fold(" ".join(article.strings(UNSEEN)))
        self.links = [
            (resolve(self.url, a.attrs.get("href", "")), seen_text(a))
            for a in article.find_all("a")
            if not _in_nav(a, "md-tags")
        ]
        self.headings = [(n.tag, seen_text(n)) for n in article.iter() if n.tag in _HEADINGS]
        self.rows = [
            [
                seen_text(cell)
                for cell in row.children
                if isinstance(cell, Node) and cell.tag in ("td", "th")
            ]
            for row in article.find_all("tr")
        ]

    def links_to(self, url: str) -> bool:
        return any(target == url for target, _ in self.links)

    def link_texts(self, url: str) -> list[str]:
        return [text for target, text in self.links if target == url]

    def figure(self, label: str) -> str:
        """The dashboard's figure whose label contains `label` (ignoring case)."""
        found = [row[1] for row in self.rows if len(row) == 2 and label.lower() in row[0].lower()]
        assert len(found) == 1, f"one figure labelled {label!r} expected, found {self.rows}"
        return found[0]


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _in_nav(node: Node, cls: str) -> bool:
    return any(a.tag == "nav" and cls in a.classes for a in node.ancestors())
