"""Model + insights → the site's pages, as Markdown rendered from Jinja2 templates.

Templates ship inside the package; a folder of the user's own templates, when given, is searched
first, so any page can be reworded without forking the plugin.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape as html_escape
from itertools import groupby
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame

from ..errors import Problem
from ..i18n import ENGLISH, N_, Language
from ..insights import analysis as insights
from ..insights.analysis import Analysis
from ..insights.reports import Reports, reports
from ..model import AnyEntry, Rejection
from ..privacy import mark_private_sections
from ..settings import Settings
from ..vocabulary import (
    decision_name,
    entry_title,
    gap_status_name,
    mood_name,
    stage_name,
    status_label,
)
from .chart_context import CHART_TRACKS, chart_context
from .context import DashboardContext, PageContext, SiteContext, TimelineContext
from .details import AGENDA, CITED, RECENT, by_month, detail_addresses, detail_pages
from .emails import Drafts, template_loader, text_environment
from .format_page import ENTRY_FORMAT, entry_format_page
from .html_blocks import html_block
from .links import ENTRIES_FOLDER, TRACKS, Links, PageAddresses, entry_uri
from .markdown import Md, escape, finalize, front_matter, meta_text
from .render_memo import RenderMemo, Unkeyable, shared_key, value_key
from .reply_links import ReplyLinks
from .template_cache import compiled_templates
from .template_i18n import install_language

TIMELINE = PageAddresses.timeline
PROBLEMS = PageAddresses.problems
__all__ = ["ENTRIES_FOLDER", "TRACKS", "Links", "Page", "SiteOptions", "entry_uri", "render_site"]

INSIGHT_PAGES: tuple[tuple[str, str, str], ...] = (
    (PageAddresses.skills, "skills.md.j2", N_("Skills gap")),
    (PageAddresses.feedback, "feedback.md.j2", N_("Feedback")),
    (PageAddresses.interviews, "interviews.md.j2", N_("Interviews")),
    (PageAddresses.tracks, "tracks.md.j2", N_("Tracks")),
    (PageAddresses.lessons, "lessons.md.j2", N_("Lessons")),
    (PageAddresses.reflections, "reflections.md.j2", N_("Reflections")),
    (PageAddresses.mentor, "mentor.md.j2", N_("For my mentor")),
)
"""(page, template, title) of each insight page, in the order a navigation would list them.
The titles are English; pages show them in the site's language."""


def private_banner(language: Language = ENGLISH) -> str:
    """Put at the top of every page while private content is shown."""
    return (
        '<p class="rl-private-banner" role="alert"><strong>'
        + html_escape(language.gettext("Private preview — do not publish."))
        + "</strong> "
        + html_escape(language.gettext("This build shows private entries and private sections."))
        + "</p>\n"
    )


PageSource = str | Callable[[], str]
"""A page's Markdown, or what renders it when it is read."""


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: where it goes in the docs tree, and its Markdown.

    Pages made from templates are rendered when read (`content`), not with the site:
    an engine that reads its pages one at a time (MkDocs) then never holds every page's
    Markdown at once (about 35 MB at 5,000 entries).
    """

    uri: str
    source: PageSource
    in_nav: bool = True

    @property
    def content(self) -> str:
        """The page's Markdown (rendered again on each read, for a page rendered when read)."""
        return self.source if isinstance(self.source, str) else self.source()


@dataclass(frozen=True)
class SiteOptions:
    dashboard_uri: str = "index.md"
    """`index.md`, or `dashboard.md` when the user has a home page of their own."""
    problem_details: bool = True
    """List each problem (preview); a published build says only how many, never file names."""
    templates_dir: str | os.PathLike[str] | None = None
    entries_label: str = "entries"
    """How the entries folder is named to the user, e.g. in "From entries/2026/x.md"."""
    show_sources: bool = True
    """Name each entry's file on its page (not in anonymized builds: file names name companies)."""
    mentor_since: dt.date | None = None
    """Start of the mentor digest; default: `DEFAULT_WINDOW_DAYS` before today."""
    author: str | None = None
    """`site_author`: feedback drafts are signed with it."""
    site_name: str = ""
    """The log's name (the mentor digest prints it)."""
    directory_urls: bool = True
    """Pages are built as `x/index.html` (MkDocs' `use_directory_urls`): the links that
    detail pages write as HTML point where the built pages are."""
    reply_to: str | None = None
    """The `reply_to` option: open questions get a "Reply by e-mail" link to it."""
    preview: bool = False
    """A preview (`mkdocs serve`, `show_private`): pages may tell the author what to do (which
    field to add, which command to run); a published build speaks to the reader only."""


