"""`recovery-log import` of a mentor's e-mailed answer: recognised by the question token in its
subject, recorded under the question in the reflection that asked, the rest of the file as
written. The messages are written here, in the Internet Message Format (RFC 5322)."""

from __future__ import annotations

import datetime as dt
import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest
from entry_files import Entries
from helpers import TODAY
from import_log import import_into, loaded, snapshot

from generator.cli.importing.mentor_reply import own_words
from generator.insights.analysis import analyse
from generator.insights.mentor import digest, question_token
from generator.insights.skills import skills_report
from generator.model import Reflection
from generator.settings import Settings

REFLECTION = "2026-11-20-three-weeks-in"
QUESTION = "Should I list the bootcamp on my CV?"
OTHER = "Is a junior role a step back?"
YAML = f"""\
# Three weeks in: written after the Birch interview.
type: reflection
date: 2026-11-20
title: Three weeks in
ask_mentor:
  - {QUESTION}   # the one I keep putting off
  - question: {OTHER}
    # no rush on this one
mood: 3
"""


def reply(subject: str, text: str, day: str = "Mon, 23 Nov 2026 09:30:00 +0000") -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Ada Mentor <ada@example.org>"
    message["To"] = "maren@example.org"
    message["Subject"] = subject
    message["Date"] = day
    message["Message-ID"] = f"<{abs(hash((subject, text)))}@example.org>"
    message.set_content(text)
    return message


def eml(folder: Path, message: EmailMessage, name: str = "reply.eml") -> Path:
    path = folder / name
    path.write_bytes(bytes(message))
    return path


def subject_for(question: str, reflection: str = REFLECTION) -> str:
    return f"Answer: {question} [{question_token(reflection, question)}]"


@pytest.fixture
def log(entries: Entries) -> Entries:
    entries.write(f"{REFLECTION}.yml", YAML)
    return entries


def questions(entries: Entries) -> dict[str, tuple[dt.date | None, str | None]]:
    (reflection,) = [e for e in loaded(entries.root).entries if isinstance(e, Reflection)]
    return {q.question: (q.answered, q.answer) for q in reflection.ask_mentor}


def test_a_reply_is_recorded_under_the_question_it_answers(log, tmp_path):
    message = reply(subject_for(QUESTION), "Yes: under Education, one line.\n")
    result = import_into(log.root, eml(tmp_path, message))
    assert result.exit_code == 0, result.output
    assert f"answered {REFLECTION}.yml: {QUESTION}" in result.output
    assert questions(log)[QUESTION] == (dt.date(2026, 11, 23), "Yes: under Education, one line.")
    assert questions(log)[OTHER] == (None, None)


def test_recording_keeps_every_other_line_and_comment_as_written(log, tmp_path):
    import_into(log.root, eml(tmp_path, reply(subject_for(QUESTION), "Yes, one line.")))
    assert (log.root / f"{REFLECTION}.yml").read_text() == YAML.replace(
        f"  - {QUESTION}   # the one I keep putting off\n",
        f"  - question: {QUESTION}   # the one I keep putting off\n"
        "    answered: 2026-11-23\n    answer: Yes, one line.\n",
    )


def test_a_long_form_question_in_front_matter_gets_its_answer_below_it(entries, tmp_path):
    text = (
        "---\ntype: reflection\ndate: 2026-11-20\n"
        f"ask_mentor:\n  - question: {OTHER}\n---\nMy words.\n"
    )
    entries.write(f"{REFLECTION}.md", text)
    message = reply(subject_for(OTHER), "Not at all.\n\nIt is a step sideways,\nwith a view.")
    assert import_into(entries.root, eml(tmp_path, message)).exit_code == 0
    assert (entries.root / f"{REFLECTION}.md").read_text() == text.replace(
        f"  - question: {OTHER}\n",
        f"  - question: {OTHER}\n    answered: 2026-11-23\n    answer: |-\n"
        "        Not at all.\n\n        It is a step sideways,\n        with a view.\n",
    )
    assert questions(entries)[OTHER][1] == "Not at all.\n\nIt is a step sideways,\nwith a view."


