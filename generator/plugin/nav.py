"""The log's pages first in a nav the user did not write: part of the MkDocs adapter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.structure.pages import Page


def log_pages_first(items: list[Any], order: list[str]) -> list[Any]:
    """The top-level nav with the pages named in `order` first, in that order (the home page,
    whoever wrote it, is `index.md`), then the user's other pages and sections in theirs."""
    rank = {uri: index for index, uri in enumerate(order)}
    ours = sorted(
        (item for item in items if isinstance(item, Page) and item.file.src_uri in rank),
        key=lambda page: rank[page.file.src_uri],
    )
    return [*ours, *(item for item in items if item not in ours)]


def pages_of(items: list[Any]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif getattr(item, "children", None):
            yield from pages_of(item.children)
