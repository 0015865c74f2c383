"""Published pages speak to their reader (the mentor); only the preview tells the author what
to do. An entry page leads with the author's own words, then the facts, then the feedback;
drafts are folded on a published page and open in the preview."""

from __future__ import annotations

import re

import pytest
from entry_files import Entries
from helpers import TODAY, parse_html
from test_feedback_states import FIXTURES

from generator.errors import Problem
from generator.settings import Settings
from generator.site.render import ENTRY_FORMAT, SiteOptions, render_site

INSTRUCTION = re.compile(r"recovery-log \w|\badd `|Run `|only you see this note", re.IGNORECASE)
"""What tells the author to run a command or write a field."""
ASK_NOW = "entries/2026-11-19-ask-now.md"
CHASE = "entries/2026-11-09-chase.md"
PROBLEM = Problem("entries/broken.yml", 3, 1, "date: expected a date")


@pytest.fixture
def log(entries: Entries) -> Entries:
    for name, text in FIXTURES.items():
        body = "I froze on the SQL question, then recovered." if name.endswith("ask-now") else ""
        entries.entry(f"{name}.md", text, body)
    entries.entry(
        "2026-11-21-a-week-on.md",
        "type: reflection\ndate: 2026-11-21\nask_mentor: [Should I say so next time?]\n",
        "Better than I feared.",
    )
    return entries


def pages(entries: Entries, preview: bool) -> dict[str, str]:
    loaded = entries.load()
    site = render_site(
        loaded.entries[::-1],
        [PROBLEM],
        Settings(today=TODAY),
        SiteOptions(preview=preview, problem_details=preview),
    )
    return {page.uri: page.content for page in site}


def test_a_published_build_gives_the_author_no_instructions(log):
    for uri, content in pages(log, preview=False).items():
        if uri != ENTRY_FORMAT:  # "Writing entries" is the author's manual, and says so
            assert not INSTRUCTION.search(content), (uri, INSTRUCTION.search(content))


def test_the_preview_says_which_field_to_add_once_the_draft_is_sent(log):
    shown = pages(log, preview=True)
    assert "add `requested:` with that day" in shown[ASK_NOW]
    assert "add `followed_up:` with that day" in shown[CHASE]


def test_an_empty_published_log_says_so_without_instructions():
    (home, *_) = render_site([], [], Settings(today=TODAY), SiteOptions())
    assert "Nothing written down yet." in home.content
    assert not INSTRUCTION.search(home.content)


@pytest.mark.parametrize("uri", [ASK_NOW, "entries/2026-11-21-a-week-on.md"])
def test_an_entry_page_leads_with_the_authors_own_words_then_the_facts(log, uri):
    page = pages(log, preview=False)[uri]
    assert page.index("## In my own words") < page.index('class="rl-card')


def test_a_rejection_page_gives_the_feedback_after_the_facts(log):
    page = pages(log, preview=False)[ASK_NOW]
    assert page.index('class="rl-card') < page.index("## Feedback")


@pytest.mark.parametrize(("preview", "folded"), [(False, True), (True, False)])
def test_drafts_are_folded_on_a_published_page_and_open_in_the_preview(log, preview, folded):
    shown = pages(log, preview=preview)
    for uri in (ASK_NOW, "feedback.md"):
        drafts = parse_html(shown[uri]).find_all("details", "rl-email")
        assert drafts, uri
        assert all(("open" not in d.attrs) is folded for d in drafts), uri