def human_date(day: dt.date | None, language: Language = ENGLISH) -> str:
    """ "18 March 2026", "18. März 2026"; "" for no date."""
    return "" if day is None else language.long_date(day)


def short_date(day: dt.date, language: Language = ENGLISH) -> str:
    """ "3 Nov", "3. Nov.", never broken across lines."""
    return language.short_date(day)


def date_range(first: dt.date | None, last: dt.date | None, language: Language = ENGLISH) -> str:
    """ "3 Nov 2026", "3 Mar to 27 Oct 2026" (with an en dash): each date kept on one line."""
    if first is None or last is None:
        return ""
    start, end = short_date(first, language), short_date(last, language)
    if first == last:
        return f"{start}\u00a0{first.year}"
    if first.year == last.year:
        return f"{start} \u2013 {end}\u00a0{last.year}"
    return f"{start}\u00a0{first.year} \u2013 {end}\u00a0{last.year}"


def environment(
    templates_dir: str | os.PathLike[str] | None = None, language: Language = ENGLISH
) -> jinja2.Environment:
    """The page templates' environment, kept across builds (`mkdocs serve` rebuilds).

    Compiling the templates took about 0.3 s a build: kept here across the rebuilds of one
    process, and on disk across processes (`template_cache`). A template whose file changed
    is loaded again; a template the user adds to (or removes from) their folder makes a new
    environment. Each language has its environment (its words are bound to it), so the
    templates of a build in one language are never those of another.
    """
    folder = os.fspath(templates_dir) if templates_dir else None
    env = _environment(folder, _listing(folder), language)
    _forget_changed_templates(env)
    return env


def _forget_changed_templates(env: jinja2.Environment) -> None:
    """Drop the templates whose files changed since they were loaded, once a build.

    With Jinja's `auto_reload`, every `get_template` looked at the file again: four times
    an entry page (its template, the macros, the footer), all through one build.
    """
    if env.cache is None:
        return
    for key, template in list(env.cache.items()):
        if not template.is_up_to_date:
            del env.cache[key]


def _listing(folder: str | None) -> tuple[str, ...]:
    if folder is None:
        return ()
    try:
        return tuple(sorted(os.listdir(folder)))
    except OSError:
        return ()


class _SafeOutput(CodeGenerator):
    """Compiles `{{ value }}` to `finalize(value)`, not `escape(finalize(value))`.

    `finalize` escapes every value for Markdown and returns safe text, which Jinja's
    autoescaping then copied once more to no effect, for each of the values of every page.
    Where a template turns autoescaping off or on in a block, Jinja's own code is kept.
    """

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src:
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src:
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _PageEnvironment(jinja2.Environment):
    code_generator_class = _SafeOutput


@functools.lru_cache(maxsize=8)
def _environment(
    templates_dir: str | None, listing: tuple[str, ...], language: Language
) -> jinja2.Environment:
    env = _PageEnvironment(
        loader=template_loader(templates_dir),
        autoescape=True,
        auto_reload=False,  # see `_forget_changed_templates`
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        date=functools.partial(human_date, language=language),
        short_date=language.short_date,
        md=escape,
        value=functools.partial(_show_value, language=language),
        verbatim=_verbatim,
        html_block=html_block,
        percent=language.percent,
        number=language.number,
        stage=functools.partial(stage_name, language=language),
        status=functools.partial(status_label, language=language),
        mood=functools.partial(mood_name, language=language),
        decision=functools.partial(decision_name, language=language),
        gap_status=functools.partial(gap_status_name, language=language),
        entry_title=functools.partial(entry_title, language=language),
    )
    env.globals.update(
        date_range=functools.partial(date_range, language=language),
        CITED=CITED,
        RECENT=RECENT,
        AGENDA=AGENDA,
        CHART_TRACKS=CHART_TRACKS,
    )
    install_language(env, language, finalize)
    env.bytecode_cache = compiled_templates(env)
    return env


