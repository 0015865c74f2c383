"""`recovery-log generate`: the log's pages written as Markdown files into the docs folder.

Each test makes the small log of `test_publishing` (a private entry, a private section), runs the
command as a user would (in the site's folder) and looks at what is on disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_publishing import PUBLIC_COMPANY, SENTINELS, everything_in, leaks, make_site, mkdocs

from generator.cli import main
from generator.site.generated import MANIFEST

BANNER = "Private preview — do not publish."
PUBLIC_ENTRY = "2026-10-01-quillfeather-analytics-data-analyst"
PRIVATE_ENTRY = "2026-09-01-zephyrine-sentinel-holdings-analyst"
UNREFERENCED_ENTRY = "2026-11-01-brambleworth-data-analyst"
BROKEN = "2026-11-20-broken.yml"
BROKEN_TEXT = "date: 2026-11-20\ncompany: Acme\nrole: Analyst\nmood: 9\n"
"""An entry with exactly one problem: a mood outside 1-5."""
INSIGHT_PAGES = (
    "entries.md",
    "skills.md",
    "feedback.md",
    "interviews.md",
    "tracks.md",
    "lessons.md",
    "reflections.md",
    "mentor.md",
    "problems.md",
)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with the user's own docs/about.md, as the current folder."""
    (tmp_path / "site").mkdir()
    root = make_site(tmp_path / "site")
    (root / "docs" / "about.md").write_text("# About me\n\nMy own words.\n")
    monkeypatch.chdir(root)
    return root


def generate(*args: str) -> Result:
    return CliRunner().invoke(main, ["generate", *args])


def generated_ok(*args: str) -> Result:
    result = generate(*args)
    assert result.exit_code == 0, result.output
    return result


