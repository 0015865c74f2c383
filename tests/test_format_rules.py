"""The rules that hold for both entry types, the file shapes, ids and stages (entry-format.md)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import TODAY

from generator.entries.loader import load_log
from generator.model import Reflection, Rejection
from generator.settings import Settings

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"
LOOKING_BACK = "type: reflection\ndate: 2026-11-12\n"

both_shapes = pytest.mark.parametrize("name", ["acme.md", "acme.yml"])


def fields(date: str = "2026-11-03", **more: str) -> str:
    """A rejection's fields with `date` as written and more lines appended."""
    lines = [f"date: {date}", "company: Acme Analytics", "role: Data Analyst"]
    return "".join(f"{line}\n" for line in [*lines, *(f"{k}: {v}" for k, v in more.items())])


# -- dates -----------------------------------------------------------------------------------


@both_shapes
@pytest.mark.parametrize("written", ["2026-11-03", "'2026-11-03'", '"2026-11-03"'])
def test_a_date_is_a_yaml_date_or_a_quoted_string(entries, name, written):
    entries.entry(name, fields(written))

    assert entries.only_entry().date == dt.date(2026, 11, 3)


@both_shapes
@pytest.mark.parametrize("written", ["2026-02-30", "'2026-02-30'", "2026-13-01", "'2026-04-31'"])
def test_an_impossible_calendar_date_is_an_error(entries, name, written):
    entries.entry(name, fields(written))

    problem = entries.only_problem()

    assert problem.path == f"entries/{name}"
    assert problem.field == "date"
    assert (problem.line, problem.column) == (entries.line_of(name, "date:"), 7)
    assert f"expected a real calendar date, found '{written.strip(chr(39))}'" in problem.message


@both_shapes
@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("03/11/2026", "'03/11/2026'"),
        ("3 November 2026", "'3 November 2026'"),
        ("2026-11-3", "'2026-11-3'"),
        ("20261103", "the number 20261103"),
        ("2026-11-03 10:30:00", "a date and time (2026-11-03T10:30:00)"),
        ("", "nothing (an empty value)"),
    ],
)
def test_a_date_not_written_as_yyyy_mm_dd_is_an_error(entries, name, written, found):
    entries.entry(name, fields(written))

    problem = entries.only_problem()

    assert problem.field == "date"
    assert problem.line == entries.line_of(name, "date:")
    assert problem.message == f"date: expected a date as YYYY-MM-DD, found {found}"


@both_shapes
def test_today_is_not_after_today(entries, name):
    entries.entry(name, fields(TODAY.isoformat()))

    assert entries.only_entry().date == TODAY


@both_shapes
def test_a_date_after_today_is_an_error_pointing_to_drafts(entries, name):
    entries.entry(name, fields("2026-11-27"))

    problem = entries.only_problem()

    assert problem.field == "date"
    assert (problem.line, problem.column) == (entries.line_of(name, "date:"), 7)
    assert "expected a date no later than today (2026-11-26), found 2026-11-27" in problem.message
    assert "starts with '_'" in problem.message


def test_today_comes_from_the_settings(entries):
    entries.entry("acme.md", fields("2026-11-27"))

    assert load_log(entries.root, Settings(today=dt.date(2026, 11, 27))).problems == ()


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (fields(applied="2026-12-01"), "applied"),
        (fields(process="[{stage: phone, date: 2026-12-01}]"), "process[1].date"),
        (fields(feedback="{requested: 2026-12-01}"), "feedback.requested"),
        (fields(feedback="{received: 2026-12-01}"), "feedback.received"),
        (LOOKING_BACK + "ask_mentor: [{question: CV?, answered: 2026-12-01}]\n", "ask_mentor[1]."),
    ],
)
def test_every_date_field_refuses_a_date_after_today(entries, text, field):
    entries.entry("entry.yml", text)

    problem = entries.only_problem()

    assert problem.field.startswith(field)
    assert "no later than today (2026-11-26), found 2026-12-01" in problem.message


# -- dates in order --------------------------------------------------------------------------


@pytest.mark.parametrize("applied", ["2026-10-01", "2026-11-03"])
def test_applied_on_or_before_the_rejection_is_fine(entries, applied):
    entries.entry("acme.md", fields(applied=applied))

    assert entries.only_entry().applied == dt.date.fromisoformat(applied)


@both_shapes
def test_applied_after_date_is_an_error_naming_the_field(entries, name):
    entries.entry(name, fields(applied="2026-11-04"))

    problem = entries.only_problem()

    assert problem.path == f"entries/{name}"
    assert problem.field == "applied"
    assert (problem.line, problem.column) == (entries.line_of(name, "applied:"), 10)
    assert (
        problem.message
        == "applied: expected a day no later than the rejection (2026-11-03), found 2026-11-04"
    )


