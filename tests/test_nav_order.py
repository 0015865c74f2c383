"""The sidebar navigation: the log's pages in reading order, unless the user wrote a `nav:`."""

from __future__ import annotations

import re

import pytest
from test_site_build import (
    ACME,
    ACME_TEXT,
    LOOKING_BACK,
    LOOKING_BACK_TEXT,
    Build,
    built,
    resolve,
    write_site,
)

ENTRIES = {ACME: ACME_TEXT, LOOKING_BACK: LOOKING_BACK_TEXT}
OWN_PAGES = {"aardvark.md": "# Aardvark\n", "zebra.md": "# Zebra\n"}
LOG_PAGES = [
    "entries/",
    "skills/",
    "feedback/",
    "interviews/",
    "tracks/",
    "lessons/",
    "reflections/",
    "mentor/",
]
"""Timeline, Skills gap, Feedback, Interviews, Tracks, Lessons, Reflections, For my mentor."""


def page_order(build: Build, url: str = "") -> list[str]:
    """The pages the sidebar's entries link to, top to bottom, each once (not the logo)."""
    html = (build.site / url / "index.html").read_text(encoding="utf-8")
    seen: list[str] = []
    for href in re.findall(r'<a href="([^"]*)" class="md-nav__link[ "]', html):
        if (target := resolve(url, href)) not in seen:
            seen.append(target)
    return seen


@pytest.fixture(scope="module")
def no_nav(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return built(write_site(tmp_path_factory.mktemp("no-nav"), ENTRIES, docs=OWN_PAGES))


@pytest.fixture(scope="module")
def own_home(tmp_path_factory: pytest.TempPathFactory) -> Build:
    docs = {**OWN_PAGES, "index.md": "# Hello\n"}
    return built(write_site(tmp_path_factory.mktemp("nav-home"), ENTRIES, docs=docs))


@pytest.fixture(scope="module")
def users_nav(tmp_path_factory: pytest.TempPathFactory) -> Build:
    nav = """
        nav:
          - Zebra: zebra.md
          - Skills gap: skills.md
          - Dashboard: index.md
        """
    root = write_site(tmp_path_factory.mktemp("users-nav"), ENTRIES, docs=OWN_PAGES, extra=nav)
    return built(root)


def test_without_a_nav_the_log_pages_come_first_in_reading_order(no_nav: Build) -> None:
    assert page_order(no_nav) == ["", *LOG_PAGES, "aardvark/", "zebra/"]


def test_the_order_is_the_same_seen_from_any_page(no_nav: Build) -> None:
    assert page_order(no_nav, "skills/") == page_order(no_nav)


def test_previous_and_next_follow_the_nav_order(no_nav: Build) -> None:
    html = (no_nav.site / "skills" / "index.html").read_text(encoding="utf-8")
    previous, following = html.index('rel="prev"'), html.index('rel="next"')
    assert "../entries/" in html[previous - 200 : previous + 200]
    assert "../feedback/" in html[following - 200 : following + 200]


def test_a_users_own_home_page_stays_first(own_home: Build) -> None:
    assert page_order(own_home) == ["", "dashboard/", *LOG_PAGES, "aardvark/", "zebra/"]


def test_a_users_nav_wins(users_nav: Build) -> None:
    assert page_order(users_nav) == ["zebra/", "skills/", ""]
