"""Ask promptly, follow up once, then let it go: the feedback states on dated fixtures.

"Today" is 26 November 2026; `feedback_due_days` is 7 and `follow_up_days` 10 (the defaults).
Each fixture sits on one side of a boundary, so every known answer below is exact.
"""

from __future__ import annotations

import pytest
from helpers import TODAY, parse_html, seen_text

from generator.insights.analysis import analyse
from generator.insights.feedback import feedback_report
from generator.settings import Settings
from generator.site.render import SiteOptions, render_site
from generator.vocabulary import status_label

ASK_NOW = "2026-11-19-ask-now"  # 7 days since the "no": still "to ask now"
OVERDUE = "2026-11-18-overdue"  # 8 days: overdue
WAITING = "2026-11-10-waiting"  # asked 10 days ago: pending, not yet to chase
CHASE = "2026-11-09-chase"  # asked 11 days ago: to chase
FOLLOWED = "2026-10-20-followed"  # followed up 10 days ago: pending still
NO_ANSWER = "2026-10-19-no-answer"  # followed up 11 days ago: no answer
ANSWERED = "2026-10-18-answered"  # followed up, then an answer came

FIXTURES = {
    ASK_NOW: "date: 2026-11-19\ncompany: Alder\nrole: Analyst\n",
    OVERDUE: "date: 2026-11-18\ncompany: Birch\nrole: Analyst\n",
    WAITING: (
        "date: 2026-11-10\ncompany: Cedar\nrole: Analyst\nfeedback:\n  requested: 2026-11-16\n"
    ),
    CHASE: (
        "date: 2026-11-09\ncompany: Dogwood\nrole: Analyst\nfeedback:\n  requested: 2026-11-15\n"
    ),
    FOLLOWED: (
        "date: 2026-10-20\ncompany: Elm\nrole: Analyst\n"
        "feedback:\n  requested: 2026-10-21\n  followed_up: 2026-11-16\n"
    ),
    NO_ANSWER: (
        "date: 2026-10-19\ncompany: Fir\nrole: Analyst\n"
        "feedback:\n  requested: 2026-10-20\n  followed_up: 2026-11-15\n"
    ),
    ANSWERED: (
        "date: 2026-10-18\ncompany: Gum\nrole: Analyst\nfeedback:\n  requested: 2026-10-19\n"
        "  followed_up: 2026-11-01\n  received: 2026-11-05\n"
    ),
}


@pytest.fixture
def log(entries):
    for name, text in FIXTURES.items():
        entries.entry(f"{name}.yml", text)
    loaded = entries.load()
    assert not loaded.problems, loaded.problems
    return loaded


@pytest.fixture
def analysis(log):
    return analyse(log.entries, Settings(today=TODAY))


def ids(items) -> list[str]:
    return [item.rejection.id for item in items]


def test_statuses_follow_the_entry_format(analysis):
    assert {r.id: analysis.of(r).feedback for r in analysis.rejections} == {
        ASK_NOW: "not requested",
        OVERDUE: "not requested",
        WAITING: "pending",
        CHASE: "pending",
        FOLLOWED: "pending",
        NO_ANSWER: "no answer",
        ANSWERED: "received",
    }


def test_a_rejection_is_to_ask_now_up_to_feedback_due_days_then_overdue(analysis):
    report = feedback_report(analysis)
    assert ids(report.to_ask_now) == [ASK_NOW]
    assert ids(report.overdue) == [OVERDUE]
    assert [w.days for w in (*report.to_ask_now, *report.overdue)] == [7, 8]


def test_a_request_is_to_chase_after_follow_up_days_until_it_is_followed_up(analysis):
    report = feedback_report(analysis)
    assert ids(report.to_chase) == [CHASE]
    assert [w.days for w in report.to_chase] == [11]


def test_a_follow_up_with_no_answer_after_follow_up_days_is_no_answer(analysis):
    report = feedback_report(analysis)
    assert ids(report.no_answer) == [NO_ANSWER]
    assert [w.days for w in report.no_answer] == [11]


def test_no_answer_counts_as_a_request_in_the_response_rate(analysis):
    report = feedback_report(analysis)
    assert len(report.requested) == 5
    assert [r.id for r in report.received] == [ANSWERED]


def test_the_most_urgent_drafts_are_ask_now_then_chase_then_overdue(analysis):
    assert ids(feedback_report(analysis).most_urgent) == [ASK_NOW, CHASE, OVERDUE]


def test_statuses_read_apart_for_a_reader():
    assert status_label("not requested") == "not asked yet"
    assert status_label("not asked") == "chose not to ask"
    assert "you did your part" in status_label("no answer")


def test_a_larger_window_makes_an_overdue_rejection_to_ask_now(log):
    report = feedback_report(analyse(log.entries, Settings(today=TODAY, feedback_due_days=8)))
    assert ids(report.to_ask_now) == [OVERDUE, ASK_NOW]


# --- on the pages ----------------------------------------------------------------------------


@pytest.fixture
def pages(log) -> dict[str, str]:
    built = render_site(log.entries[::-1], log.problems, Settings(today=TODAY), SiteOptions())
    return {page.uri: page.content for page in built}


def test_the_feedback_page_lists_to_ask_now_first_then_overdue_then_to_chase(pages):
    page = pages["feedback.md"]
    order = [page.index(h) for h in ("## To ask now", "## Overdue", "## To chase", "## No reply")]
    assert order == sorted(order)
    assert "you did your part" in page


def test_the_dashboard_names_each_rejection_to_act_on(pages):
    page = pages["index.md"]
    actions = page.split("## Feedback to act on")[1].split("\n## ")[0]
    for company in ("Alder", "Birch", "Dogwood"):
        assert f"Analyst at {company}" in actions
    for company in ("Cedar", "Elm", "Fir", "Gum"):
        assert company not in actions


def test_an_entry_to_chase_says_what_to_do_and_shows_its_one_follow_up(pages):
    page = pages[f"entries/{CHASE}.md"]
    assert "Next step: send one polite follow-up" in seen_text(parse_html(page))
    assert "{ #draft }" in page
    assert "this is the only reminder I will send" in page


def test_an_entry_with_no_answer_has_nothing_left_to_do_and_no_draft(pages):
    page = pages[f"entries/{NO_ANSWER}.md"]
    seen = seen_text(parse_html(page))
    assert "Next step: nothing: you asked and followed up, you did your part" in seen
    assert "#draft" not in page
    assert "Followed up: 15 November 2026 (the one follow-up)" in seen


def test_the_mentor_digest_lists_every_open_feedback_action(pages):
    digest = pages["mentor.md"].split("## Feedback to act on")[1].split("\n## ")[0]
    rows = [seen_text(row) for row in parse_html(digest).find_all("tr")]
    for company in ("Alder", "Birch", "Dogwood"):
        assert any(row.startswith(f"{company} Analyst ") for row in rows)
