"""What a job seeker and their mentor do with the site, in a real Chromium.

Every page opened here is watched: a console error, a failed request or a request to any host
but 127.0.0.1 fails the test (see `Monitor` in rl_browser.py).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect
from rl_browser import DESKTOP, PAGE_TYPES, PHONE, Browse, Site

pytestmark = pytest.mark.browser


def path_of(page: Any) -> str:
    return urlsplit(page.url).path


def heading(locator: Any) -> str:
    """A heading's text without Material's permalink sign."""
    return locator.inner_text().replace("\u00b6", "").strip()


# --------------------------------------------------------------------------------------------
# The harness itself
# --------------------------------------------------------------------------------------------


def test_monitor_catches_console_errors_and_third_party_requests(chromium: Any) -> None:
    """What every other test relies on: problems are seen, foreign requests never leave."""
    helper = Browse(chromium, None)
    try:
        page = helper.page()
        page.set_content(
            '<img src="https://example.invalid/x.png" alt="">'
            "<script>console.error('boom')</script>"
        )
        page.wait_for_timeout(300)
        problems = helper.monitor.problems()
    finally:
        helper.close()
    assert any("boom" in p for p in problems), problems
    assert any("example.invalid" in p and "third-party" in p for p in problems), problems


# --------------------------------------------------------------------------------------------
# Dashboard
# --------------------------------------------------------------------------------------------


def test_dashboard_opens_with_its_sections_and_working_navigation(browse: Browse) -> None:
    page = browse.page()
    response = browse.open(page, "")
    assert response is not None and response.ok
    title = heading(page.locator("article.md-content__inner h1").first)
    assert title == "Maren Holt's recovery log"  # whose log: site_author
    headings = page.locator("article.md-content__inner h2").all_inner_texts()
    assert any("gap" in h.lower() for h in headings), headings
    # The "at a glance" figures link to the pages they sum up.
    glance = page.locator("article.md-content__inner .rl-figures a")
    assert glance.count() >= 3
    # Material's navigation (instant loading) takes the reader to the skills page.
    page.locator(".md-nav--primary a[href$='skills/']").first.click()
    page.wait_for_url(re.compile(r"/skills/$"))
    expect(page.locator("article.md-content__inner h1").first).to_contain_text("Skills gap")
    page.wait_for_load_state("networkidle")
    browse.monitor.assert_clean("dashboard → skills")


# --------------------------------------------------------------------------------------------
# Skills → evidence → entry, and back
# --------------------------------------------------------------------------------------------


def _first_gap(page: Any) -> tuple[str, Any]:
    """The first gap in the skills table and the link to its story (`#gap-…`).

    Material's instant navigation rewrites links to absolute URLs, hence `*=`.
    """
    link = page.locator("article.md-content__inner table a[href*='#gap-']").first
    return link.inner_text().strip(), link


def test_skill_gap_evidence_leads_to_an_entry_and_back(browse: Browse, site: Site) -> None:
    page = browse.page()
    browse.open(page, "skills/")
    gap, link = _first_gap(page)
    anchor = "#" + urlsplit(link.get_attribute("href") or "").fragment
    assert anchor != "#"
    link.click()
    page.wait_for_url(re.compile(re.escape(anchor) + "$"))
    story_heading = page.locator(f"article.md-content__inner h3{anchor}")
    assert heading(story_heading) == gap
    # The story's list cites the rejections: follow the first one.
    story = story_heading.locator("xpath=following-sibling::ul[1]")
    evidence = story.locator("a[href*='entries/']").first
    target = evidence.get_attribute("href")
    assert target
    evidence.click()
    page.wait_for_url(re.compile(r"/entries/[^/]+/$"))
    page.wait_for_load_state("networkidle")
    assert path_of(page) == urlsplit(target).path
    body = page.locator("article.md-content__inner").inner_text()
    assert gap.lower() in body.lower(), f"the entry cited for {gap!r} does not mention it"
    # Back to the skills page, at the story we came from.
    page.go_back()
    page.wait_for_url(re.compile(r"/skills/"))
    # Instant navigation changes the address first, then swaps the content in.
    expect(page.locator("article.md-content__inner h1").first).to_contain_text("Skills gap")
    page.wait_for_load_state("networkidle")
    browse.monitor.assert_clean("skills → entry → back")


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------


def test_search_finds_an_entry_by_a_gap_name(browse: Browse, site: Site) -> None:
    page = browse.page()
    browse.open(page, "skills/")
    gap, _ = _first_gap(page)
    cited = set(site.entry_links("skills/"))
    # Material's search: click the search field in the header, type, wait for results.
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(gap, delay=40)
    results = page.locator(".md-search-result__list a.md-search-result__link")
    results.first.wait_for(state="visible", timeout=15_000)
    hrefs = [
        urljoin(page.url, results.nth(i).get_attribute("href") or "")
        for i in range(results.count())
    ]
    entry_results = [
        i
        for i, href in enumerate(hrefs)
        if re.search(r"/entries/[^/#]+/", href) and urlsplit(href).path.lstrip("/") in cited
    ]
    assert entry_results, f"no entry page in the search results for {gap!r}: {hrefs}"
    chosen = results.nth(entry_results[0])
    expected = urlsplit(hrefs[entry_results[0]]).path
    chosen.click()
    page.wait_for_url(re.compile(re.escape(expected)))
    page.wait_for_load_state("networkidle")
    assert re.search(r"/entries/[^/]+/$", path_of(page))
    assert gap.lower() in page.locator("article.md-content__inner").inner_text().lower()
    browse.monitor.assert_clean(f"search for {gap!r}")


# --------------------------------------------------------------------------------------------
# Dark mode: the palette toggle, and charts that stay readable
# --------------------------------------------------------------------------------------------

# Relative luminance and contrast (WCAG 2), with alpha colours flattened onto what is behind.
CHART_COLOURS_JS = """
() => {
  const parse = (text) => {
    const m = text.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0) layers.push(c);
      if (c && c.a >= 1) break;
    }
    let colour = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const ratio = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const svg = document.querySelector("figure.rl-chart svg");
  const bg = background(svg);
  // Every colour that draws a bar: plain bars, status fills, and a closed gap's outline.
  const marks = [
    ...[...svg.querySelectorAll(".rl-chart__bar:not(.rl-chart__bar--status), .rl-chart__fill")]
      .filter((el) => !el.classList.contains("rl-chart__fill--closed"))
      .map((el) => [el.getAttribute("class"), getComputedStyle(el).fill]),
    ...[...svg.querySelectorAll(".rl-chart__bar--closed")]
      .map((el) => [el.getAttribute("class"), getComputedStyle(el).stroke]),
  ];
  const texts = [...svg.querySelectorAll("text")].map((t) => {
    const fill = over(parse(getComputedStyle(t).fill), bg);
    return {
      attr: t.getAttribute("fill"),
      fill: getComputedStyle(t).fill,
      svgColor: getComputedStyle(t).color,
      ratio: ratio(fill, bg),
    };
  });
  return {
    scheme: document.body.getAttribute("data-md-color-scheme"),
    background: `rgb(${bg.r}, ${bg.g}, ${bg.b})`,
    bars: marks.map(([what, colour]) => ({
      what, colour, ratio: ratio(over(parse(colour), bg), bg),
    })),
    texts,
  };
}
"""


def _toggle_to(page: Any, scheme: str) -> None:
    """Click Material's palette toggle (the visible one) until the page is in `scheme`."""
    wanted = "slate" if scheme == "dark" else "default"
    for _ in range(3):
        if page.locator("body").get_attribute("data-md-color-scheme") == wanted:
            return
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_timeout(200)
    assert page.locator("body").get_attribute("data-md-color-scheme") == wanted


