"""Helpers of the real-browser tests: the site under test, its server, watched browser pages.

Kept out of conftest.py so test modules can import them by a name no other folder uses
(`from rl_browser import ...`); the fixtures themselves are in conftest.py.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LOCAL_HOST = "127.0.0.1"
BUILD_TIMEOUT = 180
NPM_TIMEOUT = 300

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCHEMES = ("light", "dark")

# What of the repo is copied to build the site: everything but history, outputs and caches.
_COPY_IGNORE = shutil.ignore_patterns(
    ".git",
    "site",
    "tests",
    "generator",
    "__pycache__",
    "*.egg-info",
    ".venv",
    "venv",
    "build",
    "node_modules",
    ".ruff_cache",
    ".pytest_cache",
)


# --------------------------------------------------------------------------------------------
# Page types: the site's generated pages plus the user's own docs pages
# --------------------------------------------------------------------------------------------

#: Generated pages at fixed addresses (relative to the site root). The dashboard moves to
#: dashboard/ when the user writes their own docs/index.md.
FIXED_PAGES: dict[str, str] = {
    "dashboard": "dashboard/" if (REPO / "docs" / "index.md").is_file() else "",
    "timeline": "entries/",
    "skills": "skills/",
    "feedback": "feedback/",
    "interviews": "interviews/",
    "tracks": "tracks/",
    "lessons": "lessons/",
    "reflections": "reflections/",
    "mentor": "mentor/",
    "problems": "problems/",
}
#: Entry pages, whose addresses are found on the built site (see `Site.path_of`).
ENTRY_PAGES = ("rejection-entry", "reflection-entry")
#: The user's own pages in docs/ (read at collection time, so a new page is tested at once).
DOC_PAGES = tuple(
    sorted(
        f"docs:{path.stem}"
        for path in (REPO / "docs").glob("*.md")
        if path.stem not in {"index", "README"}
    )
)
#: Material's own 404 page, fetched directly.
NOT_FOUND = "404"

PAGE_TYPES: tuple[str, ...] = (*FIXED_PAGES, *ENTRY_PAGES, *DOC_PAGES, NOT_FOUND)
#: The pages of the default Material site (no docs of its own).
DEFAULT_SITE_PAGE_TYPES: tuple[str, ...] = (*FIXED_PAGES, *ENTRY_PAGES, NOT_FOUND)


# --------------------------------------------------------------------------------------------
# Tools: skip locally, fail in CI
# --------------------------------------------------------------------------------------------


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def missing(what: str) -> None:
    """A required tool is absent: a failure in CI, a skip on a developer's machine."""
    if in_ci():
        pytest.fail(f"{what} (CI=true: a missing tool is a failure, not a skip)", pytrace=False)
    pytest.skip(what)


def find_chromium() -> str | None:
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def artifacts_dir() -> Path:
    """Where screenshots and PDFs go: $RECOVERY_LOG_ARTIFACTS or tests/browser/artifacts/."""
    root = Path(os.environ.get("RECOVERY_LOG_ARTIFACTS") or HERE / "artifacts")
    root.mkdir(parents=True, exist_ok=True)
    return root


@functools.cache
def _npm_cache() -> Path:
    return Path(os.environ.get("RECOVERY_LOG_NPM_CACHE") or Path(tempfile.gettempdir()) / "rl-npm")


#: The npm packages these tests use, pinned so results do not move under the suite.
NPM_VERSIONS = {"axe-core": "4.14.1", "vnu-jar": "26.9.27"}


def _installed_version(prefix: Path, package: str) -> str | None:
    manifest = prefix / "node_modules" / package / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def npm_file(package: str, relative: str) -> Path:
    """A file of a pinned npm package, installed once into a cache folder (`npm install --prefix`).

    The cache folder is $RECOVERY_LOG_NPM_CACHE or <tmp>/rl-npm and is reused across runs.
    Install scripts are not run (vnu-jar's would try to download a Java runtime).
    """
    version = NPM_VERSIONS[package]
    prefix = _npm_cache()
    target = prefix / "node_modules" / package / relative
    if target.is_file() and _installed_version(prefix, package) == version:
        return target
    npm = shutil.which("npm")
    if npm is None:
        missing(f"npm not found: needed to install {package} (apt-get install npm)")
    prefix.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            npm,
            "install",
            "--prefix",
            str(prefix),
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            f"{package}@{version}",
        ],
        capture_output=True,
        text=True,
        timeout=NPM_TIMEOUT,
        check=False,
    )
    if result.returncode != 0 or not target.is_file():
        # npm is there but the install failed: that is a real failure, locally too.
        pytest.fail(f"npm install {package}@{version} failed:\n{result.stdout}\n{result.stderr}")
    return target