def _verbatim(text: str) -> Md:
    """Text for inside a fenced code block, shown exactly: no line may start a fence."""
    lines = [
        line if not line.lstrip().startswith(("```", "~~~")) else " " + line
        for line in str(text).splitlines()
    ]
    return Md("\n".join(lines))


def _show_value(value: Any, language: Language = ENGLISH) -> Md:
    """An `extra:` value, whatever its shape, as one escaped line."""
    if isinstance(value, dict | list):
        return escape(json.dumps(value, ensure_ascii=False, default=str))
    if isinstance(value, dt.date):
        return escape(human_date(value, language))
    return escape(value)


def render_site(
    entries: Sequence[AnyEntry],
    problems: Sequence[Problem],
    settings: Settings,
    options: SiteOptions | None = None,
    found: Reports | None = None,
    warnings: Sequence[Problem] = (),
    memo: RenderMemo | None = None,
) -> list[Page]:
    """Every generated page, for entries that are already fit to publish, newest first.

    `found` is the log's reports when the caller has them already (computed once per build);
    they must be of these `entries` and `settings`. `memo`, kept by a caller that builds
    again and again (`mkdocs serve`), spares rendering an entry page that would come out
    the same as last time.
    """
    options = options or SiteOptions()
    language = settings.language
    env = environment(options.templates_dir, language)
    found = found or reports(entries, settings, options.mentor_since)
    base = site_context(entries, problems, found, options, warnings)
    renderer = _Renderer(env, base, {entry.id for entry in entries}, options.directory_urls)
    pages = base["pages"]

    def dashboard() -> DashboardContext:
        return {
            **renderer.page_context(pages.dashboard, {"title": language.gettext("Dashboard")}),
            "recent": list(entries[:5]),
        }

    def titled(uri: str, title: str) -> Callable[[], PageContext]:
        return lambda: renderer.page_context(uri, {"title": language.gettext(title)})

    result = [
        Page(pages.dashboard, renderer.lazily("dashboard.md.j2", dashboard)),
        *(Page(uri, markdown, in_nav=False) for uri, markdown in renderer.details(entries, found)),
        Page(
            pages.timeline,
            renderer.lazily(
                "timeline.md.j2", lambda: _timeline_context(renderer, pages.timeline, entries)
            ),
        ),
        *(
            Page(uri, renderer.lazily(template, titled(uri, title)))
            for uri, template, title in INSIGHT_PAGES
        ),
        Page(ENTRY_FORMAT, entry_format_page(settings), in_nav=False),
        Page(
            pages.problems,
            renderer.lazily("problems.md.j2", titled(pages.problems, N_("Entry problems"))),
            in_nav=False,
        ),
    ]
    return result + _entry_pages(renderer, entries, settings, found, memo)


ENTRY_PAGE_NAMES = frozenset({"to", "meta", "entry", "body", "back_links", "entry_facts"})
"""What each entry page's context has of its own, on top of the site's."""


def _entry_pages(
    renderer: _Renderer,
    entries: Sequence[AnyEntry],
    settings: Settings,
    found: Reports,
    memo: RenderMemo | None,
) -> list[Page]:
    """The entries' own pages, each rendered when it is read: a waiting page holds no more
    than its entry. The templates are loaded now, so a broken one stops the build at once."""
    back_links = insights.referenced_by(entries)
    rejection = renderer.env.get_template("rejection.md.j2")
    reflection = renderer.env.get_template("reflection.md.j2")
    keys = _EntryPageKeys(renderer, memo) if memo is not None else None

    def entry_page(entry: AnyEntry) -> str:
        uri = entry_uri(entry)
        own = {
            **renderer.page_vars(uri, _entry_meta(entry, renderer.language)),
            "entry": entry,
            "body": Md(_shown_body(entry, settings)),
            "back_links": back_links.get(entry.id, []),
            "entry_facts": found.analysis.of(entry) if isinstance(entry, Rejection) else None,
        }
        template = rejection if isinstance(entry, Rejection) else reflection
        if keys is None:
            return template.render(renderer.base, **own)
        key = keys.of(template.name or "", uri, own)
        return keys.memo.markdown(uri, key, lambda: template.render(renderer.base, **own))

    if memo is not None:
        memo.start_build(entry_uri(entry) for entry in entries)
    return [
        Page(entry_uri(entry), functools.partial(entry_page, entry), in_nav=False)
        for entry in entries
    ]


