"""The MkDocs adapter: configuration, generated pages, watching entries, reporting problems.

This is the only module that imports MkDocs; everything it does is hand data to the core
(`loader`, `privacy`, `render`) and hand the result back to MkDocs.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .entries.loader import ParseCache
from .mkdocs_files import RenderedFile, release, release_markdown
from .mkdocs_search import SearchKeeper
from .options import BY_NAME, OptionError, checked_values, read_options
from .site.build import STYLESHEET, BuildOptions, SiteIdentity, SitePages, build_site
from .site.feed import FEED_PATH
from .site.generated import generated_files
from .site.html_blocks import __name__ as HTML_BLOCKS
from .site.render import INSIGHT_PAGES, PRIVATE_BANNER, TIMELINE
from .site.render import Page as GeneratedPage

if TYPE_CHECKING:  # at run time only `mkdocs serve` needs it: it pulls in a web server
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("recovery-log")
"""Log lines read "recovery-log: ...", the name users know the plugin by (not the package)."""

LARGE_LOG = 200
"""Entries from which plain `mkdocs serve` takes seconds per save (about 3 s on 2 cores), so
the plugin suggests `--dirty` (see `benchmarks/README.md`)."""


class _Declared(c.BaseConfigOption[Any]):
    """An option of `generator.options.OPTIONS`, checked by its declaration's own check."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.option = BY_NAME[name]
        self.default = self.option.default
        self.config_dir: Path | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        path = config.config_file_path
        self.config_dir = Path(path).resolve().parent if path else None

    def run_validation(self, value: object) -> Any:
        try:
            return self.option.check(value, self.config_dir)
        except OptionError as exc:
            raise c.ValidationError(str(exc)) from None


class RecoveryLogConfig(base.Config):
    """The plugin's options: names, defaults, docs and checks come from `OPTIONS`."""

    entries_dir = _Declared("entries_dir")
    stages = _Declared("stages")
    feedback_due_days = _Declared("feedback_due_days")
    follow_up_days = _Declared("follow_up_days")
    today = _Declared("today")
    skill_aliases = _Declared("skill_aliases")
    show_private = _Declared("show_private")
    templates_dir = _Declared("templates_dir")
    anonymize_companies = _Declared("anonymize_companies")
    mentor_since = _Declared("mentor_since")
    feed = _Declared("feed")