@pytest.mark.parametrize(
    "feedback",
    [
        "{requested: 2026-11-03}",
        "{requested: 2026-11-03, received: 2026-11-03}",
        "{requested: 2026-11-04, received: 2026-11-10}",
        "{requested: false, received: 2026-11-05}",
        "{received: 2026-11-05}",
    ],
)
def test_feedback_on_or_after_the_rejection_and_the_request_is_fine(entries, feedback):
    entries.entry("acme.md", fields(feedback=feedback))

    assert entries.only_entry().feedback is not None


@both_shapes
@pytest.mark.parametrize("field", ["requested", "received"])
def test_feedback_before_the_rejection_is_an_error_naming_the_field(entries, name, field):
    entries.entry(name, fields() + f"feedback:\n  {field}: 2026-11-02\n")

    problem = entries.only_problem()

    assert problem.field == f"feedback.{field}"
    assert problem.line == entries.line_of(name, f"{field}:")
    assert problem.message == (
        f"feedback.{field}: expected a day no earlier than the rejection (2026-11-03), "
        "found 2026-11-02"
    )


@both_shapes
def test_feedback_received_before_it_was_requested_is_an_error(entries, name):
    entries.entry(name, fields() + "feedback:\n  requested: 2026-11-05\n  received: 2026-11-04\n")

    problem = entries.only_problem()

    assert problem.field == "feedback.received"
    assert (problem.line, problem.column) == (entries.line_of(name, "received:"), 13)
    assert "expected a day no earlier than the request (2026-11-05)" in problem.message
    assert "found 2026-11-04" in problem.message


# -- unknown keys and extra: -----------------------------------------------------------------


@both_shapes
def test_an_unknown_key_is_an_error_with_a_did_you_mean_hint(entries, name):
    entries.entry(name, fields(stregths="[SQL]"))

    problem = entries.only_problem()

    assert problem.field == "stregths"
    assert (problem.line, problem.column) == (entries.line_of(name, "stregths:"), 1)
    assert problem.message == "stregths: unknown field in rejection (did you mean 'strengths'?)"


def test_an_unknown_key_in_a_reflection_suggests_a_reflection_field(entries):
    entries.entry("looking-back.md", LOOKING_BACK + "lesons: [rest]\n")

    assert "did you mean 'lessons'?" in entries.only_problem().message


def test_an_unknown_key_like_nothing_known_lists_the_fields_and_points_to_extra(entries):
    entries.entry("acme.yml", fields(salary="55k"))

    problem = entries.only_problem()

    assert problem.field == "salary"
    assert "unknown field in rejection; expected one of: type, date, company" in problem.message
    assert "keep your own fields under 'extra:'" in problem.message


def test_every_unknown_key_is_reported(entries):
    entries.entry("acme.yml", fields(stregths="[SQL]", lesons="[rest]", mod="2"))

    log = entries.load()

    assert [(p.line, p.field) for p in log.problems] == [
        (4, "stregths"),
        (5, "lesons"),
        (6, "mod"),
    ]
    assert log.entries == ()


@both_shapes
def test_extra_is_kept_as_written_and_never_interpreted(entries, name):
    entries.entry(
        name,
        fields() + "extra:\n  salary: 55k\n  start: 2027-01-01\n  recruiter: {name: Jo, mood: 9}\n",
    )

    assert entries.only_entry().extra == {
        "salary": "55k",
        "start": dt.date(2027, 1, 1),
        "recruiter": {"name": "Jo", "mood": 9},
    }


@both_shapes
def test_extra_that_is_not_a_mapping_is_an_error(entries, name):
    entries.entry(name, fields(extra="[salary, 55k]"))

    problem = entries.only_problem()

    assert problem.field == "extra"
    assert (problem.line, problem.column) == (entries.line_of(name, "extra:"), 8)
    assert "expected a mapping of names to values, found a list" in problem.message


# -- ids -------------------------------------------------------------------------------------


def test_the_id_is_the_file_name_without_extension_in_any_folder(entries):
    entries.entry("2026/11/2026-11-03-acme-data-analyst.md", ACME)

    entry = entries.only_entry()

    assert entry.id == "2026-11-03-acme-data-analyst"
    assert entry.source == "2026/11/2026-11-03-acme-data-analyst.md"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("acme.md", "2026/acme.md"),
        ("acme.md", "acme.yml"),
        ("2025/acme.yaml", "2026/acme.markdown"),
    ],
)
def test_two_files_with_one_id_is_an_error_naming_both(entries, first, second):
    entries.entry(first, ACME)
    entries.entry(second, ACME)

    log = entries.load()

    assert log.entries == ()
    messages = {(p.path, p.line): p.message for p in log.problems}
    assert set(messages) == {(f"entries/{first}", 1), (f"entries/{second}", 1)}
    for this, other in [(first, second), (second, first)]:
        message = messages[(f"entries/{this}", 1)]
        assert f"the id 'acme' is used by another file too (entries/{other})" in message


