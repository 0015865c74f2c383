"""One rule for when the one follow-up falls due, read alike by every reader.

The entry format's words: a request is to chase once *more than* `follow_up_days` (10) have
passed since `requested`. "Today" is 26 November 2026: a request of 16 November (exactly 10
days ago) is not yet to chase; one of 15 November (11 days ago) is. Each reader is checked on
both sides of that boundary: `due`, the dashboard, the feedback page, `feedback-email` and
the calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest
from entry_files import Entries
from helpers import TODAY
from import_log import cli
from test_calendar import events

from generator.insights.analysis import wait_ends
from generator.settings import Settings
from generator.site.render import SiteOptions, render_site

EXACTLY = "2026-11-16"  # requested exactly follow_up_days (10) ago
ONE_MORE = "2026-11-15"  # requested 11 days ago
SIDES = [(EXACTLY, False), (ONE_MORE, True)]


def request_log(entries: Entries, requested: str) -> Entries:
    entries.entry(
        "2026-11-10-cedar-analyst.yml",
        f"date: 2026-11-10\ncompany: Cedar\nrole: Analyst\nfeedback:\n  requested: {requested}\n",
    )
    return entries


def pages_of(entries: Entries) -> dict[str, str]:
    log = entries.load()
    built = render_site(log.entries, log.problems, Settings(today=TODAY), SiteOptions())
    return {page.uri: page.content for page in built}


def test_the_wait_ends_the_day_after_follow_up_days():
    settings = Settings(today=TODAY)
    assert wait_ends(dt.date(2026, 11, 16), settings) == dt.date(2026, 11, 27)


@pytest.mark.parametrize(("requested", "due"), SIDES)
def test_due_lists_the_follow_up_only_once_it_falls_due(entries, requested, due):
    result = cli("due", "--entries", request_log(entries, requested).root, "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert ("chase    2026-11-10-cedar-analyst" in result.output) is due


@pytest.mark.parametrize(("requested", "due"), SIDES)
def test_the_dashboard_lists_the_follow_up_only_once_it_falls_due(entries, requested, due):
    dashboard = pages_of(request_log(entries, requested))["index.md"]
    assert ("To chase, once" in dashboard) is due


@pytest.mark.parametrize(("requested", "due"), SIDES)
def test_the_feedback_page_lists_the_follow_up_only_once_it_falls_due(entries, requested, due):
    page = pages_of(request_log(entries, requested))["feedback.md"]
    assert ("## To chase" in page) is due
    assert ("Subject: Following up:" in page) is due


@pytest.mark.parametrize(("requested", "due"), SIDES)
def test_feedback_email_writes_the_follow_up_only_once_it_falls_due(entries, requested, due):
    root = request_log(entries, requested).root
    result = cli("feedback-email", "cedar", "--entries", root, "--today", "2026-11-26")
    assert (result.exit_code == 0) is due, result.output
    if due:
        assert result.output.startswith("Subject: Following up: feedback on the Analyst role")
    else:
        assert "too early to follow up" in result.output
        assert "the one follow-up is due on 27 November 2026" in result.output


@pytest.mark.parametrize(("requested", "due"), SIDES)
def test_the_calendar_puts_the_follow_up_on_the_day_it_falls_due(entries, requested, due):
    result = cli("calendar", "--entries", request_log(entries, requested).root)
    event = events(result.output)["Chase Cedar for feedback: Analyst"]
    day = event.decoded("dtstart")
    assert (day == TODAY) is due
    assert day == (TODAY if due else dt.date(2026, 11, 27))
