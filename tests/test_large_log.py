"""A log of 300 entries stays readable: overview pages are bounded, the evidence is one click away.

The site is built once for the module with `mkdocs build --strict`: 270 rejections and 30
reflections over 2025 and 2026, citing a few skills again and again, so every overview page
has more evidence than it shows.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import Build, Page, built

SIZE_LIMIT = 200_000
"""Bytes of HTML any generated page but an entry's own may take (issue 11, at 1,000 entries)."""
SKILLS = ("SQL window functions", "Tableau", "dbt", "C++", "C#")
TRACKS = ("data analysis", "analytics engineering")
STAGES = ("applied", "screen", "phone", "technical", "onsite")
LESSONS = ("Practise live coding out loud.", "Ask about the first 90 days.")
FIRST_DAY = dt.date(2025, 1, 3)


def rejection(n: int) -> tuple[str, str]:
    day = FIRST_DAY + dt.timedelta(days=2 * n)
    entry_id = f"{day.isoformat()}-company-{n}"
    skills = [SKILLS[n % len(SKILLS)], SKILLS[(n // 5) % len(SKILLS)]]
    gaps = "".join(f"  - skill: {skill}\n    plan: Practise {skill} weekly\n" for skill in skills)
    text = (
        f"date: {day.isoformat()}\ncompany: Company {n}\nrole: Analyst {n}\n"
        f"track: {TRACKS[n % 2]}\nstage: {STAGES[n % len(STAGES)]}\n"
        f"gaps:\n{gaps}strengths: [clear writing]\nlessons: ['{LESSONS[n % 2]}']\n"
        f"mood: {1 + n % 5}\n"
    )
    return entry_id, text


def reflection(n: int) -> tuple[str, str]:
    day = FIRST_DAY + dt.timedelta(days=18 * n + 1)
    entry_id = f"{day.isoformat()}-reflection-{n}"
    text = (
        f"type: reflection\ndate: {day.isoformat()}\ntitle: Looking back {n}\n"
        f"progress:\n  - skill: {SKILLS[n % len(SKILLS)]}\n    status: learning\n"
        f"mood: 3\nlessons: ['{LESSONS[0]}']\n"
        f"ask_mentor:\n  - question: {question(n)}\n"
    )
    if n % 3 == 0:
        text += f"    answered: {(day + dt.timedelta(days=5)).isoformat()}\n"
    return entry_id, text


def question(n: int) -> str:
    return f"Is role {n} worth a second try?"


OPEN_QUESTIONS = [question(n) for n in reversed(range(30)) if n % 3]
"""The reflections' unanswered questions, newest first."""


ENTRIES = dict([*(rejection(n) for n in range(270)), *(reflection(n) for n in range(30))])
"""Entry id -> its YAML."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = tmp_path_factory.mktemp("large-log")
    (project / "mkdocs.yml").write_text(
        "site_name: A long search\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - recovery-log:\n      today: 2026-06-30\n",
        encoding="utf-8",
    )
    (project / "docs").mkdir()
    for entry_id, text in ENTRIES.items():
        path = project / "entries" / entry_id[:4] / f"{entry_id}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return built(project)


def linked_entries(page: Page) -> set[str]:
    return {
        m.group(1)
        for url, _ in page.links
        if (m := re.fullmatch(r"entries/(\d{4}-\d\d-\d\d-[^/]+)/", url))
    }


def skills_row(site: Build, skill: str) -> list[str]:
    """The skills table's row of `skill`: name, status, severity, cited by, seen, tracks."""
    return next(r for r in site.page("skills/").rows if len(r) == 6 and r[0] == skill)


def citing(skill: str) -> set[str]:
    """The rejections naming `skill` as a gap."""
    return {i for i, t in ENTRIES.items() if f"skill: {skill}\n" in t and "gaps:" in t}


def test_no_generated_page_but_an_entrys_own_is_over_the_size_limit(site: Build) -> None:
    entry_pages = {site.file_for(f"entries/{entry_id}/") for entry_id in ENTRIES}
    too_big = [
        (str(path.relative_to(site.site)), path.stat().st_size)
        for path in site.site.rglob("*.html")
        if path not in entry_pages and path.stat().st_size > SIZE_LIMIT
    ]
    assert not too_big


@pytest.mark.parametrize("skill", ["SQL window functions", "C++", "C#"])
def test_a_skills_own_page_links_every_rejection_citing_it(site: Build, skill: str) -> None:
    skills = site.page("skills/")
    count = skills_row(site, skill)[3].split(":")[0]
    address = next(
        url
        for url, text in skills.links
        if text == count and site.page(url).title.startswith(f"{skill} - ")
    )
    assert address.startswith("skills/") and address != "skills/"
    assert citing(skill) <= linked_entries(site.page(address))


def test_skills_with_one_slug_get_pages_of_their_own(site: Build) -> None:
    """C++ and C# both slug to "c": the second one gets "c-2"."""
    assert site.has_page("skills/c/") and site.has_page("skills/c-2/")


def test_the_skills_table_shows_the_latest_citations_then_and_n_more(site: Build) -> None:
    skills = site.page("skills/")
    row = skills_row(site, "SQL window functions")
    cited = len(citing("SQL window functions"))
    assert row[3].startswith(f"{cited}:")
    assert row[3].endswith(f"and {cited - 5} more")
    assert f"and {cited - 5} more" in skills.link_texts("skills/sql-window-functions/")


def test_the_dashboards_top_gaps_link_their_latest_citations_then_and_n_more(site: Build) -> None:
    dashboard = site.page("")
    to_entries = [target for target, _ in dashboard.links if target.startswith("entries/2")]
    more = [text for target, text in dashboard.links if target.startswith("skills/")]
    # 3 gaps, 5 recent entries, 3 lists of 5, the 10 newest open questions
    assert len(to_entries) <= 3 * 5 + 5 + 3 * 5 + 10
    assert any(text.startswith("and ") and text.endswith(" more") for text in more)


def test_a_skills_own_page_has_its_plans_and_progress(site: Build) -> None:
    page = site.page("skills/dbt/")
    assert "Practise dbt weekly" in page.text
    assert "in Looking back 2" in page.text
    assert page.title.startswith("dbt")


@pytest.mark.parametrize("track", TRACKS)
def test_a_tracks_own_page_links_every_rejection_of_the_track(site: Build, track: str) -> None:
    address = f"tracks/{track.replace(' ', '-')}/"
    in_track = {i for i, text in ENTRIES.items() if f"track: {track}\n" in text}
    assert site.page("tracks/").links_to(address)
    assert in_track <= linked_entries(site.page(address))


def test_the_tracks_page_says_and_n_more_linking_to_the_track_page(site: Build) -> None:
    address = "tracks/data-analysis/"
    assert "and 130 more" in site.page("tracks/").link_texts(address)


def test_the_timeline_links_a_page_per_year_and_shows_only_the_newest(site: Build) -> None:
    timeline = site.page("entries/")
    assert timeline.links_to("entries/2025/") and timeline.links_to("entries/2026/")
    assert len(linked_entries(timeline)) == 20


@pytest.mark.parametrize("year", ["2025", "2026"])
def test_a_year_page_links_every_entry_of_its_year(site: Build, year: str) -> None:
    of_year = {entry_id for entry_id in ENTRIES if entry_id.startswith(year)}
    assert linked_entries(site.page(f"entries/{year}/")) == of_year


def test_the_lessons_page_links_every_lesson_through_its_year_pages(site: Build) -> None:
    lessons = site.page("lessons/")
    years = [url for url, _ in lessons.links if re.fullmatch(r"lessons/\d{4}/", url)]
    assert sorted(years) == ["lessons/2025/", "lessons/2026/"]
    every = set().union(*(linked_entries(site.page(url)) for url in years))
    assert every == set(ENTRIES)
    assert lessons.links_to("lessons/repeated/")


def test_the_reflections_page_links_every_reflection_through_its_year_pages(site: Build) -> None:
    page = site.page("reflections/")
    assert "The 20 newest of 30" in page.text
    years = {url for url, _ in page.links if re.fullmatch(r"reflections/\d{4}/", url)}
    every = set().union(*(linked_entries(site.page(url)) for url in years))
    assert every == set(ENTRIES)  # every entry has a mood, so every one is on a year page


def test_the_interviews_page_links_each_stage_page_with_every_process(site: Build) -> None:
    interviews = site.page("interviews/")
    assert "The 20 most recent of 270" in interviews.text
    screened = site.page("interviews/screen/")
    reached = {i for i, t in ENTRIES.items() if "stage: " in t and "stage: applied" not in t}
    assert interviews.links_to("interviews/screen/")
    assert linked_entries(screened) >= reached


def test_every_link_of_the_overview_and_detail_pages_resolves(site: Build) -> None:
    for path in [*site.site.glob("*/index.html"), *site.site.glob("*/*/index.html")]:
        url = str(path.parent.relative_to(site.site)) + "/"
        if re.fullmatch(r"entries/\d{4}-\d\d-\d\d-.*", url):
            continue
        for target, _ in site.page(url).links:
            assert site.file_for(target).is_file(), (url, target)


def test_the_mentor_agenda_lists_the_newest_open_questions_then_links_all_of_them(
    site: Build,
) -> None:
    mentor = site.page("mentor/")
    shown = [q for q in OPEN_QUESTIONS if q in mentor.text]
    assert shown == OPEN_QUESTIONS[:10]
    assert "The 10 newest of 20 open questions" in mentor.text
    assert mentor.links_to("mentor/questions/")


def test_the_open_questions_page_lists_every_one_with_its_reflection(site: Build) -> None:
    page = site.page("mentor/questions/")
    assert [q for q in OPEN_QUESTIONS if q in page.text] == OPEN_QUESTIONS
    asking = {i for i, t in ENTRIES.items() if "ask_mentor" in t and "answered" not in t}
    assert linked_entries(page) == asking
