"""Real `mkdocs build` / `mkdocs serve` runs on small sites, checked on the HTML a reader sees.

Every site here is written to a temporary folder, built by MkDocs in a subprocess (exactly as a
user runs it) and read back with `html.parser`. Builds are shared per module where a site is
only read, so each behaviour is one short test.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from helpers import Build, Page, build, built, fold, mkdocs_env

REPO = Path(__file__).resolve().parents[1]
SERVE_DEADLINE = 30.0

# --------------------------------------------------------------------------------------------
# Helpers: writing a site, building it, reading its pages
# --------------------------------------------------------------------------------------------


def write_site(
    root: Path,
    entries: dict[str, str],
    *,
    options: str = "",
    plugins: Iterable[str] = ("search",),
    docs: dict[str, str] | None = None,
    extra: str = "",
    entries_dir: str = "entries",
) -> Path:
    """A fresh MkDocs project: mkdocs.yml, docs/ (empty unless given) and the entry files.

    `options` is the YAML of the recovery-log plugin's options (without indentation).
    """
    root.mkdir(parents=True, exist_ok=True)
    lines = ["site_name: Test Log", "theme:", "  name: material", "plugins:"]
    lines += [f"  - {name}" for name in plugins]
    if options.strip():
        lines.append("  - recovery-log:")
        lines.append(textwrap.indent(textwrap.dedent(options).strip(), " " * 6))
    else:
        lines.append("  - recovery-log")
    if extra.strip():
        lines.append(textwrap.dedent(extra).strip())
    (root / "mkdocs.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for name, text in (docs or {}).items():
        write(root / "docs" / name, text)
    for name, text in entries.items():
        write(root / entries_dir / name, text)
    return root


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def files_mentioning(folder: Path, needle: str) -> list[str]:
    """Every file under `folder` whose name or content (gzip unpacked) contains `needle`,
    ignoring case."""
    wanted = needle.lower()
    hits = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if wanted in relative.lower():
            hits.append(relative)
            continue
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if wanted.encode() in data.lower():
            hits.append(relative)
    return hits


def entry_url(entry_id: str) -> str:
    return f"entries/{entry_id}/"


def entry_id(file_name: str) -> str:
    return Path(file_name).name.rsplit(".", 1)[0]


# --------------------------------------------------------------------------------------------
# Entries used by several sites (dates are in the past, whatever day the tests run)
# --------------------------------------------------------------------------------------------

ACME = "2025/2025-03-10-acme-data-analyst.md"
ACME_TEXT = """
    ---
    date: 2025-03-10
    company: Acme Analytics
    role: Data Analyst
    stage: technical
    tags: [remote, fintech]
    ---
    I froze on the rolling-average question.
    """

GLOBEX = "2025-11-02-globex-platform-engineer.yml"
GLOBEX_TEXT = """
    type: rejection
    date: 2025-11-02
    company: Globex
    role: Platform Engineer
    stage: screen
    notes: |
      The recruiter wanted five years of Go.
    """

LOOKING_BACK = "2025-11-20-looking-back.md"
LOOKING_BACK_TEXT = """
    ---
    type: reflection
    date: 2025-11-20
    title: Looking back on Acme
    about: [2025-03-10-acme-data-analyst]
    ---
    Window functions are the gap that keeps coming up.
    """

NEW_YEAR = "2026-01-05-new-year.yaml"
NEW_YEAR_TEXT = """
    type: reflection
    date: 2026-01-05
    notes: |
      A fresh start for the new year.
    """

ALL_ENTRIES = {
    ACME: ACME_TEXT,
    GLOBEX: GLOBEX_TEXT,
    LOOKING_BACK: LOOKING_BACK_TEXT,
    NEW_YEAR: NEW_YEAR_TEXT,
}


# --------------------------------------------------------------------------------------------
# A plain site that is not this repository: only site_name, material, search + recovery-log
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("plain"), ALL_ENTRIES)
    return build(root)


def test_plain_site_builds_with_strict(plain: Build) -> None:
    assert plain.returncode == 0, plain.output


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        (ACME, ["Data Analyst at Acme Analytics", "Acme Analytics", "Data Analyst", "froze"]),
        (GLOBEX, ["Platform Engineer at Globex", "Globex", "five years of Go"]),
        (LOOKING_BACK, ["Looking back on Acme", "Window functions are the gap"]),
        (NEW_YEAR, ["Reflection, 2026-01-05", "A fresh start for the new year."]),
    ],
    ids=["md-rejection", "yml-rejection", "md-reflection", "yaml-reflection"],
)
def test_every_entry_has_its_own_page(plain: Build, file_name: str, expected: list[str]) -> None:
    page = plain.page(entry_url(entry_id(file_name)))
    for text in expected:
        assert text in page.text


def test_rejection_page_shows_company_and_role_fields(plain: Build) -> None:
    text = plain.page(entry_url(entry_id(ACME))).text
    assert "Company: Acme Analytics" in text
    assert "Role: Data Analyst" in text


def test_dashboard_is_the_home_page(plain: Build) -> None:
    home = plain.page("")
    assert ("h1", "Test Log") in home.headings
    assert home.figure("Rejections") == "2"
    assert home.figure("Reflections") == "2"


def test_timeline_lists_entries_newest_first(plain: Build) -> None:
    timeline = plain.page("entries/")
    linked = [url for url, _ in timeline.links if url.startswith("entries/") and url != "entries/"]
    newest_first = [NEW_YEAR, LOOKING_BACK, GLOBEX, ACME]
    assert linked == [entry_url(entry_id(name)) for name in newest_first]


def test_timeline_groups_entries_by_year_then_month(plain: Build) -> None:
    timeline = plain.page("entries/")
    assert [text for tag, text in timeline.headings if tag in ("h2", "h3")] == [
        "2026",
        "January 2026",
        "2025",
        "November 2025",
        "March 2025",
    ]


def test_timeline_names_each_rejection_by_company(plain: Build) -> None:
    timeline = plain.page("entries/")
    assert timeline.link_texts(entry_url(entry_id(ACME))) == ["Acme Analytics"]
    assert timeline.link_texts(entry_url(entry_id(LOOKING_BACK))) == ["Looking back on Acme"]


def test_search_keeps_the_words_of_a_tables_cells_apart(plain: Build) -> None:
    docs = json.loads((plain.site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    month = next(doc for doc in docs if doc["location"] == "entries/#march-2025")
    assert fold(month["text"]).startswith("Date Entry Stage reached Feedback ")
    assert "Acme Analytics, Data Analyst " in month["text"]


def test_search_finds_an_entry_by_what_it_says_not_by_its_page_footer(plain: Build) -> None:
    docs = json.loads((plain.site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    entry = [doc for doc in docs if doc["location"].startswith(entry_url(entry_id(ACME)))]
    assert any("Data Analyst" in doc["text"] or "Data Analyst" in doc["title"] for doc in entry)
    assert not [doc["location"] for doc in docs if "Back to the timeline" in doc["text"]]
    assert not [doc["location"] for doc in docs if "Written in entries/" in doc["text"]]


def test_entry_pages_are_not_in_the_sidebar_navigation(plain: Build) -> None:
    nav = plain.page("").nav_links
    assert "entries/" in nav, "the timeline should be in the navigation"
    entry_pages = [url for url in nav if url.startswith("entries/") and url != "entries/"]
    assert entry_pages == []


def test_timeline_links_every_entry_page(plain: Build) -> None:
    timeline = plain.page("entries/")
    for name in ALL_ENTRIES:
        url = entry_url(entry_id(name))
        assert timeline.links_to(url), url
        assert plain.has_page(url), url


def test_reflection_links_to_the_entry_it_is_about(plain: Build) -> None:
    reflection = plain.page(entry_url(entry_id(LOOKING_BACK)))
    acme = entry_url(entry_id(ACME))
    assert reflection.link_texts(acme) == ["Data Analyst at Acme Analytics"]


def test_entry_links_back_to_the_reflection_about_it(plain: Build) -> None:
    acme = plain.page(entry_url(entry_id(ACME)))
    assert acme.link_texts(entry_url(entry_id(LOOKING_BACK))) == ["Looking back on Acme"]


def test_problems_page_says_all_is_well(plain: Build) -> None:
    problems = plain.page("problems/")
    assert ("h1", "Entry problems") in problems.headings
    assert "Every entry reads cleanly" in problems.text


def test_every_link_on_generated_pages_leads_to_a_page(plain: Build) -> None:
    urls = ["", "entries/", "problems/"] + [entry_url(entry_id(n)) for n in ALL_ENTRIES]
    broken = []
    for url in urls:
        for target, text in plain.page(url).links:
            if "://" in target or target.startswith(("mailto:", "#")):
                continue
            path = plain.site / target
            if not (path / "index.html").is_file() and not path.is_file():
                broken.append(f"{url or '/'} -> {target} ({text})")
    assert broken == []


# --------------------------------------------------------------------------------------------
# The user's own home page
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def own_home(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(
        tmp_path_factory.mktemp("own-home"),
        {ACME: ACME_TEXT, LOOKING_BACK: LOOKING_BACK_TEXT},
        docs={"index.md": "# Hello, mentor\n\nThis is my own home page.\n"},
    )
    return built(root)


def test_users_own_index_stays_the_home_page(own_home: Build) -> None:
    home = own_home.page("")
    assert ("h1", "Hello, mentor") in home.headings
    assert "This is my own home page." in home.text
    assert "Dashboard" not in [text for _, text in home.headings]


def test_dashboard_moves_to_dashboard_url(own_home: Build) -> None:
    dashboard = own_home.page("dashboard/")
    assert ("h1", "Test Log") in dashboard.headings
    assert dashboard.figure("Rejections") == "1"
    assert dashboard.links_to(entry_url(entry_id(ACME)))
    assert dashboard.links_to("entries/")


def test_moved_dashboard_is_in_the_navigation(own_home: Build) -> None:
    assert "dashboard/" in own_home.page("").nav_links


# --------------------------------------------------------------------------------------------
# Material's tags plugin
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(
        tmp_path_factory.mktemp("tags"),
        {ACME: ACME_TEXT, GLOBEX: GLOBEX_TEXT},
        plugins=("search", "tags"),
        docs={"tags.md": "# Tags\n\n<!-- material/tags -->\n"},
    )
    return built(root)


def test_entry_tags_show_as_material_tags(tagged: Build) -> None:
    assert sorted(tagged.page(entry_url(entry_id(ACME))).tags) == ["fintech", "remote"]


def test_entry_without_tags_has_no_material_tags(tagged: Build) -> None:
    assert tagged.page(entry_url(entry_id(GLOBEX))).tags == []


def test_tags_index_links_to_tagged_entries(tagged: Build) -> None:
    tags = tagged.page("tags/")
    assert tags.link_texts(entry_url(entry_id(ACME))) == ["Data Analyst at Acme Analytics"] * 2


# --------------------------------------------------------------------------------------------
# Broken entries
# --------------------------------------------------------------------------------------------

BROKEN_STAGE = "2025-12-05-broken-stage.yml"
BROKEN_DATE = "2025/2025-12-08-broken-date.md"
BROKEN_ENTRIES = {
    GLOBEX: GLOBEX_TEXT,
    ACME: ACME_TEXT,
    BROKEN_STAGE: """
        date: 2025-12-05
        company: Initech
        role: Analyst
        stage: interview
        """,
    BROKEN_DATE: """
        ---
        date: 2025-02-30
        company: Hooli
        role: Analyst
        ---
        A date that does not exist.
        """,
}


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("broken"), BROKEN_ENTRIES)


@pytest.fixture(scope="module")
def broken_strict(broken_site: Path) -> Build:
    return build(broken_site, strict=True)


@pytest.fixture(scope="module")
def broken_lenient(broken_site: Path, broken_strict: Build) -> Build:
    return built(broken_site, strict=False)


def test_broken_entry_fails_the_strict_build(broken_strict: Build) -> None:
    assert broken_strict.returncode != 0


def test_strict_build_names_every_broken_file_and_line(broken_strict: Build) -> None:
    assert "entries/2025-12-05-broken-stage.yml:4:" in broken_strict.output
    assert "entries/2025/2025-12-08-broken-date.md:2:" in broken_strict.output


def test_lenient_build_keeps_the_good_entries(broken_lenient: Build) -> None:
    assert broken_lenient.has_page(entry_url(entry_id(GLOBEX)))
    assert broken_lenient.has_page(entry_url(entry_id(ACME)))
    assert not broken_lenient.has_page(entry_url(entry_id(BROKEN_STAGE)))
    assert not broken_lenient.has_page(entry_url(entry_id(BROKEN_DATE)))


def test_lenient_build_problems_page_counts_the_problems(broken_lenient: Build) -> None:
    text = broken_lenient.page("problems/").text
    assert "2 problems were found in the entries" in text


def test_published_problems_page_names_no_file(broken_lenient: Build) -> None:
    text = broken_lenient.page("problems/").text
    for word in ("broken", ".yml", ".md", "entries/2025", "interview"):
        assert word not in text


def test_published_site_never_shows_broken_file_names(broken_lenient: Build) -> None:
    assert files_mentioning(broken_lenient.site, "broken-stage") == []
    assert files_mentioning(broken_lenient.site, "broken-date") == []


def test_dashboard_says_how_many_problems_need_a_fix(broken_lenient: Build) -> None:
    assert "2 entry problems need a small fix" in broken_lenient.page("").text


def test_dashboard_links_to_the_problems_page(broken_lenient: Build) -> None:
    home = broken_lenient.page("")
    assert home.link_texts("problems/") == ["see the entry problems"]
    assert "](problems.md)" not in home.text


# --------------------------------------------------------------------------------------------
# Private entries and private sections
# --------------------------------------------------------------------------------------------

PRIVATE = "2025-12-06-sentinel-private-co-analyst.yml"
OPEN = "2025-12-07-open-co-analyst.md"
ABOUT_BOTH = "2025-12-10-about-both.md"
PRIVATE_ENTRIES = {
    GLOBEX: GLOBEX_TEXT,
    PRIVATE: """
        date: 2025-12-06
        company: SENTINEL-PRIVATE-CO
        role: Analyst
        stage: final
        private: true
        tags: [private-tag]
        notes: |
          The whole story.
        """,
    OPEN: """
        ---
        date: 2025-12-07
        company: Open Co
        role: Analyst
        ---
        Visible before.

        <!-- private -->SENTINEL-SECTION<!-- /private -->

        Visible after.
        """,
    ABOUT_BOTH: f"""
        ---
        type: reflection
        date: 2025-12-10
        title: About both
        about: [{entry_id(PRIVATE)}, {entry_id(OPEN)}]
        ---
        Two in one week.
        """,
}
SENTINELS = ["SENTINEL-PRIVATE-CO", "SENTINEL-SECTION"]


def _private_site(root: Path, show_private: str) -> Build:
    write_site(
        root,
        PRIVATE_ENTRIES,
        options=f"show_private: {show_private}",
        plugins=("search", "tags"),
        docs={"tags.md": "# Tags\n\n<!-- material/tags -->\n"},
        extra="site_url: https://example.org/log/",
    )
    return built(root)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _private_site(tmp_path_factory.mktemp("published"), "false")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return _private_site(tmp_path_factory.mktemp("preview"), "true")


@pytest.mark.parametrize("sentinel", SENTINELS)
def test_private_content_is_in_no_published_file(published: Build, sentinel: str) -> None:
    assert (published.site / "search" / "search_index.json").is_file()
    assert (published.site / "sitemap.xml").is_file()
    assert (published.site / "feed.xml").is_file()
    assert files_mentioning(published.site, sentinel) == []


def test_private_entry_has_no_page(published: Build) -> None:
    assert not published.has_page(entry_url(entry_id(PRIVATE)))


def test_text_around_a_private_section_is_kept(published: Build) -> None:
    text = published.page(entry_url(entry_id(OPEN))).text
    assert "Visible before." in text
    assert "Visible after." in text


def test_reflection_about_a_private_entry_links_only_the_public_one(published: Build) -> None:
    reflection = published.page(entry_url(entry_id(ABOUT_BOTH)))
    assert reflection.links_to(entry_url(entry_id(OPEN)))
    assert not reflection.links_to(entry_url(entry_id(PRIVATE)))


def test_dashboard_counts_exclude_the_private_entry(published: Build) -> None:
    dashboard = published.page("")
    assert dashboard.figure("Rejections") == "2"
    assert dashboard.figure("asking") == "2"


def test_private_preview_shows_private_content(preview: Build) -> None:
    for sentinel in SENTINELS:
        assert files_mentioning(preview.site, sentinel) != []
    assert "SENTINEL-PRIVATE-CO" in preview.page(entry_url(entry_id(PRIVATE))).text
    assert "SENTINEL-SECTION" in preview.page(entry_url(entry_id(OPEN))).text


def test_private_preview_counts_the_private_entry(preview: Build) -> None:
    assert preview.page("").figure("Rejections") == "3"


def test_private_preview_warns_on_every_page(preview: Build) -> None:
    for url in ("", "entries/", entry_url(entry_id(GLOBEX)), "tags/"):
        assert "Private preview — do not publish." in preview.page(url).text


def test_anonymized_build_names_no_company(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {ACME: ACME_TEXT, GLOBEX: GLOBEX_TEXT},
        options="anonymize_companies: true",
        extra="site_url: https://example.org/log/",
    )
    site = built(root).site
    assert (site / "feed.xml").is_file()
    assert files_mentioning(site, "Acme Analytics") == []
    assert files_mentioning(site, "Globex") == []


# --------------------------------------------------------------------------------------------
# User text is data, never markup
# --------------------------------------------------------------------------------------------

INJECTED = "Acme | <script>alert(1)</script> {{ config }} *bold*"
INJECTED_TAG = "<script>alert(2)</script>"
INJECTION = "2025-12-01-acme-injection.yml"

# Material prints a page's meta title and tags without escaping them (MkDocs' theme templates
# do not autoescape), so what the plugin puts into page meta must already be safe HTML.


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Build:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    root = write_site(
        tmp_path_factory.mktemp("injection"),
        {
            INJECTION: f"""
                date: 2025-12-01
                company: {quoted(INJECTED)}
                role: Analyst
                tags: [{quoted(INJECTED_TAG)}]
                notes: Nothing unusual here.
                """
        },
        plugins=("search", "tags"),
        docs={"tags.md": "# Tags\n\n<!-- material/tags -->\n"},
    )
    return built(root)


def scripts_running(page: Page, code: str) -> list[str]:
    assert page.scripts, "the parser should see Material's own scripts"
    return [script for script in page.scripts if code in script]


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(entry_url(entry_id(INJECTION)), id="entry-page"),
        pytest.param("entries/", id="timeline"),
        pytest.param("", id="dashboard"),
    ],
)
def test_company_name_is_shown_literally(injected: Build, url: str) -> None:
    assert INJECTED in injected.page(url).text


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(entry_url(entry_id(INJECTION)), id="entry-page"),
        pytest.param("entries/", id="timeline"),
        pytest.param("", id="dashboard"),
        pytest.param("tags/", id="tags-index"),
    ],
)
def test_company_name_makes_no_script_element(injected: Build, url: str) -> None:
    assert scripts_running(injected.page(url), "alert(1)") == []


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(entry_url(entry_id(INJECTION)), id="entry-page"),
        pytest.param("tags/", id="tags-index"),
    ],
)
def test_tag_makes_no_script_element(injected: Build, url: str) -> None:
    assert scripts_running(injected.page(url), "alert(2)") == []


def test_no_page_at_all_runs_user_text(injected: Build) -> None:
    running = []
    for html in sorted(injected.site.rglob("index.html")):
        url = html.parent.relative_to(injected.site).as_posix() + "/"
        url = "" if url == "./" else url
        if scripts_running(Page.parse(url, html.read_text()), "alert("):
            running.append(url)
    assert running == []


# --------------------------------------------------------------------------------------------
# Plugin options
# --------------------------------------------------------------------------------------------


def test_pinned_today_makes_a_later_entry_an_error(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            GLOBEX: GLOBEX_TEXT,
            "2026-02-01-later.yml": """
                date: 2026-02-01
                company: Later Ltd
                role: Analyst
                """,
        },
        options="today: 2026-01-15",
    )
    result = build(root)
    assert result.returncode != 0
    assert "entries/2026-02-01-later.yml:1:" in result.output
    assert "no later than today (2026-01-15)" in result.output


def test_custom_stages_are_accepted_and_counted(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {
            "2025-10-01-assessed.yml": """
                date: 2025-10-01
                company: Assessed plc
                role: Graduate Analyst
                stage: Assessment Centre
                """
        },
        options="stages: [applied, assessment centre, offer]",
    )
    page = built(root).page(entry_url("2025-10-01-assessed"))
    assert "Stage reached: assessment centre (2 of 3 stages)" in page.text


def test_default_stage_outside_custom_stages_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path, {ACME: ACME_TEXT}, options="stages: [applied, final, offer]")
    result = build(root)
    assert result.returncode != 0
    assert "entries/2025/2025-03-10-acme-data-analyst.md:5:" in result.output


def test_entries_dir_elsewhere(tmp_path: Path) -> None:
    root = write_site(
        tmp_path,
        {GLOBEX: GLOBEX_TEXT},
        options="entries_dir: notes/job-search",
        entries_dir="notes/job-search",
    )
    assert not (root / "entries").exists()
    result = built(root)
    page = result.page(entry_url(entry_id(GLOBEX)))
    assert "Platform Engineer at Globex" in page.text
    assert f"Written in notes/job-search/{GLOBEX}" in page.text
    assert result.page("entries/").links_to(entry_url(entry_id(GLOBEX)))


@pytest.mark.parametrize(("due_days", "worth_asking"), [(3, True), (30, False)])
def test_feedback_due_days_decides_when_to_ask(
    tmp_path: Path, due_days: int, worth_asking: bool
) -> None:
    root = write_site(
        tmp_path,
        {
            "2026-01-10-five-days-ago.yml": """
                date: 2026-01-10
                company: Recent Co
                role: Analyst
                """
        },
        options=f"today: 2026-01-15\nfeedback_due_days: {due_days}",
    )
    result = built(root)
    page = result.page(entry_url("2026-01-10-five-days-ago"))
    assert ("worth asking for" in page.text) is worth_asking
    assert result.page("").figure("asking") == str(int(worth_asking))


FROM_ENV = "!ENV [RECOVERY_LOG_TEST_SHOW_PRIVATE, false]"


@pytest.mark.parametrize(
    ("setting", "env", "shown"),
    [
        pytest.param('"1"', {}, True, id="text-1"),
        pytest.param('"0"', {}, False, id="text-0"),
        pytest.param(FROM_ENV, {"RECOVERY_LOG_TEST_SHOW_PRIVATE": "1"}, True, id="env-1"),
        pytest.param(FROM_ENV, {"RECOVERY_LOG_TEST_SHOW_PRIVATE": "0"}, False, id="env-0"),
        pytest.param(FROM_ENV, {}, False, id="env-unset"),
        pytest.param(
            FROM_ENV,
            {"RECOVERY_LOG_TEST_SHOW_PRIVATE": ""},
            False,
            id="env-empty",
        ),
    ],
)
def test_show_private_from_text_or_environment(
    tmp_path: Path, setting: str, env: dict[str, str], shown: bool
) -> None:
    root = write_site(
        tmp_path, {PRIVATE: PRIVATE_ENTRIES[PRIVATE]}, options=f"show_private: {setting}"
    )
    result = build(root, env=env)
    assert result.returncode == 0, result.output
    assert result.has_page(entry_url(entry_id(PRIVATE))) is shown


# --------------------------------------------------------------------------------------------
# This repository's own site
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("repo-site")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("theme", "docs", "entries"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    return build(root)


def test_repository_site_builds_with_strict(repo_site: Build) -> None:
    assert repo_site.returncode == 0, repo_site.output
    assert repo_site.has_page("entries/")


def test_repository_site_publishes_no_private_entry(repo_site: Build) -> None:
    private = [
        entry_id(path.name)
        for path in (repo_site.root / "entries").rglob("*")
        if path.is_file() and re.search(r"^private:\s*(true|yes)\s*$", path.read_text(), re.M)
    ]
    assert [name for name in private if repo_site.has_page(entry_url(name))] == []


# --------------------------------------------------------------------------------------------
# mkdocs serve: a broken entry never stops the preview
# --------------------------------------------------------------------------------------------


def _free_loopback_port() -> int | None:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]
    except OSError:
        return None


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def _wait_for(
    what: str, check: Callable[[], bool], process: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + SERVE_DEADLINE
    while time.monotonic() < deadline:
        if check():
            return
        if process.poll() is not None:
            pytest.fail(
                f"mkdocs serve exited ({process.returncode}) while waiting for {what}:\n"
                + log.read_text(errors="replace")
            )
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}:\n" + log.read_text(errors="replace"))


@contextlib.contextmanager
def _serving(root: Path, log: Path, *options: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """`mkdocs serve [options]` on a free loopback port, its output in `log`; stopped on the
    way out."""
    port = _free_loopback_port()
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
            cwd=root,
            env=mkdocs_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.mark.skipif(_free_loopback_port() is None, reason="no loopback networking here")
def test_serve_lists_a_broken_entry_and_recovers(tmp_path: Path) -> None:
    root = write_site(tmp_path / "served", {GLOBEX: GLOBEX_TEXT})
    entry_file = root / "entries" / GLOBEX
    good = entry_file.read_text(encoding="utf-8")
    log = tmp_path / "serve.log"
    with _serving(root, log) as (process, base):
        entry_page = base + entry_url(entry_id(GLOBEX))

        def problems() -> Page:
            return Page.parse("problems/", _get(base + "problems/")[1])

        _wait_for("the first build", lambda: _get(entry_page)[0] == 200, process, log)

        entry_file.write_text(good.replace("stage: screen", "stage: interview"), "utf-8")
        line = good.splitlines().index("stage: screen") + 1
        shown = [f"entries/{GLOBEX}", str(line), "8"]
        _wait_for(
            "the problem to be listed",
            lambda: any(row[:3] == shown for row in problems().rows),
            process,
            log,
        )
        assert "found 'interview'" in problems().text
        assert _get(base)[0] == 200, "the rest of the site keeps being served"

        entry_file.write_text(good, "utf-8")
        _wait_for("the fixed entry's page", lambda: _get(entry_page)[0] == 200, process, log)
        assert "Every entry reads cleanly" in problems().text
        assert "Platform Engineer at Globex" in Page.parse("x/", _get(entry_page)[1]).text


@pytest.mark.skipif(_free_loopback_port() is None, reason="no loopback networking here")
def test_serve_follows_deleted_added_and_moved_entries(tmp_path: Path) -> None:
    moved = "old/2025-10-01-initech-analyst.yml"
    root = write_site(
        tmp_path / "served",
        {
            GLOBEX: GLOBEX_TEXT,
            moved: GLOBEX_TEXT.replace("Globex", "Initech").replace("2025-11-02", "2025-10-01"),
        },
    )
    entries = root / "entries"
    log = tmp_path / "serve.log"
    with _serving(root, log) as (process, base):

        def timeline() -> str:
            return Page.parse("entries/", _get(base + "entries/")[1]).text

        def page(name: str) -> tuple[int, str]:
            status, html = _get(base + entry_url(entry_id(name)))
            return status, Page.parse("x/", html).text if status == 200 else ""

        _wait_for("the first build", lambda: page(moved)[0] == 200, process, log)
        assert "Globex" in timeline()

        (entries / GLOBEX).unlink()
        _wait_for("the deleted entry to go", lambda: page(GLOBEX)[0] == 404, process, log)
        assert "Globex" not in timeline()
        assert _get(base)[0] == 200

        added = "2025-11-10-hooli-analyst.yml"
        (entries / added).write_text(
            textwrap.dedent(GLOBEX_TEXT.replace("Globex", "Hooli").replace("11-02", "11-10")),
            encoding="utf-8",
        )
        _wait_for("the new entry's page", lambda: page(added)[0] == 200, process, log)
        assert "Hooli" in timeline()

        (entries / "old").rename(entries / "new")
        _wait_for(
            "the moved entry's page to name its new folder",
            lambda: "entries/new/2025-10-01-initech-analyst.yml" in page(moved)[1],
            process,
            log,
        )
        assert "Initech" in timeline()
        assert _get(base)[0] == 200