@pytest.mark.parametrize(
    "scheme",
    ["light", "dark"],
)
def test_palette_toggle_keeps_charts_readable(browse: Browse, scheme: str) -> None:
    # Start in the other scheme and switch with the toggle, as a reader would.
    start = "light" if scheme == "dark" else "dark"
    page = browse.page(scheme=start)
    browse.open(page, "skills/")
    _toggle_to(page, scheme)
    # The choice is remembered on the next page (Material stores it in localStorage).
    browse.open(page, "interviews/")
    assert page.locator("body").get_attribute("data-md-color-scheme") == (
        "slate" if scheme == "dark" else "default"
    )
    browse.open(page, "skills/")
    colours = page.evaluate(CHART_COLOURS_JS)
    assert colours["bars"], colours
    for text in colours["texts"]:
        assert text["attr"] == "currentColor", f"chart text not in currentColor: {text}"
        assert text["fill"] == text["svgColor"], f"currentColor not followed: {text}"
        assert text["ratio"] >= 4.5, f"chart text contrast {text['ratio']:.2f} < 4.5: {text}"
    for bar in colours["bars"]:
        assert bar["ratio"] >= 3, (
            f"{scheme}: {bar['what']} {bar['colour']} on {colours['background']} has contrast "
            f"{bar['ratio']:.2f}, below 3"
        )
    browse.monitor.assert_clean(f"palette toggle to {scheme}")


