"""The skills, tracks, lessons and timeline pages, and the feed, speak the log's language.

In the pseudo-language (`qps`) every word Recovery Log writes on these pages and in the feed
comes from the catalog: once the pseudo text, the tags and the entries' own values are taken
away, no English word is left. German, French and Spanish builds show known strings.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from helpers import Build, built
from pseudo import ALLOWED, english_words, fixture_values, shown_text
from test_large_log import ENTRIES as LARGE_LOG
from test_site_build import write_site

from generator.i18n import PSEUDO, resolve_language
from generator.site.generated import NotOurFiles

ATOM = "{http://www.w3.org/2005/Atom}"

ACME = """
    date: 2026-03-18
    company: Acme Analytics
    role: Data Analyst
    track: data analysis
    stage: onsite
    gaps:
      - skill: SQL window functions
        severity: high
        evidence: could not finish the running-total query
        plan: one window query a day
      - Tableau
    strengths: [stakeholder communication, curiosity]
    lessons: [Ask who the team is first.]
    """
GLOBEX = """
    date: 2026-02-10
    company: Globex
    role: Data Analyst
    track: data analysis
    stage: technical
    gaps:
      - skill: SQL window functions
        severity: low
      - skill: Tableau
        severity: medium
    strengths: [stakeholder communication]
    lessons: [Ask who the team is first.]
    """
INITECH = """
    date: 2025-11-02
    company: Initech
    role: Junior Analyst
    track: data analysis
    stage: screen
    gaps: [SQL window functions, Tableau]
    """
HOOLI = """
    date: 2026-04-02
    company: Hooli
    role: BI Developer
    track: data analysis
    gaps: [Tableau]
    """
LOOKING_BACK = """
    type: reflection
    date: 2026-03-20
    title: Looking back on the spring
    progress:
      - skill: SQL window functions
        status: learning
        note: chapters one to four
      - skill: Tableau
        status: closed
    decision: persist
    track: data analysis
    lessons: [Sleep before an onsite.]
    """
ENTRIES = {
    "2026-03-18-acme.yml": ACME,
    "2026-02-10-globex.yml": GLOBEX,
    "2025-11-02-initech.yml": INITECH,
    "2026-04-02-hooli.yml": HOOLI,
    "2026-03-20-looking-back.yml": LOOKING_BACK,
}
"""Gaps (one recurring after it was closed), strengths, lessons, a track with a shared gap and a
decision, over two years."""

MINE = re.compile(r"(skills|tracks|lessons|entries)/((?!strengths/)[^/]+/)?")
"""This area's pages: the skills gap, the tracks, the lessons and the timeline (`entries/`),
and their own pages (a skill's, a track's, a year's); not an entry's own page."""
ENTRY_PAGE = re.compile(r"entries/\d{4}-\d\d-\d\d-[^/]+/")


def site_of(root: Path, entries: dict[str, str], language: str) -> Build:
    options = f"language: {language}\ntoday: 2026-06-30"
    return built(write_site(root, entries, options=options, extra="site_url: https://x.org/"))


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return site_of(tmp_path_factory.mktemp("pseudo-c"), ENTRIES, "qps")


@pytest.fixture(scope="module")
def pseudo_large(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Over a hundred entries: the timeline and the lessons get a page per year, and the
    overview pages link the rest ("and 3 more")."""
    entries = {f"{key[:4]}/{key}.yml": text for key, text in LARGE_LOG.items()}
    return site_of(tmp_path_factory.mktemp("pseudo-c-large"), entries, "qps")


def my_pages(site: Build) -> list[str]:
    urls = (str(path.parent.relative_to(site.site)) + "/" for path in site.site.rglob("*.html"))
    return sorted(u for u in urls if MINE.fullmatch(u) and not ENTRY_PAGE.fullmatch(u))


def english_left(site: Build) -> dict[str, list[str]]:
    values = fixture_values(site.root)
    left = {}
    for url in my_pages(site):
        text = shown_text(site.article(url))
        if words := english_words(text, values, ALLOWED):
            left[url] = words
    return left


def test_the_pages_checked_are_the_overviews_and_their_own_pages(pseudo: Build) -> None:
    pages = my_pages(pseudo)
    assert {"skills/", "tracks/", "lessons/", "entries/"} <= set(pages)
    assert any(url.startswith("skills/") and url != "skills/" for url in pages)
    assert any(url.startswith("tracks/") and url != "tracks/" for url in pages)


def test_no_english_word_is_left_on_the_skills_tracks_lessons_and_timeline_pages(
    pseudo: Build,
) -> None:
    assert english_left(pseudo) == {}


def test_no_english_word_is_left_on_the_year_pages_and_the_pages_behind_and_more(
    pseudo_large: Build,
) -> None:
    assert {"entries/2025/", "lessons/2026/", "lessons/repeated/"} <= set(my_pages(pseudo_large))
    assert english_left(pseudo_large) == {}


def feed_text(site: Build) -> str:
    feed = ET.fromstring(site.file_for("feed.xml").read_bytes())
    parts = [e.text or "" for e in feed.iter() if e.tag in (f"{ATOM}summary", f"{ATOM}title")]
    return " ".join(parts)


def test_no_english_word_is_left_in_the_feeds_titles_and_summaries(pseudo: Build) -> None:
    values = fixture_values(pseudo.root)
    assert english_words(feed_text(pseudo), values, (*ALLOWED, "Test")) == []


# German, French and Spanish: known strings


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return site_of(tmp_path_factory.mktemp("german-c"), ENTRIES, "de")


@pytest.fixture(scope="module", params=[("fr", "mars 2026"), ("es", "marzo de 2026")])
def month_heading(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Build, str]:
    code, heading = request.param
    return site_of(tmp_path_factory.mktemp(f"month-{code}"), ENTRIES, code), heading


def headings(site: Build, url: str) -> list[str]:
    return [text for _, text in site.page(url).headings]


def test_the_german_timeline_heads_each_month_in_german(german: Build) -> None:
    assert "März 2026" in headings(german, "entries/")


def test_the_french_and_spanish_timelines_head_each_month_their_way(
    month_heading: tuple[Build, str],
) -> None:
    site, heading = month_heading
    assert heading in headings(site, "entries/")


def test_the_german_timeline_counts_with_german_plurals(german: Build) -> None:
    text = german.article("entries/").text()
    assert "Alle Einträge, die neuesten zuerst: 4 Absagen und 1 Gedanke." in text


def test_the_german_skills_table_shows_each_gaps_status_in_german(german: Build) -> None:
    rows = [shown_text(row) for row in german.article("skills/").iter() if row.tag == "tr"]
    assert any("SQL window functions" in row and "am Lernen" in row for row in rows)
    assert any("Tableau" in row and "wiederkehrend" in row for row in rows)


def test_the_german_track_says_what_you_decided_in_german(german: Build) -> None:
    assert "Du hast entschieden: dranbleiben" in german.article("tracks/").text()


def test_the_german_feed_summarises_a_rejection_in_german(german: Build) -> None:
    summary = "Data Analyst bei Acme Analytics: weiteste Phase Vor-Ort-Termin; Feedback:"
    assert summary in feed_text(german)
    assert "Entscheidung: dranbleiben (data analysis)." in feed_text(german)


def test_a_refusal_to_overwrite_your_files_is_said_in_the_logs_language(tmp_path: Path) -> None:
    refusal = NotOurFiles(tmp_path, [f"page-{n}.md" for n in range(7)])
    assert english_words(refusal.said(PSEUDO)) == []
    assert "und 2 weitere: schon vorhanden" in refusal.said(resolve_language("de"))
    assert "and 2 more: already there" in str(refusal)
