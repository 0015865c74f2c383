"""Page addresses and links: every link a page shows is relative to that page's source."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from ..i18n import ENGLISH, Language
from ..insights.names import fold
from ..model import AnyEntry, Rejection
from ..vocabulary import entry_title
from .markdown import Md, escape, link, relative_path

ENTRIES_FOLDER = "entries"


@dataclass(frozen=True)
class PageAddresses:
    """Where each generated page lives in the docs tree; pass one to `to.page(...)`."""

    dashboard: str
    """`index.md`, or `dashboard.md` when the site has a home page of its own."""
    timeline: str = "entries.md"
    skills: str = "skills.md"
    feedback: str = "feedback.md"
    interviews: str = "interviews.md"
    tracks: str = "tracks.md"
    lessons: str = "lessons.md"
    reflections: str = "reflections.md"
    mentor: str = "mentor.md"
    problems: str = "problems.md"


TRACKS = PageAddresses.tracks


def entry_uri(entry: AnyEntry | str) -> str:
    """The page of an entry (or of an entry id), in the docs tree."""
    entry_id = entry if isinstance(entry, str) else entry.id
    return f"{ENTRIES_FOLDER}/{entry_id}.md"


def page_url(uri: str, directory_urls: bool = True) -> str:
    """A page's address relative to the site root, as MkDocs and Zensical give it.

    `entries/x.md` is `entries/x/`, `folder/index.md` is `folder/`; without directory URLs,
    they are `entries/x.html` and `folder/index.html`.
    """
    stem, _, _ = uri.rpartition(".")
    folder, _, name = stem.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    if not directory_urls:
        return f"{prefix}{name}.html"
    return prefix if name == "index" else f"{prefix}{name}/"


# Hits are a link repeated within a page: a small cache keeps them without holding every
# link of a large site for the whole build (about 5 MB at 1,000 entries with 65,536).
@functools.lru_cache(maxsize=2048)
def built_href(target_uri: str, from_uri: str, directory_urls: bool = True) -> str:
    """A link from one page to another as the built site has them (for raw HTML, which
    MkDocs does not rewrite): `../../entries/x/` from `tracks/t.md`."""
    target = page_url(target_uri, directory_urls)
    here = page_url(from_uri, directory_urls)
    base = here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)
    relative = relative_path(target, base)
    if target.endswith("/") or not target:
        relative += "/"
    return quote(relative, safe="/#")


_UNQUOTED = re.compile(r"[A-Za-z0-9_.~/#-]*").fullmatch
"""What `quote(text, safe="/#")` leaves as it is."""


def _quoted(entry_id: str) -> str:
    """`quote(entry_id, safe="/#")`, without its work for the usual id (a detail page at 1,000
    entries quotes thousands, and quote took a tenth of rendering them)."""
    return entry_id if _UNQUOTED(entry_id) else quote(entry_id, safe="/#")


class Links:
    """Link helpers for one page: every link is relative to that page's source."""

    def __init__(
        self,
        here: str,
        known: set[str],
        tracks: dict[str, tuple[str, str]] | None = None,
        directory_urls: bool = True,
        language: Language = ENGLISH,
    ) -> None:
        self.here = here
        self.language = language
        self.known = known
        self.tracks = tracks or {}
        self.directory_urls = directory_urls
        self._entries_href = ""

    def _entry_href(self, entry_id: str) -> str:
        """`built_href` of an entry's page: every entry page sits in one folder, so the way
        there is found once per page (a detail page at 5,000 entries links thousands)."""
        if entry_id == "index":  # `entries/index.md` is the timeline's address, not a page's
            return built_href(entry_uri(entry_id), self.here, self.directory_urls)
        if not self._entries_href:
            self._entries_href = built_href(entry_uri("_"), self.here, self.directory_urls)
        suffix = "_/" if self.directory_urls else "_.html"
        return self._entries_href.removesuffix(suffix) + _quoted(entry_id) + suffix[1:]

    def entry_html(self, entry: AnyEntry | str, text: object = None) -> Md:
        """`entry(...)` as an HTML link, for the long lists that detail pages write as HTML
        (Python-Markdown passes an HTML block through, several times faster than Markdown)."""
        entry_id = entry if isinstance(entry, str) else entry.id
        label = escape(text if text is not None else self._title(entry))
        if entry_id not in self.known:
            return label
        href = self._entry_href(entry_id)
        private = getattr(entry, "private", False)
        tag = f" {self._private_tag()}" if private else ""
        return Md(f'<a href="{href}">{label}</a>{tag}')

    def _title(self, entry: AnyEntry | str) -> str:
        return entry if isinstance(entry, str) else entry_title(entry, self.language)

    def _private_tag(self) -> str:
        word = escape(self.language.gettext("private"))
        return f'<span class="rl-private-tag">{word}</span>'

    def entry_links_html(self, entries: Iterable[AnyEntry]) -> Md:
        """`entry_html` of each entry, by company (a reflection by its title), comma-separated:
        a detail page's list of every entry behind a figure, joined here rather than in a
        template loop (at 5,000 entries a track's page holds thousands)."""
        return Md(
            ", ".join(
                self.entry_html(e, e.company if isinstance(e, Rejection) else self._title(e))
                for e in entries
            )
        )

    def cited_html(self, entries: Sequence[AnyEntry], more: str, shown: int) -> Md:
        """The `shown` most recent of `entries` (oldest first) as `entry_links_html`, then
        "and N more" linking the page `more`, which has all of them."""
        links = self.entry_links_html(entries[-shown:])
        left = len(entries) - shown
        if left <= 0:
            return links
        rest = self.page_html(
            more,
            self.language.ngettext(
                "and %(count)s more", "and %(count)s more", left, count=self.language.integer(left)
            ),
        )
        return Md(
            self.language.gettext("%(entries)s, %(more)s", entries=links, more=rest)
        )

    def entry_section_html(self, entry: AnyEntry, anchor: str, text: object) -> Md:
        """`entry_section(...)` as an HTML link, for HTML blocks."""
        if entry.id not in self.known:
            return escape(text)
        return Md(f'<a href="{self._entry_href(entry.id)}#{anchor}">{escape(text)}</a>')

    def anchor_html(self, anchor: str, text: object) -> Md:
        """`anchor(...)` as an HTML link, for HTML blocks."""
        return Md(f'<a href="#{anchor}">{escape(text)}</a>')

    def page_html(self, uri: str, text: object) -> Md:
        """`page(...)` as an HTML link, for HTML blocks."""
        return Md(f'<a href="{built_href(uri, self.here, self.directory_urls)}">{escape(text)}</a>')

    def track_html(self, name: str) -> Md:
        """`track(...)` as an HTML link, for HTML blocks."""
        found = self.tracks.get(fold(name))
        if found is None:
            return escape(name)
        shown, anchor = found
        href = built_href(TRACKS, self.here, self.directory_urls)
        return Md(f'<a href="{href}#{anchor}">{escape(shown)}</a>')

    def entry(self, entry: AnyEntry | str, text: object = None) -> Md:
        """A link to an entry's page, titled by `text` or the entry's title; text only when
        the entry is not on the site (private, or broken)."""
        entry_id = entry if isinstance(entry, str) else entry.id
        label = text if text is not None else self._title(entry)
        if entry_id not in self.known:
            return escape(label)
        linked = link(label, entry_uri(entry_id), self.here)
        if getattr(entry, "private", False):  # only ever shown in a private preview
            return Md(f"{linked} {self._private_tag()}")
        return linked

    def entry_section(self, entry: AnyEntry, anchor: str, text: object) -> Md:
        """A link to a section (`{ #anchor }`) of an entry's page, e.g. its feedback draft."""
        if entry.id not in self.known:
            return escape(text)
        return link(text, f"{entry_uri(entry)}#{anchor}", self.here)

    def page(self, uri: str, text: object) -> Md:
        """A link to a page of the docs tree (see `pages` for the generated ones)."""
        return link(text, uri, self.here)

    def track(self, name: str) -> Md:
        """A track's name as the tracks page shows it, linked to its section there."""
        found = self.tracks.get(fold(name))
        if found is None:
            return escape(name)
        shown, anchor = found
        return link(shown, f"{TRACKS}#{anchor}", self.here)

    def anchor(self, anchor: str, text: object) -> Md:
        """A link to a heading on this page, whose id the template set with `{ #id }`."""
        return Md(f"[{escape(text)}](#{anchor})")
