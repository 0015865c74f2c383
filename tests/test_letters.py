"""`recovery-log feedback-email` writes the letter the state of the request calls for.

The request while asking is due, the one follow-up when chasing is due (see
test_follow_up_rule.py for its boundary), a thank-you note once feedback has come; and no
letter, with the reason, when none is wanted. "Today" is 26 November 2026.
"""

from __future__ import annotations

import pytest
from entry_files import Entries
from import_log import cli

DATED = "date: 2026-11-02\ncompany: Gum\nrole: Data Analyst\n"


def letter(entries: Entries, fields: str) -> tuple[int, str]:
    entries.entry("2026-11-02-gum-data-analyst.yml", DATED + fields)
    result = cli("feedback-email", "gum", "--entries", entries.root, "--today", "2026-11-26")
    return result.exit_code, result.output


def test_a_rejection_not_asked_about_yet_gets_the_request(entries):
    code, text = letter(entries, "")
    assert code == 0, text
    assert text.startswith("Subject: Thank you, and a short request about the Data Analyst role")


def test_feedback_that_came_gets_a_thank_you_note_naming_the_person(entries):
    code, text = letter(
        entries,
        "feedback:\n  requested: 2026-11-03\n  received: 2026-11-09\n  from: Dana Ruiz\n",
    )
    assert code == 0, text
    assert text.startswith("Subject: Thank you for your feedback on the Data Analyst role")
    assert "Dear Dana Ruiz," in text
    assert "request" not in text.split("\n", 1)[1].lower()


def test_the_thank_you_note_says_what_will_be_done_with_the_feedback(entries):
    code, text = letter(
        entries,
        "gaps:\n  - skill: SQL\n  - skill: stakeholder updates\n"
        "feedback:\n  requested: 2026-11-03\n  received: 2026-11-09\n",
    )
    assert code == 0, text
    assert "Hello," in text
    assert "I am going to work on these before my next applications: SQL, stakeholder updates." in (
        text
    )


def test_the_thank_you_note_without_gaps_still_says_what_happens_next(entries):
    _, text = letter(entries, "feedback:\n  requested: 2026-11-03\n  received: 2026-11-09\n")
    assert "I will use it to prepare for my next applications." in text


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            "feedback:\n  requested: 2026-11-03\n  declined: true\n",
            "Gum gives no feedback (declined: true), so there is nothing to ask",
        ),
        (
            "feedback:\n  requested: false\n",
            "you chose not to ask for feedback on this one (requested: false)",
        ),
        (
            "feedback:\n  requested: 2026-11-03\n  followed_up: 2026-11-20\n",
            "you followed up on 20 November 2026 already: one follow-up is enough",
        ),
        (
            "feedback:\n  requested: 2026-11-03\n  followed_up: 2026-11-14\n",
            "you followed up on 14 November 2026 already: one follow-up is enough",
        ),
    ],
    ids=["company-gives-none", "chose-not-to-ask", "followed-up", "followed-up-no-reply"],
)
def test_no_letter_is_written_when_none_is_wanted_and_the_reason_is_given(
    entries, fields, reason
):
    code, text = letter(entries, fields)
    assert code == 1
    assert "Subject:" not in text
    assert f"no letter for '2026-11-02-gum-data-analyst': {reason}" in " ".join(text.split())
