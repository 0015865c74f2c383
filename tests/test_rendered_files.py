"""Entry and detail pages are rendered when MkDocs reads them, not held as text all build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import build, built, differences
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page as MkDocsPage
from test_site_build import ACME, ACME_TEXT, entry_id, write_site

from generator.plugin.files import RenderedFile, release, release_markdown
from generator.site.render import Page


def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Log\n", encoding="utf-8")
    loaded = load_config(str(tmp_path / "mkdocs.yml"))
    loaded.plugins._current_plugin = "recovery-log"  # as during the plugin's on_files
    return loaded


def counting_page(uri: str) -> tuple[Page, list[int]]:
    reads: list[int] = []

    def render() -> str:
        reads.append(1)
        return "# Acme\n\nRejected — at the final stage.\n"

    return Page(uri, render, in_nav=False), reads


def test_a_page_is_rendered_only_when_its_content_is_read(tmp_path: Path) -> None:
    page, reads = counting_page("entries/acme.md")
    file = RenderedFile.of(config(tmp_path), page, InclusionLevel.NOT_IN_NAV)
    assert reads == []
    text = file.content_string
    assert reads == [1]
    assert text == "# Acme\n\nRejected — at the final stage.\n"
    assert file.content_bytes == text.encode("utf-8")


def test_content_a_plugin_sets_replaces_the_rendered_page(tmp_path: Path) -> None:
    page, reads = counting_page("entries/acme.md")
    file = RenderedFile.of(config(tmp_path), page, InclusionLevel.NOT_IN_NAV)
    file.content_string = "# Replaced\n"
    assert file.content_string == "# Replaced\n"
    assert reads == []


def test_a_page_given_as_text_is_an_ordinary_generated_file(tmp_path: Path) -> None:
    file = RenderedFile.of(config(tmp_path), Page("index.md", "# Home\n"), InclusionLevel.UNDEFINED)
    assert type(file) is not RenderedFile
    assert file.content_string == "# Home\n"


def test_a_released_page_keeps_the_title_of_its_front_matter(tmp_path: Path) -> None:
    loaded = config(tmp_path)
    page = Page("entries/acme.md", lambda: "---\ntitle: Analyst at Acme\n---\n\n# Analyst\n")
    file = RenderedFile.of(loaded, page, InclusionLevel.NOT_IN_NAV)
    shown = MkDocsPage(None, file, loaded)
    shown.read_source(loaded)
    release_markdown(shown)
    release(shown)
    assert shown.markdown == ""
    assert shown.content == ""
    assert shown.title == "Analyst at Acme"


def test_a_hook_of_the_users_still_reads_the_log_pages_after_they_are_written(
    tmp_path: Path,
) -> None:
    """A build lets go of its pages' HTML once written only when no plugin or hook of the
    user's might read it later (an RSS or PDF plugin does, in on_post_build)."""
    root = write_site(tmp_path / "log", {ACME: ACME_TEXT}, extra="hooks:\n  - read_pages.py")
    (root / "read_pages.py").write_text(
        "import json, pathlib\n"
        "seen = {}\n"
        "def on_post_page(output, page, config):\n"
        "    seen[page.file.src_uri] = page\n"
        "def on_post_build(config):\n"
        "    sizes = {uri: len(page.content or '') for uri, page in seen.items()}\n"
        "    pathlib.Path(config.config_file_path).with_name('sizes.json')"
        ".write_text(json.dumps(sizes))\n",
        encoding="utf-8",
    )
    build(root)
    sizes = json.loads((root / "sizes.json").read_text(encoding="utf-8"))
    assert sizes[f"entries/{entry_id(ACME)}.md"] > 0


FEATURES = "  features: [navigation.tabs, navigation.sections, navigation.indexes]\n"


@pytest.mark.parametrize(
    ("extra", "theme"),
    [("", ""), ("use_directory_urls: false", ""), ("", FEATURES)],
    ids=["defaults", "no directory URLs", "navigation features"],
)
def test_a_lean_build_writes_the_site_a_build_holding_everything_writes(
    tmp_path: Path, extra: str, theme: str
) -> None:
    """With no plugin or hook of the user's, a build keeps the generated pages' HTML
    compressed until each is put into the theme, lets go of the log once every page is read
    (the feed is made then), and draws the navigation once per folder for the pages outside
    it. The site must be the one a build doing none of that makes: here a hook that does
    nothing turns all three off."""
    sample = Path(__file__).resolve().parents[1] / "entries"
    entries = {
        path.relative_to(sample).as_posix(): path.read_text(encoding="utf-8")
        for path in sample.rglob("*")
        if path.is_file()
    }
    extra = f"site_url: https://example.org/log/\n{extra}"
    lean = write_site(tmp_path / "lean", entries, extra=extra)
    holding = write_site(tmp_path / "holding", entries, extra=extra + "\nhooks:\n  - nothing.py")
    (holding / "nothing.py").write_text("def on_page_context(context, **kwargs):\n    pass\n")
    for root in (lean, holding):
        config = root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("  name: material\n", "  name: material\n" + theme))
        built(root)
    assert (lean / "site" / "feed.xml").is_file()
    assert differences(lean / "site", holding / "site") == []