class _EntryPageKeys:
    """Each entry page's memo key: its template's shared key (worked out once a build), its
    address (which decides its links), and its own values."""

    def __init__(self, renderer: _Renderer, memo: RenderMemo) -> None:
        self.renderer = renderer
        self.memo = memo
        self.shared: dict[str, object | None] = {}

    def _shared(self, template: str) -> object | None:
        if template not in self.shared:
            reads = self.memo.reads(self.renderer.env, template)
            try:
                key = (
                    None
                    if reads is None
                    else self.memo.shared(
                        (
                            shared_key(reads, self.renderer.base, ENTRY_PAGE_NAMES),
                            self.renderer.links_key(),
                        )
                    )
                )
            except Unkeyable:
                key = None
            self.shared[template] = key
        return self.shared[template]

    def of(self, template: str, uri: str, own: dict[str, Any]) -> object | None:
        """None: this page is rendered, as it would be without the memo."""
        shared = self._shared(template)
        if shared is None:
            return None
        try:
            known = self.memo.known
            values = tuple(value_key(value, known) for name, value in own.items() if name != "to")
        except Unkeyable:
            return None
        return (shared, uri, values)


def _timeline_context(
    renderer: _Renderer, uri: str, entries: Sequence[AnyEntry]
) -> TimelineContext:
    rejected = sum(isinstance(entry, Rejection) for entry in entries)
    return {
        **renderer.page_context(uri, {"title": renderer.language.gettext("Timeline")}),
        "entries": list(entries),
        "years": _by_month(entries, renderer.language),
        "latest": _by_month(entries[:RECENT], renderer.language),
        "rejection_count": rejected,
        "reflection_count": len(entries) - rejected,
    }


class _Renderer:
    """Renders the pages of one build: the shared context, plus each page's links and meta."""

    def __init__(
        self, env: jinja2.Environment, base: SiteContext, known: set[str], directory_urls: bool
    ) -> None:
        self.directory_urls = directory_urls
        self.env = env
        self.language: Language = base["language"]
        self.base = base
        self.known = known
        self.track_anchors = {
            t.key: (t.name, f"track-{n}") for n, t in enumerate(base["tracks"], 1)
        }
        self._links_key: object = None

    def links_key(self) -> object:
        """What decides every link `to` makes, besides the page's own address."""
        if self._links_key is None:
            self._links_key = value_key(
                (frozenset(self.known), self.track_anchors, self.directory_urls, self.language)
            )
        return self._links_key

    def page_context(self, uri: str, meta: dict[str, Any]) -> PageContext:
        return {**self.base, **self.page_vars(uri, meta)}  # type: ignore[typeddict-item]

    def page_vars(self, uri: str, meta: dict[str, Any]) -> dict[str, Any]:
        """What differs from page to page: its links and its front matter."""
        return {
            "to": Links(
                uri, self.known, self.track_anchors, self.directory_urls, self.language
            ),
            "meta": front_matter(meta),
        }

    def lazily(self, template: str, context: Callable[[], PageContext]) -> Callable[[], str]:
        """What renders a page when it is read, with the context `context()` makes then. The
        template is loaded now, so a missing or broken template still stops the build at once."""
        compiled = self.env.get_template(template)
        return lambda: compiled.render(context())

    def later(self, template: str, page: dict[str, Any]) -> Callable[[], str]:
        """What renders the page when it is read: the shared context, and `page` (what is
        its own), kept apart until then. The template is loaded now, so a missing or broken
        template still stops the build at once."""
        return functools.partial(self.env.get_template(template).render, self.base, **page)

    def details(self, entries: Sequence[AnyEntry], found: Reports) -> list[tuple[str, PageSource]]:
        """The detail pages behind the bounded overview pages (see `details`).

        They are left out of the search index (Material's `search: exclude`): they repeat the
        entries' titles, which the entry pages and the overview pages already bring up, and
        indexing them took about a tenth of a build.
        """

        def render(uri: str, template: str, title: str, extra: dict[str, Any]) -> PageSource:
            meta = {"title": meta_text(title), "search": {"exclude": True}}
            return self.later(template, {**self.page_vars(uri, meta), **extra})

        return detail_pages(entries, found, self.base["details"], render, self.language)


