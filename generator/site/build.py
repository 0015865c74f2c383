"""One build of a Recovery Log, whatever the engine: the pages, the stylesheet and the feed.

Both adapters call `build_site`: the MkDocs plugin hands the pages to MkDocs in memory, and
`recovery-log generate` writes them to disk for engines that run no plugins (Zensical). So the
log is read, filtered for privacy and rendered in exactly one place, and every engine shows
the same pages at the same addresses.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..entries.loader import ParseCache, load_log
from ..errors import Problem
from ..i18n import ENGLISH, Language
from ..insights.analysis import Analysis
from ..insights.reports import reports
from ..model import AnyEntry
from ..privacy import anonymize_companies, publishable
from ..settings import Settings
from .feed import atom_feed
from .links import page_url
from .render import Page, SiteOptions, entry_uri, private_banner, render_site
from .render_memo import RenderMemo

STYLESHEET = "assets/recovery-log.css"
"""Where the site's stylesheet goes in the docs tree (and so in `extra_css`)."""


@dataclass(frozen=True)
class BuildOptions:
    """What a build needs besides the entries and the settings."""

    entries_label: str = "entries"
    """How the entries folder is named to the user, e.g. in "From entries/2026/x.md"."""
    templates_dir: str | os.PathLike[str] | None = None
    anonymize_companies: bool = False
    mentor_since: dt.date | None = None
    feed: bool = True
    user_home: bool = False
    """The user has an `index.md` of their own: the dashboard moves to `dashboard.md`."""
    problem_details: bool = True
    """Name each broken file on the problems page (a preview), or only count them (published)."""
    banner_in_pages: bool = False
    """Put the private-preview banner into each page's Markdown (engines without plugins)."""
    author: str | None = None
    """`site_author`: feedback drafts are signed with it."""
    site_name: str = ""
    """The log's name, printed at the top of the mentor digest on paper."""
    directory_urls: bool = True
    """The engine builds `x.md` as `x/index.html` (MkDocs' `use_directory_urls`)."""
    reply_to: str | None = None
    """The `reply_to` option: the address the mentor's "Reply by e-mail" links write to."""


@dataclass(frozen=True)
class SiteIdentity:
    """The engine's site settings the feed needs."""

    title: str
    site_url: str | None
    author: str | None = None
    directory_urls: bool = True


@dataclass(frozen=True)
class SitePages:
    """Everything a build produces, ready for an adapter to deliver."""

    pages: tuple[Page, ...]
    stylesheet: bytes
    entries: tuple[AnyEntry, ...]
    """The entries as published: private ones left out, companies anonymized when asked."""
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    """Valid entries that may not say what was meant: logged, and on the problems page."""
    settings: Settings
    feed_enabled: bool
    analysis: Analysis
    """The one analysis of the published entries: pages and feed read the same facts."""

    def feed(self, site: SiteIdentity) -> bytes | None:
        """The Atom feed document; None when the feed is off or the site has no address."""
        if not (self.feed_enabled and site.site_url):
            return None
        return atom_feed(
            self.entries,
            title=site.title,
            site_url=site.site_url,
            url_for=lambda entry: page_url(entry_uri(entry), site.directory_urls),
            analysis=self.analysis,
            author=site.author,
        )


@dataclass
class Rebuilds:
    """What a preview (`mkdocs serve`, `generate --watch`) keeps from one build to the next,
    so that a save costs what it changed: the entry files as parsed, the entry pages as
    rendered."""

    files: ParseCache = field(default_factory=ParseCache)
    pages: RenderMemo = field(default_factory=RenderMemo)


def build_site(
    entries_dir: Path,
    settings: Settings,
    options: BuildOptions,
    kept: Rebuilds | None = None,
) -> SitePages:
    """Load the log, keep what may be shown, and render every page of the site.

    `kept`: what a caller that builds again and again (a preview) keeps between builds.
    """
    cache = kept.files if kept else None
    loaded = load_log(entries_dir, settings, display_as=options.entries_label, cache=cache)
    entries = publishable(loaded.entries, settings.show_private)
    if options.anonymize_companies:
        entries = anonymize_companies(entries)
    site_options = SiteOptions(
        dashboard_uri="dashboard.md" if options.user_home else "index.md",
        problem_details=options.problem_details,
        templates_dir=options.templates_dir,
        entries_label=options.entries_label,
        show_sources=not options.anonymize_companies,
        mentor_since=options.mentor_since,
        author=options.author,
        site_name=options.site_name,
        directory_urls=options.directory_urls,
        reply_to=options.reply_to,
        preview=options.problem_details or settings.show_private,
    )
    found = reports(entries, settings, options.mentor_since)
    pages = render_site(
        entries, loaded.problems, settings, site_options, found, loaded.warnings,
        kept.pages if kept else None,
    )
    if settings.show_private and options.banner_in_pages:
        pages = [Page(p.uri, with_banner(p.content, settings.language), p.in_nav) for p in pages]
    return SitePages(
        pages=tuple(pages),
        stylesheet=stylesheet(),
        entries=entries,
        problems=tuple(loaded.problems),
        warnings=tuple(loaded.warnings),
        settings=settings,
        feed_enabled=options.feed,
        analysis=found.analysis,
    )


def stylesheet() -> bytes:
    return resources.files("generator.site").joinpath("assets", "recovery-log.css").read_bytes()


def with_banner(markdown: str, language: Language = ENGLISH) -> str:
    """The page with the private-preview banner first, after its front matter if it has one."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 3)
        if end != -1:
            cut = end + len("\n---\n")
            rest = markdown[cut:].lstrip("\n")
            return markdown[:cut] + "\n" + private_banner(language) + "\n" + rest
    return private_banner(language) + "\n" + markdown
