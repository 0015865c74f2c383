"""A mentor-only site: Recovery Log behind mkdocs-encryptcontent-plugin's site-wide password.

One small site, configured the way the docs recommend, is built in a subprocess exactly as a
user builds it (`mkdocs build --strict`, password in RECOVERY_LOG_PASSWORD). Every file of the
result is then read back as bytes (sitemap.xml.gz unpacked) and searched for two sentinels:

* PUBLIC-SENTINEL-1234, in the body and a lesson of a published rejection: the password must
  hide it (page HTML encrypted, search index emptied, no Atom feed);
* PRIVATE-SENTINEL-CO, the company of a `private: true` entry: it must never be built at all.

Also checked: every page loads its scripts and stylesheets from the site's own host (the
plugin's default crypto-js/crypto-es come from a CDN; Webcrypto needs none), and a build
without the password fails instead of publishing the log in clear text.

What the password does NOT hide is pinned here too (tests named `test_limit_...`), so that the
docs, which tell users about it, stay true.
"""

from __future__ import annotations

import gzip
import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from helpers import UNSEEN, Build, build, fold, parse_html

pytest.importorskip("encryptcontent", reason="needs mkdocs-encryptcontent-plugin")

PASSWORD = "Kettle-Lantern-Orchid-Basalt-97!"
SITE_URL = "https://mentor-test.github.io/recovery-log/"

PUBLIC_SENTINEL = "PUBLIC-SENTINEL-1234"
PUBLIC_COMPANY = "Sentinel Public Co"
PUBLIC_ID = "2026-11-03-sentinel-public-co-data-analyst"
PRIVATE_SENTINEL = "PRIVATE-SENTINEL-CO"
PRIVATE_ID = "2026-11-10-private-sentinel-co-analyst"

# The configuration the docs recommend for a password-protected site.
MKDOCS_YML = f"""\
site_name: Mentor Log
site_url: {SITE_URL}
theme:
  name: material
  features:
    - navigation.instant
plugins:
  - search
  - recovery-log:
      today: 2026-11-26
      feed: false
  - encryptcontent:
      password_inventory:
        _global: !ENV RECOVERY_LOG_PASSWORD
      search_index: encrypted
      webcrypto: true
      esm: true
      cache_file: ''
      title_prefix: ''
      encrypted_something:
        md-nav--secondary: [nav, class]
        md-header__topic: [div, class]
"""

ENTRIES = {
    f"{PUBLIC_ID}.md": f"""\
        ---
        date: 2026-11-03
        company: {PUBLIC_COMPANY}
        role: Data Analyst
        applied: 2026-10-01
        stage: phone
        gaps:
          - skill: SQL window functions
            severity: high
        lessons:
          - Ask about {PUBLIC_SENTINEL} before the call.
        mood: 2
        ---
        The phone screen went fine until the SQL part. {PUBLIC_SENTINEL} is what I must not forget.
        """,
    f"2026/{PRIVATE_ID}.yml": f"""\
        date: 2026-11-10
        company: {PRIVATE_SENTINEL}
        role: Analyst
        stage: screen
        private: true
        notes: A referral from a friend; nobody else may know.
        """,
}

# --------------------------------------------------------------------------------------------
# Helpers: writing and building the site, reading it back
# --------------------------------------------------------------------------------------------


def write_project(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    for name, text in ENTRIES.items():
        path = root / "entries" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def run_build(root: Path, password: str | None) -> Build:
    """A strict build, with RECOVERY_LOG_PASSWORD set to `password` (unset when None)."""
    return build(root, env={"RECOVERY_LOG_PASSWORD": password} if password is not None else None)


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


def readable_text(path: Path) -> str:
    """The file as text; a .gz file (the sitemap) is unpacked first."""
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def files_containing(folder: Path, needle: str) -> list[str]:
    """Paths (relative to `folder`) of the files whose content or path holds `needle`, any case."""
    needle = needle.casefold()
    return [
        path.relative_to(folder).as_posix()
        for path in files_under(folder)
        if needle in readable_text(path).casefold()
        or needle in path.relative_to(folder).as_posix().casefold()
    ]


def html_pages(site: Path) -> list[Path]:
    return [path for path in files_under(site) if path.suffix == ".html"]


_IMPORT = re.compile(r"""\bimport\s*\(\s*["'`]([^"'`]+)["'`]""")
_FETCHING_ATTRS = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "embed": ("src",),
    "object": ("data",),
}


@dataclass
class PageParts:
    """What a browser takes from one HTML page: its title, its visible text, what it fetches."""

    title: str = ""
    text: list[str] = field(default_factory=list)
    """Text nodes outside <title>, <script> and <style>."""
    fetches: list[str] = field(default_factory=list)
    """Every URL a tag loads (script src, link href, img src...) or an inline script imports."""


def page_parts(html: str) -> PageParts:
    document = parse_html(html)
    title = next((t for t in document.find_all("title") if t.inside("svg") is None), None)
    parts = PageParts(title=fold("".join(title.strings())) if title else "")
    parts.text = [text for text in document.strings(UNSEEN) if text.strip()]
    for node in document.iter():
        for name, value in node.attrs.items():
            if value and name in _FETCHING_ATTRS.get(node.tag, ()):
                if name == "srcset":  # "a.png 1x, b.png 2x"
                    parts.fetches.extend(
                        item.split()[0] for item in value.split(",") if item.split()
                    )
                else:
                    parts.fetches.append(value)
        if node.tag == "script":
            parts.fetches.extend(_IMPORT.findall("".join(node.strings())))
    return parts