# --------------------------------------------------------------------------------------------
# The site: copy, build, serve
# --------------------------------------------------------------------------------------------


def copy_site_source(dest: Path, site_url: str) -> Path:
    """Copy the repo's site (mkdocs.yml and its folders) to `dest`, with `site_url` replaced.

    INHERIT is not used: MkDocs resolves docs_dir, theme.custom_dir and the plugin's entries_dir
    against the *child* file's folder, so a child config in a temporary folder cannot build the
    repo's site. A copy can, and it also keeps the repo's entries/ safe from tests that edit.
    """
    shutil.copytree(REPO, dest, ignore=_COPY_IGNORE, dirs_exist_ok=True)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = f"site_url: {site_url}"
    text, count = re.subn(r"(?m)^site_url:.*$", line, text)
    if count == 0:
        text = f"{line}\n{text}"
    config.write_text(text, encoding="utf-8")
    return dest


DEFAULT_SITE_CONFIG = """\
site_name: A Recovery Log
site_url: {site_url}
theme: material
plugins: [search, recovery-log]
"""
"""A new user's site: Material's defaults, no theme/ folder, no nav:, no docs of their own."""


def default_site_source(dest: Path, site_url: str) -> Path:
    """A default Material site (`DEFAULT_SITE_CONFIG`) over a copy of the repo's entries/."""
    shutil.copytree(REPO / "entries", dest / "entries")
    (dest / "docs").mkdir()
    (dest / "mkdocs.yml").write_text(DEFAULT_SITE_CONFIG.format(site_url=site_url), "utf-8")
    return dest


RTL_SITE_CONFIG = DEFAULT_SITE_CONFIG.replace(
    "theme: material", "theme:\n  name: material\n  language: ar"
)
"""The default site in Arabic: Material's own words in Arabic, the page right to left.
Recovery Log ships no Arabic catalog, so its words are English: the layout is what is tested."""


def rtl_site_source(dest: Path, site_url: str) -> Path:
    """`default_site_source`, right to left (`RTL_SITE_CONFIG`)."""
    default_site_source(dest, site_url)
    (dest / "mkdocs.yml").write_text(RTL_SITE_CONFIG.format(site_url=site_url), "utf-8")
    return dest


INIT_SITE_AUTHOR = "Maren Holt"
INIT_SITE_ENTRIES = {
    "2026-11-03-northwind-logistics-analytics-engineer.yml": (
        "date: 2026-11-03\ncompany: Northwind Logistics International\n"
        "role: Senior Analytics Engineer (Customer Data Platform)\nstage: technical\nmood: 2\n"
        "process:\n  - {stage: phone, date: 2026-10-20}\n  - {stage: technical, date: 2026-10-29}\n"
        "gaps:\n  - {skill: dbt incremental models, severity: high}\n"
        "  - {skill: stakeholder communication}\n"
        "strengths: [explaining results to non-technical people]\n"
        "feedback: {requested: 2026-11-04, from: Dana Ruiz}\n"
    ),
    "2026-11-12-brightwater-health-data-analyst.yml": (
        "date: 2026-11-12\ncompany: Brightwater Health\nrole: Junior Data Analyst\n"
        "stage: phone\nmood: 3\ngaps:\n  - {skill: SQL window functions}\n"
        "feedback: {requested: 2026-11-13, received: 2026-11-18}\n"
    ),
    "2026-11-20-tidewell-energy-product-analyst.yml": (
        "date: 2026-11-20\ncompany: Tidewell Energy\nrole: Product Analyst\nmood: 3\n"
        "gaps:\n  - {skill: SQL window functions}\n"
    ),
    "2026-11-22-three-weeks-in.yml": (
        "type: reflection\ndate: 2026-11-22\ntitle: Three weeks in\nmood: 3\n"
        "ask_mentor:\n"
        "  - Should I keep applying for analytics-engineering roles, or aim at analyst roles?\n"
        "  - Would you look at my dbt project and tell me if it is portfolio-ready?\n"
    ),
}
"""A few entries of one month, as a new user writes them: what the init'd site shows."""


