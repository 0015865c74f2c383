"""A real user's first week: start a log, publish it, ask promptly, meet the mentor.

`init` in an empty folder -> `new` -> `doctor` (fails, naming what to fix) -> fixes -> `doctor`
passes -> `mkdocs build --strict`; then the entry format's new fields, the drafts, `due`, the
mentor digest and the private preview's marks.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import TODAY, TODAY_TEXT, build, parse_html, seen_text

from generator.cli import main
from generator.cli.readiness import findings
from generator.insights.analysis import analyse
from generator.insights.mentor import digest
from generator.insights.skills import skills_report
from generator.settings import Settings
from generator.site.emails import email_for, person_name
from generator.site.render import SiteOptions, render_site


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str):
    return runner.invoke(main, list(args), catch_exceptions=False)


# --- the journey -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def journey(tmp_path_factory) -> dict[str, object]:
    """init -> new -> doctor -> fix -> doctor -> build, as a new user types it."""
    root = tmp_path_factory.mktemp("first-week") / "my-log"
    runner = CliRunner()
    steps: dict[str, object] = {}
    steps["init"] = invoke(
        runner, "init", str(root), "--site-name", "Sam's log", "--name", "Sam Reyes"
    )
    here = Path.cwd()
    os.chdir(root / "docs")  # any folder inside the log will do
    try:
        steps["new"] = invoke(
            runner, "new", "rejection", "--company", "Acme", "--role", "Data Analyst"
        )
        steps["doctor before"] = runner.invoke(main, ["doctor"])
        config = root / "mkdocs.yml"
        text = config.read_text()
        config.write_text(set_publishing(text))
        steps["doctor after"] = runner.invoke(main, ["doctor"])
    finally:
        os.chdir(here)
    steps["build"] = build(root)
    steps["root"] = root
    return steps


def set_publishing(config: str) -> str:
    """mkdocs.yml as `init` wrote it, with the site's address and its repository filled in."""
    return config.replace("# site_url: https://<your-name>", "site_url: https://sam").replace(
        "# publish_to: git@github.com:<you>/<site-repository>.git",
        "publish_to: git@github.com:sam/sam-log-site.git",
    )


def test_new_inside_a_log_writes_to_its_entries_folder_from_any_folder_below(journey):
    root = journey["root"]
    assert journey["new"].exit_code == 0
    assert [p.name for p in (root / "entries").glob("[!_]*.md")] == [
        p.name for p in (root / "entries").glob("*-acme-data-analyst.md")
    ]


def test_doctor_fails_naming_what_to_fix(journey):
    result = journey["doctor before"]
    assert result.exit_code == 1
    assert "fix  site_url is not set: add `site_url:" in result.output
    assert "names no site repository: set `publish_to:" in result.output
    assert "2 to fix before publishing." in result.output


def test_doctor_passes_once_it_is_fixed(journey):
    result = journey["doctor after"]
    assert result.exit_code == 0, result.output
    assert "fix " not in result.output
    assert result.output.rstrip().endswith("Ready to publish.")


def test_the_log_builds_strictly_without_the_examples(journey):
    built = journey["build"]
    assert built.returncode == 0, built.output
    pages = {p.parent.name for p in (built.site / "entries").glob("*/index.html")}
    assert len(pages) == 1 and pages.pop().endswith("-acme-data-analyst")
    assert "Example Company" not in (built.site / "search" / "search_index.json").read_text()


def test_the_log_has_a_writing_entries_page_from_the_schema(journey):
    page = journey["build"].html("entry-format/")
    for field in ("feedback.followed_up", "ask_mentor[].answer", "process[].stage"):
        assert f"<code>{field}</code>" in page


def test_new_outside_a_log_refuses_and_says_why(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["new", "rejection", "--company", "A", "--role", "B"])
    assert result.exit_code == 1
    assert "no mkdocs.yml here or in any folder above" in result.output
    assert not (tmp_path / "entries").exists()


