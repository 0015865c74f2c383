"""Publishing for a mentor: nothing private leaves the machine, in any mode of the build."""

from __future__ import annotations

import gzip
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from helpers import built, run_mkdocs

PRIVATE_COMPANY = "Zephyrine Sentinel Holdings"
PRIVATE_ENTRY_WORD = "PRIVATE-ENTRY-SENTINEL"
PRIVATE_SECTION_WORD = "PRIVATE-SECTION-SENTINEL"
PUBLIC_COMPANY = "Quillfeather Analytics"
SECOND_COMPANY = "Brambleworth Data"
SENTINELS = (PRIVATE_COMPANY, PRIVATE_ENTRY_WORD, PRIVATE_SECTION_WORD, "zephyrine")

ENTRIES = {
    "2026-09-01-zephyrine-sentinel-holdings-analyst.md": f"""\
        ---
        date: 2026-09-01
        company: {PRIVATE_COMPANY}
        role: Analyst
        track: data analysis
        gaps: [Forecasting]
        lessons: [Keep this between us.]
        tags: [secret-tag-sentinel]
        private: true
        ---
        {PRIVATE_ENTRY_WORD}: the whole entry is private.
        """,
    "2026-10-01-quillfeather-analytics-data-analyst.md": f"""\
        ---
        date: 2026-10-01
        company: {PUBLIC_COMPANY}
        role: Data Analyst
        track: data analysis
        stage: final
        gaps: [SQL]
        lessons: [Ask about the team's tools.]
        tags: [remote]
        ---
        {PUBLIC_COMPANY} was kind. {SECOND_COMPANY} came up too.

        <!-- private -->
        {PRIVATE_SECTION_WORD}: what I really think.
        <!-- /private -->

        The end of my notes.
        """,
    "2026-11-01-brambleworth-data-analyst.yml": f"""\
        date: 2026-11-01
        company: {SECOND_COMPANY}
        role: Analyst
        feedback:
          requested: 2026-11-02
        notes: |
          Short process at {SECOND_COMPANY}.
        """,
    "2026-11-10-reflection.md": """\
        ---
        type: reflection
        date: 2026-11-10
        title: Looking back
        about:
          - 2026-09-01-zephyrine-sentinel-holdings-analyst
          - 2026-10-01-quillfeather-analytics-data-analyst
        decision: persist
        track: data analysis
        ask_mentor:
          - How do I prepare for a final round?
          - question: Already answered question
            answered: 2026-11-12
        ---
        Thinking it over.
        """,
}


def make_site(root: Path, **options: object) -> Path:
    lines = [
        "site_name: Mentor log",
        "site_url: https://example.org/log/",
        "theme:",
        "  name: material",
        "plugins:",
        "  - search",
        "  - tags",
        "  - recovery-log:",
        "      today: 2026-11-26",
        "      show_private: !ENV [RECOVERY_LOG_SHOW_PRIVATE, false]",
        *(f"      {key}: {str(value).lower()}" for key, value in options.items()),
    ]
    (root / "mkdocs.yml").write_text("\n".join(lines) + "\n")
    (root / "docs").mkdir()
    (root / "docs" / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n")
    for name, text in ENTRIES.items():
        path = root / "entries" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return root


def mkdocs(root: Path, *args: str, private: bool = False) -> subprocess.CompletedProcess[str]:
    """`mkdocs <args>`, as a published build, or as a private preview when `private`."""
    return run_mkdocs(root, *args, env={"RECOVERY_LOG_SHOW_PRIVATE": "1"} if private else None)


def build(root: Path, private: bool = False) -> Path:
    """The site folder of a strict build that must succeed."""
    return built(root, env={"RECOVERY_LOG_SHOW_PRIVATE": "1"} if private else None).site


def everything_in(site: Path) -> str:
    """Every file's text (gzip unpacked) and every file and folder name under `site`."""
    parts = []
    for path in site.rglob("*"):
        parts.append(str(path.relative_to(site)))
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def leaks(site: Path) -> list[str]:
    text = everything_in(site).casefold()
    return [word for word in SENTINELS if word.casefold() in text]


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_site(tmp_path_factory.mktemp("default")))


@pytest.fixture(scope="module")
def anonymized_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_site(tmp_path_factory.mktemp("anonymized"), anonymize_companies=True))


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_site(tmp_path_factory.mktemp("preview")), private=True)


def test_default_build_contains_nothing_private(default_site: Path) -> None:
    assert leaks(default_site) == []


def test_default_build_keeps_the_public_text_around_a_private_section(default_site: Path) -> None:
    page = default_site / "entries" / "2026-10-01-quillfeather-analytics-data-analyst"
    html = (page / "index.html").read_text()
    assert "The end of my notes." in html
    assert "was kind." in html


