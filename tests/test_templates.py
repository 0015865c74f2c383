"""Templates lay out what they are given: the context is declared, documented and overridable."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from entry_files import Entries
from helpers import TODAY, templates_of_yours

from generator.settings import Settings
from generator.site import context
from generator.site.render import SiteOptions, render_site

DOC = Path(__file__).resolve().parent.parent / "docs" / "templates.md"
TEMPLATES = Path(__file__).resolve().parent.parent / "generator" / "site" / "templates"

CONTEXTS = (
    context.SiteContext,
    context.PageContext,
    context.DashboardContext,
    context.TimelineContext,
    context.EntryContext,
    context.DetailContext,
)


def pages(entries: Entries, templates_dir: Path | None = None) -> dict[str, str]:
    settings = Settings(today=TODAY)
    log = entries.load()
    built = render_site(
        log.entries, log.problems, settings, SiteOptions(templates_dir=templates_dir)
    )
    return {page.uri: page.content for page in built}


@pytest.fixture
def overdue(entries: Entries) -> Entries:
    entries.entry(
        "2026-11-02-acme-analyst.md",
        """
        date: 2026-11-02
        company: Acme
        role: Analyst
        feedback:
          from: Sam Reyes
        """,
    )
    return entries


@pytest.mark.parametrize("declared", CONTEXTS, ids=lambda c: c.__name__)
def test_every_name_a_template_receives_is_documented(declared: type) -> None:
    documented = set(re.findall(r"`(\w+)", DOC.read_text(encoding="utf-8")))
    missing = [name for name in typing.get_type_hints(declared) if name not in documented]
    assert not missing, f"docs/templates.md does not mention {missing}"


def test_every_built_in_template_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [p.name for p in TEMPLATES.glob("*.j2") if p.name not in text]
    assert not missing


def test_the_feedback_page_drafts_come_from_your_e_mail_template(
    overdue: Entries, tmp_path: Path
) -> None:
    mine = templates_of_yours(
        tmp_path / "mine",
        {
            "feedback_request.txt.j2": (
                "Quick question\n\nHi {{ contact }}, what could I improve for {{ role }}?\n"
            )
        },
    )
    feedback = pages(overdue, mine)["feedback.md"]
    assert "Subject: Quick question" in feedback
    assert "Hi Sam Reyes, what could I improve for Analyst?" in feedback
    assert "Subject: Thank you, and a short request" in pages(overdue)["feedback.md"]


def test_a_rejection_page_shows_the_position_python_computed(overdue: Entries) -> None:
    page = pages(overdue)["entries/2026-11-02-acme-analyst.md"]
    assert "<strong>Stage reached:</strong> applied (1 of 8 stages)" in page
    assert (
        '<strong>Feedback:</strong> not asked yet — <a href="#draft">still worth asking for '
        "feedback</a>" in page
    )


def test_a_template_of_yours_can_read_the_declared_context(
    overdue: Entries, tmp_path: Path
) -> None:
    dashboard = (
        "{{ meta }}\n# Mine\n\n{% for r in analysis.rejections %}"
        "{{ r.company }}: {{ facts(r).days_waiting }} days, {{ to.page(pages.feedback, 'ask') }}"
        "{% endfor %}\n"
    )
    mine = templates_of_yours(tmp_path / "mine", {"dashboard.md.j2": dashboard})
    assert "Acme: 24 days, [ask](feedback.md)" in pages(overdue, mine)["index.md"]


MACROS_OF_A_COPY = frozenset(
    {
        *("mood", "tags", "bullet_list", "entry_links", "cited", "action_rows", "email_block"),
        *("next_step", "dashboard_actions", "year_links", "month_table", "entry_rows"),
    }
)
"""The macros of `_macros.j2` the built-in pages import (as of 2026-12-02). The list is closed:
a copy of `_macros.j2` made since then has all of them, so it keeps working after an upgrade."""


def test_the_built_in_pages_import_only_macros_an_older_copy_of_macros_has() -> None:
    """A `_macros.j2` of yours replaces the built-in one, so a built-in page importing a newer
    macro would fail your build after an upgrade: a new helper goes on `to`, in Python."""
    imported = set()
    for template in TEMPLATES.glob("*.j2"):
        for names in re.findall(
            r'{% from "_macros.j2" import (.*?) with context %}', template.read_text()
        ):
            imported |= {name.strip() for name in names.split(",")}
    assert imported <= MACROS_OF_A_COPY, imported - MACROS_OF_A_COPY


def test_an_older_copy_of_macros_in_your_folder_still_builds_every_page(
    overdue: Entries, tmp_path: Path
) -> None:
    shipped = (TEMPLATES / "_macros.j2").read_text()
    kept = [
        block
        for block in re.split(r"(?={% macro )", shipped)
        if (found := re.match(r"{% macro (\w+)", block)) and found.group(1) in MACROS_OF_A_COPY
    ]
    mine = templates_of_yours(tmp_path / "mine", {"_macros.j2": "".join(kept)})
    assert "# Skills gap" in pages(overdue, mine)["skills.md"]


@pytest.mark.parametrize(
    "wrapped",
    ["{{ entry.company }}", "{% autoescape false %}{{ entry.company }}{% endautoescape %}"],
    ids=["as is", "in an autoescape block"],
)
def test_a_value_in_a_template_of_yours_is_escaped_once(
    entries: Entries, tmp_path: Path, wrapped: str
) -> None:
    entries.entry(
        "2026-11-02-acme-analyst.md", "date: 2026-11-02\ncompany: A & <B>\nrole: Analyst\n"
    )
    mine = templates_of_yours(tmp_path / "mine", {"rejection.md.j2": f"Company: {wrapped}\n"})
    page = pages(entries, mine)["entries/2026-11-02-acme-analyst.md"]
    assert "Company: A &#38; &#60;B&#62;" in page