def test_an_empty_log_dashboard_says_how_to_add_the_first_entry_in_the_preview():
    page = render_site([], [], Settings(today=TODAY), SiteOptions(preview=True))[0]
    assert page.uri == "index.md"
    assert 'recovery-log new rejection --company "Acme" --role "Data Analyst"' in page.content


# --- doctor's findings -----------------------------------------------------------------------


@pytest.fixture
def ready(tmp_path, runner) -> Path:
    """A log that is ready to publish."""
    invoke(runner, "init", str(tmp_path / "log"), "--today", TODAY_TEXT, "--name", "Sam Reyes")
    config = tmp_path / "log" / "mkdocs.yml"
    config.write_text(set_publishing(config.read_text()))
    return tmp_path / "log"


def blocking(root: Path) -> list[str]:
    return [f.text for f in findings(root) if f.blocks]


def test_doctor_finds_nothing_to_fix_in_a_ready_log(ready):
    assert blocking(ready) == []


def test_doctor_flags_a_requirement_that_is_not_on_the_package_index(ready):
    (ready / "requirements.txt").write_text("recovery-log\n")
    assert blocking(ready)[0].startswith("requirements.txt names no installable Recovery Log")


def test_doctor_flags_a_git_url_still_holding_its_placeholder(ready):
    (ready / "requirements.txt").write_text(
        "recovery-log @ git+https://github.com/<owner>/recovery-log\n"
    )
    assert blocking(ready) == [
        "requirements.txt: replace the placeholder in "
        "'recovery-log @ git+https://github.com/<owner>/recovery-log'"
    ]


def test_doctor_accepts_a_git_url_or_a_version(ready):
    for line in ("recovery-log @ git+https://github.com/sam/recovery-log@v1", "recovery-log==1"):
        (ready / "requirements.txt").write_text(line + "\n")
        assert blocking(ready) == [], line


def test_doctor_accepts_the_vendored_copy_with_an_extra(ready):
    (ready / "requirements.txt").write_text("./vendor/recovery-log[zensical]\n")
    assert blocking(ready) == []


def test_doctor_flags_a_private_preview_switched_on(ready):
    config = ready / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "show_private: !ENV [RECOVERY_LOG_SHOW_PRIVATE, false]", "show_private: true"
        )
    )
    assert blocking(ready)[0].startswith("show_private is on")


def test_doctor_flags_the_encryption_plugin_missing_from_requirements(ready):
    config = ready / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - tags\n", "  - tags\n  - encryptcontent\n"))
    assert blocking(ready) == [
        "mkdocs.yml uses the encryptcontent plugin: add `mkdocs-encryptcontent-plugin` to "
        "requirements.txt"
    ]


def test_doctor_flags_entry_problems_and_a_missing_workflow(ready):
    (ready / "entries" / "broken.md").write_text("---\ndate: 2026-11-01\ncompany: A\n---\n")
    (ready / ".github" / "workflows" / "publish.yml").unlink()
    config = ready / "mkdocs.yml"
    config.write_text(config.read_text().replace("publish_to:", "# publish_to:"))
    found = blocking(ready)
    assert found[0].startswith("1 entry problem would stop `mkdocs build --strict`")
    assert found[1].startswith("no workflow in .github/workflows builds the site")


# --- due -------------------------------------------------------------------------------------


def test_due_prints_todays_actions_one_line_each_with_the_entry_id(ready, runner, monkeypatch):
    monkeypatch.chdir(ready)
    entries = ready / "entries"
    (entries / "2026-11-25-acme.yml").write_text("date: 2026-11-25\ncompany: Acme\nrole: Analyst\n")
    (entries / "2026-11-01-birch.yml").write_text(
        "date: 2026-11-01\ncompany: Birch\nrole: Analyst\nfeedback:\n  requested: 2026-11-02\n"
    )
    (entries / "2026-11-20-think.yml").write_text(
        "type: reflection\ndate: 2026-11-20\nask_mentor:\n  - Is a step back fine?\n"
        "  - question: CV?\n    answered: 2026-11-21\n    answer: Yes.\n"
    )
    result = invoke(runner, "due", "--today", TODAY_TEXT)
    assert result.output.splitlines() == [
        "ask now  2026-11-25-acme  Analyst at Acme: 1 day since the rejection",
        "chase    2026-11-01-birch  Analyst at Birch: 24 days since you asked: "
        "send the one follow-up",
        "mentor   2026-11-20-think  Is a step back fine?",
    ]


