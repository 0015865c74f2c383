"""`recovery-log calendar`: feedback to ask for and to chase, as all-day iCalendar events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from entry_files import Entries
from import_log import TODAY, cli


@pytest.fixture
def log(entries: Entries) -> Entries:
    """Nov 26 is today: one rejection of each feedback state that needs (or not) a reminder."""
    rejections = {
        "2026-11-24-fresh-analyst": "date: 2026-11-24\ncompany: Fresh\n",
        "2026-11-02-old-analyst": "date: 2026-11-02\ncompany: Old\n",
        "2026-10-20-chase-analyst": (
            "date: 2026-10-20\ncompany: Chase\nfeedback: {requested: 2026-10-21}\n"
        ),
        "2026-11-20-soon-analyst": (
            "date: 2026-11-20\ncompany: Soon\nfeedback: {requested: 2026-11-21}\n"
        ),
        "2026-11-01-done-analyst": (
            "date: 2026-11-01\ncompany: Done\n"
            "feedback: {requested: 2026-11-02, received: 2026-11-05}\n"
        ),
        "2026-11-03-skip-analyst": (
            "date: 2026-11-03\ncompany: Skip\nfeedback: {requested: false}\n"
        ),
        "2026-11-05-secret-analyst": "date: 2026-11-05\ncompany: Secret\nprivate: true\n",
    }
    for name, fields in rejections.items():
        entries.entry(f"{name}.md", fields + "role: Analyst\n")
    return entries


def events(output: bytes | str) -> dict[str, icalendar.Event]:
    """Events by summary, parsed with the icalendar library."""
    calendar = icalendar.Calendar.from_ical(output)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def calendar_of(log: Entries, *options: str) -> dict[str, icalendar.Event]:
    result = cli("calendar", "--entries", log.root, *options)
    assert result.exit_code == 0, result.output
    return events(result.output)


def day_of(event: icalendar.Event) -> dt.date:
    return event.decoded("dtstart")


def test_one_all_day_event_per_feedback_to_ask_for_or_chase(log: Entries) -> None:
    assert sorted(calendar_of(log)) == [
        "Ask Fresh for feedback: Analyst",
        "Ask Old for feedback: Analyst",
        "Chase Chase for feedback: Analyst",
        "Chase Soon for feedback: Analyst",
    ]


def test_events_are_all_day(log: Entries) -> None:
    for event in calendar_of(log).values():
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert not isinstance(start, dt.datetime) and end - start == dt.timedelta(days=1)


def test_asking_falls_due_when_prompt_asking_ends_or_today_if_past(log: Entries) -> None:
    found = calendar_of(log)
    assert day_of(found["Ask Fresh for feedback: Analyst"]) == dt.date(2026, 12, 1)
    assert day_of(found["Ask Old for feedback: Analyst"]) == TODAY


def test_chasing_falls_due_after_follow_up_days_or_today_if_past(log: Entries) -> None:
    found = calendar_of(log)
    assert day_of(found["Chase Soon for feedback: Analyst"]) == dt.date(2026, 12, 2)
    assert day_of(found["Chase Chase for feedback: Analyst"]) == TODAY


def test_uids_are_stable_and_one_per_rejection(log: Entries) -> None:
    first = {str(e["uid"]) for e in calendar_of(log).values()}
    assert first == {str(e["uid"]) for e in calendar_of(log).values()}
    asked = {str(e["uid"]): s for s, e in calendar_of(log).items()}
    uid = "feedback-2026-11-24-fresh-analyst@recovery-log"
    assert asked[uid].startswith("Ask")
    log.entry(
        "2026-11-24-fresh-analyst.md",
        "date: 2026-11-24\ncompany: Fresh\nrole: Analyst\nfeedback: {requested: 2026-11-25}\n",
    )
    chased = {str(e["uid"]): s for s, e in calendar_of(log, "--today", "2026-12-10").items()}
    assert chased[uid].startswith("Chase")


def test_nothing_private_is_in_the_calendar(log: Entries) -> None:
    result = cli("calendar", "--entries", log.root)
    assert "Secret" not in result.output and "secret" not in result.output


def test_events_link_to_the_entry_page_when_site_url_is_set(log: Entries, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Log\nsite_url: https://example.org/log\nplugins:\n  - search\n")
    event = calendar_of(log, "--config-file", str(config))["Ask Old for feedback: Analyst"]
    assert str(event["url"]) == "https://example.org/log/entries/2026-11-02-old-analyst/"
    assert "https://example.org/log/entries/2026-11-02-old-analyst/" in str(event["description"])


def test_site_url_is_read_as_mkdocs_reads_it_env_included(
    log: Entries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOG_URL", "https://example.org/mine/")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Log\nsite_url: !ENV LOG_URL\nuse_directory_urls: false\n")
    event = calendar_of(log, "--config-file", str(config))["Ask Old for feedback: Analyst"]
    assert str(event["url"]) == "https://example.org/mine/entries/2026-11-02-old-analyst.html"


def test_no_link_without_site_url(log: Entries) -> None:
    assert all("url" not in event for event in calendar_of(log).values())


def test_output_file_holds_a_valid_calendar(log: Entries, tmp_path: Path) -> None:
    target = tmp_path / "reminders.ics"
    result = cli("calendar", "--entries", log.root, "--output", target)
    assert "wrote" in result.output and "4 reminders" in result.output
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert str(calendar["version"]) == "2.0" and calendar["prodid"]


def test_since_leaves_out_older_rejections(log: Entries) -> None:
    assert sorted(calendar_of(log, "--since", "2026-11-20")) == [
        "Ask Fresh for feedback: Analyst",
        "Chase Soon for feedback: Analyst",
    ]