# --------------------------------------------------------------------------------------------
# Phone: no page is wider than the screen
# --------------------------------------------------------------------------------------------

OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 1 && !scrolls(el)) {
      const style = getComputedStyle(el);
      if (style.position === "fixed" || style.visibility === "hidden") continue;
      const classes = typeof el.className === "string" && el.className.trim()
        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
      const id = el.id ? "#" + el.id : "";
      culprits.push(`${el.tagName.toLowerCase()}${id}${classes} right=${Math.round(box.right)}`);
    }
  }
  return {
    width,
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    culprits: culprits.slice(0, 10),
  };
}
"""


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_phone_page_has_no_horizontal_overflow(browse: Browse, site: Site, page_type: str) -> None:
    page = browse.page(viewport=PHONE)
    browse.open(page, site.path_of(page_type))
    result = page.evaluate(OVERFLOW_JS)
    assert result["scrollWidth"] <= result["width"], (
        f"{page_type} at 390px is {result['scrollWidth']}px wide: {result['culprits']}"
    )
    assert not result["culprits"], f"{page_type}: content past the right edge: {result}"
    browse.monitor.assert_clean(page_type)


# --------------------------------------------------------------------------------------------
# The mentor digest, printed
# --------------------------------------------------------------------------------------------


def test_mentor_digest_prints_to_pdf_with_its_agenda(
    browse: Browse, site: Site, artifacts: Path
) -> None:
    page = browse.page(viewport=DESKTOP)
    browse.open(page, "mentor/")
    agenda = page.locator("article.md-content__inner h2#agenda")
    assert agenda.count() == 1, "the mentor digest has no Agenda heading"
    heading = agenda.inner_text().replace("¶", "").strip()
    pdf = artifacts / "mentor.pdf"
    data = page.pdf(path=str(pdf), format="A4", print_background=False)
    assert len(data) > 5_000, f"mentor PDF is suspiciously small: {len(data)} bytes"
    assert data.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert heading in text, f"the printed digest lacks its {heading!r} heading"
        assert "For my mentor" in text
    browse.monitor.assert_clean("mentor print")


# --------------------------------------------------------------------------------------------
# A mistyped address
# --------------------------------------------------------------------------------------------


def test_unknown_address_shows_the_styled_404_page(browse: Browse, site: Site) -> None:
    """A deep missing address gets this site's 404 page, styled, with a way back.

    The 404 page refers to its assets through site_url, so this also guards the local
    site_url override: with a foreign one the assets would be third-party requests.
    """
    missing = site.href("entries/no-such-entry/deeper/")
    browse.monitor.allowed_status[missing] = 404
    page = browse.page()
    response = page.goto(missing, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 404
    assert heading(page.locator("article.md-content__inner h1").first) == "This page isn't here"
    back = page.locator("article.md-content__inner a", has_text="dashboard")
    assert back.get_attribute("href") == site.href("")
    # Material's stylesheet applied: the header is laid out, not unstyled text.
    assert page.locator("header.md-header").evaluate("e => getComputedStyle(e).position") in {
        "sticky",
        "fixed",
    }
    browse.monitor.assert_clean("404 page")
