"""Plain `mkdocs serve` keeps the log's unchanged pages, and its site is the one a fresh build
makes.

While serving, the plugin keeps what MkDocs made of each generated page (its HTML, then the
finished file) and hands it back on the next rebuild when neither the page's source nor the
frame around it (nav, mkdocs.yml, theme overrides) changed. The promise tested here: after any
change, the served site is byte for byte what a fresh build of the same files gives, its search
index has the same entries, and the speed comes only from the pages that did not change.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
import pytest
from helpers import differences, templates_of_yours
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from test_site_build import (
    ACME,
    ACME_TEXT,
    ALL_ENTRIES,
    GLOBEX,
    GLOBEX_TEXT,
    entry_id,
    entry_url,
    files_mentioning,
    write,
    write_site,
)

from generator.plugin import previous_output
from generator.plugin.page_cache import PageCache
from generator.plugin.plugin import RecoveryLogPlugin

SERVE_URL = "http://127.0.0.1:8000/"
"""Where `mkdocs serve` says it serves: it sets `site_url` to this for every build."""


def load(root: Path, site: Path, named: str | None = None) -> MkDocsConfig:
    """The config, loaded as `mkdocs serve` does; `named`: as `-f` gives it (an open file)."""
    if named is None:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    else:
        with open(named, "rb") as given:
            config = load_config(given, site_dir=str(site))
    config.site_url = SERVE_URL
    return config


def plugin_of(config: MkDocsConfig) -> RecoveryLogPlugin:
    plugin = config.plugins["recovery-log"]
    assert isinstance(plugin, RecoveryLogPlugin)
    return plugin


class Watcher:
    """Stands for MkDocs' live-reload server: the files and folders it was asked to watch."""

    def __init__(self) -> None:
        self.folders: list[str] = []

    def watch(self, path: str) -> None:
        self.folders.append(path)


@contextmanager
def preview(
    root: Path, site: Path, server: Watcher | None = None, named: str | None = None
) -> Iterator[Callable[[], RecoveryLogPlugin]]:
    """A plain `mkdocs serve` in this process: its first build, then `rebuild()` per save
    (as serve does: a fresh config each time, the same plugin), which returns the plugin.
    `named`: the config file as `-f` names it for the first build (MkDocs names it by its
    full path for the rebuilds)."""
    config = load(root, site, named)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url=SERVE_URL)
        if server is not None:
            config.plugins.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]

        def rebuild() -> RecoveryLogPlugin:
            again = load(root, site)
            build(again, serve_url=SERVE_URL)
            return plugin_of(again)

        yield rebuild
    finally:
        config.plugins.on_shutdown()


def page_cache_of(plugin: RecoveryLogPlugin) -> PageCache:
    assert plugin.page_cache is not None
    return plugin.page_cache


def fresh(root: Path, site: Path) -> Path:
    """The same files, built from scratch as the first build of a new `mkdocs serve`."""
    with preview(root, site):
        pass
    return site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def acme_uri() -> str:
    return f"entries/{entry_id(ACME)}.md"


def test_a_saved_entry_is_rendered_again_and_the_unchanged_pages_are_reused(
    tmp_path: Path,
) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    with preview(root, tmp_path / "served") as rebuild:
        edit(root / "entries" / ACME, "average question.", "average question, again.")
        cache = page_cache_of(rebuild())

    assert acme_uri() not in cache.reused, "the saved entry's page is rendered again"
    assert f"entries/{entry_id(GLOBEX)}.md" in cache.finished, "an unchanged entry is served kept"
    assert "again." in (tmp_path / "served" / entry_url(entry_id(ACME)) / "index.html").read_text()
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def test_the_first_save_after_serve_dash_f_keeps_the_unchanged_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    monkeypatch.chdir(root)
    with preview(root, tmp_path / "served", named="mkdocs.yml") as rebuild:
        edit(root / "entries" / ACME, "average question.", "average question, again.")
        cache = page_cache_of(rebuild())

    assert f"entries/{entry_id(GLOBEX)}.md" in cache.finished


