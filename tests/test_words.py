"""One word for each thing: "the rejection" for the company's "no", "the reply" for what
comes back when you ask for feedback, "the answer" only for what your mentor says. The same
on the pages, in the terminal and in the drafts; written down in docs/words.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from entry_files import Entries
from helpers import TODAY
from import_log import cli
from test_feedback_states import FIXTURES

from generator.settings import Settings
from generator.site.render import ENTRY_FORMAT, SiteOptions, render_site

REPO = Path(__file__).resolve().parent.parent
ANSWER = re.compile(r"\banswer", re.IGNORECASE)


@pytest.fixture
def log(entries: Entries) -> Entries:
    """Every feedback status, and no question for the mentor (the one use of "answer")."""
    for name, text in FIXTURES.items():
        renamed = name.replace("no-answer", "no-reply").replace("answered", "replied")
        entries.entry(f"{renamed}.yml", text)
    return entries


def without_links(markdown: str) -> str:
    return re.sub(r"\]\([^)]*\)|href=\"[^\"]*\"", "", markdown)


def test_no_page_calls_the_rejection_or_the_reply_an_answer(log):
    loaded = log.load()
    pages = render_site(loaded.entries[::-1], (), Settings(today=TODAY), SiteOptions())
    for page in pages:
        if page.uri != ENTRY_FORMAT:  # it documents the format's status name, `no answer`
            assert not ANSWER.findall(without_links(page.content)), page.uri


def test_the_pages_say_since_the_rejection_and_waiting_for_a_reply(log):
    loaded = log.load()
    pages = {
        p.uri: p.content
        for p in render_site(loaded.entries[::-1], (), Settings(today=TODAY), SiteOptions())
    }
    assert "days since the rejection" in pages["feedback.md"]
    assert "waiting for a reply" in pages["feedback.md"]
    assert "## No reply" in pages["feedback.md"]


def test_the_terminal_says_the_same_words(log):
    due = cli("due", "--entries", log.root, "--today", TODAY.isoformat()).output
    calendar = cli("calendar", "--entries", log.root).output
    assert "since the rejection" in due and not ANSWER.search(due)
    assert "The rejection came on" in calendar and not ANSWER.search(calendar)


def test_the_drafts_say_the_same_words(log):
    for fixture in ("2026-11-19-ask-now", "2026-11-09-chase", "2026-10-18-replied"):
        result = cli("feedback-email", fixture, "--entries", log.root, "--today", TODAY.isoformat())
        assert result.exit_code == 0, result.output
        assert not ANSWER.search(result.output), fixture


def test_the_words_are_written_down_in_the_docs_and_in_the_menu():
    words = (REPO / "docs" / "words.md").read_text()
    for word in ("**the rejection**", "**the reply**", "**the answer**"):
        assert word in words
    assert "words.md" in (REPO / "mkdocs.yml").read_text()
