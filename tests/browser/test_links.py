"""Every link of the served site works, and nothing is loaded from another host.

The crawl starts at / and follows every same-origin <a href> (HTML pages are parsed, other
files only fetched); a link with a #fragment must land on an element with that id (or a named
anchor). Then the built files are scanned for resources of other hosts: <script src>,
<link href> (stylesheets, icons, preloads...), <img src>, <source/srcset>, and CSS @import/url().
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from rl_browser import LOCAL_HOST, PAGE_TYPES, Site

pytestmark = pytest.mark.browser

MAX_PAGES = 2_000  # a bound, far above this site's size: the crawl always ends


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])


@dataclass
class Crawl:
    status: dict[str, int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    #: (page the link is on, link as written, absolute target)
    links: list[tuple[str, str, str]] = field(default_factory=list)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(start: str) -> Crawl:
    origin = urlsplit(start).netloc
    result = Crawl()
    queue = deque([start])
    while queue and len(result.status) < MAX_PAGES:
        url = queue.popleft()
        if url in result.status:
            continue
        status, content_type, body = fetch(url)
        result.status[url] = status
        if status != 200 or content_type != "text/html":
            continue
        parser = _Page()
        parser.feed(body.decode("utf-8", "replace"))
        result.ids[url] = parser.ids
        for href in parser.links:
            absolute = urljoin(url, href)
            parts = urlsplit(absolute)
            if parts.scheme not in ("http", "https") or parts.netloc != origin:
                continue  # mailto:, other sites: not followed
            result.links.append((url, href, absolute))
            target, _ = urldefrag(absolute)
            if target not in result.status:
                queue.append(target)
    return result


@pytest.fixture(scope="module")
def crawled(site: Site) -> Crawl:
    return crawl(site.url)


def test_crawl_reaches_every_page_type(site: Site, crawled: Crawl) -> None:
    """The crawl covers the site: every page type is linked from somewhere.

    Not /problems/ (linked from the dashboard only while some entry has a problem; the sample
    entries have none) nor Material's 404 page.
    """
    reached = {urlsplit(url).path for url, status in crawled.status.items() if status == 200}
    unreached = [
        page_type
        for page_type in PAGE_TYPES
        if page_type not in ("problems", "404") and "/" + site.path_of(page_type) not in reached
    ]
    assert not unreached, f"nothing links to {unreached}"
    built = {
        "/" + str(path.parent.relative_to(site.root)) + "/"
        for path in site.root.glob("entries/*/index.html")
    }
    assert built <= reached, f"entry pages no page links to: {sorted(built - reached)}"


def test_no_broken_links(crawled: Crawl) -> None:
    broken = [
        f"{page}: {href} -> HTTP {crawled.status.get(urldefrag(target)[0])}"
        for page, href, target in crawled.links
        if crawled.status.get(urldefrag(target)[0]) != 200
    ]
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken)))


def test_no_missing_anchors(crawled: Crawl) -> None:
    missing = []
    for page, href, target in crawled.links:
        url, fragment = urldefrag(target)
        if not fragment or url not in crawled.ids:
            continue
        if unquote(fragment) not in crawled.ids[url]:
            missing.append(f"{page}: {href} -> no id {fragment!r} on {url}")
    assert not missing, f"{len(missing)} missing anchors:\n" + "\n".join(sorted(set(missing)))


# --------------------------------------------------------------------------------------------
# No third-party resources in the built files
# --------------------------------------------------------------------------------------------

_TAG_URLS = re.compile(
    r"""<(?P<tag>script|link|img|source|iframe|embed|video|audio)\b[^>]*?"""
    r"""\s(?P<attr>src|href|srcset|poster)\s*=\s*["']?(?P<url>[^"'\s>]+)""",
    re.IGNORECASE,
)
_CSS_URLS = re.compile(
    r"""@import\s+(?:url\()?\s*["']?(?P<imp>[^"')\s;]+)|url\(\s*["']?(?P<url>[^"')\s]+)""",
    re.IGNORECASE,
)
# <link> relations that are not fetched by the browser: addresses, not resources.
_NOT_FETCHED = re.compile(r"""\srel\s*=\s*["']?(canonical|alternate|me|author|license)""", re.I)


def _foreign(url: str) -> bool:
    parts = urlsplit(url if not url.startswith("//") else "https:" + url)
    return parts.scheme in ("http", "https") and parts.hostname != LOCAL_HOST


def test_no_third_party_resources_in_built_files(site: Site) -> None:
    offenders = []
    for path in sorted(site.root.rglob("*")):
        if path.suffix not in {".html", ".css", ".svg"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(site.root)
        if path.suffix in {".html", ".svg"}:
            for match in _TAG_URLS.finditer(text):
                tag_text = text[match.start() : text.find(">", match.end()) + 1]
                if match["tag"].lower() == "link" and _NOT_FETCHED.search(tag_text):
                    continue
                if _foreign(match["url"]):
                    offenders.append(f"{where}: <{match['tag']} {match['attr']}={match['url']}>")
        if path.suffix in {".html", ".css", ".svg"}:
            for match in _CSS_URLS.finditer(text):
                url = match["imp"] or match["url"]
                if url and _foreign(url):
                    offenders.append(f"{where}: CSS {url}")
    assert not offenders, "resources from other hosts:\n" + "\n".join(offenders)


def test_link_checker_catches_a_broken_link(tmp_path: Path) -> None:
    """The crawler itself: a missing page and a missing anchor are both found."""
    import functools
    import http.server
    import threading

    (tmp_path / "index.html").write_text(
        '<a href="gone/">x</a><a href="#nowhere">y</a><a href="#here" id="here">z</a>'
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = crawl(f"http://{LOCAL_HOST}:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
    statuses = {urlsplit(url).path: code for url, code in result.status.items()}
    assert statuses["/gone/"] == 404
    with pytest.raises(AssertionError, match="nowhere"):
        test_no_missing_anchors(result)
