"""`mkdocs serve` on a copy of the repo's site: editing an entry reloads the open page by itself.

The plugin asks MkDocs to watch entries/ (which is outside docs/); this checks the whole loop a
writer relies on: save the file, the page in the browser rebuilds and reloads, the new text is
there. Only a temporary copy is edited, never the repo's entries/.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from rl_browser import LOCAL_HOST, Browse, copy_site_source, mkdocs_env

pytestmark = pytest.mark.browser

SERVE_START_DEADLINE = 90.0
RELOAD_DEADLINE_MS = 30_000


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCAL_HOST, 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVE_START_DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"mkdocs serve exited ({process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(
        f"mkdocs serve did not answer at {url} in {SERVE_START_DEADLINE}s:\n{log.read_text()}"
    )


def editable_entry(source: Path) -> tuple[Path, str]:
    """A published Markdown entry of the copy and a sentence of its body to change."""
    for path in sorted((source / "entries").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = re.match(r"(?s)---\n(.*?)\n---\n(.*)", text)
        if not match or re.search(r"(?m)^private:\s*(true|yes)\s*$", match.group(1)):
            continue
        for line in match.group(2).splitlines():
            sentence = re.match(r"[A-Z][^.!?`*_\[\]<>]{20,}[.!?]", line.strip())
            if sentence:
                return path, sentence.group(0)
    pytest.fail("no published Markdown entry with a plain sentence in its body to edit")


def test_editing_an_entry_reloads_the_open_page(tmp_path: Path, chromium: Any) -> None:
    port = free_port()
    url = f"http://{LOCAL_HOST}:{port}/"
    source = copy_site_source(tmp_path / "src", url)
    entry, old_sentence = editable_entry(source)
    page_url = f"{url}entries/{entry.stem}/"
    new_sentence = f"This sentence was rewritten while the page was open ({time.time_ns()})."
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-a",
                f"{LOCAL_HOST}:{port}",
                "-f",
                str(source / "mkdocs.yml"),
            ],
            cwd=source,
            env=mkdocs_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    browse = Browse(chromium, None)
    # The livereload long-poll is cut short when the page reloads: that abort is expected.
    browse.monitor.ignore_failed = lambda failed: "/livereload/" in failed
    try:
        wait_until_serving(page_url, process, log)
        page = browse.page()
        page.goto(page_url, wait_until="load")
        article = page.locator("article.md-content__inner")
        assert old_sentence in article.inner_text(), "the sentence to edit is not on the page"
        page.evaluate("() => { window.__rlBeforeEdit = true; }")
        page.wait_for_timeout(500)  # let the livereload poll start before the edit

        text = entry.read_text(encoding="utf-8")
        entry.write_text(text.replace(old_sentence, new_sentence, 1), encoding="utf-8")

        page.wait_for_function(
            """([sentence]) => window.__rlBeforeEdit === undefined
                && document.body.innerText.includes(sentence)""",
            arg=[new_sentence],
            timeout=RELOAD_DEADLINE_MS,
            polling=250,
        )
        assert old_sentence not in article.inner_text()
        browse.monitor.assert_clean(f"live reload of {page_url}")
    finally:
        browse.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