def init_site_source(dest: Path, site_url: str) -> Path:
    """A log made by `recovery-log init`, with `site_author`, `reply_to` and a few entries."""
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["init", str(dest), "--today", "2026-11-26"])
    assert result.exit_code == 0, result.output
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "site_name:", f"site_url: {site_url}\nsite_author: {INIT_SITE_AUTHOR}\nsite_name:", 1
    ).replace(
        "      entries_dir: entries\n",
        "      entries_dir: entries\n      today: 2026-11-26\n"
        "      reply_to: maren.holt@example.org\n",
    )
    config.write_text(text, encoding="utf-8")
    for name, fields in INIT_SITE_ENTRIES.items():
        (dest / "entries" / name).write_text(fields, encoding="utf-8")
    return dest


def mkdocs_env() -> dict[str, str]:
    """The environment of a published build: no private preview, no password, quiet banner."""
    env = dict(os.environ)
    for name in ("RECOVERY_LOG_SHOW_PRIVATE", "RECOVERY_LOG_PASSWORD"):
        env.pop(name, None)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static host like GitHub Pages: quiet, and a missing file gets the site's 404.html."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command != "GET" or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Site:
    """The built site being served: its folder, its source copy and its address."""

    root: Path
    source: Path
    url: str
    _entry_paths: dict[str, str] = field(default_factory=dict)

    def href(self, path: str) -> str:
        return urljoin(self.url, path)

    def html_file(self, path: str) -> Path:
        local = self.root / urlsplit(path).path.lstrip("/")
        return local / "index.html" if not local.suffix else local

    def path_of(self, page_type: str) -> str:
        """The address (relative to the root) of a page type from `PAGE_TYPES`."""
        if page_type == "dashboard":
            return "dashboard/" if (self.source / "docs" / "index.md").is_file() else ""
        if page_type in FIXED_PAGES:
            return FIXED_PAGES[page_type]
        if page_type in ENTRY_PAGES:
            return self._entry_paths[page_type]
        if page_type.startswith("docs:"):
            return f"{page_type.removeprefix('docs:')}/"
        if page_type == NOT_FOUND:
            return "404.html"
        raise KeyError(page_type)

    def entry_links(self, page: str) -> list[str]:
        """The entry pages (`entries/<id>/`) a built page links to, in order, without repeats."""
        parser = _Links()
        parser.feed(self.html_file(page).read_text(encoding="utf-8"))
        found: list[str] = []
        base = self.href(page)
        for href in parser.hrefs:
            path = urlsplit(urljoin(base, href)).path.lstrip("/")
            if re.fullmatch(r"entries/[^/]+/", path) and path not in found:
                found.append(path)
        return found


def entry_pages_by_kind(site: Site) -> dict[str, str]:
    """One published rejection entry page and one reflection entry page of the built site.

    The timeline lists every published entry; an entry file whose fields say
    `type: reflection` is a reflection, any other a rejection.
    """
    published = site.entry_links("entries/")
    kinds: dict[str, str] = {}
    for path in sorted((site.source / "entries").rglob("*")):
        if path.suffix.lower() not in {".md", ".markdown", ".yml", ".yaml"}:
            continue
        page = f"entries/{path.stem}/"
        if page not in published:
            continue  # private, or not an entry
        text = path.read_text(encoding="utf-8", errors="replace")
        kind = "reflection" if re.search(r"(?m)^type:\s*reflection\s*$", text) else "rejection"
        kinds.setdefault(f"{kind}-entry", page)
    missing_kinds = {"rejection-entry", "reflection-entry"} - kinds.keys()
    assert not missing_kinds, f"the built site has no {missing_kinds} (timeline: {published})"
    return kinds


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


