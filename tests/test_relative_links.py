"""Links between generated pages are relative, as `posixpath.relpath` would write them."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from generator.site.links import Links, built_href, entry_uri
from generator.site.markdown import relative_path

PATHS = [
    "",
    "entries",
    "entries/x.md",
    "entries/2024",
    "tracks/t.md",
    "skills/strengths/s.md",
    "index.md",
    "entries/",
    "a/b/c",
]


@pytest.mark.parametrize(("target", "base"), list(itertools.product(PATHS, repeat=2)))
def test_a_relative_path_is_what_relpath_gives(target: str, base: str) -> None:
    assert relative_path(target, base) == posixpath.relpath(target or ".", base or ".")


def test_a_built_link_climbs_out_of_the_page_folder() -> None:
    assert built_href("entries/x.md", "tracks/t.md") == "../../entries/x/"
    assert built_href("entries.md", "entries/x.md") == "../"
    assert built_href("tracks.md", "index.md") == "tracks/"
    assert built_href("entries/x.md", "tracks/t.md", directory_urls=False) == "../entries/x.html"


@pytest.mark.parametrize("directory_urls", [True, False])
@pytest.mark.parametrize(
    "here", ["index.md", "skills.md", "skills/sql.md", "entries/index.md", "entries/2025.md"]
)
def test_an_entry_link_on_a_long_list_is_the_link_built_for_it_alone(
    here: str, directory_urls: bool
) -> None:
    to = Links(here, {"2025-03-10-acme", "index", "café #2"}, directory_urls=directory_urls)
    for entry_id in ("2025-03-10-acme", "index", "café #2"):
        expected = built_href(entry_uri(entry_id), here, directory_urls)
        assert f'<a href="{expected}">' in to.entry_html(entry_id)
