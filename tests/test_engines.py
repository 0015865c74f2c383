"""The same log on the other engines: Zensical (after `recovery-log generate`) and ProperDocs.

Each builds a copy of this repository's sample site (with its private entry and private
section) or a fresh `recovery-log init` site, exactly as a user runs the commands, and checks
the built HTML: every published entry page, the insight pages and the feed, nothing private.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from helpers import run_ok
from test_publishing import everything_in

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
INSIGHT_PAGES = (
    "",
    "entries/",
    "skills/",
    "feedback/",
    "interviews/",
    "tracks/",
    "lessons/",
    "reflections/",
    "mentor/",
)
PRIVATE_TEXT = ("Northwind Private Co", "PRIVATE ENTRY", "PRIVATE-SECTION-MARKER", "private-entry")
"""Words only the sample log's private entry and private section contain."""


def tool(name: str) -> Path:
    """An engine's command from the test extra; missing is a failure in CI, a skip elsewhere."""
    path = BIN / name
    if not path.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is not installed: pip install -e '.[test]'")
        pytest.skip(f"{name} is not installed")
    return path


def run(root: Path, *command: str | Path) -> str:
    return run_ok(command, root, timeout=300)


def sample_copy(root: Path) -> Path:
    for name in ("entries", "docs", "theme"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def published_entry_ids(entries: Path) -> set[str]:
    """The entries a published site must show: every entry file not marked `private: true`."""
    files = [p for p in entries.rglob("*") if p.suffix in {".md", ".yml", ".yaml"}]
    private = re.compile(r"^private:\s*true\s*$", re.MULTILINE)
    return {p.stem for p in files if not private.search(p.read_text(encoding="utf-8"))}


def page_addresses(site: Path) -> set[str]:
    return {
        path.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for path in site.rglob("index.html")
    }


def assert_complete_and_public(site: Path, entries: Path) -> None:
    pages = {address.lstrip("/") for address in page_addresses(site)}
    missing_insights = [page for page in INSIGHT_PAGES if page not in pages]
    assert missing_insights == []
    ids = published_entry_ids(entries)
    assert ids and {f"entries/{entry_id}/" for entry_id in ids} <= pages
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert all(f"entries/{entry_id}/" in feed for entry_id in ids)
    text = everything_in(site)
    assert [word for word in PRIVATE_TEXT if word in text] == []


def article_text(page: Path) -> str:
    """What a reader reads on a page: the text of its article, without theme or markup."""
    source = page.read_text(encoding="utf-8")
    found = re.search(r"<article[^>]*>(.*?)</article>", source, re.DOTALL)
    assert found, page
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", found.group(1), flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u00b6", " ")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def zensical_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = sample_copy(tmp_path_factory.mktemp("zensical"))
    run(root, BIN / "recovery-log", "generate")
    run(root, tool("zensical"), "build")
    return root


def test_zensical_builds_the_sample_log_after_generate(zensical_sample: Path) -> None:
    assert_complete_and_public(zensical_sample / "site", zensical_sample / "entries")


@pytest.mark.parametrize("page", INSIGHT_PAGES)
def test_zensical_pages_say_what_the_mkdocs_pages_say(zensical_sample: Path, page: str) -> None:
    mkdocs_site = zensical_sample / "mkdocs-site"
    if not mkdocs_site.is_dir():
        run(zensical_sample, sys.executable, "-m", "mkdocs", "build", "--strict", "-d", mkdocs_site)
    zensical_page = zensical_sample / "site" / page / "index.html"
    assert article_text(zensical_page) == article_text(mkdocs_site / page / "index.html")


def test_zensical_site_uses_the_logs_stylesheet(zensical_sample: Path) -> None:
    home = (zensical_sample / "site" / "index.html").read_text(encoding="utf-8")
    assert "assets/recovery-log.css" in home
    assert (zensical_sample / "site" / "assets" / "recovery-log.css").is_file()


def test_zensical_pages_show_no_template_syntax(zensical_sample: Path) -> None:
    for page in (zensical_sample / "site").rglob("*.html"):
        if page.parent.name in ("templates", "translating"):
            continue  # these docs teach template syntax, so they show some on purpose
        text = page.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, page


def test_properdocs_builds_the_sample_log_strictly_with_the_plugin(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = sample_copy(tmp_path_factory.mktemp("properdocs"))
    run(root, tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml")
    assert_complete_and_public(root / "site", root / "entries")


def test_a_fresh_log_from_init_builds_on_zensical_with_the_plugins_pages(tmp_path: Path) -> None:
    run(tmp_path, BIN / "recovery-log", "init", "log")
    root = tmp_path / "log"
    run(root, sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "mkdocs-site")
    run(root, BIN / "recovery-log", "generate")
    run(root, tool("zensical"), "build")
    assert page_addresses(root / "site") == page_addresses(root / "mkdocs-site")
    assert "Nothing written down yet." in (root / "site" / "index.html").read_text()


def test_a_fresh_log_from_init_builds_on_properdocs(tmp_path: Path) -> None:
    run(tmp_path, BIN / "recovery-log", "init", "log")
    root = tmp_path / "log"
    run(root, tool("properdocs"), "build", "--strict", "-f", "mkdocs.yml")
    assert "Nothing written down yet." in (root / "site" / "index.html").read_text()