def test_ids_that_differ_only_in_case_clash(entries):
    entries.entry("Acme.md", ACME)
    entries.entry("2026/acme.yml", ACME)

    log = entries.load()

    assert log.entries == ()
    assert sorted(p.path for p in log.problems) == ["entries/2026/acme.yml", "entries/Acme.md"]
    assert all("must be unique" in p.message for p in log.problems)


def test_a_duplicate_id_is_reported_even_when_one_of_the_files_is_broken(entries):
    entries.entry("acme.md", ACME)
    entries.entry("2026/acme.yml", "date: 2026-11-03\ncompany: Acme Analytics\n")  # no role

    log = entries.load()

    assert log.entries == ()
    assert sorted((p.path, p.field or p.message[:10]) for p in log.problems) == [
        ("entries/2026/acme.yml", "role"),
        ("entries/2026/acme.yml", "the id 'ac"),
        ("entries/acme.md", "the id 'ac"),
    ]


# -- which files are entries -----------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["acme.md", "acme.markdown", "acme.yml", "acme.yaml", "acme.MD", "acme.Yaml"]
)
def test_both_shapes_load_under_all_their_suffixes(entries, name):
    entries.entry(name, ACME)

    entry = entries.only_entry()

    assert (entry.id, entry.company) == ("acme", "Acme Analytics")


@pytest.mark.parametrize(
    "name",
    [
        "_draft.md",
        "_notes.txt",
        ".acme.md.swp",
        ".DS_Store",
        "_drafts/acme.md",
        ".obsidian/workspace.json",
        "2026/_half-written.yml",
    ],
)
def test_files_and_folders_starting_with_underscore_or_dot_are_ignored(entries, name):
    entries.write(name, "company: [this is not even valid\n")
    entries.entry("acme.md", ACME)

    log = entries.load()

    assert log.problems == ()
    assert [entry.id for entry in log.entries] == ["acme"]


@pytest.mark.parametrize("name", ["notes.txt", "README", "photo.png", "2026/cv.pdf", "acme.md.bak"])
def test_any_other_file_is_reported_never_silently_skipped(entries, name):
    entries.write(name, b"anything")
    entries.entry("acme.md", ACME)

    log = entries.load()

    assert [entry.id for entry in log.entries] == ["acme"]
    [problem] = log.problems
    assert (problem.path, problem.line) == (f"entries/{name}", 1)
    assert "not an entry file: entries end in .md, .markdown, .yml or .yaml" in problem.message


def test_a_missing_entries_folder_is_reported(tmp_path):
    log = load_log(tmp_path / "entries", Settings(today=TODAY))

    assert log.entries == ()
    [problem] = log.problems
    assert "the entries folder does not exist" in problem.message


# -- the body --------------------------------------------------------------------------------


def test_a_markdown_body_is_everything_below_the_front_matter(entries):
    body = "Free Markdown.\n\n---\n\n## After a rule\n"
    entries.entry("acme.md", ACME, body=body)

    assert entries.only_entry().body == body


@pytest.mark.parametrize("name", ["acme.yml", "acme.yaml"])
def test_notes_is_the_body_of_a_yaml_entry(entries, name):
    entries.entry(name, ACME + "notes: |\n  Free Markdown.\n\n  - a list\n")

    assert entries.only_entry().body == "Free Markdown.\n\n- a list"


def test_a_yaml_entry_without_notes_has_an_empty_body(entries):
    entries.entry("acme.yml", ACME)

    assert entries.only_entry().body == ""


@pytest.mark.parametrize("name", ["acme.md", "acme.markdown"])
def test_notes_in_a_markdown_entry_is_an_error_pointing_below_the_front_matter(entries, name):
    entries.entry(name, ACME + "notes: my reflection\n")

    problem = entries.only_problem()

    assert problem.field == "notes"
    assert (problem.line, problem.column) == (5, 1)
    assert "in a Markdown entry your notes go below the closing '---'" in problem.message


# -- stages ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    ["applied", "screen", "phone", "technical", "take-home", "onsite", "final", "offer"],
)
def test_every_default_stage_is_a_stage(entries, written):
    entries.entry("acme.md", fields(stage=written, process=f"[{{stage: {written}}}]"))

    entry = entries.only_entry()

    assert (entry.stage, entry.process[0].stage) == (written, written)


@pytest.mark.parametrize(("written", "stage"), [("Final", "final"), ("TAKE-HOME", "take-home")])
def test_stages_are_matched_without_regard_to_case(entries, written, stage):
    entries.entry("acme.md", fields(stage=written, process=f"[{{stage: {written}}}]"))

    entry = entries.only_entry()

    assert (entry.stage, entry.process[0].stage) == (stage, stage)


