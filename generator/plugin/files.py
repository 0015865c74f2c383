"""Generated pages as MkDocs files, and what a build lets go of to keep its memory low.

MkDocs reads every page (`Page.read_source`) and keeps its own copy of the Markdown for the
whole build. A file made with `File.generated(content=...)` keeps a second copy, so a log's
build held every entry page's Markdown twice (about 35 MB at 5,000 entries). A `RenderedFile`
holds the page instead, and renders it when its content is read. Once MkDocs has made a
page's HTML, `ParkedHtml` keeps it compressed until the page is put into the theme, and
`release` lets go of it once the page is written.
"""

from __future__ import annotations

import zlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage

from ..site.render import Page


class RenderedFile(File):
    """A generated page whose content is rendered from `page` each time it is read."""

    page_source: Page | None = None
    rendered_by_us = False

    @classmethod
    def of(cls, config: MkDocsConfig, page: Page, inclusion: InclusionLevel) -> File:
        if isinstance(page.source, str):
            return File.generated(config, page.uri, content=page.source, inclusion=inclusion)
        made = cls.generated(config, page.uri, content="", inclusion=inclusion)
        assert isinstance(made, RenderedFile)
        made.page_source = page
        made.rendered_by_us = True
        return made

    @property
    def content_string(self) -> str:
        if self.page_source is not None:
            return self.page_source.content
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:  # a plugin that sets the content wins
        self.page_source = None
        self.rendered_by_us = False
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    @property
    def content_bytes(self) -> bytes:
        if self.page_source is not None:
            return self.page_source.content.encode("utf-8")
        return super().content_bytes

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.page_source = None
        self.rendered_by_us = False
        File.content_bytes.fset(self, value)  # type: ignore[attr-defined]

    def let_go(self) -> None:
        """Forget the page it renders, once MkDocs has read it for the last time."""
        self.page_source = None


def _rendered_by_us(page: MkDocsPage) -> bool:
    """Whether the page's Markdown is the log's own, rendered on read (no plugin replaced it)."""
    return isinstance(page.file, RenderedFile) and page.file.rendered_by_us


def release_markdown(page: MkDocsPage) -> None:
    """Let go of a rendered-on-read page's Markdown once MkDocs has made it HTML.

    MkDocs keeps every page's Markdown until the build ends (about 9 MB at 1,000 entries for
    these pages). Past this point MkDocs reads only a page's HTML, its table of contents and
    its front matter, which gives these pages their title.
    """
    if _rendered_by_us(page):
        page.markdown = ""


def release(page: MkDocsPage) -> None:
    """Let go of a rendered-on-read page's Markdown and HTML once MkDocs has written it.

    MkDocs keeps every page's Markdown and HTML until the build ends; for a log these pages
    are most of the build's memory. Nothing reads them after the page is written (the search
    plugins index a page before). The title stays: these pages carry it in their front matter.
    """
    if _rendered_by_us(page):
        page.markdown = ""
        page.content = ""


class ParkedHtml:
    """A build's generated pages' HTML, kept compressed until MkDocs puts it into the theme.

    MkDocs first makes every page's HTML, then renders the theme around each page: all the
    HTML is held at once. A log's overview and detail pages are large (7.5 MB of HTML at
    1,000 entries, against 3 MB for the same entries as plain pages); compressed, they take
    a fifth of that. A page's HTML is back before any plugin's `on_page_context` but ours.
    """

    def __init__(self) -> None:
        self._parked: dict[str, bytes] = {}

    def park(self, page: MkDocsPage, html: str) -> str:
        """What MkDocs holds as the page's HTML: nothing, for a page parked here."""
        if not _rendered_by_us(page):
            return html
        self._parked[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        return ""

    def restore(self, page: MkDocsPage) -> None:
        data = self._parked.pop(page.file.src_uri, None)
        if data is not None:
            page.content = zlib.decompress(data).decode("utf-8")