def test_due_prints_nothing_when_there_is_nothing_to_do(ready, runner, monkeypatch):
    monkeypatch.chdir(ready)
    result = invoke(runner, "due", "--today", TODAY_TEXT)
    assert (result.exit_code, result.output) == (0, "")


# --- the entry format's new fields -----------------------------------------------------------


def test_followed_up_needs_a_request(entries):
    entries.entry(
        "a.yml", "date: 2026-11-01\ncompany: A\nrole: B\nfeedback:\n  followed_up: 2026-11-10\n"
    )
    problem = entries.only_problem()
    assert problem.field == "feedback.followed_up"
    assert "a follow-up follows a request" in problem.message


def test_followed_up_is_not_before_the_request(entries):
    entries.entry(
        "a.yml",
        "date: 2026-11-01\ncompany: A\nrole: B\n"
        "feedback:\n  requested: 2026-11-05\n  followed_up: 2026-11-04\n",
    )
    problem = entries.only_problem()
    assert problem.field == "feedback.followed_up"
    assert "no earlier than the request (2026-11-05), found 2026-11-04" in problem.message


def test_a_mentor_answer_is_read(entries):
    entries.entry(
        "r.yml",
        "type: reflection\ndate: 2026-11-20\n"
        "ask_mentor:\n  - question: CV?\n    answered: 2026-11-21\n    answer: One line.\n",
    )
    assert entries.only_entry().ask_mentor[0].answer == "One line."


# --- drafts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "greeting"),
    [
        ("Dana Ruiz", "Dear Dana Ruiz,"),
        ("hiring manager", "Hello,"),
        ("The Recruiter", "Hello,"),
        ("Talent Team", "Hello,"),
        (None, "Hello,"),
    ],
)
def test_a_draft_greets_by_name_only_a_person(entries, source, greeting):
    feedback = f"feedback:\n  from: {source}\n" if source else ""
    entries.entry("a.yml", f"date: 2026-11-20\ncompany: A\nrole: B\n{feedback}")
    assert email_for(entries.only_entry()).body.startswith(greeting)


def test_person_name_needs_capitals_and_no_role_words():
    assert person_name("Sam Reyes") == "Sam Reyes"
    assert person_name("sam") == ""
    assert person_name("HR Lead") == ""


def test_a_draft_signs_with_site_author(entries):
    entries.entry("a.yml", "date: 2026-11-20\ncompany: A\nrole: B\n")
    entry = entries.only_entry()
    assert email_for(entry, author="Sam Reyes").body.endswith("Kind regards,\nSam Reyes")


def test_a_draft_without_site_author_has_no_signature_line(entries):
    entries.entry("a.yml", "date: 2026-11-20\ncompany: A\nrole: B\n")
    body = email_for(entries.only_entry()).body
    assert body.endswith("Kind regards,")
    assert "[" not in body


# --- the mentor session ----------------------------------------------------------------------


@pytest.fixture
def session(entries):
    entries.entry("2026-11-10-a.yml", "date: 2026-11-10\ncompany: A\nrole: B\nmood: 2\n")
    entries.entry("2026-11-12-b.yml", "date: 2026-11-12\ncompany: C\nrole: D\nmood: 4\n")
    entries.entry(
        "2026-11-20-r.yml",
        "type: reflection\ndate: 2026-11-20\nmood: 3\nask_mentor:\n  - Open question?\n"
        "  - question: Answered question?\n    answered: 2026-11-21\n    answer: Yes, do it.\n",
    )
    log = entries.load()
    assert not log.problems
    return log


def test_the_digest_gives_the_periods_mood_average_and_lowest(session):
    analysis = analyse(session.entries, Settings(today=TODAY))
    found = digest(analysis, skills_report(analysis.entries), TODAY.replace(day=1), TODAY)
    assert found.mood is not None
    assert (found.mood.average, found.mood.lowest.id, found.mood.count) == (3, "2026-11-10-a", 3)


