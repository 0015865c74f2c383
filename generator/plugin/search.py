"""A whole search index while serving, part of the MkDocs adapter.

Under `mkdocs serve --dirty` MkDocs skips unchanged pages; under plain `mkdocs serve` the
plugin's page cache (`page_cache`) serves unchanged generated pages as kept. Either way
the search plugin sees only the pages rendered in this build.

Under `--dirty` MkDocs rebuilds only the pages whose source changed, and the search plugins
index only the pages they saw: MkDocs' own writes an index of the rebuilt pages alone;
Material's keeps its previous index but, when the first rebuilt page is the home page (whose
URL is a prefix of every other), drops everything else, and keeps stale copies of other rebuilt
pages. So the search box of a dirty preview would find a handful of pages.

`SearchKeeper` remembers the search entries of every page from the previous build (in the
serving process only: nothing is written anywhere but the index MkDocs serves) and, after a
rebuild, rewrites the served `search_index.json`: the fresh entries of the pages that were
rebuilt, the remembered entries of those that were not, and nothing of the pages that no longer
exist (a deleted entry's page). Only `generator.plugin.plugin` uses it; it imports no MkDocs.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..i18n import ENGLISH, Language

Doc = dict[str, Any]
"""One entry of `search_index.json`'s `docs`: a section of a page (`location`, `title`, ...)."""

INDEX_PATH = Path("search", "search_index.json")
"""Where MkDocs' and Material's search plugins write the index, inside the site folder."""


def page_of(location: str) -> str:
    """The URL of the page a search entry belongs to: its location without the `#section`."""
    return location.partition("#")[0]


def by_page(docs: Iterable[Doc]) -> dict[str, list[Doc]]:
    """Search entries grouped by the page they belong to, in the order they come."""
    pages: dict[str, list[Doc]] = {}
    for doc in docs:
        pages.setdefault(page_of(doc["location"]), []).append(doc)
    return pages


def last_runs(docs: list[Doc], wanted: set[str]) -> dict[str, list[Doc]]:
    """For each page in `wanted`, its last unbroken run of entries in `docs`.

    A search plugin appends the entries of the pages it indexed in this build after whatever it
    kept from before, one page at a time, so a rebuilt page's fresh entries are its last run;
    any earlier copy is stale.
    """
    runs: dict[str, list[Doc]] = {}
    previous = None
    for doc in docs:
        page = page_of(doc["location"])
        if page in wanted:
            if page != previous:
                runs[page] = []
            runs[page].append(doc)
        previous = page
    return runs


def whole_index(
    docs: list[Doc],
    *,
    rebuilt: dict[str, bool],
    pages: set[str],
    remembered: dict[str, list[Doc]],
) -> list[Doc]:
    """The entries of every page of the site after a dirty rebuild.

    `docs` is what the search plugin wrote; `rebuilt` maps each rebuilt page's URL to whether
    it may be indexed (False: `search: exclude`); `pages` are the URLs of every page the site
    has now; `remembered` is each page's entries from the previous build. A page that no longer
    exists is left out, even if the search plugin kept it.
    """
    indexed = {url for url, included in rebuilt.items() if included and url in pages}
    fresh = last_runs(docs, indexed)
    whole: list[Doc] = []
    for url, entries in remembered.items():
        if url in pages and url not in rebuilt:
            whole += entries
    for entries in fresh.values():
        whole += entries
    return whole


class SearchKeeper:
    """Keeps the search index of a `mkdocs serve --dirty` preview whole, rebuild after rebuild.

    The plugin reports each build's start, every page it builds and the site's pages; after the
    search plugin has written the index, `complete` rewrites it where the build left it partial.
    What it remembers lives in this object only, for the life of the serving process.
    """

    def __init__(self) -> None:
        self.remembered: dict[str, list[Doc]] | None = None
        self.remembered_private = False
        self.rebuilt: dict[str, bool] = {}
        self.pages: set[str] = set()

    def start_build(self) -> None:
        self.rebuilt = {}

    def page_built(self, url: str, *, searchable: bool) -> None:
        self.rebuilt[url] = searchable

    def site_pages(self, urls: Iterable[str]) -> None:
        self.pages = set(urls)

    def complete(
        self, site_dir: Path, *, show_private: bool, language: Language = ENGLISH
    ) -> str | None:
        """Rewrite the site's search index whole; a warning for the user when it cannot be."""
        path = site_dir / INDEX_PATH
        if not path.is_file():
            return None  # no search plugin
        data = json.loads(path.read_text(encoding="utf-8"))
        docs: list[Doc] = data["docs"]
        warning = None
        if self.remembered is not None and self.remembered_private != show_private:
            # What a private preview indexed is never put back into a public one, nor the
            # reverse: the index holds the rebuilt pages only until the preview restarts.
            self.remembered = {}
            if self.pages - set(self.rebuilt):
                warning = language.gettext(
                    "show_private changed while serving with --dirty: until you restart "
                    "`mkdocs serve --dirty`, search finds only the pages rebuilt since"
                )
        if self.remembered is not None:
            docs = whole_index(
                docs, rebuilt=self.rebuilt, pages=self.pages, remembered=self.remembered
            )
            data["docs"] = docs
            _replace(path, json.dumps(data, separators=(",", ":"), default=str))
        self.remembered = by_page(docs)
        self.remembered_private = show_private
        return warning


def _replace(path: Path, text: str) -> None:
    """Write `path` whole in one step: the server never sends a half-written index."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
