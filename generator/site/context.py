"""What each page template receives: the template context, declared and typed.

`templates_dir` lets users override any template, so these names are a public API: they are
documented in docs/templates.md, and a test checks that page and declaration agree. Every
business rule (what counts as overdue, a stage's position, which gaps are open, where a page
lives) is decided in Python before a template sees it; templates only lay it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from ..errors import Problem
from ..i18n import Language
from ..insights.analysis import Analysis, RejectionFacts
from ..insights.feedback import Email, FeedbackReport
from ..insights.interviews import FunnelStep, PracticeReport, StageGuide
from ..insights.lessons import Lesson, LessonsReport
from ..insights.mentor import Digest, Question
from ..insights.names import LogNames
from ..insights.progress import Progress
from ..insights.reports import Headline
from ..insights.skills import SkillGap, SkillsReport, Strength
from ..insights.tracks import Track
from ..model import AnyEntry, FeedbackStatus, Reflection, Rejection
from ..settings import Settings
from .charts import Bar, Charts, Point
from .details import DetailAddresses
from .links import Links, PageAddresses
from .markdown import Md


class SiteContext(TypedDict):
    """What every template receives, computed once per build."""

    # The log and its reports
    settings: Settings
    language: Language
    """The site's language: its words and formats (`generator.i18n`)."""
    dir: str
    """ "ltr" or "rtl": the direction the site's language is written in."""
    stages: list[str]
    """The configured stages in order, as shown: built-in ones in the site's language."""
    analysis: Analysis
    facts: Callable[[Rejection], RejectionFacts]
    skills: SkillsReport
    open_gaps: list[SkillGap]
    feedback: FeedbackReport
    practice: PracticeReport
    tracks: list[Track]
    lessons: LessonsReport
    reflections: list[Reflection]
    latest_decision: Reflection | None
    finals: FunnelStep | None
    digest: Digest
    head: Headline
    known_titles: dict[str, str]
    names: LogNames
    """The log's one name for a skill, strength or track: `names.skill("sql")` is "SQL"."""
    email_for: Callable[[Rejection], Email]
    status_label: Callable[[FeedbackStatus], str]
    """How a feedback status reads ("not requested" -> "not asked yet")."""
    site_name: str
    """The log's name (`site_name`), for the printed mentor digest."""
    site_author: str
    """Whose log it is (`site_author`); empty when `mkdocs.yml` does not say."""
    reply_link: Callable[[Question], str]
    """A question's "Reply by e-mail" `mailto:` URL; empty without the `reply_to` option."""
    preview: bool
    """A preview (`mkdocs serve`, `show_private`): the only build whose pages tell the author
    which field to add or which command to run."""
    # Charts
    charts: Charts
    gap_bars: list[Bar]
    stage_bars: list[Bar]
    track_progress: list[tuple[Progress, list[Point]]]
    mood_entries: list[tuple[int, AnyEntry]]
    mood_points: list[Point]
    mood_levels: list[str]
    # The build
    pages: PageAddresses
    details: DetailAddresses
    problems: list[Problem]
    warnings: list[Problem]
    """Entries that load but may not say what was meant (`gaps: Python, SQL`)."""
    problem_details: bool
    show_sources: bool
    entries_label: str
    # Kept for templates written before `facts` and `pages`: the same values, read from them.
    dashboard_uri: str
    timeline_uri: str
    problems_uri: str
    feedback_status: Callable[[Rejection], str]
    stage_reached: Callable[[Rejection], str]
    is_overdue: Callable[[Rejection], bool]
    is_to_chase: Callable[[Rejection], bool]


class PageContext(SiteContext):
    """What every page adds: its links and its front matter."""

    to: Links
    """The page's link helpers: every link relative to the page."""
    meta: Md
    """The page's front matter (title, tags), to print first."""


class DashboardContext(PageContext):
    """`dashboard.md.j2`."""

    recent: list[AnyEntry]
    """The five most recent entries, newest first."""


class TimelineContext(PageContext):
    """`timeline.md.j2`."""

    entries: list[AnyEntry]
    """Every entry, newest first."""
    years: list[tuple[int, list[tuple[str, list[AnyEntry]]]]]
    """Newest first: (year, [(month name, entries newest first), ...])."""
    latest: list[tuple[int, list[tuple[str, list[AnyEntry]]]]]
    """The newest `RECENT` entries, grouped the same way (shown once the timeline is split)."""
    rejection_count: int
    reflection_count: int


class EntryContext(PageContext):
    """`rejection.md.j2` and `reflection.md.j2` (and `_entry_footer.md.j2`)."""

    entry: AnyEntry
    body: Md
    """The entry's own words (Markdown), private sections already removed when publishing."""
    back_links: list[Reflection]
    """Reflections that are `about` this entry."""
    entry_facts: RejectionFacts | None
    """For a rejection: its facts (stage reached and position, feedback status...); else None."""


class DetailContext(PageContext, total=False):
    """The detail pages (not in the navigation), each with the one subject it is about."""

    gap: SkillGap
    """`skill.md.j2`: the skill, with every citation and progress step."""
    strength: Strength
    """`strength.md.j2`."""
    track: Track
    """`track.md.j2`."""
    step: FunnelStep
    """`stage.md.j2`: the stage's funnel step (`reached`, `ended`)..."""
    guide: StageGuide | None
    """...and its guide (times, formats, lessons), if the stage came up."""
    year: int
    """The year pages: `timeline_year.md.j2`, `lessons_year.md.j2`, `reflections_year.md.j2`."""
    year_entries: list[AnyEntry]
    months: list[tuple[str, list[AnyEntry]]]
    year_lessons: list[Lesson]
    year_reflections: list[Reflection]
    year_moods: list[AnyEntry]