def test_the_digest_lists_answered_questions_with_the_answer(session):
    pages = render_site(session.entries[::-1], (), Settings(today=TODAY), SiteOptions())
    mentor = next(p.content for p in pages if p.uri == "mentor.md")
    answered = mentor.split("## Answered")[1].split("\n## ")[0]
    assert "Answered question? — answered 21 November 2026: Yes, do it." in answered
    assert "Open question?" not in answered
    assert "On average 3 of 5 across 3 entries; the lowest, 2 of 5 (low)" in mentor


def test_the_reflection_page_shows_the_mentors_answer(session):
    pages = render_site(session.entries[::-1], (), Settings(today=TODAY), SiteOptions())
    page = next(p.content for p in pages if p.uri == "entries/2026-11-20-r.md")
    assert "Answer: Yes, do it." in seen_text(parse_html(page))


def test_the_printed_digest_names_the_log_and_hides_screen_only_sentences(session):
    options = SiteOptions(site_name="Sam's log")
    pages = render_site(session.entries[::-1], (), Settings(today=TODAY), options)
    mentor = next(p.content for p in pages if p.uri == "mentor.md")
    assert "<p class=\"rl-print-only\">Sam's log · printed for my mentor on 26 November" in mentor
    assert '<span class="rl-screen-only">' in mentor


# --- the private preview ---------------------------------------------------------------------


@pytest.fixture
def private_log(entries):
    entries.entry(
        "2026-11-10-a.md",
        "date: 2026-11-10\ncompany: A\nrole: B\n",
        body="Public words.\n\n<!-- private -->\nSecret words.\n<!-- /private -->\n",
    )
    entries.entry("2026-11-11-p.yml", "date: 2026-11-11\ncompany: P\nrole: Q\nprivate: true\n")
    return entries.load()


def preview(log, show_private: bool) -> dict[str, str]:
    settings = Settings(today=TODAY, show_private=show_private)
    from generator.privacy import publishable

    shown = publishable(log.entries, show_private)[::-1]
    return {p.uri: p.content for p in render_site(shown, (), settings, SiteOptions())}


def test_a_private_section_is_marked_in_the_preview(private_log):
    page = preview(private_log, True)["entries/2026-11-10-a.md"]
    block = page.split('<div class="rl-private" markdown>')[1].split("</div>")[0]
    assert "Private: stays on this machine" in block
    assert "Secret words." in block
    assert "Public words." not in block


def test_a_private_entry_is_marked_on_its_page_and_where_it_is_linked(private_log):
    pages = preview(private_log, True)
    assert "Private entry: stays on this machine" in pages["entries/2026-11-11-p.md"]
    assert '<span class="rl-private-tag">private</span>' in pages["entries.md"]


def test_a_published_build_has_no_private_marks_and_no_private_words(private_log):
    pages = preview(private_log, False)
    everything = "".join(pages.values())
    assert "rl-private" not in everything
    assert "Secret words." not in everything


def test_doctor_on_a_copy_of_this_repository_names_only_its_readable_private_samples():
    """This public sample publishes Pages from itself: a copy holding private entries must not."""
    repo = Path(__file__).resolve().parent.parent
    [finding] = blocking(repo)
    assert finding.startswith("1 private entry and 1 private section (entries/")
    assert "would be readable by anyone: the workflow .github/workflows/pages.yml" in finding


def test_feedback_email_sends_nothing_after_the_one_follow_up(ready, runner, monkeypatch):
    monkeypatch.chdir(ready)
    (ready / "entries" / "2026-11-01-birch.yml").write_text(
        "date: 2026-11-01\ncompany: Birch\nrole: Analyst\n"
        "feedback:\n  requested: 2026-11-02\n  followed_up: 2026-11-13\n"
    )
    result = runner.invoke(main, ["feedback-email", "birch", "--today", TODAY_TEXT])
    assert result.exit_code == 1
    assert "you followed up on 13 November 2026 already: one follow-up is enough" in result.output
