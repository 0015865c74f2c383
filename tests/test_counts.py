"""Every count agrees with its number (`Language.ngettext`), on pages and in charts."""

from __future__ import annotations

import datetime as dt

from generator.model import Feedback, Reflection, Rejection
from generator.settings import Settings
from generator.site import charts
from generator.site.render import render_site

SETTINGS = Settings(today=dt.date(2026, 6, 1))


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