def test_an_answered_question_leaves_the_mentors_agenda(log, tmp_path):
    import_into(log.root, eml(tmp_path, reply(subject_for(QUESTION), "Yes.")))
    entries = loaded(log.root).entries
    found = digest(analyse(entries, Settings(today=TODAY)), skills_report(entries), TODAY, TODAY)
    assert [item.question.question for item in found.agenda] == [OTHER]


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("Yes, do.\n\n> Should I list the bootcamp?\n> Thanks, Maren", "Yes, do."),
        (
            "Yes, do.\n\nOn Mon, 23 Nov 2026 at 09:00, Maren Holt <maren@example.org> wrote:\n"
            "> Should I list it?",
            "Yes, do.",
        ),
        (
            "Yes, do.\n\nOn Mon, 23 Nov 2026 at 09:00, Maren Holt\n<maren@example.org> wrote:\n"
            "Should I list it?",
            "Yes, do.",
        ),
        (
            "Yes, do.\n\n-----Original Message-----\nFrom: Maren Holt\nSent: Monday\n"
            "Subject: Should I?\n\nShould I list it?",
            "Yes, do.",
        ),
        (
            "Yes, do.\n\n________________________________\nFrom: Maren Holt <maren@example.org>\n"
            "Sent: Monday, November 23, 2026 9:00 AM\nTo: Ada\nSubject: Should I?\n\nShould I?",
            "Yes, do.",
        ),
        ("Yes, do.\n\nAda\n-- \nAda Mentor, +44 20 7946 0000", "Yes, do.\n\nAda"),
        ("First line.\n> a quoted aside\nSecond line.", "First line.\nSecond line."),
    ],
    ids=[
        *("quoted", "on-wrote", "on-wrote-two-lines", "outlook", "outlook-underscores"),
        *("signature", "inline-quote"),
    ],
)
def test_the_answer_is_the_replys_own_words_without_quoted_parts(text, own):
    assert own_words(text) == own


def test_an_mbox_with_a_rejection_and_a_reply_imports_each_for_what_it_is(log, tmp_path):
    rejection = reply(
        "Your application for the Data Analyst role at Fabrikam",
        "Thank you for applying for the Data Analyst role at Fabrikam. Unfortunately we "
        "will not be moving forward with your application.",
    )
    rejection.replace_header("From", "Fabrikam Careers <careers@fabrikam.example>")
    box = mailbox.mbox(tmp_path / "mail.mbox")
    box.add(rejection)
    box.add(reply(subject_for(QUESTION), "Yes."))
    box.close()
    result = import_into(log.root, tmp_path / "mail.mbox")
    assert f"answered {REFLECTION}.yml: {QUESTION}" in result.output
    assert questions(log)[QUESTION][1] == "Yes."
    assert "1 entry written" in result.output
    assert not list(log.root.glob("_*")), "the reply became a draft"


def test_a_reply_to_a_question_no_reflection_asks_changes_nothing_and_says_why(log, tmp_path):
    before = snapshot(log.root)
    result = import_into(log.root, eml(tmp_path, reply(subject_for("Reworded?"), "Yes.")))
    assert result.exit_code == 1
    assert "which no reflection asks now (reworded, or removed?); nothing changed" in result.output
    assert snapshot(log.root) == before


def test_a_dry_run_records_nothing(log, tmp_path):
    before = snapshot(log.root)
    message = reply(subject_for(QUESTION), "Yes.")
    result = import_into(log.root, eml(tmp_path, message), options=("--dry-run",))
    assert f"to record {REFLECTION}.yml: {QUESTION}" in result.output
    assert snapshot(log.root) == before


def test_a_reply_with_only_quoted_text_is_not_recorded(log, tmp_path):
    before = snapshot(log.root)
    result = import_into(log.root, eml(tmp_path, reply(subject_for(QUESTION), "> Should I?")))
    assert result.exit_code == 1
    assert "the reply has no words of its own to record" in result.output
    assert snapshot(log.root) == before
