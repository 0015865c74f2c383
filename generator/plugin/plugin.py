"""The MkDocs adapter: configuration, generated pages, watching entries, reporting problems.

This module and the `mkdocs_*` modules beside it (options, nav order, rendered-on-read files,
the serve page cache and search keeper) are the only code that imports MkDocs; everything they
do is hand data to the core (`loader`, `privacy`, `render`) and hand the result back to MkDocs.
"""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import tempfile
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import __version__
from ..i18n import Language
from ..options import checked_values, read_options
from ..site.build import STYLESHEET, BuildOptions, Rebuilds, SiteIdentity, SitePages, build_site
from ..site.feed import FEED_PATH
from ..site.generated import generated_files
from ..site.html_blocks import __name__ as HTML_BLOCKS
from ..site.render import INSIGHT_PAGES, TIMELINE, private_banner
from ..site.render import Page as GeneratedPage
from .files import ParkedHtml, RenderedFile, release, release_markdown
from .nav import log_pages_first, pages_of
from .options import RecoveryLogConfig
from .page_cache import (
    KEPT_TEMPLATE,
    TRUSTED_PLUGINS,
    PageCache,
    TemplateCode,
    config_fingerprint,
    digest,
    link_resolver,
    nav_shape,
    theme_stamp,
    unvouched_extensions,
)
from .previous_output import PreviousOutput
from .search import SearchKeeper
from .shared_nav import SharedNav, shares_nav

if TYPE_CHECKING:  # at run time only `mkdocs serve` needs it: it pulls in a web server
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger("recovery-log")
"""Log lines read "recovery-log: ...", the name users know the plugin by (not the package)."""

LARGE_LOG = 200
"""Entries from which plain `mkdocs serve` without the page cache (another plugin is on) takes
seconds per save (about 3 s on 2 cores), so the plugin suggests `--dirty`
(see `benchmarks/README.md`)."""


