"""Real-browser tests of this repository's own site: fixtures shared by every module here.

The site under test is the repo's own (mkdocs.yml, entries/, docs/, theme/), copied to a
temporary folder with `site_url` pointed at a local server, built once per session with
`mkdocs build --strict`, and served from 127.0.0.1 by a threaded `http.server`. One headless
Chromium (Debian's /usr/bin/chromium, never a downloaded build) is shared by the session; every
test gets fresh browser contexts whose console errors, failed requests and any request to a host
other than 127.0.0.1 (aborted before it leaves the machine) are recorded and asserted on.

Missing tools (Chromium, npm, java) skip these tests on a developer's machine but fail them when
the environment variable CI is "true": a browser suite that silently skips in CI proves nothing.

Helpers live in rl_browser.py (a unique module name: `from conftest import` would clash with
tests/conftest.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from rl_browser import (
    CHROMIUM_ARGS,
    Browse,
    Server,
    Site,
    artifacts_dir,
    build_site,
    copy_site_source,
    default_site_source,
    entry_pages_by_kind,
    find_chromium,
    init_site_source,
    missing,
    rtl_site_source,
)

# --------------------------------------------------------------------------------------------
# pytest hooks
# --------------------------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: real-browser test of the built site (Chromium, axe-core, vnu)"
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the item, so fixtures can tell whether the test passed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# --------------------------------------------------------------------------------------------
# Tools and places
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        missing("Chromium not found (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing("Python Playwright is not installed (pip install playwright)")
    return path  # type: ignore[return-value]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """$RECOVERY_LOG_ARTIFACTS, or tests/browser/artifacts/ (git-ignored)."""
    return artifacts_dir()


# --------------------------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------------------------


def _served(work: Path, make_source: Callable[[Path, str], Path]) -> Iterator[Site]:
    """A site built once with a local site_url and served from 127.0.0.1.

    The server is started first (on a free port, serving a still-empty folder) so the build
    can be given its exact address as site_url: Material's instant navigation fetches
    sitemap.xml from site_url, and a foreign one would make cross-origin requests.
    """
    out = work / "site"
    out.mkdir()
    server = Server(out)
    try:
        source = make_source(work / "src", server.url)
        build_site(source, out)
        built = Site(root=out, source=source, url=server.url)
        built._entry_paths = entry_pages_by_kind(built)
        yield built
    finally:
        server.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The repo's own site (mkdocs.yml, entries/, docs/, theme/)."""
    yield from _served(tmp_path_factory.mktemp("rl-site"), copy_site_source)


@pytest.fixture(scope="session")
def default_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A new user's site: `theme: material`, `plugins: [search, recovery-log]`, and entries/."""
    yield from _served(tmp_path_factory.mktemp("rl-default-site"), default_site_source)


@pytest.fixture(scope="session")
def init_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A log made by `recovery-log init`, with its author, `reply_to` and a few entries."""
    yield from _served(tmp_path_factory.mktemp("rl-init-site"), init_site_source)


@pytest.fixture(scope="session")
def rtl_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The default site with `theme.language: ar`: pages written right to left."""
    yield from _served(tmp_path_factory.mktemp("rl-rtl-site"), rtl_site_source)


# --------------------------------------------------------------------------------------------
# The browser and watched pages
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def chromium(playwright_instance: Any, chromium_path: str) -> Iterator[Any]:
    """One headless Chromium for the whole session."""
    browser = playwright_instance.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()


def _watched(request: pytest.FixtureRequest, chromium: Any, site: Site) -> Iterator[Browse]:
    """Watched pages of a built site; a test that passed is failed if a page misbehaved."""
    helper = Browse(chromium, site)
    yield helper
    helper.close()
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.passed:
        helper.monitor.assert_clean(request.node.name)


@pytest.fixture
def browse(request: pytest.FixtureRequest, chromium: Any, site: Site) -> Iterator[Browse]:
    """Watched pages of the repo's site."""
    yield from _watched(request, chromium, site)


@pytest.fixture
def browse_default(
    request: pytest.FixtureRequest, chromium: Any, default_site: Site
) -> Iterator[Browse]:
    """Watched pages of the default Material site."""
    yield from _watched(request, chromium, default_site)


@pytest.fixture
def browse_init(request: pytest.FixtureRequest, chromium: Any, init_site: Site) -> Iterator[Browse]:
    """Watched pages of the site of a log made by `recovery-log init`."""
    yield from _watched(request, chromium, init_site)


@pytest.fixture
def browse_rtl(request: pytest.FixtureRequest, chromium: Any, rtl_site: Site) -> Iterator[Browse]:
    """Watched pages of the right-to-left site."""
    yield from _watched(request, chromium, rtl_site)
