"""Links between generated pages are relative, as `posixpath.relpath` would write them."""

from __future__ import annotations

import itertools
import posixpath

import pytest

from generator.site.links import built_href
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