class RecoveryLogPlugin(BasePlugin[RecoveryLogConfig]):
    """Turns the files in `entries/` into the pages of a Recovery Log."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command: str = "build"
        self.entries_path = Path("entries")
        self.options = read_options({})
        self.settings = self.options.settings()
        self.site: SitePages | None = None
        self.feed_document: bytes | None = None
        self.stable_dir: Path | None = None
        self.rebuilds: Rebuilds | None = None
        """While serving: the parsed entries and rendered entry pages, kept across rebuilds
        (MkDocs keeps plugins that have on_startup)."""
        self.search_keeper: SearchKeeper | None = None
        """While serving: keeps the preview's search index whole when pages are not rebuilt."""
        self.page_cache: PageCache | None = None
        """Under plain `mkdocs serve`: the generated pages, kept across rebuilds."""
        self.caching: bool | None = None
        """Whether this build uses `page_cache` (not with a plugin it cannot vouch for)."""
        self.nav: Navigation | None = None
        self.releasing = False
        """Whether a build lets go of its generated pages' Markdown and HTML once used (not
        while serving, nor with a plugin that might still read them)."""
        self.parked: ParkedHtml | None = None
        """While releasing: the generated pages' HTML, between MkDocs making it and using it."""
        self.sharing_nav = False
        """Whether the log's pages outside the nav share one drawn navigation (see
        `shared_nav`)."""
        self.out_of_nav: set[str] = set()
        """The generated pages MkDocs keeps out of the nav (unless the user's `nav:` lists them)."""
        self.resolved_links: dict[str, dict[str, str | None]] = {}
        self.kept_search: dict[str, Any] = {}
        self.previous_output: PreviousOutput | None = None
        """Under plain `mkdocs serve`: the previous build's files, until they are deleted."""
        self.template_code: TemplateCode | None = None
        """While serving: the theme's compiled templates, kept across rebuilds."""
        self.suggest_dirty = False
        self.server: LiveReloadServer | None = None
        """While serving: the server, told of each folder of the log's to watch."""
        self.watched: set[str] = set()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.on_shutdown()  # one instance may serve several commands in a process (tests)
        self.command = command
        self.suggest_dirty = command == "serve" and not dirty
        self.caching = None
        if command != "serve":
            return
        self.search_keeper = SearchKeeper()
        self.template_code = TemplateCode()
        self.rebuilds = Rebuilds()
        if dirty:
            self.stable_dir = Path(tempfile.mkdtemp(prefix="recovery-log-pages-"))
            # the pages' Markdown, private ones too: gone even if the preview never shuts down
            atexit.register(shutil.rmtree, self.stable_dir, ignore_errors=True)
        else:
            self.page_cache = PageCache()
            self.previous_output = PreviousOutput()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.search_keeper is not None:
            self.search_keeper.start_build()
        if self.previous_output is not None:  # MkDocs is about to empty the site folder
            self.previous_output.discard()
            self.previous_output.set_aside(Path(config.site_dir))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.options = checked_values(self.config)
        self.entries_path = config_dir / self.options.entries_dir
        self.settings = self.options.settings(theme_language=config.theme.get("language"))
        if self.command == "gh-deploy" and self.settings.show_private:
            raise PluginError(
                "recovery-log: "
                + self.settings.language.gettext(
                    "refusing to deploy a private preview. show_private is on (is "
                    "RECOVERY_LOG_SHOW_PRIVATE set?), so this build would publish private "
                    "entries. Nothing was pushed. Unset it and run gh-deploy again."
                )
            )
        for extension in ("attr_list", "md_in_html", "tables", HTML_BLOCKS):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        _no_web_fonts(config, self.settings.language)
        _direction_of(config, self.settings.language.direction)
        untrusted = sorted(
            name for name in config.plugins if name.removeprefix("material/") not in TRUSTED_PLUGINS
        )
        self.releasing = self.command != "serve" and not untrusted
        self.parked = ParkedHtml() if self.releasing else None
        self.sharing_nav = shares_nav(config.theme, untrusted)
        self._start_page_cache(config, untrusted)
        self._watch_inputs(config)
        return config

    def _start_page_cache(self, config: MkDocsConfig, untrusted: list[str]) -> None:
        if self.page_cache is None:
            return
        _ = self.settings.language.gettext
        reasons = []
        if untrusted:
            reasons.append(
                _(
                    "plugin %(names)s may change pages in ways Recovery Log cannot see",
                    names=", ".join(untrusted),
                )
            )
        if extensions := unvouched_extensions(config.markdown_extensions):
            reasons.append(
                _(
                    "Markdown extension %(names)s may pull other files into pages, and Recovery "
                    "Log cannot see them change",
                    names=", ".join(extensions),
                )
            )
        if reasons and self.caching is not False:
            if len(reasons) == 2:
                reasons = [_("%(first)s; and %(second)s", first=reasons[0], second=reasons[1])]
            log.info(
                _(
                    "each save rebuilds every page, because %(reasons)s, so it keeps none of them",
                    reasons=reasons[0],
                )
            )
        self.caching = not reasons
        theme = config.theme
        setting = config_fingerprint(
            config, __version__, self.settings, theme.name, theme.dirs, theme.static_templates
        )
        self.page_cache.start_build(setting)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        _drop_generated_copies(files, Path(config.docs_dir))
        self.resolved_links = {}
        self.out_of_nav = set()
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
                reply_to=self.config.reply_to,
            ),
            self.rebuilds,
        )
        language = self.settings.language
        for problem in site.problems:
            log.warning(language.gettext("entry problem: %(problem)s", problem=problem))
        for warning in site.warnings:  # valid entries: info, so `mkdocs build --strict` passes
            log.info(language.gettext("worth a look: %(warning)s", warning=warning))
        self.site = site
        if self.suggest_dirty and not self.caching and len(site.entries) >= LARGE_LOG:
            self.suggest_dirty = False  # once per preview
            log.info(
                language.ngettext(
                    "%(num)s entry: each save rebuilds every page. `mkdocs serve --dirty` "
                    "rebuilds only the pages that changed, and keeps search whole",
                    "%(num)s entries: each save rebuilds every page. `mkdocs serve --dirty` "
                    "rebuilds only the pages that changed, and keeps search whole",
                    len(site.entries),
                )
            )
        for page in site.pages:
            if files.get_file_from_path(page.uri) is not None:
                log.info(
                    language.gettext(
                        "docs/%(page)s is your own page: it replaces the generated one",
                        page=page.uri,
                    )
                )
                continue
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(self._generated(config, page, inclusion))
            if not page.in_nav:
                self.out_of_nav.add(page.uri)
            if self.caching and self.page_cache is not None:
                self.page_cache.add_page(page.uri)
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET, content=site.stylesheet))
        if self.caching and self.page_cache is not None:
            self.page_cache.set_files(f"{file.src_uri} {file.url}" for file in files)
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
        if self.page_cache is not None:
            self.page_cache.close()
            self.page_cache = None
        if self.previous_output is not None:
            self.previous_output.close()
            self.previous_output = None
        self.search_keeper = None
        self.server = None
        self.rebuilds = None
        self.template_code = None

    def _cached(self, page: Any) -> PageCache | None:
        """The page cache, when this build uses it and `page` is one of the log's pages."""
        cache = self.page_cache
        if self.caching and cache is not None and cache.is_generated(page.file.src_uri):
            return cache
        return None

    @event_priority(-100)  # last: other plugins see the page's own Markdown
    def on_page_markdown(
        self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str:
        cache = self._cached(page)
        if cache is None:
            return markdown
        resolve = link_resolver(page, files, self.resolved_links)
        meta = json.dumps(page.meta, sort_keys=True, default=str)
        if cache.reuse(page.file.src_uri, meta, markdown, resolve):
            # MkDocs calls page.render next: this page's stands in, putting back the kept HTML
            # instead of making a Markdown converter for it (about 0.2 ms a page).
            find = files.get_file_from_path
            page.render = lambda config, files: cache.put_back(page, find)
        return markdown

    @event_priority(-100)  # last: what is kept is the page's HTML as every plugin left it
    def on_page_content(
        self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str:
        """Every page of a private preview says so, the user's own pages too."""
        if self.releasing:  # a build's memory: see `release_markdown`
            release_markdown(page)
        cache = self._cached(page)
        if cache is not None and page.file.src_uri in cache.reused:
            return html  # as it was kept: with the banner of a private preview
        if self.settings.show_private:
            html = private_banner(self.settings.language) + html
        if cache is not None:
            return cache.content(page, html)
        return self.parked.park(page, html) if self.parked is not None else html

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        pages = [
            file.page
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            if file.page
        ]
        if self.search_keeper is not None:
            self.search_keeper.site_pages(page.url for page in pages)
        if self.template_code is not None:
            env.bytecode_cache = self.template_code
        if self.sharing_nav:
            in_nav = {page.file.src_uri for page in (self.nav.pages if self.nav else [])}
            SharedNav(self.out_of_nav - in_nav).install(env)
        if self.caching and self.page_cache is not None:
            self._serve_kept_pages(env, config, pages)
        if self.releasing:
            self._let_go_of_the_log(config, files)
        return env

    def _let_go_of_the_log(self, config: MkDocsConfig, files: Files) -> None:
        """Every page has been read: a build needs the log again only for its feed.

        The feed is made now, and the log (entries, facts, reports: about 30 MB at 5,000
        entries) let go of before MkDocs renders the theme around each page, so that memory
        serves the rest of the build instead of adding to its peak.
        """
        if self.site is not None and self.config.feed:
            self.feed_document = self.site.feed(_identity(config))
        self.site = None
        for file in files:
            if isinstance(file, RenderedFile):
                file.let_go()

    def _serve_kept_pages(self, env: Any, config: MkDocsConfig, pages: list[Page]) -> None:
        """Pages whose finished HTML is kept render an empty template, and search gets their
        entries from the previous build (they are hidden from the search plugin meanwhile)."""
        assert self.page_cache is not None
        frame = digest(
            self.page_cache.setting,
            nav_shape(self.nav.items if self.nav else []),
            theme_stamp(config.theme.custom_dir),
        )
        ours = [page for page in pages if self.page_cache.is_generated(page.file.src_uri)]
        self.kept_search = {}
        for page in self.page_cache.finish_reused(frame, ours):
            self.kept_search[page.file.src_uri] = page.meta.get("search")
            page.meta["template"] = KEPT_TEMPLATE
            page.meta["search"] = {"exclude": True}
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({KEPT_TEMPLATE: ""}), env.loader])

    @event_priority(100)  # first: the search plugin must not see a kept page
    def on_page_context(
        self, context: Any, /, *, page: Any, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        """The pages rendered in this build: the search keeper notes them."""
        if self.parked is not None:
            self.parked.restore(page)
        if self.search_keeper is None:
            return context
        if self.page_cache is not None and self.page_cache.is_finished(page.file.src_uri):
            return context
        search = page.meta.get("search")
        excluded = isinstance(search, dict) and bool(search.get("exclude"))
        self.search_keeper.page_built(page.url, searchable=not excluded)
        return context

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Without a `nav:` of the user's, the log's pages come first, in reading order."""
        self.nav = nav
        if config.nav:
            return nav
        # The dashboard is index.md, or dashboard.md beside a home page of the user's own.
        order = ["index.md", "dashboard.md", TIMELINE, *(uri for uri, _, _ in INSIGHT_PAGES)]
        nav.items = log_pages_first(nav.items, order)
        nav.pages = list(pages_of(nav.items))
        pages = nav.pages
        for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
            page.previous_page, page.next_page = before, after
        return nav

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Material's 404 page gets the same accessibility fixes as every other page."""
        return name_search_dialog(output_content)

    @event_priority(100)  # first: a kept page is kept as the theme made it, plus our marks
    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if self.releasing:  # a build's memory: see `release`
            release(page)
        cache = self._cached(page)
        uri = page.file.src_uri
        if cache is not None and cache.is_finished(uri):
            page.meta.pop("template", None)
            page.meta.pop("search", None)
            if (search := self.kept_search.pop(uri, None)) is not None:
                page.meta["search"] = search
            return cache.output(uri, output)
        output = name_search_dialog(output)
        feed_url = self._feed_url(config)
        if feed_url:
            link = (
                '<link rel="alternate" type="application/atom+xml" '
                f'title="{escape(config.site_name)}" href="{escape(feed_url)}">'
            )
            output = output.replace("</head>", link + "</head>", 1)
        return cache.output(uri, output) if cache is not None else output

    @event_priority(-100)  # last: after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.previous_output is not None:
            self.previous_output.discard()
        if self.search_keeper is not None:
            problem = self.search_keeper.complete(
                Path(config.site_dir),
                show_private=self.settings.show_private,
                language=self.settings.language,
            )
            if problem:
                log.warning(problem)
        if not self.config.feed:
            return
        # A build made it before letting go of the log (`_let_go_of_the_log`)
        document = self.site.feed(_identity(config)) if self.site else self.feed_document
        if document is None:
            log.info(
                self.settings.language.gettext(
                    "no site_url in mkdocs.yml, so no feed.xml: set it to publish a feed"
                )
            )
            return
        Path(config.site_dir, FEED_PATH).write_bytes(document)

    def on_build_error(self, *, error: Exception) -> None:
        """A build that failed never reaches `on_post_build`: the previous site it set aside
        is deleted here."""
        if self.previous_output is not None:
            self.previous_output.discard()

    def _feed_url(self, config: MkDocsConfig) -> str:
        if not (self.config.feed and config.site_url):
            return ""
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        return base + FEED_PATH

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        self.server = server
        self.watched = set()
        self._watch_inputs(config)
        return server

    def _watch_inputs(self, config: MkDocsConfig) -> None:
        """The server watches the entries and templates folders, as it watches docs/, and
        the files `mkdocs.yml` inherits from, as it watches `mkdocs.yml`: those it names now
        (one named while serving too), once each."""
        if self.server is None:
            return
        paths = [os.fspath(self.entries_path), self.config.templates_dir]
        paths += inherited_files(config.config_file_path)
        for path in paths:
            if path and path not in self.watched and os.path.exists(path):
                self.server.watch(path)
                self.watched.add(path)


_INHERIT = re.compile(r"""^INHERIT:[ \t]*(["']?)([^"'#\n]+?)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def inherited_files(config_path: str | None) -> list[str]:
    """The files a config file inherits from (`INHERIT: base.yml`, and theirs), which MkDocs
    reads on every build but does not watch."""
    found: list[str] = []
    path = config_path
    while path and path not in found:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            break
        if path != config_path:
            found.append(path)
        named = _INHERIT.search(text)
        path = os.path.normpath(os.path.join(os.path.dirname(path), named[2])) if named else None
    return found


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


def _direction_of(config: MkDocsConfig, direction: str) -> None:
    """Material lays the page out by `theme.direction`, else by its own language's; the log's
    language (the `language` option) decides it when the theme does not say."""
    if config.theme.name == "material" and not config.theme.get("direction") and direction == "rtl":
        config.theme["direction"] = "rtl"


def _no_web_fonts(config: MkDocsConfig, language: Language) -> None:
    """Material loads Google Fonts unless told not to: a mentor's visit is nobody's business."""
    theme = config.theme
    if theme.name == "material" and theme.get("font") is not False:
        theme["font"] = False
        log.info(
            language.gettext(
                "Material's web fonts are turned off, so the site makes no third-party requests"
            )
        )