class Server:
    """A threaded static server on a free 127.0.0.1 port; start it before building into it."""

    def __init__(self, directory: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://{LOCAL_HOST}:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def build_site(source: Path, out: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(source / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=source,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict of the repo's site failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


# --------------------------------------------------------------------------------------------
# The browser and watched pages
# --------------------------------------------------------------------------------------------


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname == LOCAL_HOST


@dataclass
class Monitor:
    """What went wrong in the browser: console errors, failed requests, third-party requests."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    #: Failed requests matching this are expected (e.g. a livereload poll cut by a reload).
    ignore_failed: Callable[[str], bool] = lambda url: False
    #: Responses with these statuses are expected on some page (e.g. a deliberate 404).
    allowed_status: dict[str, int] = field(default_factory=dict)

    def problems(self) -> list[str]:
        return (
            [f"console error: {text}" for text in self.console_errors]
            + [f"failed request: {text}" for text in self.failed_requests]
            + [f"third-party request (aborted): {url}" for url in self.third_party]
        )

    def assert_clean(self, where: str = "") -> None:
        problems = self.problems()
        assert not problems, f"browser problems{' on ' + where if where else ''}:\n" + "\n".join(
            problems
        )

    def clear(self) -> None:
        self.console_errors.clear()
        self.failed_requests.clear()
        self.third_party.clear()

    # --- wiring ---------------------------------------------------------------------------

    def watch_context(self, context: Any) -> None:
        def route(route: Any) -> None:
            url = route.request.url
            if _is_local(url):
                route.continue_()
            else:
                if url not in self.third_party:
                    self.third_party.append(url)
                route.abort("blockedbyclient")

        context.route("**/*", route)
        context.on("page", self.watch_page)

    def watch_page(self, page: Any) -> None:
        page.on("request", self._on_request)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on("requestfailed", self._on_failed)
        page.on("response", self._on_response)

    def _on_request(self, request: Any) -> None:
        # The route aborts these; listening too catches any request a route would not see.
        if not _is_local(request.url) and request.url not in self.third_party:
            self.third_party.append(request.url)

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            if location.get("url") in self.allowed_status and "status of" in message.text:
                return  # Chromium's own report of a response we expect to be an error
            self.console_errors.append(f"{message.text} ({location.get('url', '?')})")

    def _on_failed(self, request: Any) -> None:
        url = request.url
        if not _is_local(url):
            if url not in self.third_party:
                self.third_party.append(url)
            return  # a third-party request, aborted on purpose
        if self.ignore_failed(url):
            return
        self.failed_requests.append(f"{request.method} {url}: {request.failure}")

    def _on_response(self, response: Any) -> None:
        url = response.url
        if response.status >= 400 and self.allowed_status.get(url) != response.status:
            self.failed_requests.append(f"HTTP {response.status} {url}")


class Browse:
    """Opens watched pages in fresh contexts of the shared browser; closes them at teardown."""

    def __init__(self, browser: Any, site: Site | None) -> None:
        self.browser = browser
        self.site = site
        self.monitor = Monitor()
        self._contexts: list[Any] = []

    def context(
        self,
        *,
        scheme: str = "light",
        viewport: dict[str, int] | None = None,
        stored_palette: bool = True,
        **options: Any,
    ) -> Any:
        """A new browser context in `scheme` ("light"/"dark"), palette stored as Material does.

        Without `stored_palette` only the reader's preference is set, as on a first visit.
        """
        viewport = viewport or DESKTOP
        phone = viewport["width"] < 600
        context = self.browser.new_context(
            viewport=viewport,
            color_scheme=scheme,
            device_scale_factor=2 if phone else 1,
            is_mobile=phone,
            has_touch=phone,
            **options,
        )
        if stored_palette:
            context.add_init_script(palette_script(scheme))
        self.monitor.watch_context(context)
        self._contexts.append(context)
        return context

    def page(
        self,
        *,
        scheme: str = "light",
        viewport: dict[str, int] | None = None,
        stored_palette: bool = True,
    ) -> Any:
        context = self.context(scheme=scheme, viewport=viewport, stored_palette=stored_palette)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return page

    def open(self, page: Any, path: str) -> Any:
        """Go to `path` of the site and wait until it is loaded and quiet."""
        assert self.site is not None
        response = page.goto(self.site.href(path), wait_until="load")
        page.wait_for_load_state("networkidle")
        return response

    def close(self) -> None:
        for context in self._contexts:
            with contextlib.suppress(Exception):  # the browser may already be gone
                context.close()
        self._contexts.clear()


def palette_script(scheme: str) -> str:
    """Init script: store Material's palette choice (`<scope>.__palette`) before any page runs.

    Material keeps the reader's choice in localStorage under `new URL(base_url).pathname +
    ".__palette"` as {index, color: {media, scheme, primary, accent}}; with the media-query
    palette of this site, index 0 is light ("default") and index 1 dark ("slate"). The context's
    prefers-color-scheme is emulated too, so both ways of choosing agree.
    """
    index, media, name = (
        (1, "(prefers-color-scheme: dark)", "slate")
        if scheme == "dark"
        else (0, "(prefers-color-scheme: light)", "default")
    )
    return f"""
    (() => {{
      try {{
        const key = "/.__palette";
        if (localStorage.getItem(key) === null) {{
          localStorage.setItem(key, JSON.stringify({{
            index: {index},
            color: {{media: "{media}", scheme: "{name}", primary: "blue-grey", accent: "teal"}}
          }}));
        }}
      }} catch (e) {{}}
    }})();
    """


# --------------------------------------------------------------------------------------------
# Small helpers shared by the modules
# --------------------------------------------------------------------------------------------


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_") or "page"