def test_a_save_renders_only_the_saved_entrys_page_from_its_template(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    with preview(root, tmp_path / "served") as rebuild:
        edit(root / "entries" / ACME, "average question.", "average question, again.")
        kept = rebuild().rebuilds

    assert kept is not None and kept.pages.rendered == 1
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def test_a_changed_fact_gives_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    with preview(root, tmp_path / "served") as rebuild:
        edit(root / "entries" / GLOBEX, "stage: screen", "stage: technical")
        rebuild()

    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def test_an_added_and_a_deleted_entry_give_the_site_a_fresh_build_gives(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    with preview(root, tmp_path / "served") as rebuild:
        (root / "entries" / GLOBEX).unlink()
        write(root / "entries" / "2025-12-01-initech-analyst.yml", GLOBEX_TEXT.replace(
            "Globex", "Initech").replace("2025-11-02", "2025-12-01"))
        rebuild()

    served = tmp_path / "served"
    assert not (served / entry_url(entry_id(GLOBEX))).exists()
    assert "Globex" not in (served / "search" / "search_index.json").read_text("utf-8")
    assert differences(served, fresh(root, tmp_path / "fresh")) == []


def test_an_edited_theme_override_redraws_every_page(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES, extra="")
    edit(root / "mkdocs.yml", "  name: material", "  name: material\n  custom_dir: overrides")
    override = write(
        root / "overrides" / "main.html",
        '{% extends "base.html" %}\n{% block announce %}First notice{% endblock %}\n',
    )
    with preview(root, tmp_path / "served") as rebuild:
        edit(override, "First notice", "Second notice")
        cache = page_cache_of(rebuild())

    assert not cache.finished
    page = tmp_path / "served" / entry_url(entry_id(GLOBEX)) / "index.html"
    assert "Second notice" in page.read_text("utf-8")


def test_turning_the_private_preview_off_leaves_no_private_text(tmp_path: Path) -> None:
    secret = "I still think their CTO was rude."
    entries = {
        **ALL_ENTRIES,
        ACME: ACME_TEXT + f"    <!-- private -->\n    {secret}\n    <!-- /private -->\n",
    }
    root = write_site(tmp_path / "log", entries, options="show_private: true")
    with preview(root, tmp_path / "served") as rebuild:
        edit(root / "mkdocs.yml", "show_private: true", "show_private: false")
        rebuild()

    served = tmp_path / "served"
    assert secret in (tmp_path / "log" / "entries" / ACME).read_text("utf-8")
    assert not [p for p in served.rglob("*.html") if secret in p.read_text("utf-8")]
    assert differences(served, fresh(root, tmp_path / "fresh")) == []


def test_a_page_whose_links_warn_warns_again_on_every_rebuild(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = ACME_TEXT + "    My notes are in [the prep doc](prep-notes.md).\n"
    root = write_site(tmp_path / "log", {**ALL_ENTRIES, ACME: broken})
    with preview(root, tmp_path / "served") as rebuild:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            cache = page_cache_of(rebuild())

    assert acme_uri() not in cache.reused
    assert any("prep-notes.md" in record.getMessage() for record in caplog.records)


def test_with_a_plugin_it_cannot_vouch_for_every_page_is_rendered(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES, plugins=("search", "offline"))
    with caplog.at_level(logging.INFO), preview(root, tmp_path / "served") as rebuild:
        cache = page_cache_of(rebuild())

    assert not cache.reused
    said = [record.getMessage() for record in caplog.records if "offline" in record.getMessage()]
    assert said == [
        "recovery-log: each save rebuilds every page, because plugin material/offline may change "
        "pages "
        "in ways Recovery Log cannot see, so it keeps none of them"
    ]


def test_mkdocs_build_keeps_nothing_between_builds(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    with preview(root, tmp_path / "served"):
        pass
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        assert plugin_of(config).page_cache is None
    finally:
        config.plugins.on_shutdown()


def test_the_previous_builds_are_removed_not_kept_beside_the_preview(tmp_path: Path) -> None:
    """MkDocs empties the site folder before each rebuild; the plugin moves the old files out
    instead (faster), and removes them in the background."""
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    served = tmp_path / "served"
    with preview(root, served) as rebuild:
        rebuild()
        rebuild()
        deadline = time.monotonic() + 30
        while set_aside(tmp_path):
            assert time.monotonic() < deadline, "the previous builds' files are removed"
            time.sleep(0.1)

    assert sorted(p.name for p in served.iterdir()) == sorted(
        p.name for p in fresh(root, tmp_path / "fresh").iterdir()
    )


SECRET = "I still think their CTO was rude."


def private_preview(root: Path) -> Path:
    """A private preview's project: an entry with a private section, a theme override."""
    private = ACME_TEXT + f"    <!-- private -->\n    {SECRET}\n    <!-- /private -->\n"
    write_site(root, {**ALL_ENTRIES, ACME: private}, options="show_private: true")
    edit(root / "mkdocs.yml", "  name: material", "  name: material\n  custom_dir: overrides")
    write(root / "overrides" / "main.html", '{% extends "base.html" %}\n')
    return root


def break_the_theme(root: Path) -> None:
    write(root / "overrides" / "main.html", '{% extends "base.html" %}\n{% block %}\n')


def copies_of_the_secret(folder: Path) -> list[str]:
    """Files holding the private text, but its entry and the site MkDocs serves (a folder
    MkDocs makes, and deletes when the preview stops)."""
    found = files_mentioning(folder, SECRET)
    return [name for name in found if not name.startswith(("log/entries/", "served/"))]


def set_aside(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith("recovery-log-previous-")]


def test_a_failed_rebuild_leaves_no_copy_of_the_site_once_the_preview_stops(
    tmp_path: Path,
) -> None:
    root = private_preview(tmp_path / "log")
    with preview(root, tmp_path / "served") as rebuild:
        break_the_theme(root)
        with pytest.raises(jinja2.TemplateSyntaxError):
            rebuild()

    assert set_aside(tmp_path) == []
    assert copies_of_the_secret(tmp_path) == []


def test_a_failed_rebuild_deletes_the_previous_site_while_the_preview_runs(
    tmp_path: Path,
) -> None:
    root = private_preview(tmp_path / "log")
    with preview(root, tmp_path / "served") as rebuild:
        break_the_theme(root)
        with pytest.raises(jinja2.TemplateSyntaxError):
            rebuild()
        deadline = time.monotonic() + 30
        while set_aside(tmp_path):
            assert time.monotonic() < deadline, "the previous site is deleted"
            time.sleep(0.1)
        assert copies_of_the_secret(tmp_path) == []


def test_stopping_the_preview_deletes_what_a_stopped_remover_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C stops the preview and its background remover alike."""
    root = private_preview(tmp_path / "log")
    monkeypatch.setattr(previous_output, "_remover", lambda folder: stopped_remover())
    with preview(root, tmp_path / "served") as rebuild:
        rebuild()
        rebuild()
        assert set_aside(tmp_path)

    assert set_aside(tmp_path) == []
    assert copies_of_the_secret(tmp_path) == []


def test_a_preview_process_that_ends_without_stopping_the_preview_leaves_no_copy(
    tmp_path: Path,
) -> None:
    """Set aside for a rebuild, then the process ends (no shutdown, no build end)."""
    write(tmp_path / "served" / "entries" / "acme" / "index.html", f"<p>{SECRET}</p>\n")
    script = (
        "import sys; from pathlib import Path; "
        "from generator.plugin.previous_output import PreviousOutput; "
        "PreviousOutput().set_aside(Path(sys.argv[1]))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "served")], timeout=60)

    assert done.returncode == 0
    assert set_aside(tmp_path) == []
    assert files_mentioning(tmp_path, SECRET) == []


def stopped_remover() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "pass"])


def test_a_rebuild_compiles_no_template_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs makes a new Jinja environment per build; the theme's compiled templates are
    kept for the preview's life (checked against their source, see the theme override test),
    and the log's own environment is kept too."""
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counting(
        self: jinja2.Environment, source: Any, name: str | None = None, *a: Any, **k: Any
    ) -> Any:
        compiled.append(name)
        return compile_template(self, source, name, *a, **k)

    with preview(root, tmp_path / "served") as rebuild:
        monkeypatch.setattr(jinja2.Environment, "compile", counting)
        rebuild()

    page_templates = {"main.html", "base.html", "404.html", "sitemap.xml", "rejection.md.j2"}
    assert compiled, "the counter counts (Material's search compiles its language partials)"
    assert not page_templates & set(compiled)


def test_a_templates_folder_named_while_serving_is_watched_and_used(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    server = Watcher()
    with preview(root, tmp_path / "served", server) as rebuild:
        mine = templates_of_yours(root / "mine", {"_entry_footer.md.j2": "Written by me.\n"})
        named = "  - recovery-log:\n      templates_dir: mine\n"
        edit(root / "mkdocs.yml", "  - recovery-log\n", named)
        rebuild()

    assert str(mine) in server.folders
    assert "Written by me." in served_page(tmp_path / "served", GLOBEX)
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def test_a_template_that_includes_a_missing_one_if_there_is_one_serves_as_it_builds(
    tmp_path: Path,
) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES, options="templates_dir: mine")
    mine = templates_of_yours(
        root / "mine", {"_entry_footer.md.j2": '{% include "signed.md.j2" ignore missing %}\n'}
    )
    with preview(root, tmp_path / "served") as rebuild:
        templates_of_yours(mine, {"signed.md.j2": "Written by me.\n"})
        rebuild()

    assert "Written by me." in served_page(tmp_path / "served", GLOBEX)
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def served_page(site: Path, entry_file: str) -> str:
    return (site / entry_url(entry_id(entry_file)) / "index.html").read_text("utf-8")


def test_an_edited_parent_configuration_gives_the_site_a_fresh_build_gives(
    tmp_path: Path,
) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES, extra="INHERIT: base.yml")
    base = write(root / "base.yml", "markdown_extensions:\n  - toc:\n      permalink: '#'\n")
    with preview(root, tmp_path / "served") as rebuild:
        edit(base, "permalink: '#'", "permalink: 'Link here'")
        rebuild()

    assert "Link here" in served_page(tmp_path / "served", GLOBEX)
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def test_the_preview_watches_the_configuration_mkdocs_yml_inherits(tmp_path: Path) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES, extra="INHERIT: base.yml # shared")
    base = write(root / "base.yml", "INHERIT: 'common/site.yml'\n")
    common = write(root / "common" / "site.yml", "copyright: Maren Holt\n")
    server = Watcher()
    with preview(root, tmp_path / "served", server):
        pass

    assert str(base) in server.folders
    assert str(common) in server.folders


def test_an_edited_file_a_markdown_extension_pulls_in_gives_the_site_a_fresh_build_gives(
    tmp_path: Path,
) -> None:
    """An abbreviations glossary appended to every page by `pymdownx.snippets`."""
    root = tmp_path / "log"
    glossary = write(root / "glossary.md", "*[Globex]: A company that wanted Go\n")
    extensions = f"""
        markdown_extensions:
          - abbr
          - pymdownx.snippets:
              base_path: ["{root}"]
              auto_append: [glossary.md]
        """
    write_site(root, ALL_ENTRIES, extra=extensions)
    with preview(root, tmp_path / "served") as rebuild:
        edit(glossary, "wanted Go", "wanted five years of Go")
        rebuild()

    assert 'title="A company that wanted five years of Go"' in served_page(
        tmp_path / "served", GLOBEX
    )
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []


def test_with_markdown_extensions_that_read_only_the_page_unchanged_pages_are_kept(
    tmp_path: Path,
) -> None:
    extensions = "markdown_extensions:\n  - abbr\n  - admonition\n  - pymdownx.superfences\n"
    root = write_site(tmp_path / "log", ALL_ENTRIES, extra=extensions)
    with preview(root, tmp_path / "served") as rebuild:
        cache = page_cache_of(rebuild())

    assert f"entries/{entry_id(GLOBEX)}.md" in cache.finished


def test_a_same_size_save_on_coarse_time_stamps_gives_the_site_a_fresh_build_gives(
    tmp_path: Path,
) -> None:
    root = write_site(tmp_path / "log", ALL_ENTRIES)
    path = root / "entries" / GLOBEX
    with preview(root, tmp_path / "served") as rebuild:
        before = path.stat()
        edit(path, "five years", "nine years")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # a FAT disk's 2 s step
        rebuild()

    assert "nine years of Go" in served_page(tmp_path / "served", GLOBEX)
    assert differences(tmp_path / "served", fresh(root, tmp_path / "fresh")) == []
