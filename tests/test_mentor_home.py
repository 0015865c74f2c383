"""The mentor's home page: whose log, where they stand, the open questions, the way to /mentor/,
and a "Reply by e-mail" link on each open question once `reply_to` is set.

"Today" is 26 November 2026; the mentor digest's period is the 30 days before it (from 27
October). Checked on pages rendered from entries, and on a log made by `recovery-log init`
and built by MkDocs, as a mentor would open it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from click.testing import CliRunner
from entry_files import Entries
from helpers import TODAY, TODAY_TEXT, Build, built, fold, parse_html, seen_text

from generator.cli import main
from generator.insights.mentor import question_token
from generator.settings import Settings
from generator.site.render import SiteOptions, render_site

REFLECTION = "2026-11-20-three-weeks-in"
QUESTION = "Should I list the bootcamp on my CV, & where?"
ENTRIES = {
    # in the period: two rejections, one with two interviews and feedback asked and received
    "2026-11-10-alder-analyst.yml": (
        "date: 2026-11-10\ncompany: Alder\nrole: Analyst\nmood: 2\n"
        "process:\n  - {stage: applied, date: 2026-10-20}\n"
        "  - {stage: phone, date: 2026-10-28}\n  - {stage: technical, date: 2026-11-04}\n"
        "feedback: {requested: 2026-11-11, received: 2026-11-15}\n"
    ),
    "2026-11-18-birch-analyst.yml": "date: 2026-11-18\ncompany: Birch\nrole: Analyst\nmood: 4\n",
    # before the period: counts nowhere in "where things stand"
    "2026-09-01-cedar-analyst.yml": (
        "date: 2026-09-01\ncompany: Cedar\nrole: Analyst\nstage: onsite\n"
        "feedback: {requested: 2026-09-02, received: 2026-09-20}\n"
    ),
    f"{REFLECTION}.yml": (
        "type: reflection\ndate: 2026-11-20\ntitle: Three weeks in\n"
        f'ask_mentor:\n  - "{QUESTION}"\n'
        "  - question: Is a junior role a step back?\n    answered: 2026-11-21\n"
    ),
}


def pages_of(entries: Entries, **options: object) -> dict[str, str]:
    for name, text in ENTRIES.items():
        entries.entry(name, text)
    log = entries.load()
    assert not log.problems, log.problems
    site = render_site(
        log.entries[::-1], log.problems, Settings(today=TODAY), SiteOptions(**options)
    )
    return {page.uri: page.content for page in site}


def test_the_home_page_says_whose_log_it_is(entries):
    assert pages_of(entries, author="Maren Holt")["index.md"].count("# Maren Holt's recovery log")


def test_where_things_stand_counts_this_period_only(entries):
    home = pages_of(entries)["index.md"]
    standing = home.split("## Where things stand")[1].split("\n## ")[0]
    assert "From 27 October 2026 to 26 November 2026:" in standing
    for line in (
        "**Rejections:** 2",
        "**Interviews:** 2",
        "**Feedback asked for:** 1",
        "**Feedback received:** 1",
        "**Mood:** 3 of 5 on average, across 2 entries",
    ):
        assert line in standing


def test_the_home_page_lists_the_open_questions_and_leads_to_the_mentor_page(entries):
    home = pages_of(entries)["index.md"]
    questions = home.split("## Questions for my mentor")[1].split("\n## ")[0]
    assert "Should I list the bootcamp on my CV" in questions
    assert "junior role" not in questions  # answered: off the agenda
    assert "[For my mentor](mentor.md)" in questions


def reply_links(markdown: str) -> list[str]:
    return [a.attrs["href"] for a in parse_html(markdown).find_all("a", "rl-reply")]


def test_without_reply_to_no_question_has_a_reply_link(entries):
    pages = pages_of(entries)
    assert reply_links(pages["index.md"]) == reply_links(pages["mentor.md"]) == []
    assert "Reply by e-mail" not in pages["index.md"] + pages["mentor.md"]


@pytest.mark.parametrize("page", ["index.md", "mentor.md"])
def test_each_open_question_gets_a_reply_link_naming_it_and_quoting_it(entries, page):
    (link,) = reply_links(pages_of(entries, reply_to="maren@example.org")[page])
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    token = question_token(REFLECTION, QUESTION)
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "maren@example.org")
    assert query["subject"] == [f"Answer: {QUESTION} [{token}]"]
    assert query["body"] == [f"> {QUESTION}\r\n"]


def test_the_reply_link_is_percent_encoded(entries):
    (link,) = reply_links(pages_of(entries, reply_to="maren@example.org")["mentor.md"])
    query = urlsplit(link).query
    assert "%26%20where%3F" in query  # "& where?" of the question, never a bare & or space
    assert " " not in link and "\n" not in link
    assert query.count("&") == 1  # only the one between subject and body


def test_a_questions_token_is_short_and_stable():
    token = question_token(REFLECTION, QUESTION)
    assert token == question_token(REFLECTION, "  Should I list the bootcamp on my CV,\n& where?")
    assert token != question_token("2026-11-21-other", QUESTION)
    assert len(token) == 8 and token.startswith("q-")


# --- an init'd log, built by MkDocs ------------------------------------------------------------


@pytest.fixture(scope="module")
def init_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("mentor-home") / "log"
    result = CliRunner().invoke(main, ["init", str(root), "--today", TODAY_TEXT])
    assert result.exit_code == 0, result.output
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text()
        .replace("site_name:", "site_author: Maren Holt\nsite_name:", 1)
        .replace(
            "      entries_dir: entries\n",
            f"      entries_dir: entries\n      reply_to: maren@example.org\n"
            f"      today: {TODAY_TEXT}\n",
        )
    )
    for name, text in ENTRIES.items():
        (root / "entries" / name).write_text(text)
    return built(root)


def test_an_initd_logs_home_page_is_the_mentors(init_site):
    home = init_site.page("")
    assert [text.rstrip("¶") for level, text in home.headings if level == "h1"] == [
        "Maren Holt's recovery log"
    ]
    assert "Where things stand ¶ From 27 October 2026 to 26 November 2026:" in home.text
    assert "Rejections: 2" in home.text
    asked = fold(f"{QUESTION} (from Three weeks in , 20 November 2026) · Reply by e-mail")
    assert asked in home.text
    assert "mentor/" in [url for url, _ in home.links]


def test_an_initd_logs_home_page_links_each_open_question_for_a_reply(init_site):
    links = [a.attrs["href"] for a in init_site.article("").find_all("a", "rl-reply")]
    assert [urlsplit(link).scheme for link in links] == ["mailto"]
    assert seen_text(init_site.article("mentor/")).count("Reply by e-mail") == 1


def test_a_published_home_page_never_tells_the_author_what_to_do(tmp_path: Path):
    page = render_site([], [], Settings(today=TODAY))[0]
    assert "recovery-log new" not in page.content
    assert "site_author" not in page.content
    assert "Nothing written down yet." in page.content


def test_the_preview_says_how_to_give_the_questions_a_reply_link(entries):
    home = pages_of(entries, preview=True)["index.md"]
    assert "add `reply_to:` with your e-mail address" in home
    assert "site_author: Your Name" in home


def test_the_preview_says_nothing_of_reply_to_once_it_is_set(entries):
    home = pages_of(entries, preview=True, reply_to="maren@example.org", author="Maren Holt")
    assert "reply_to" not in home["index.md"] and "site_author" not in home["index.md"]