def _shown_body(entry: AnyEntry, settings: Settings) -> str:
    """The entry's words; in a private preview, its private sections marked as such."""
    body = entry.body.strip()
    return mark_private_sections(body, settings.language) if settings.show_private else body


def _entry_meta(entry: AnyEntry, language: Language) -> dict[str, Any]:
    meta: dict[str, Any] = {"title": meta_text(entry_title(entry, language))}
    if entry.tags:
        meta["tags"] = [meta_text(tag) for tag in entry.tags]
    return meta


class FactsOf:
    """`facts(rejection)` in a template: the rejection's facts (or one `fact` of them).

    They depend on the rejection and the settings alone (`analysis.rejection_facts`), so a
    page that asks for them reads the same facts while those two are the same.
    """

    __slots__ = ("analysis", "fact")

    def __init__(self, analysis: Analysis, fact: str | None = None) -> None:
        self.analysis = analysis
        self.fact = fact

    def __call__(self, rejection: Rejection) -> Any:
        facts = self.analysis.of(rejection)
        return facts if self.fact is None else getattr(facts, self.fact)

    def memo_key(self) -> object:
        return (self.fact, value_key(self.analysis.settings))


def site_context(
    entries: Sequence[AnyEntry],
    problems: Sequence[Problem],
    found: Reports,
    options: SiteOptions,
    warnings: Sequence[Problem] = (),
) -> SiteContext:
    """What every template may use: the reports, computed once for all pages."""
    analysis, settings = found.analysis, found.analysis.settings
    pages = PageAddresses(dashboard=options.dashboard_uri)
    newest_reflections = list(reversed(analysis.reflections))
    mail_env = text_environment(options.templates_dir, settings.language)
    return {
        "settings": settings,
        "language": settings.language,
        "dir": settings.language.direction,
        "stages": [stage_name(stage, settings.language) for stage in settings.stages],
        "analysis": analysis,
        "facts": FactsOf(analysis),
        "skills": found.skills,
        "open_gaps": found.skills.open_gaps,
        "feedback": found.feedback,
        "practice": found.practice,
        "tracks": found.tracks,
        "lessons": found.lessons,
        "reflections": newest_reflections,
        "latest_decision": next((r for r in newest_reflections if r.decision), None),
        "finals": found.practice.finals,
        "digest": found.digest,
        "head": found.headline,
        "known_titles": {entry.id: entry_title(entry, settings.language) for entry in entries},
        "names": found.names,
        "email_for": Drafts(mail_env, options.author),
        "status_label": functools.partial(status_label, language=settings.language),
        "site_name": options.site_name,
        "site_author": " ".join((options.author or "").split()),
        "reply_link": ReplyLinks(mail_env, options.reply_to),
        "preview": options.preview,
        **chart_context(found),
        "pages": pages,
        "details": detail_addresses(entries, found),
        "problems": list(problems),
        "warnings": list(warnings),
        "problem_details": options.problem_details,
        "show_sources": options.show_sources,
        "entries_label": options.entries_label,
        "dashboard_uri": pages.dashboard,
        "timeline_uri": pages.timeline,
        "problems_uri": pages.problems,
        "feedback_status": FactsOf(analysis, "feedback"),
        "stage_reached": FactsOf(analysis, "stage_reached"),
        "is_overdue": FactsOf(analysis, "overdue"),
        "is_to_chase": FactsOf(analysis, "to_chase"),
    }


def _by_month(
    entries: Sequence[AnyEntry], language: Language
) -> list[tuple[int, list[tuple[str, list[AnyEntry]]]]]:
    """Newest first: [(year, [(month name, entries), ...]), ...]."""
    return [
        (year, by_month(in_year, language))
        for year, in_year in groupby(entries, key=lambda e: e.date.year)
    ]