def test_configured_stages_replace_the_default_ones(entries):
    entries.entry("acme.md", fields(stage="Hiring Manager", process="[{stage: recruiter call}]"))

    entry = entries.only_entry(stages=("Recruiter call", "Hiring manager", "Offer"))

    assert (entry.stage, entry.process[0].stage) == ("hiring manager", "recruiter call")


def test_the_default_stage_is_the_first_configured_one(entries):
    entries.entry("acme.md", fields())

    entry = entries.only_entry(stages=("Sent", "Interview", "Offer"))

    assert entry.stage == "sent"


@both_shapes
@pytest.mark.parametrize(
    ("field", "more"),
    [("stage", {"stage": "final"}), ("process[1].stage", {"process": "[{stage: final}]"})],
)
def test_a_stage_that_is_not_configured_is_an_error_listing_the_configured_ones(
    entries, name, field, more
):
    entries.entry(name, fields(**more))

    problem = entries.only_problem(stages=("Applied", "Recruiter call", "Offer"))

    assert problem.field == field
    assert problem.line == entries.line_of(name, "final")
    assert "expected one of applied, recruiter call, offer, found 'final'" in problem.message


# -- type ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type_line", "kind"),
    [("", Rejection), ("type: rejection\n", Rejection), ("type: Rejection\n", Rejection)],
)
def test_an_entry_is_a_rejection_unless_it_says_otherwise(entries, type_line, kind):
    entries.entry("acme.md", type_line + ACME)

    assert type(entries.only_entry()) is kind


@pytest.mark.parametrize("written", ["reflection", "Reflection", "REFLECTION"])
def test_type_reflection_makes_a_reflection(entries, written):
    entries.entry("looking-back.md", f"type: {written}\ndate: 2026-11-12\n")

    assert isinstance(entries.only_entry(), Reflection)


@both_shapes
@pytest.mark.parametrize(
    ("written", "found"), [("memo", "'memo'"), ("", "nothing (an empty value)")]
)
def test_any_other_type_is_an_error_listing_the_types(entries, name, written, found):
    entries.entry(name, f"type: {written}\n" + ACME)

    problem = entries.only_problem()

    assert problem.field == "type"
    assert problem.line == entries.line_of(name, "type:")
    assert f"type: expected one of rejection, reflection, found {found}" in problem.message


# -- all errors at once ----------------------------------------------------------------------


def test_every_error_in_one_file_is_reported(entries):
    entries.entry(
        "acme.yml",
        "date: 2026-02-30\ncompany: 42\nmood: 9\nstage: lunch\nfeedback: {via: fax}\n",
    )

    problems = entries.load().problems

    assert [(p.line, p.field) for p in problems] == [
        (1, "role"),  # missing: reported where the fields begin
        (1, "date"),
        (2, "company"),
        (3, "mood"),
        (4, "stage"),
        (5, "feedback.via"),
    ]
    assert all(p.path == "entries/acme.yml" for p in problems)


def test_one_broken_file_never_hides_the_others(entries):
    entries.entry("good.md", ACME)
    entries.entry("2026/also-good.yml", LOOKING_BACK + "about: [good]\n")
    entries.write("bad-yaml.yml", "date: 2026-11-03\ncompany: 'Acme\nrole: r\n")
    entries.write("bad-bytes.md", b"---\ndate: 2026-11-03\ncompany: Acme \xe9\n---\n")
    entries.write("no-front-matter.md", "Just my notes.\n")
    entries.entry("bad-fields.md", fields(mood="9"))
    entries.entry("2026/bad-about.yml", LOOKING_BACK + "about: [nobody]\n")
    entries.entry("twin.md", ACME)
    entries.entry("2026/twin.md", ACME)
    entries.write("scan.pdf", b"%PDF")

    log = entries.load()

    assert sorted(entry.id for entry in log.entries) == ["also-good", "good"]
    assert sorted({p.path for p in log.problems}) == [
        "entries/2026/bad-about.yml",
        "entries/2026/twin.md",
        "entries/bad-bytes.md",
        "entries/bad-fields.md",
        "entries/bad-yaml.yml",
        "entries/no-front-matter.md",
        "entries/scan.pdf",
        "entries/twin.md",
    ]
    assert all(p.line >= 1 and p.message for p in log.problems)


def test_a_caller_that_wants_an_exception_gets_every_problem_in_one(entries):
    from generator.errors import EntryError

    entries.entry("a.yml", "date: 2026-11-03\ncompany: A\n")
    entries.entry("b.yml", "date: 2026-11-03\nrole: B\n")

    with pytest.raises(EntryError) as raised:
        entries.load().raise_for_problems()

    assert [p.path for p in raised.value.problems] == ["entries/a.yml", "entries/b.yml"]
    assert "entries/a.yml:1:1: role: required field is missing" in str(raised.value)