def third_party_fetches(html: str, page_url: str) -> list[str]:
    """The URLs the page loads from any host other than the site's own."""
    own_host = urlsplit(SITE_URL).netloc
    return [
        url
        for url in page_parts(html).fetches
        if not url.startswith("data:") and urlsplit(urljoin(page_url, url)).netloc != own_host
    ]


def loaded_from_other_hosts(site: Path, page: Path) -> list[str]:
    """What the built page at `page` (a file under `site`) loads from another host."""
    url = urljoin(SITE_URL, page.relative_to(site).as_posix())
    return third_party_fetches(page.read_text(encoding="utf-8"), url)


# --------------------------------------------------------------------------------------------
# Builds, shared by the module: the sites are only read
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(write_project(tmp_path_factory.mktemp("protected")), PASSWORD)


@pytest.fixture(scope="module")
def site(protected: Build) -> Path:
    assert protected.returncode == 0, protected.output
    return protected.site


@pytest.fixture(scope="module")
def no_password(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return run_build(write_project(tmp_path_factory.mktemp("no-password")), None)


# --------------------------------------------------------------------------------------------
# The protected build
# --------------------------------------------------------------------------------------------


def test_build_passes_in_strict_mode(protected: Build) -> None:
    assert protected.returncode == 0, protected.output


def test_public_entry_page_is_built(site: Path) -> None:
    assert (site / "entries" / PUBLIC_ID / "index.html").is_file()


def test_every_page_but_404_is_encrypted(site: Path) -> None:
    plain = [
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if page.name != "404.html"
        and 'id="mkdocs-encrypted-content"' not in page.read_text(encoding="utf-8")
    ]
    assert html_pages(site)
    assert plain == []


def test_public_entry_text_is_in_no_file(site: Path) -> None:
    assert files_containing(site, PUBLIC_SENTINEL) == []


def test_search_index_holds_no_page(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []


def test_no_feed_is_written(site: Path) -> None:
    assert not (site / "feed.xml").exists()


def test_private_entry_is_in_no_file(site: Path) -> None:
    assert files_containing(site, PRIVATE_SENTINEL) == []


def test_private_entry_id_is_in_no_file(site: Path) -> None:
    assert files_containing(site, PRIVATE_ID) == []


def test_company_is_in_no_visible_text(site: Path) -> None:
    """Navigation, table of contents and header are encrypted with the content."""
    showing = [
        page.relative_to(site).as_posix()
        for page in html_pages(site)
        if any(
            PUBLIC_COMPANY.casefold() in text.casefold()
            for text in page_parts(page.read_text(encoding="utf-8")).text
        )
    ]
    assert showing == []


def test_password_is_written_nowhere(protected: Build) -> None:
    """Not in the site, nor in a KDF cache next to mkdocs.yml (the plugin's default)."""
    assert files_containing(protected.root, PASSWORD) == []


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    fetched = {
        page.relative_to(site).as_posix(): urls
        for page in html_pages(site)
        if (urls := loaded_from_other_hosts(site, page))
    }
    assert html_pages(site)
    assert fetched == {}


def test_third_party_check_sees_the_plugins_cdn_urls() -> None:
    """The CDN URLs the plugin writes without `webcrypto: true` are protocol-relative."""
    html = (
        '<script src="//cdnjs.cloudflare.com/ajax/libs/crypto-js/4.2.0/core.js"></script>'
        '<script type="module">import("//cdn.jsdelivr.net/npm/crypto-es@3.1.2/+esm");'
        'import("../assets/javascripts/decrypt-contents.js");</script>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="canonical" href="https://mentor-test.github.io/recovery-log/entries/">'
    )
    assert sorted(third_party_fetches(html, SITE_URL + "entries/index.html")) == [
        "//cdn.jsdelivr.net/npm/crypto-es@3.1.2/+esm",
        "//cdnjs.cloudflare.com/ajax/libs/crypto-js/4.2.0/core.js",
        "https://fonts.googleapis.com/css?family=Roboto",
    ]


# --------------------------------------------------------------------------------------------
# What the password does not hide (the docs say so; keep them true)
# --------------------------------------------------------------------------------------------


def test_limit_entry_page_title_is_readable(site: Path) -> None:
    html = (site / "entries" / PUBLIC_ID / "index.html").read_text(encoding="utf-8")
    assert page_parts(html).title == f"Data Analyst at {PUBLIC_COMPANY} - Mentor Log"


def test_limit_entry_url_is_listed_in_the_sitemap(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}entries/{PUBLIC_ID}/</loc>" in sitemap


# --------------------------------------------------------------------------------------------
# No password, no site
# --------------------------------------------------------------------------------------------


def test_build_without_password_fails(no_password: Build) -> None:
    assert no_password.returncode != 0, no_password.output


def test_build_without_password_writes_no_site(no_password: Build) -> None:
    assert not no_password.site.exists()


def test_build_without_password_says_which_password_is_missing(no_password: Build) -> None:
    assert "Empty password found for level '_global'" in no_password.output
