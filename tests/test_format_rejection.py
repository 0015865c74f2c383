"""The rejection entry (entry-format.md, "Rejection entry"): each field, its allowed values."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Feedback, Gap, ProcessStep, Rejection

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"

both_shapes = pytest.mark.parametrize("name", ["acme.md", "acme.yml"])


def test_the_example_in_the_spec_loads_with_every_value(entries):
    entries.write(
        "2026-11-03-acme-data-analyst.md",
        """\
        ---
        type: rejection            # optional; rejection | reflection (default rejection)
        date: 2026-11-03           # REQUIRED: the day the "no" arrived
        company: Acme Analytics    # REQUIRED
        role: Data Analyst         # REQUIRED
        track: data analysis       # optional role family used to group roles; default: role
        applied: 2026-10-01        # optional: the day you applied
        stage: final               # optional: furthest stage reached (see "Stages")
        process:                   # optional: what the interview process involved, in order
          - stage: phone           # a stage name (see "Stages")
            date: 2026-10-08       # optional
            format: recruiter call # optional free text: take-home, live coding, panel of 3 ...
            notes: salary expectations, notice period
        feedback:                  # optional; absent = not requested yet
          requested: 2026-11-04    # date asked, or false (decided not to ask)
          via: email               # optional: email | phone | in-person | other
          received: 2026-11-10     # optional: date the answer came; absent = still pending
          declined: false          # optional: true when the company said it gives no feedback
          from: hiring manager     # optional
          summary: Strong communication; SQL window functions were shaky.
        gaps:                      # optional: what you lacked, per the feedback or your own view
          - skill: SQL window functions
            severity: high         # optional: low | medium | high (default medium)
            evidence: could not finish the running-total query   # optional
            plan: SQL course, three evenings a week               # optional
          - Tableau                # shorthand: a bare string = {skill: Tableau}
        strengths:                 # optional: what went well / what they praised (strings)
          - stakeholder communication
        lessons:                   # optional: what to do differently next time (strings)
          - Practise live coding out loud.
        mood: 2                    # optional: 1 (crushed) .. 5 (fine)
        tags: [remote, fintech]    # optional
        private: false             # optional: true = never in a published build
        ---
        Free Markdown: the reflection in your own words.
        """,
    )

    entry = entries.only_entry()

    assert entry == Rejection(
        id="2026-11-03-acme-data-analyst",
        source="2026-11-03-acme-data-analyst.md",
        date=dt.date(2026, 11, 3),
        company="Acme Analytics",
        role="Data Analyst",
        track="data analysis",
        applied=dt.date(2026, 10, 1),
        stage="final",
        process=(
            ProcessStep(
                stage="phone",
                date=dt.date(2026, 10, 8),
                format="recruiter call",
                notes="salary expectations, notice period",
            ),
        ),
        feedback=Feedback(
            requested=dt.date(2026, 11, 4),
            via="email",
            received=dt.date(2026, 11, 10),
            declined=False,
            source="hiring manager",
            summary="Strong communication; SQL window functions were shaky.",
        ),
        gaps=(
            Gap(
                skill="SQL window functions",
                severity="high",
                evidence="could not finish the running-total query",
                plan="SQL course, three evenings a week",
            ),
            Gap(skill="Tableau"),
        ),
        strengths=("stakeholder communication",),
        lessons=("Practise live coding out loud.",),
        mood=2,
        tags=("remote", "fintech"),
        private=False,
        body="Free Markdown: the reflection in your own words.\n",
    )


@both_shapes
def test_date_company_and_role_are_enough(entries, name):
    entries.entry(name, ACME)

    entry = entries.only_entry()

    assert isinstance(entry, Rejection)
    assert (entry.date, entry.company, entry.role) == (
        dt.date(2026, 11, 3),
        "Acme Analytics",
        "Data Analyst",
    )


def test_optional_fields_take_their_documented_defaults(entries):
    entries.entry("acme.md", ACME)

    entry = entries.only_entry()

    assert entry.track == "Data Analyst"  # default: role
    assert entry.stage == "applied"
    assert entry.applied is None
    assert entry.process == ()
    assert entry.feedback is None  # absent = not requested yet
    assert entry.gaps == ()
    assert (entry.strengths, entry.lessons, entry.tags) == ((), (), ())
    assert entry.mood is None
    assert entry.private is False
    assert entry.extra == {}


@both_shapes
@pytest.mark.parametrize("missing", ["date", "company", "role"])
def test_a_missing_required_field_is_an_error_naming_it(entries, name, missing):
    fields = "".join(line + "\n" for line in ACME.splitlines() if missing + ":" not in line)
    entries.entry(name, fields)

    problem = entries.only_problem()

    assert problem.path == f"entries/{name}"
    assert problem.field == missing
    assert problem.line == entries.line_of(name, ":")  # where the fields begin
    assert f"{missing}: required field is missing" in problem.message
    assert "rejection" in problem.message


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("", "nothing (an empty value)"),
        ("42", "the number 42; put it in quotes"),
        ("yes", "true (a yes/no value); put it in quotes"),
        ("[Acme, Beta]", "a list"),
    ],
)
@pytest.mark.parametrize("field", ["company", "role", "track"])
def test_company_role_and_track_must_be_text(entries, field, value, found):
    lines = [line for line in ACME.strip().splitlines() if not line.strip().startswith(field)]
    entries.entry("acme.yml", "\n".join([*lines, f"{field}: {value}"]) + "\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert problem.line == entries.line_of("acme.yml", f"{field}:")
    assert f"expected text, found {found}" in problem.message


def test_track_groups_roles_under_a_family(entries):
    entries.entry("acme.md", ACME + "track: data analysis\n")

    assert entries.only_entry().track == "data analysis"


@both_shapes
def test_applied_is_the_day_you_applied(entries, name):
    entries.entry(name, ACME + "applied: 2026-10-01\n")

    assert entries.only_entry().applied == dt.date(2026, 10, 1)


@pytest.mark.parametrize("stage", ["applied", "screen", "phone", "technical", "take-home"])
def test_stage_is_the_furthest_stage_reached(entries, stage):
    entries.entry("acme.md", ACME + f"stage: {stage}\n")

    assert entries.only_entry().stage == stage


@both_shapes
def test_an_unknown_stage_is_an_error_listing_the_allowed_ones(entries, name):
    entries.entry(name, ACME + "stage: finale\n")

    problem = entries.only_problem()

    assert problem.field == "stage"
    assert (problem.line, problem.column) == (entries.line_of(name, "stage:"), 8)
    assert (
        "expected one of applied, screen, phone, technical, take-home, onsite, final, offer"
        in problem.message
    )
    assert "found 'finale'" in problem.message
    assert "did you mean 'final'?" in problem.message


# -- process ---------------------------------------------------------------------------------


def test_process_lists_the_steps_in_order(entries):
    entries.entry(
        "acme.yml",
        ACME
        + "process:\n"
        + "  - stage: screen\n"
        + "  - stage: technical\n"
        + "    date: 2026-10-15\n"
        + "    format: live coding\n"
        + "    notes: window functions again\n",
    )

    assert entries.only_entry().process == (
        ProcessStep(stage="screen"),
        ProcessStep(
            stage="technical",
            date=dt.date(2026, 10, 15),
            format="live coding",
            notes="window functions again",
        ),
    )


@both_shapes
def test_a_process_step_without_a_stage_is_an_error(entries, name):
    entries.entry(name, ACME + "process:\n  - stage: phone\n  - format: panel of 3\n")

    problem = entries.only_problem()

    assert problem.field == "process[2].stage"
    assert problem.line == entries.line_of(name, "format: panel")
    assert "required field is missing from this process step" in problem.message


def test_a_process_step_with_an_unknown_stage_is_an_error_naming_the_step(entries):
    entries.entry("acme.md", ACME + "process:\n  - stage: phone\n  - stage: lunch\n")

    problem = entries.only_problem()

    assert problem.field == "process[2].stage"
    assert (problem.line, problem.column) == (entries.line_of("acme.md", "lunch"), 12)
    assert "expected one of applied, screen" in problem.message
    assert "found 'lunch'" in problem.message


@pytest.mark.parametrize(
    ("process", "field", "expected"),
    [
        ("process: 3", "process", "expected a list, found the number 3"),
        ("process: [phone]", "process[1]", "expected a mapping of fields (key: value)"),
        ("process:\n  - stage: phone\n    who: CTO", "process[1].who", "unknown field"),
        ("process:\n  - stage: phone\n    format: 3", "process[1].format", "expected text"),
    ],
)
def test_a_malformed_process_is_an_error_naming_the_step(entries, process, field, expected):
    entries.entry("acme.yml", ACME + process + "\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert expected in problem.message


# -- feedback --------------------------------------------------------------------------------


def test_feedback_can_be_requested_and_still_pending(entries):
    entries.entry("acme.md", ACME + "feedback:\n  requested: 2026-11-04\n")

    assert entries.only_entry().feedback == Feedback(requested=dt.date(2026, 11, 4))


def test_feedback_requested_false_means_you_decided_not_to_ask(entries):
    entries.entry("acme.md", ACME + "feedback:\n  requested: false\n")

    assert entries.only_entry().feedback == Feedback(requested=False)


def test_feedback_declined_by_the_company(entries):
    entries.entry("acme.md", ACME + "feedback:\n  requested: 2026-11-04\n  declined: true\n")

    assert entries.only_entry().feedback.declined is True


def test_feedback_from_is_who_gave_it(entries):
    entries.entry("acme.md", ACME + "feedback:\n  from: hiring manager\n  summary: Good.\n")

    feedback = entries.only_entry().feedback
    assert (feedback.source, feedback.summary) == ("hiring manager", "Good.")


@both_shapes
def test_feedback_requested_true_is_an_error_asking_for_a_date_or_false(entries, name):
    entries.entry(name, ACME + "feedback:\n  requested: true\n")

    problem = entries.only_problem()

    assert problem.field == "feedback.requested"
    assert (problem.line, problem.column) == (entries.line_of(name, "requested:"), 14)
    assert "expected the date you asked (YYYY-MM-DD) or false, found true" in problem.message


@pytest.mark.parametrize("via", ["email", "phone", "in-person", "other", "Email"])
def test_feedback_via_is_one_of_the_ways_of_asking(entries, via):
    entries.entry("acme.md", ACME + f"feedback:\n  requested: 2026-11-04\n  via: {via}\n")

    assert entries.only_entry().feedback.via == via.lower()


@both_shapes
def test_feedback_via_anything_else_is_an_error_listing_the_ways(entries, name):
    entries.entry(name, ACME + "feedback:\n  requested: 2026-11-04\n  via: fax\n")

    problem = entries.only_problem()

    assert problem.field == "feedback.via"
    assert (problem.line, problem.column) == (entries.line_of(name, "via:"), 8)
    assert "expected one of email, phone, in-person, other, found 'fax'" in problem.message


@pytest.mark.parametrize(
    ("line", "field", "expected"),
    [
        ("declined: maybe", "feedback.declined", "expected true or false, found 'maybe'"),
        ("received: soon", "feedback.received", "expected a date as YYYY-MM-DD, found 'soon'"),
        ("summary: 5", "feedback.summary", "expected text, found the number 5"),
        ("from: ''", "feedback.from", "expected text, found ''"),
        ("frm: HR", "feedback.frm", "unknown field in feedback (did you mean 'from'?)"),
    ],
)
def test_a_wrong_feedback_value_is_an_error_naming_the_field(entries, line, field, expected):
    entries.entry("acme.yml", ACME + f"feedback:\n  {line}\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert problem.line == 5
    assert expected in problem.message


def test_feedback_that_is_not_a_mapping_is_an_error(entries):
    entries.entry("acme.yml", ACME + "feedback: asked by email\n")

    problem = entries.only_problem()

    assert problem.field == "feedback"
    assert (problem.line, problem.column) == (4, 11)
    assert "expected a mapping of fields (key: value), found 'asked by email'" in problem.message


# -- gaps, strengths, lessons ----------------------------------------------------------------


def test_a_bare_string_gap_is_short_for_a_skill_of_medium_severity(entries):
    entries.entry("acme.md", ACME + "gaps:\n  - Tableau\n")

    assert entries.only_entry().gaps == (Gap(skill="Tableau", severity="medium"),)


@pytest.mark.parametrize("severity", ["low", "medium", "high", "High"])
def test_gap_severity_is_low_medium_or_high(entries, severity):
    entries.entry("acme.md", ACME + f"gaps:\n  - skill: SQL\n    severity: {severity}\n")

    assert entries.only_entry().gaps[0].severity == severity.lower()


@both_shapes
def test_gap_severity_anything_else_is_an_error_listing_the_levels(entries, name):
    entries.entry(name, ACME + "gaps:\n  - Tableau\n  - skill: SQL\n    severity: critical\n")

    problem = entries.only_problem()

    assert problem.field == "gaps[2].severity"
    assert (problem.line, problem.column) == (entries.line_of(name, "severity:"), 15)
    assert "expected one of low, medium, high, found 'critical'" in problem.message


@pytest.mark.parametrize(
    ("gaps", "field", "expected"),
    [
        ("gaps:\n  - severity: high", "gaps[1].skill", "required field is missing from this gap"),
        ("gaps:\n  - 42", "gaps[1]", "expected text or a mapping with 'skill:', found the number"),
        ("gaps:\n  - skill: SQL\n    fix: course", "gaps[1].fix", "unknown field in gap"),
        ("gaps: 7", "gaps", "expected a list, found the number 7"),
        ("gaps:\n  - skill: SQL\n    evidence: 3", "gaps[1].evidence", "expected text"),
        ("gaps:\n  - skill: SQL\n    plan: [a, b]", "gaps[1].plan", "expected text"),
        ("gaps:\n  - skill: ''", "gaps[1].skill", "expected text, found ''"),
    ],
)
def test_a_malformed_gap_is_an_error_naming_it(entries, gaps, field, expected):
    entries.entry("acme.yml", ACME + gaps + "\n")

    problem = entries.only_problem()

    assert problem.field == field
    assert expected in problem.message


@pytest.mark.parametrize("field", ["strengths", "lessons", "tags"])
def test_string_lists_take_a_list_or_a_single_string(entries, field):
    entries.entry("a.md", ACME + f"{field}: [one, two]\n")
    entries.entry("b.md", ACME + f"{field}: just one\n")

    by_id = {entry.id: getattr(entry, field) for entry in entries.load().entries}

    assert by_id == {"a": ("one", "two"), "b": ("just one",)}


@pytest.mark.parametrize("field", ["strengths", "lessons", "tags"])
def test_a_string_list_item_that_is_not_text_is_an_error_naming_the_item(entries, field):
    entries.entry("acme.yml", ACME + f"{field}:\n  - fine\n  - 12\n")

    problem = entries.only_problem()

    assert problem.field == f"{field}[2]"
    assert (problem.line, problem.column) == (6, 5)
    assert "expected text, found the number 12" in problem.message


# -- mood, private ---------------------------------------------------------------------------


@pytest.mark.parametrize("mood", [1, 2, 3, 4, 5])
def test_mood_is_a_whole_number_from_1_to_5(entries, mood):
    entries.entry("acme.md", ACME + f"mood: {mood}\n")

    assert entries.only_entry().mood == mood


@both_shapes
@pytest.mark.parametrize(
    ("mood", "found"),
    [
        ("0", "the number 0"),
        ("6", "the number 6"),
        ("2.5", "the number 2.5"),
        ("'3'", "'3'"),
        ("true", "true (a yes/no value)"),
        ("crushed", "'crushed'"),
    ],
)
def test_mood_outside_1_to_5_is_an_error(entries, name, mood, found):
    entries.entry(name, ACME + f"mood: {mood}\n")

    problem = entries.only_problem()

    assert problem.field == "mood"
    assert (problem.line, problem.column) == (entries.line_of(name, "mood:"), 7)
    assert f"expected a whole number from 1 to 5, found {found}" in problem.message


@pytest.mark.parametrize(("value", "private"), [("true", True), ("false", False)])
def test_private_is_true_or_false(entries, value, private):
    entries.entry("acme.md", ACME + f"private: {value}\n")

    assert entries.only_entry().private is private


@both_shapes
def test_private_anything_else_is_an_error(entries, name):
    entries.entry(name, ACME + "private: only from my mentor\n")

    problem = entries.only_problem()

    assert problem.field == "private"
    assert problem.line == entries.line_of(name, "private:")
    assert "expected true or false, found 'only from my mentor'" in problem.message