class RecoveryLogPlugin(BasePlugin[RecoveryLogConfig]):
    """Turns the files in `entries/` into the pages of a Recovery Log."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str = "build"
        self.entries_path = Path("entries")
        self.options = read_options({})
        self.settings = self.options.settings()
        self.site: SitePages | None = None
        self.stable_dir: Path | None = None
        self.parse_cache = ParseCache()
        """Kept across `mkdocs serve` rebuilds (MkDocs keeps plugins that have on_startup)."""
        self.search_keeper: SearchKeeper | None = None
        """Under `mkdocs serve --dirty`: keeps the preview's search index whole."""
        self.suggest_dirty = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.command = command
        self.suggest_dirty = command == "serve" and not dirty
        if command == "serve" and dirty and self.stable_dir is None:
            self.stable_dir = Path(tempfile.mkdtemp(prefix="recovery-log-pages-"))
            self.search_keeper = SearchKeeper()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.search_keeper is not None:
            self.search_keeper.start_build()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.options = checked_values(self.config)
        self.entries_path = config_dir / self.options.entries_dir
        self.settings = self.options.settings()
        if self.command == "gh-deploy" and self.settings.show_private:
            raise PluginError(
                "recovery-log: refusing to deploy a private preview. show_private is on (is "
                "RECOVERY_LOG_SHOW_PRIVATE set?), so this build would publish private entries. "
                "Nothing was pushed. Unset it and run gh-deploy again."
            )
        for extension in ("attr_list", "md_in_html", "tables", HTML_BLOCKS):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        _no_web_fonts(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        _drop_generated_copies(files, Path(config.docs_dir))
        site = build_site(
            self.entries_path,
            self.settings,
            BuildOptions(
                entries_label=self.config.entries_dir,
                templates_dir=self.config.templates_dir,
                anonymize_companies=self.config.anonymize_companies,
                mentor_since=self.config.mentor_since,
                feed=self.config.feed,
                user_home=files.get_file_from_path("index.md") is not None,
                problem_details=self.command == "serve",
                author=config.site_author,
                site_name=config.site_name or "",
                directory_urls=config.use_directory_urls,
            ),
            cache=self.parse_cache if self.command == "serve" else None,  # only rebuilds reuse it
        )
        for problem in site.problems:
            log.warning("entry problem: %s", problem)
        for warning in site.warnings:  # valid entries: info, so `mkdocs build --strict` passes
            log.info("worth a look: %s", warning)
        self.site = site
        if self.suggest_dirty and len(site.entries) >= LARGE_LOG:
            self.suggest_dirty = False  # once per preview
            log.info(
                "%d entries: each save rebuilds every page. `mkdocs serve --dirty` rebuilds "
                "only the pages that changed, and keeps search whole",
                len(site.entries),
            )
        for page in site.pages:
            if files.get_file_from_path(page.uri) is not None:
                log.info("docs/%s is your own page: it replaces the generated one", page.uri)
                continue
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(self._generated(config, page, inclusion))
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET, content=site.stylesheet))
        return files

    def _generated(
        self, config: MkDocsConfig, page: GeneratedPage, inclusion: InclusionLevel
    ) -> File:
        """A generated page; under `mkdocs serve --dirty`, one MkDocs can skip when unchanged.

        `--dirty` rebuilds a page only when its source is newer than its output. In-memory
        pages always count as new, so while serving dirty each page is kept as a file that is
        rewritten only when its Markdown changes, and so keeps its time stamp otherwise.
        """
        if self.stable_dir is None:
            return RenderedFile.of(config, page, inclusion)  # rendered when MkDocs reads it
        path = self.stable_dir / page.uri
        data = page.content.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        return File.generated(config, page.uri, abs_src_path=os.fspath(path), inclusion=inclusion)

    def on_shutdown(self) -> None:
        if self.stable_dir is not None:
            shutil.rmtree(self.stable_dir, ignore_errors=True)
            self.stable_dir = None
        self.search_keeper = None

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.search_keeper is not None:
            pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            self.search_keeper.site_pages(file.page.url for file in pages if file.page)
        return env

    def on_page_context(
        self, context: Any, /, *, page: Any, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """Under --dirty, only the pages MkDocs rebuilds get here: the search keeper notes them."""
        if self.search_keeper is not None:
            search = page.meta.get("search")
            excluded = isinstance(search, dict) and bool(search.get("exclude"))
            self.search_keeper.page_built(page.url, searchable=not excluded)
        return context

    def on_page_content(
        self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str:
        """Every page of a private preview says so, the user's own pages too."""
        if self.command != "serve":  # a build's memory: see `release_markdown`
            release_markdown(page)
        if self.settings.show_private:
            return PRIVATE_BANNER + html
        return html

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Without a `nav:` of the user's, the log's pages come first, in reading order."""
        if config.nav:
            return nav
        # The dashboard is index.md, or dashboard.md beside a home page of the user's own.
        order = ["index.md", "dashboard.md", TIMELINE, *(uri for uri, _, _ in INSIGHT_PAGES)]
        nav.items = _log_pages_first(nav.items, order)
        nav.pages = list(_pages_of(nav.items))
        pages = nav.pages
        for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
            page.previous_page, page.next_page = before, after
        return nav

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Material's 404 page gets the same accessibility fixes as every other page."""
        return name_search_dialog(output_content)

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if self.command != "serve":  # a build's memory: see `release`
            release(page)
        output = name_search_dialog(output)
        feed_url = self._feed_url(config)
        if not feed_url:
            return output
        link = (
            '<link rel="alternate" type="application/atom+xml" '
            f'title="{escape(config.site_name)}" href="{escape(feed_url)}">'
        )
        return output.replace("</head>", link + "</head>", 1)

    @event_priority(-100)  # last: after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.search_keeper is not None:
            problem = self.search_keeper.complete(
                Path(config.site_dir), show_private=self.settings.show_private
            )
            if problem:
                log.warning(problem)
        if self.site is None or not self.config.feed:
            return
        document = self.site.feed(_identity(config))
        if document is None:
            log.info("no site_url in mkdocs.yml, so no feed.xml: set it to publish a feed")
            return
        Path(config.site_dir, FEED_PATH).write_bytes(document)

    def _feed_url(self, config: MkDocsConfig) -> str:
        if not (self.config.feed and config.site_url):
            return ""
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        return base + FEED_PATH

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        if self.entries_path.is_dir():
            server.watch(os.fspath(self.entries_path))
        if self.config.templates_dir:
            server.watch(self.config.templates_dir)
        return server


def _identity(config: MkDocsConfig) -> SiteIdentity:
    return SiteIdentity(
        title=config.site_name,
        site_url=config.site_url,
        author=config.site_author,
        directory_urls=config.use_directory_urls,
    )


def _drop_generated_copies(files: Files, docs_dir: Path) -> None:
    """Files `recovery-log generate` wrote into docs/ (for another engine) are built fresh here.

    Left in, each would count as the user's own page and hide the page it is a stale copy of
    (one the user has edited since is theirs, and stays).
    """
    for uri in sorted(generated_files(docs_dir)):
        found = files.get_file_from_path(uri)
        if found is not None:
            files.remove(found)


_SEARCH_DIALOG = re.compile(r'<div class="md-search"(?![^>]*aria-label)([^>]*role="dialog")')
_SEARCH_INPUT_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """Material's search panel is a role=dialog with no accessible name (axe: aria-dialog-name).

    It is named after the search field's own label, so it speaks the site's language.
    """
    found = _SEARCH_INPUT_LABEL.search(html)
    label = found.group(1) if found else "Search"
    return _SEARCH_DIALOG.sub(
        lambda m: f'<div class="md-search" aria-label="{label}"{m[1]}', html, 1
    )


def _log_pages_first(items: list[Any], order: list[str]) -> list[Any]:
    """The top-level nav with the pages named in `order` first, in that order (the home page,
    whoever wrote it, is `index.md`), then the user's other pages and sections in theirs."""
    rank = {uri: index for index, uri in enumerate(order)}
    ours = sorted(
        (item for item in items if isinstance(item, Page) and item.file.src_uri in rank),
        key=lambda page: rank[page.file.src_uri],
    )
    return [*ours, *(item for item in items if item not in ours)]


def _pages_of(items: list[Any]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif getattr(item, "children", None):
            yield from _pages_of(item.children)


def _no_web_fonts(config: MkDocsConfig) -> None:
    """Material loads Google Fonts unless told not to: a mentor's visit is nobody's business."""
    theme = config.theme
    if theme.name == "material" and theme.get("font") is not False:
        theme["font"] = False
        log.info("Material's web fonts are turned off, so the site makes no third-party requests")
