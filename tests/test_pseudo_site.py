"""The whole site in the pseudo-language leaves no English word (issue 28's "done when").

The drafts and the terminal are checked the same way where they are written
(`test_words_drafts.py`, `test_words_cli.py`, `test_words_import.py`).

Only what Recovery Log writes is checked: each page's article, and the titles of its pages
in the navigation. Material's own chrome (search, footer) follows `theme.language`, which has
no pseudo-language.
"""

from __future__ import annotations

import pytest
from helpers import Build, built
from pseudo import ALLOWED, UNSEEN, english_words, fixture_values, shown_text
from test_site_build import ALL_ENTRIES, write_site

AS_TYPED = {"entry-format/": frozenset({"script", "style", "code"})}
"""Pages whose code is what the user types in an entry file: the entry format's keys and its
example stay English in every language (the schema and the importer read them)."""


@pytest.fixture(scope="module")
def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = write_site(tmp_path_factory.mktemp("pseudo"), ALL_ENTRIES, options="language: qps")
    return built(root)


def generated_pages(site: Build) -> list[str]:
    """Every page but the hand-written ones of `docs/` (the log's own words)."""
    urls = (str(path.parent.relative_to(site.site)) + "/" for path in site.site.rglob("index.html"))
    return sorted(url for url in urls if not written_by_hand(site, url))


def written_by_hand(site: Build, url: str) -> bool:
    folder = site.root / "docs" / url.removeprefix("./")
    return (folder / "index.md").is_file() or folder.with_suffix(".md").is_file()


def page_text(site: Build, url: str) -> str:
    return shown_text(site.article(url), AS_TYPED.get(url, UNSEEN))


def test_no_generated_page_has_an_english_word(pseudo: Build) -> None:
    values = {*fixture_values(pseudo.root), "Test"}  # site_name: Test Log
    left = {
        url: words
        for url in generated_pages(pseudo)
        if (words := english_words(page_text(pseudo, url), values, ALLOWED))
    }
    assert left == {}, "\n".join(f"{u}: {w}" for u, w in left.items())


def test_the_navigation_names_no_page_in_english(pseudo: Build) -> None:
    links = pseudo.document("").find("nav").find_all("a")
    titles = " ".join(shown_text(link) for link in links)
    assert english_words(titles, allowed=(*ALLOWED, "Test")) == []  # site_name: Test Log
