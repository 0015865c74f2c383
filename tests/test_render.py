"""Small pieces of rendering: user text is data in Markdown and in page metadata."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from generator.site.markdown import escape, link_target, meta_text
from generator.site.render import date_range, human_date

NBSP = "\N{NO-BREAK SPACE}"


@pytest.mark.parametrize(
    "text",
    ["*bold*", "a | b", "<script>", "{{ config }}", "[x](y)", "`code`", ":smile:", "C#"],
)
def test_escape_leaves_no_markdown_or_html_syntax(text: str) -> None:
    escaped = escape(text)
    assert not set("*|<>{}[]()`:#") & set(escaped.replace("&#", ""))


def test_escape_folds_line_breaks_but_keeps_no_break_spaces() -> None:
    assert escape(f"two\nlines  and{NBSP}glue") == f"two lines and{NBSP}glue"


def test_meta_text_has_no_angle_brackets_even_once_entities_are_decoded() -> None:
    text = meta_text("</title><script>alert(1)</script> & co")
    assert "<" not in text and ">" not in text
    assert "&lt;" not in text
    assert text.endswith("&amp; co")


def test_a_date_range_within_one_year_names_the_year_once() -> None:
    assert date_range(dt.date(2026, 3, 10), dt.date(2026, 11, 10)) == (
        f"10{NBSP}Mar \N{EN DASH} 10{NBSP}Nov{NBSP}2026"
    )


def test_a_date_range_across_years_names_both() -> None:
    assert date_range(dt.date(2025, 12, 3), dt.date(2026, 1, 2)) == (
        f"3{NBSP}Dec{NBSP}2025 \N{EN DASH} 2{NBSP}Jan{NBSP}2026"
    )


def test_a_single_day_is_not_a_range() -> None:
    assert date_range(dt.date(2026, 6, 9), dt.date(2026, 6, 9)) == f"9{NBSP}Jun{NBSP}2026"


def test_links_between_generated_pages_are_relative_and_percent_encoded() -> None:
    assert link_target("entries/2026 acme (draft).md", "skills.md") == (
        "entries/2026%20acme%20%28draft%29.md"
    )
    assert link_target("tracks.md#track-1", "entries/x.md") == "../tracks.md#track-1"


def test_dates_are_in_english_whatever_locale_a_plugin_sets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    german = ["", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August"]
    german += ["September", "Oktober", "November", "Dezember"]
    monkeypatch.setattr(calendar, "month_name", german)
    assert human_date(dt.date(2026, 3, 3)) == "3 March 2026"