def files_under(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time, by its path relative to `folder`."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def everything_written(folder: Path) -> str:
    return "\n".join(data.decode() + "\n" + name for name, (data, _) in files_under(folder).items())


def manifest(folder: Path) -> set[str]:
    lines = (folder / MANIFEST).read_text().splitlines()
    return {line.split("  ", 1)[1] for line in lines if line and not line.startswith("#")}


def test_writes_the_dashboard_insight_pages_entries_feed_and_stylesheet(site: Path) -> None:
    generated_ok()
    docs = site / "docs"
    for name in ("index.md", *INSIGHT_PAGES, f"entries/{PUBLIC_ENTRY}.md"):
        assert (docs / name).is_file(), name
    assert (docs / "assets" / "recovery-log.css").read_bytes().strip()
    assert b"<feed" in (docs / "feed.xml").read_bytes()


def test_pages_are_at_the_addresses_the_mkdocs_plugin_gives(site: Path) -> None:
    built = mkdocs(site, "build", "--strict")
    assert built.returncode == 0, built.stderr
    plugin_pages = {
        path.parent.relative_to(site / "site").as_posix()
        for path in (site / "site").rglob("index.html")
    }
    plugin_pages -= {"tags", "about", "404"}  # the user's own pages
    generated_ok()
    written = {
        name.removesuffix(".md").removesuffix("index").rstrip("/") or "."
        for name in manifest(site / "docs")
        if name.endswith(".md")
    }
    assert written == plugin_pages


def test_manifest_lists_exactly_the_files_it_wrote(site: Path) -> None:
    before = set(files_under(site / "docs"))
    generated_ok()
    after = set(files_under(site / "docs"))
    assert manifest(site / "docs") == after - before - {MANIFEST}


def test_users_own_page_is_untouched(site: Path) -> None:
    about = site / "docs" / "about.md"
    before = (about.read_bytes(), about.stat().st_mtime_ns)
    generated_ok()
    assert (about.read_bytes(), about.stat().st_mtime_ns) == before
    assert "about.md" not in manifest(site / "docs")


def test_users_own_home_page_moves_the_dashboard(site: Path) -> None:
    (site / "docs" / "index.md").write_text("# Welcome\n")
    generated_ok()
    assert (site / "docs" / "index.md").read_text() == "# Welcome\n"
    assert "title: Dashboard" in (site / "docs" / "dashboard.md").read_text()


def test_second_run_changes_no_file(site: Path) -> None:
    generated_ok()
    first = files_under(site / "docs")
    time.sleep(0.05)
    result = generated_ok()
    assert files_under(site / "docs") == first
    assert "0 files written, 0 removed" in result.output


def test_page_of_a_deleted_entry_is_removed(site: Path) -> None:
    generated_ok()
    before = set(manifest(site / "docs"))
    (site / "entries" / f"{UNREFERENCED_ENTRY}.yml").unlink()
    result = generated_ok()
    assert not (site / "docs" / "entries" / f"{UNREFERENCED_ENTRY}.md").exists()
    gone = before - set(manifest(site / "docs"))
    assert f"entries/{UNREFERENCED_ENTRY}.md" in gone  # and any detail page only it made
    assert f"{len(gone)} removed" in result.output


def test_refuses_and_writes_nothing_when_a_users_file_is_in_the_way(site: Path) -> None:
    mine = site / "docs" / "skills.md"
    mine.write_text("# My skills\n")
    before = files_under(site / "docs")
    result = generate()
    assert result.exit_code == 1
    assert "docs/skills.md" in result.output
    assert "nothing was written" in result.output
    assert files_under(site / "docs") == before


def test_a_users_file_beside_the_generated_entry_pages_is_left_alone(site: Path) -> None:
    generated_ok()
    stale = site / "docs" / "entries" / "2026-12-01-mine.md"
    stale.write_text("# My own note\n")
    generated_ok()
    assert stale.read_text() == "# My own note\n"


def test_nothing_private_is_written_by_default(site: Path) -> None:
    generated_ok()
    text = everything_written(site / "docs").casefold()
    assert [word for word in SENTINELS if word.casefold() in text] == []
    assert not (site / "docs" / "entries" / f"{PRIVATE_ENTRY}.md").exists()
    assert PUBLIC_COMPANY in (site / "docs" / "entries" / f"{PUBLIC_ENTRY}.md").read_text()


def test_show_private_writes_the_private_entries_with_the_preview_banner(site: Path) -> None:
    result = generated_ok("--show-private")
    assert "Private preview" in result.output
    pages = [site / "docs" / name for name in manifest(site / "docs") if name.endswith(".md")]
    assert pages and all(BANNER in page.read_text() for page in pages)
    assert (site / "docs" / "entries" / f"{PRIVATE_ENTRY}.md").is_file()


def test_preview_banner_comes_after_the_front_matter(site: Path) -> None:
    generated_ok("--show-private")
    page = (site / "docs" / "entries" / f"{PUBLIC_ENTRY}.md").read_text()
    assert page.startswith("---\ntitle:")
    assert page.index(BANNER) > page.index("\n---\n", 3)


def test_a_run_without_show_private_removes_the_private_preview(site: Path) -> None:
    generated_ok("--show-private")
    generated_ok()
    text = everything_written(site / "docs")
    assert BANNER not in text
    assert not (site / "docs" / "entries" / f"{PRIVATE_ENTRY}.md").exists()


def test_no_template_syntax_reaches_a_page(site: Path) -> None:
    generated_ok()
    for name in manifest(site / "docs"):
        text = (site / "docs" / name).read_text()
        assert "{{" not in text and "{%" not in text, name


def test_broken_entry_is_reported_and_the_others_are_written(site: Path) -> None:
    (site / "entries" / BROKEN).write_text(BROKEN_TEXT)
    result = generated_ok()
    assert f"entries/{BROKEN}" in result.output
    assert (site / "docs" / "entries" / f"{PUBLIC_ENTRY}.md").is_file()
    assert "1 problem" in (site / "docs" / "problems.md").read_text()


def test_strict_fails_on_a_broken_entry(site: Path) -> None:
    (site / "entries" / BROKEN).write_text(BROKEN_TEXT)
    assert generate("--strict").exit_code == 1


def test_out_writes_into_another_folder_and_leaves_docs_alone(site: Path) -> None:
    before = files_under(site / "docs")
    generated_ok("--out", "build/docs")
    assert files_under(site / "docs") == before
    assert (site / "build" / "docs" / "entries" / f"{PUBLIC_ENTRY}.md").is_file()


def test_refuses_an_out_folder_inside_the_entries_folder(site: Path) -> None:
    result = generate("--out", "entries/pages")
    assert result.exit_code == 1
    assert "inside the entries folder" in result.output
    assert not (site / "entries" / "pages").exists()


def test_feed_links_each_entry_to_its_page_address(site: Path) -> None:
    generated_ok()
    feed = (site / "docs" / "feed.xml").read_text()
    assert f"https://example.org/log/entries/{PUBLIC_ENTRY}/" in feed


def test_watch_regenerates_when_an_entry_is_saved(site: Path) -> None:
    command = [sys.executable, "-c", "from generator.cli import main; main()"]
    watch = subprocess.Popen(
        [*command, "generate", "--watch", "--interval", "0.1", "--max-runs", "2"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )
    try:
        first = site / "docs" / "entries" / f"{PUBLIC_ENTRY}.md"
        deadline = time.monotonic() + 30
        while not (first.is_file() and (site / "docs" / MANIFEST).is_file()):
            assert time.monotonic() < deadline, "the first run wrote nothing"
            time.sleep(0.1)
        (site / "entries" / BROKEN).write_text(BROKEN_TEXT)
        output, _ = watch.communicate(timeout=30)
    finally:
        watch.kill()
    assert watch.returncode == 0, output
    assert f"entries/{BROKEN}" in output
    assert first.is_file()
    assert BROKEN in (site / "docs" / "problems.md").read_text()


def test_mkdocs_builds_fresh_pages_over_a_private_preview_left_in_docs(site: Path) -> None:
    generated_ok("--show-private")
    built = mkdocs(site, "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert leaks(site / "site") == []
    assert BANNER not in everything_in(site / "site")


def test_feed_follows_use_directory_urls(site: Path) -> None:
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + "use_directory_urls: false\n")
    generated_ok()
    feed = (site / "docs" / "feed.xml").read_text()
    assert f"https://example.org/log/entries/{PUBLIC_ENTRY}.html" in feed


def test_a_generated_page_edited_by_the_user_is_theirs_and_not_overwritten(site: Path) -> None:
    generated_ok()
    skills = site / "docs" / "skills.md"
    skills.write_text("# My own skills page\n")
    result = generate()
    assert result.exit_code == 1
    assert "docs/skills.md" in result.output
    assert skills.read_text() == "# My own skills page\n"


def test_a_home_page_written_over_the_generated_dashboard_is_kept(site: Path) -> None:
    generated_ok()
    (site / "docs" / "index.md").write_text("# Welcome\n")
    generated_ok()
    assert (site / "docs" / "index.md").read_text() == "# Welcome\n"
    assert "title: Dashboard" in (site / "docs" / "dashboard.md").read_text()
    assert "index.md" not in manifest(site / "docs")