def test_private_entry_adds_nothing_to_counts_or_tags(default_site: Path) -> None:
    skills = (default_site / "skills" / "index.html").read_text()
    assert "Forecasting" not in skills
    assert "secret-tag-sentinel" not in everything_in(default_site)


def test_reflection_about_a_private_entry_links_only_the_public_one(default_site: Path) -> None:
    html = (default_site / "entries" / "2026-11-10-reflection" / "index.html").read_text()
    assert "2026-10-01-quillfeather-analytics-data-analyst" in html
    assert "2026-09-01" not in html


def test_anonymized_build_names_no_company_anywhere(anonymized_site: Path) -> None:
    text = everything_in(anonymized_site).casefold()
    for word in (PUBLIC_COMPANY, SECOND_COMPANY, "quillfeather", "brambleworth", *SENTINELS):
        assert word.casefold() not in text, word


def test_anonymized_build_shows_aliases_by_first_appearance(anonymized_site: Path) -> None:
    timeline = (anonymized_site / "entries" / "index.html").read_text()
    assert "Company A" in timeline
    assert "Company B" in timeline
    first = (anonymized_site / "entries" / "2026-10-01-1" / "index.html").read_text()
    assert "Data Analyst at Company A" in first
    assert "Company B came up too" in first


def test_anonymized_build_gives_entry_pages_addresses_without_names(anonymized_site: Path) -> None:
    pages = sorted(p.name for p in (anonymized_site / "entries").iterdir() if p.is_dir())
    assert pages == ["2026-10-01-1", "2026-11-01-1", "2026-11-10-1"]


def test_preview_shows_private_content_with_a_banner_on_every_page(preview_site: Path) -> None:
    assert PRIVATE_ENTRY_WORD in everything_in(preview_site)
    assert PRIVATE_SECTION_WORD in everything_in(preview_site)
    for page in preview_site.rglob("index.html"):
        if page.parent.name == "search":
            continue
        assert "Private preview — do not publish" in page.read_text(), page


def test_gh_deploy_refuses_while_private_content_is_shown(tmp_path: Path) -> None:
    root = make_site(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    result = mkdocs(root, "gh-deploy", "--no-history", private=True)
    assert result.returncode != 0
    assert "refusing to deploy a private preview" in result.stderr
    assert "Nothing was pushed" in result.stderr
    branches = subprocess.run(
        ["git", "branch", "--list", "gh-pages"], cwd=root, capture_output=True, text=True
    )
    assert branches.stdout.strip() == ""
    assert not (root / "site").exists()


def test_feed_is_valid_atom_with_absolute_links(default_site: Path) -> None:
    feed = ET.parse(default_site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.tag == f"{atom}feed"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 3
    for entry in entries:
        for required in ("title", "id", "updated", "summary"):
            assert entry.find(f"{atom}{required}") is not None
        href = entry.find(f"{atom}link").get("href")
        assert href.startswith("https://example.org/log/entries/")
    newest = entries[0].find(f"{atom}title").text
    assert newest == "Looking back"


def test_every_page_links_the_feed_in_its_head(default_site: Path) -> None:
    for page in default_site.rglob("index.html"):
        head = page.read_text().split("</head>")[0]
        assert 'type="application/atom+xml"' in head, page
        assert 'href="https://example.org/log/feed.xml"' in head, page


def test_mentor_agenda_lists_open_questions_only(default_site: Path) -> None:
    html = (default_site / "mentor" / "index.html").read_text()
    agenda = html.split('id="agenda"')[1].split("<h2")[0]
    assert "How do I prepare for a final round?" in agenda
    assert "Already answered question" not in agenda


def test_mentor_digest_lists_the_questions_answered_in_the_period(default_site: Path) -> None:
    html = (default_site / "mentor" / "index.html").read_text()
    answered = html.split('id="answered"')[1].split("<h2")[0]
    assert "Already answered question — answered 12 November 2026" in answered


def test_mentor_digest_covers_the_last_thirty_days(default_site: Path) -> None:
    html = (default_site / "mentor" / "index.html").read_text()
    assert "27 October 2026" in html
    assert "Analyst at Brambleworth Data" in html
    assert (
        "Data Analyst at Quillfeather Analytics"
        not in html.split("New rejections")[1].split("Lessons")[0]
    )


def test_no_page_or_search_entry_for_the_private_entry(default_site: Path) -> None:
    assert not (
        default_site / "entries" / "2026-09-01-zephyrine-sentinel-holdings-analyst"
    ).exists()
    index = (default_site / "search" / "search_index.json").read_text()
    assert "zephyrine" not in index.casefold()
