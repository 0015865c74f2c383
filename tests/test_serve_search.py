"""`mkdocs serve --dirty` keeps the preview's search index whole, and large logs are told of it.

Under `--dirty` MkDocs rebuilds only the pages whose source changed, and the search plugin then
indexes only those. The Recovery Log plugin remembers, in the serving process, the search
entries of every page and puts back those of the pages that were not rebuilt. These tests run a
real `mkdocs serve --dirty` and read the index the browser's search box loads.

Plain `mkdocs serve` keeps the log's unchanged pages instead (`tests/test_page_cache.py`), and
gives search their entries from the previous build in the same way; these tests run it too.
When a plugin the page cache cannot vouch for is on, every save rebuilds every page, and on a
log of `LARGE_LOG` entries or more the plugin suggests `--dirty`, once.
"""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from test_site_build import (
    ACME,
    ACME_TEXT,
    GLOBEX,
    GLOBEX_TEXT,
    LOOKING_BACK,
    LOOKING_BACK_TEXT,
    _free_loopback_port,
    _get,
    _serving,
    _wait_for,
    entry_id,
    entry_url,
    write_site,
)

from generator.plugin.plugin import LARGE_LOG
from generator.plugin.search import SearchKeeper

needs_loopback = pytest.mark.skipif(
    _free_loopback_port() is None, reason="no loopback networking here"
)


def served_index(base: str) -> dict[str, list[dict[str, str]]]:
    """The served search index, as each page's entries (by page URL); {} while unavailable."""
    status, text = _get(base + "search/search_index.json")
    try:
        docs = json.loads(text)["docs"] if status == 200 else []
    except ValueError:  # caught while being written
        return {}
    pages: dict[str, list[dict[str, str]]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].partition("#")[0], []).append(doc)
    return pages


def page_text(index: dict[str, list[dict[str, str]]], url: str) -> str:
    return " ".join(doc["title"] + " " + doc["text"] for doc in index.get(url, []))


@needs_loopback
@pytest.mark.parametrize("options", [("--dirty",), ()], ids=["dirty", "plain"])
def test_a_rebuild_keeps_every_page_in_search_with_the_new_text(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    root = write_site(
        tmp_path / "served",
        {ACME: ACME_TEXT, GLOBEX: GLOBEX_TEXT, LOOKING_BACK: LOOKING_BACK_TEXT},
    )
    globex = root / "entries" / GLOBEX
    globex_url = entry_url(entry_id(GLOBEX))
    log = tmp_path / "serve.log"
    with _serving(root, log, *options) as (process, base):
        _wait_for("the first build", lambda: globex_url in served_index(base), process, log)
        first = served_index(base)
        assert {entry_url(entry_id(ACME)), "skills/", ""} <= set(first)

        edited = globex.read_text().replace("stage: screen", "stage: technical")
        globex.write_text(  # a new stage: the dashboard and the insight pages change too
            edited.replace("five years of Go.", "five years of Go and Kubernetes."), "utf-8"
        )

        def whole_with_new_text() -> bool:
            index = served_index(base)
            return set(index) == set(first) and "Kubernetes" in page_text(index, globex_url)

        # Waiting for the whole index, not the first sign of the edit: while MkDocs rebuilds,
        # the search plugin's partial index is briefly there, before the browsers reload.
        _wait_for("every page, and the edited one's new text", whole_with_new_text, process, log)
        after = served_index(base)

    for url, docs in after.items():
        locations = [doc["location"] for doc in docs]
        assert len(locations) == len(set(locations)), f"{url!r} is indexed once"
    assert after[entry_url(entry_id(ACME))] == first[entry_url(entry_id(ACME))]


@needs_loopback
@pytest.mark.parametrize("options", [("--dirty",), ()], ids=["dirty", "plain"])
def test_a_deleted_entry_leaves_the_search_index_of_the_preview(
    tmp_path: Path, options: tuple[str, ...]
) -> None:
    root = write_site(tmp_path / "served", {ACME: ACME_TEXT, GLOBEX: GLOBEX_TEXT})
    gone = entry_url(entry_id(GLOBEX))
    log = tmp_path / "serve.log"
    with _serving(root, log, *options) as (process, base):
        _wait_for("the first build", lambda: gone in served_index(base), process, log)
        first = served_index(base)

        (root / "entries" / GLOBEX).unlink()
        _wait_for(
            "every page but the deleted entry's in the search index",
            lambda: set(served_index(base)) == set(first) - {gone},
            process,
            log,
        )
        after = served_index(base)

    assert "Globex" not in json.dumps(after), "no page that is left mentions it"


# --------------------------------------------------------------------------------------------
# A large log served without --dirty nor the page cache: the plugin suggests --dirty, once
# --------------------------------------------------------------------------------------------


def plugin_messages(root: Path, caplog: pytest.LogCaptureFixture, *, dirty: bool) -> list[str]:
    """What the plugin says while MkDocs prepares a preview's first build (in this process)."""
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=dirty)
    try:
        config = config.plugins.on_config(config)
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.recovery-log"):
            config.plugins.on_files(get_files(config), config=config)
    finally:
        config.plugins.on_shutdown()
    return [record.getMessage() for record in caplog.records]


