"""The reflection entry (entry-format.md, "Reflection entry"): each field, its allowed values."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import MentorQuestion, Progress, Reflection

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"
LOOKING_BACK = "type: reflection\ndate: 2026-11-12\n"

both_shapes = pytest.mark.parametrize("name", ["looking-back.md", "looking-back.yml"])


def reflection(entries, name: str = "looking-back") -> Reflection:
    """The one reflection loaded, whatever else the folder holds."""
    log = entries.load()
    assert not log.problems, "\n".join(map(str, log.problems))
    return next(entry for entry in log.entries if entry.id == name)


def test_the_example_in_the_spec_loads_with_every_value(entries):
    entries.entry("2026-11-03-acme-data-analyst.md", ACME)
    entries.write(
        "2026-11-12-two-weeks-after-acme.md",
        """\
        ---
        type: reflection
        date: 2026-11-12           # REQUIRED
        title: Two weeks after Acme  # optional; default: "Reflection, <date>"
        about: [2026-11-03-acme-data-analyst]   # optional: ids of the entries it reflects on
        progress:                  # optional: work on a gap
          - skill: SQL window functions
            status: learning       # open | learning | closed
            note: finished chapters 1-4   # optional
        decision: persist          # optional: persist | pivot | undecided (about a track)
        track: data analysis       # optional: the track that decision is about
        strengths: [stakeholder communication]   # optional, as above
        lessons: [Practise live coding out loud.]   # optional, as above
        ask_mentor:                # optional: questions to bring to the next mentor session
          - Is a junior analytics-engineer role a step back?
          - question: Should I list the bootcamp on my CV?
            answered: 2026-11-20   # optional: once answered, it leaves the agenda
        mood: 3                    # optional
        tags: [sql]                # optional
        private: false             # optional
        ---
        Body.
        """,
    )

    assert reflection(entries, "2026-11-12-two-weeks-after-acme") == Reflection(
        id="2026-11-12-two-weeks-after-acme",
        source="2026-11-12-two-weeks-after-acme.md",
        date=dt.date(2026, 11, 12),
        heading="Two weeks after Acme",
        about=("2026-11-03-acme-data-analyst",),
        progress=(
            Progress(skill="SQL window functions", status="learning", note="finished chapters 1-4"),
        ),
        decision="persist",
        track="data analysis",
        strengths=("stakeholder communication",),
        lessons=("Practise live coding out loud.",),
        ask_mentor=(
            MentorQuestion(question="Is a junior analytics-engineer role a step back?"),
            MentorQuestion(
                question="Should I list the bootcamp on my CV?", answered=dt.date(2026, 11, 20)
            ),
        ),
        mood=3,
        tags=("sql",),
        private=False,
        body="Body.\n",
    )


@both_shapes
def test_type_and_date_are_enough(entries, name):
    entries.entry(name, LOOKING_BACK)

    entry = entries.only_entry()

    assert isinstance(entry, Reflection)
    assert entry.kind == "reflection"
    assert entry.date == dt.date(2026, 11, 12)


def test_optional_fields_take_their_documented_defaults(entries):
    entries.entry("looking-back.md", LOOKING_BACK)

    entry = entries.only_entry()

    assert entry.title == "Reflection, 2026-11-12"
    assert (entry.about, entry.progress, entry.ask_mentor) == ((), (), ())
    assert (entry.decision, entry.track, entry.mood) == (None, None, None)
    assert entry.private is False


def test_the_title_replaces_the_default(entries):
    entries.entry("looking-back.md", LOOKING_BACK + "title: Two weeks after Acme\n")

    assert entries.only_entry().title == "Two weeks after Acme"


@pytest.mark.parametrize(
    ("text", "field", "line"),
    [
        ("title: 2026", "title", 3),
        ("title:", "title", 3),
        ("track: [data, analytics]", "track", 3),
        ("progress:\n  - skill: SQL\n    status: open\n    note: 4", "progress[1].note", 6),
        ("progress:\n  - skill: 12\n    status: open", "progress[1].skill", 4),
        ("ask_mentor:\n  - question: ''", "ask_mentor[1].question", 4),
    ],
)
def test_a_text_field_that_is_not_text_is_an_error_naming_it(entries, text, field, line):
    entries.entry("looking-back.yml", LOOKING_BACK + text + "\n")

    problem = entries.only_problem()

    assert (problem.field, problem.line) == (field, line)
    assert "expected text, found" in problem.message


@both_shapes
def test_a_reflection_without_a_date_is_an_error_naming_it(entries, name):
    entries.entry(name, "type: reflection\ntitle: Undated\n")

    problem = entries.only_problem()

    assert problem.path == f"entries/{name}"
    assert problem.field == "date"
    assert problem.line == entries.line_of(name, "type:")
    assert "date: required field is missing from this reflection" in problem.message


@pytest.mark.parametrize("field", ["company", "role", "applied", "feedback", "gaps", "process"])
def test_a_rejection_field_in_a_reflection_is_an_error_saying_so(entries, field):
    entries.entry("looking-back.yml", LOOKING_BACK + f"{field}: x\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert (problem.line, problem.column) == (3, 1)
    assert (
        f"'{field}' is a field of a rejection, and this file is a reflection (type: reflection)"
        in problem.message
    )


@pytest.mark.parametrize("field", ["progress", "decision", "ask_mentor", "about"])
def test_a_reflection_field_in_a_rejection_is_an_error_saying_so(entries, field):
    entries.entry("acme.yml", ACME + f"{field}: x\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert (problem.line, problem.column) == (4, 1)
    assert f"'{field}' is a field of a reflection" in problem.message


# -- about -----------------------------------------------------------------------------------


@pytest.mark.parametrize("about", ["[acme, beta]", "\n  - acme\n  - beta"])
def test_about_names_the_ids_of_other_entries(entries, about):
    entries.entry("acme.md", ACME)
    entries.entry("2026/beta.yml", ACME)
    entries.entry("looking-back.md", LOOKING_BACK + f"about: {about}\n")

    assert reflection(entries).about == ("acme", "beta")


def test_about_may_be_a_single_id(entries):
    entries.entry("acme.md", ACME)
    entries.entry("looking-back.md", LOOKING_BACK + "about: acme\n")

    assert reflection(entries).about == ("acme",)


@both_shapes
def test_about_an_id_no_entry_has_is_an_error_with_a_hint(entries, name):
    entries.entry("2026-11-03-acme-data-analyst.md", ACME)
    entries.entry(name, LOOKING_BACK + "about:\n  - 2026-11-03-acme-data-analist\n")

    log = entries.load()

    assert [entry.id for entry in log.entries] == ["2026-11-03-acme-data-analyst"]
    [problem] = log.problems
    assert problem.path == f"entries/{name}"
    assert problem.field == "about"
    assert (problem.line, problem.column) == (entries.line_of(name, "analist"), 5)
    assert "about[1]: expected the id of an entry" in problem.message
    assert "found '2026-11-03-acme-data-analist', which no entry has" in problem.message
    assert "did you mean '2026-11-03-acme-data-analyst'?" in problem.message


def test_about_an_entry_that_is_itself_broken_blames_only_that_entry(entries):
    entries.entry("acme.md", "date: 2026-11-03\ncompany: Acme Analytics\n")  # no role
    entries.entry("looking-back.md", LOOKING_BACK + "about: [acme]\n")

    log = entries.load()

    assert [entry.id for entry in log.entries] == ["looking-back"]
    assert [(p.path, p.field) for p in log.problems] == [("entries/acme.md", "role")]


def test_about_a_draft_is_an_error_because_drafts_are_not_entries(entries):
    entries.entry("_acme.md", ACME)
    entries.entry("looking-back.md", LOOKING_BACK + "about: [_acme]\n")

    problem = entries.only_problem()

    assert problem.field == "about"
    assert "found '_acme', which no entry has" in problem.message


# -- progress --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["open", "learning", "closed", "Closed"])
def test_progress_status_is_open_learning_or_closed(entries, status):
    entries.entry(
        "looking-back.md", LOOKING_BACK + f"progress:\n  - skill: SQL\n    status: {status}\n"
    )

    assert entries.only_entry().progress == (Progress(skill="SQL", status=status.lower()),)


@both_shapes
def test_progress_status_anything_else_is_an_error_listing_the_statuses(entries, name):
    entries.entry(name, LOOKING_BACK + "progress:\n  - skill: SQL\n    status: done\n")

    problem = entries.only_problem()

    assert problem.field == "progress[1].status"
    assert (problem.line, problem.column) == (entries.line_of(name, "status:"), 13)
    assert "expected one of open, learning, closed, found 'done'" in problem.message


@pytest.mark.parametrize(
    ("item", "field", "expected"),
    [
        ("  - skill: SQL", "progress[1].status", "required field is missing"),
        ("  - status: learning", "progress[1].skill", "required field is missing"),
        ("  - SQL", "progress[1]", "expected a mapping of fields (key: value), found 'SQL'"),
        (
            "  - skill: SQL\n    status: open\n    notes: x",
            "progress[1].notes",
            "unknown field in progress item (did you mean 'note'?)",
        ),
    ],
)
def test_a_malformed_progress_item_is_an_error_naming_it(entries, item, field, expected):
    entries.entry("looking-back.yml", LOOKING_BACK + f"progress:\n{item}\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert expected in problem.message


# -- decision and track ----------------------------------------------------------------------


@pytest.mark.parametrize("decision", ["persist", "pivot", "undecided", "Pivot"])
def test_decision_is_persist_pivot_or_undecided(entries, decision):
    entries.entry("looking-back.md", LOOKING_BACK + f"decision: {decision}\ntrack: data\n")

    entry = entries.only_entry()

    assert (entry.decision, entry.track) == (decision.lower(), "data")


@both_shapes
def test_decision_anything_else_is_an_error_listing_the_choices(entries, name):
    entries.entry(name, LOOKING_BACK + "decision: persit\n")

    problem = entries.only_problem()

    assert problem.field == "decision"
    assert (problem.line, problem.column) == (entries.line_of(name, "decision:"), 11)
    assert "expected one of persist, pivot, undecided, found 'persit'" in problem.message
    assert "did you mean 'persist'?" in problem.message


# -- ask_mentor ------------------------------------------------------------------------------


def test_a_bare_string_mentor_question_is_an_open_question(entries):
    entries.entry("looking-back.md", LOOKING_BACK + "ask_mentor:\n  - Is it a step back?\n")

    assert entries.only_entry().ask_mentor == (MentorQuestion("Is it a step back?"),)


@both_shapes
def test_a_mentor_question_answered_after_today_is_an_error(entries, name):
    entries.entry(name, LOOKING_BACK + "ask_mentor:\n  - question: CV?\n    answered: 2026-12-01\n")

    problem = entries.only_problem()

    assert problem.field == "ask_mentor[1].answered"
    assert (problem.line, problem.column) == (entries.line_of(name, "answered:"), 15)
    assert "no later than today (2026-11-26), found 2026-12-01" in problem.message


@pytest.mark.parametrize(
    ("item", "field", "expected"),
    [
        ("  - answered: 2026-11-20", "ask_mentor[1].question", "required field is missing"),
        ("  - 42", "ask_mentor[1]", "expected text or a mapping with 'question:'"),
        (
            "  - question: CV?\n    answerd: 2026-11-20",
            "ask_mentor[1].answerd",
            "did you mean 'answered'",
        ),
    ],
)
def test_a_malformed_mentor_question_is_an_error_naming_it(entries, item, field, expected):
    entries.entry("looking-back.yml", LOOKING_BACK + f"ask_mentor:\n{item}\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert expected in problem.message


# -- the fields both types share -------------------------------------------------------------


def test_strengths_lessons_mood_tags_and_private_work_as_in_a_rejection(entries):
    entries.entry(
        "looking-back.yml",
        LOOKING_BACK + "strengths: [SQL]\nlessons: [rest]\nmood: 4\ntags: [calm]\nprivate: true\n",
    )

    entry = entries.only_entry()

    assert (entry.strengths, entry.lessons, entry.mood, entry.tags, entry.private) == (
        ("SQL",),
        ("rest",),
        4,
        ("calm",),
        True,
    )


@both_shapes
def test_mood_outside_1_to_5_in_a_reflection_is_an_error(entries, name):
    entries.entry(name, LOOKING_BACK + "mood: 10\n")

    problem = entries.only_problem()

    assert problem.field == "mood"
    assert problem.line == entries.line_of(name, "mood:")
    assert "expected a whole number from 1 to 5, found the number 10" in problem.message
