"""Every count agrees with its number: one helper, on pages, in charts and in the terminal."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Feedback, Reflection, Rejection
from generator.settings import Settings
from generator.site import charts
from generator.site.render import render_site
from generator.wording import plural

SETTINGS = Settings(today=dt.date(2026, 6, 1))


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 rejections"), (1, "1 rejection"), (2, "2 rejections")],
)
def test_a_count_takes_the_singular_only_for_one(count: int, expected: str) -> None:
    assert plural(count, "rejection") == expected


def test_a_noun_with_its_own_plural_is_given_it() -> None:
    assert [plural(n, "entry", "entries") for n in (1, 3)] == ["1 entry", "3 entries"]


def test_a_chart_says_1_rejection_in_its_text_alternative() -> None:
    svg = charts.bar_chart("c", "Gaps", [charts.Bar("dbt", 1)], ("rejection", "rejections"))
    assert "dbt: 1 rejection" in svg and "1 rejections" not in svg


def _pages() -> dict[str, str]:
    rejection = Rejection(
        "2026-05-01-acme",
        "2026-05-01-acme.md",
        dt.date(2026, 5, 1),
        company="Acme",
        role="Analyst",
        feedback=Feedback(requested=dt.date(2026, 5, 2)),
    )
    reflection = Reflection("2026-05-20-note", "2026-05-20-note.md", dt.date(2026, 5, 20))
    settings = Settings(today=SETTINGS.today, stages=("applied",), follow_up_days=1)
    pages = render_site([reflection, rejection], [], settings)
    return {page.uri: page.content for page in pages}


def test_the_timeline_counts_one_rejection_and_one_reflection() -> None:
    timeline = _pages()["entries.md"]
    assert "1 rejection and 1 reflection." in timeline


def test_an_entry_page_counts_one_stage_in_the_singular() -> None:
    assert "(1 of 1 stage)" in _pages()["entries/2026-05-01-acme.md"]


def test_the_feedback_page_counts_one_request_and_one_day() -> None:
    feedback = _pages()["feedback.md"]
    assert "0 of 1 request replied to" in feedback
    assert "for more than 1 day." in feedback