def large_log(root: Path, size: int, plugins: tuple[str, ...] = ("search", "offline")) -> Path:
    start = date(2024, 1, 1)
    entries = {}
    for number in range(size):
        day = (start + timedelta(days=number)).isoformat()
        entries[f"{day}-co{number}-analyst.yml"] = (
            f"date: {day}\ncompany: Co {number}\nrole: Analyst\nstage: applied\n"
        )
    return write_site(root, entries, plugins=plugins)


def test_serving_a_large_log_the_cache_cannot_keep_suggests_dirty(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = large_log(tmp_path / "large", LARGE_LOG)
    said = [m for m in plugin_messages(root, caplog, dirty=False) if "--dirty" in m]
    assert said == [
        f"recovery-log: {LARGE_LOG} entries: each save rebuilds every page. "
        "`mkdocs serve --dirty` rebuilds only the pages that changed, and keeps search whole"
    ]


def test_serving_with_dirty_the_page_cache_or_a_smaller_log_says_nothing_of_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    large = large_log(tmp_path / "large", LARGE_LOG)
    cached = large_log(tmp_path / "cached", LARGE_LOG, plugins=("search",))
    smaller = large_log(tmp_path / "smaller", LARGE_LOG - 1)
    said = (
        plugin_messages(large, caplog, dirty=True)
        + plugin_messages(cached, caplog, dirty=False)
        + plugin_messages(smaller, caplog, dirty=False)
    )
    assert not [m for m in said if "--dirty" in m]


# --------------------------------------------------------------------------------------------
# The keeper on its own, on indexes as the search plugins write them under --dirty
# --------------------------------------------------------------------------------------------


def doc(location: str, text: str = "") -> dict[str, str]:
    return {"location": location, "title": location or "Home", "text": text}


FULL = [doc(""), doc("#recent", "Globex"), doc("a/"), doc("a/#gaps", "SQL"), doc("b/")]


def keeper_after_full_build(site: Path, *, show_private: bool = False) -> SearchKeeper:
    keeper = SearchKeeper()
    keeper.start_build()
    for url in ("", "a/", "b/"):
        keeper.page_built(url, searchable=True)
    keeper.site_pages(["", "a/", "b/"])
    write_index(site, FULL)
    assert keeper.complete(site, show_private=show_private) is None
    return keeper


def write_index(site: Path, docs: list[dict[str, str]]) -> None:
    index = site / "search" / "search_index.json"
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs}), "utf-8")


def read_index(site: Path) -> dict[str, list[str]]:
    data = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert data["config"] == {"lang": ["en"]}, "the index keeps its configuration"
    pages: dict[str, list[str]] = {}
    for entry in data["docs"]:
        pages.setdefault(entry["location"].partition("#")[0], []).append(
            entry["location"] + ":" + entry["text"]
        )
    return pages


def rebuild(keeper: SearchKeeper, site: Path, written: list[dict[str, str]], *urls: str) -> None:
    keeper.start_build()
    for url in urls:
        keeper.page_built(url, searchable=True)
    write_index(site, written)


def test_pages_the_search_plugin_dropped_are_put_back(tmp_path: Path) -> None:
    keeper = keeper_after_full_build(tmp_path)
    rebuild(keeper, tmp_path, [doc("", "new home")], "")  # MkDocs' search: rebuilt pages only
    keeper.complete(tmp_path, show_private=False)
    assert read_index(tmp_path) == {
        "": [":new home"],
        "a/": ["a/:", "a/#gaps:SQL"],
        "b/": ["b/:"],
    }


def test_stale_copies_the_search_plugin_kept_give_way_to_the_fresh_entries(
    tmp_path: Path,
) -> None:
    keeper = keeper_after_full_build(tmp_path)
    # Material's search: its previous index (stale "a/") with the fresh entries appended.
    stale_then_fresh = [*FULL[2:], doc(""), doc("a/", "fresh"), doc("a/#gaps", "Go")]
    rebuild(keeper, tmp_path, stale_then_fresh, "", "a/")
    keeper.complete(tmp_path, show_private=False)
    assert read_index(tmp_path)["a/"] == ["a/:fresh", "a/#gaps:Go"]


def test_a_page_that_no_longer_exists_leaves_the_index(tmp_path: Path) -> None:
    keeper = keeper_after_full_build(tmp_path)
    rebuild(keeper, tmp_path, [*FULL, doc("", "one entry fewer")], "")
    keeper.site_pages(["", "a/"])
    keeper.complete(tmp_path, show_private=False)
    assert set(read_index(tmp_path)) == {"", "a/"}


def test_a_rebuilt_page_excluded_from_search_leaves_the_index(tmp_path: Path) -> None:
    keeper = keeper_after_full_build(tmp_path)
    rebuild(keeper, tmp_path, FULL, "")
    keeper.page_built("b/", searchable=False)
    keeper.complete(tmp_path, show_private=False)
    assert set(read_index(tmp_path)) == {"", "a/"}


def test_a_private_previews_entries_are_never_put_back_into_a_public_one(
    tmp_path: Path,
) -> None:
    keeper = keeper_after_full_build(tmp_path, show_private=True)
    rebuild(keeper, tmp_path, [doc("", "public home")], "")
    warning = keeper.complete(tmp_path, show_private=False)
    assert read_index(tmp_path) == {"": [":public home"]}
    assert warning is not None and "restart" in warning
