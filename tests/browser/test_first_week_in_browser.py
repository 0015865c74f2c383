"""A new user's first week, in a real Chromium: a log started with `init` outside this repo.

`init` -> `new` -> the doctor's fix (site_url) -> `mkdocs build --strict`, served from
127.0.0.1; then what the user and their mentor see: the entry with what to do next and its own
draft, the dashboard naming it, the generated "Writing entries" page, no example entry anywhere;
and, in a private preview, the private marks.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from playwright.sync_api import expect
from rl_browser import BUILD_TIMEOUT, Browse, Server, Site, mkdocs_env

from generator.cli import main

pytestmark = pytest.mark.browser


def _start_log(root: Path, site_url: str) -> str:
    """`init`, then one rejection written with `new` (today: ask now), and site_url set."""
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    result = runner.invoke(
        main,
        [
            "new",
            "rejection",
            "--company",
            "Acme",
            "--role",
            "Data Analyst",
            "--entries-dir",
            str(root / "entries"),
        ],
    )
    assert result.exit_code == 0, result.output
    entry = Path(result.output.strip())
    text = entry.read_text().replace(
        "<!-- private -->", "<!-- private -->\nA note that stays home.", 1
    )
    entry.write_text(text)
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "# site_url: https://<your-name>.github.io/<repository>/", f"site_url: {site_url}"
        )
    )
    return entry.stem


def _served(work: Path, private: bool) -> Iterator[tuple[Site, str]]:
    out = work / "site"
    out.mkdir(parents=True)
    server = Server(out)
    try:
        source = work / "my-log"
        entry_id = _start_log(source, server.url)
        env = mkdocs_env()
        if private:
            env["RECOVERY_LOG_SHOW_PRIVATE"] = "1"
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
            cwd=source,
            env=env,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        yield Site(root=out, source=source, url=server.url), entry_id
    finally:
        server.close()


@pytest.fixture(scope="module")
def first_week(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    yield from _served(tmp_path_factory.mktemp("first-week"), private=False)


@pytest.fixture(scope="module")
def first_week_preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    yield from _served(tmp_path_factory.mktemp("first-week-preview"), private=True)


@pytest.fixture
def browse_first(request: Any, chromium: Any, first_week: tuple[Site, str]) -> Iterator[Browse]:
    helper = Browse(chromium, first_week[0])
    yield helper
    helper.close()
    helper.monitor.assert_clean(request.node.name)


@pytest.fixture
def browse_preview(
    request: Any, chromium: Any, first_week_preview: tuple[Site, str]
) -> Iterator[Browse]:
    helper = Browse(chromium, first_week_preview[0])
    yield helper
    helper.close()
    helper.monitor.assert_clean(request.node.name)


def test_the_dashboard_names_the_new_rejection_to_ask_about_now(browse_first, first_week):
    _, entry_id = first_week
    page = browse_first.page()
    browse_first.open(page, "")  # the dashboard is the home page
    article = page.locator("article")
    assert "To ask now, while they remember you" in article.inner_text()
    assert "Example Company" not in page.content()
    page.locator(f"article a[href*='{entry_id}/#draft']").first.click()
    page.wait_for_url(f"**/entries/{entry_id}/#draft")
    expect(page.locator("#draft")).to_be_visible()  # instant navigation swaps the page in
    expect(page.locator("article")).to_contain_text("Next step: ask for feedback now")
    assert "Thank you, and a short request" in page.locator(".rl-email").inner_text()


def test_the_writing_entries_page_is_there_for_a_log_started_with_init(browse_first):
    page = browse_first.page()
    response = browse_first.open(page, "entry-format/")
    assert response is not None and response.ok
    assert page.locator("article h1").first.inner_text().startswith("Writing entries")
    assert page.locator("article code", has_text="feedback.followed_up").count() == 1


def test_the_published_site_shows_no_private_words(browse_first, first_week):
    _, entry_id = first_week
    page = browse_first.page()
    browse_first.open(page, f"entries/{entry_id}/")
    assert "A note that stays home." not in page.content()
    assert page.locator(".rl-private").count() == 0


def test_the_private_preview_marks_the_private_section_with_a_border_and_a_label(
    browse_preview, first_week_preview
):
    _, entry_id = first_week_preview
    page = browse_preview.page()
    browse_preview.open(page, f"entries/{entry_id}/")
    block = page.locator(".rl-private").first
    assert "A note that stays home." in block.inner_text()
    assert "Private: stays on this machine" in block.locator(".rl-private-label").inner_text()
    style = block.evaluate("e => getComputedStyle(e).borderTopStyle")
    assert style == "dashed"


def test_the_printed_digest_carries_the_logs_name_and_the_date_and_no_screen_only_words(
    browse_first,
):
    page = browse_first.page()
    browse_first.open(page, "mentor/")
    assert not page.locator(".rl-print-only").is_visible()
    assert page.locator(".rl-screen-only").is_visible()
    page.emulate_media(media="print")
    header = page.locator(".rl-print-only")
    assert header.is_visible()
    assert header.inner_text().startswith("My recovery log · printed for my mentor on ")
    assert not page.locator(".rl-screen-only").is_visible()
    after = page.locator("article h2").first.evaluate("e => getComputedStyle(e).breakAfter")
    assert after == "avoid"
