"""What a reader sees laid out: charts that fit a phone, dates that stay whole, drafts in the clear.

Checked on this repo's site and on a default Material site, by the boxes Chromium lays out.
"""

from __future__ import annotations

from typing import Any

import pytest
from rl_browser import DESKTOP, PHONE, Browse, Site

pytestmark = pytest.mark.browser

SITES = ("repo", "default")
CHART_PAGES = ("skills", "interviews", "reflections")
SMALLEST_TEXT = 10.0
"""CSS pixels: chart text scaled below this is too small to read on a phone."""


def _site(request: pytest.FixtureRequest, which: str) -> tuple[Browse, Site]:
    if which == "repo":
        return request.getfixturevalue("browse"), request.getfixturevalue("site")
    return request.getfixturevalue("browse_default"), request.getfixturevalue("default_site")


CHART_BOXES_JS = """
(smallest) => {
  const width = document.documentElement.clientWidth;
  const charts = [...document.querySelectorAll("article figure.rl-chart svg")];
  const outside = [];
  const tiny = [];
  for (const svg of charts) {
    const scale = svg.getScreenCTM().a;
    for (const el of [svg, ...svg.querySelectorAll("text, rect, circle, polyline")]) {
      if (el.closest("defs")) continue;
      const box = el.getBoundingClientRect();
      const what = `${svg.closest("figure").id} <${el.tagName}> ${el.textContent.trim()}`;
      if (box.left < -0.5 || box.right > width + 0.5) {
        outside.push(`${what}: ${box.left.toFixed(1)}..${box.right.toFixed(1)} of ${width}`);
      }
      if (el.tagName === "text") {
        const size = parseFloat(el.getAttribute("font-size")) * scale;
        if (size < smallest) tiny.push(`${what}: ${size.toFixed(1)}px`);
      }
    }
  }
  return {
    charts: charts.length,
    outside,
    tiny,
    scrolls: document.documentElement.scrollWidth > width,
  };
}
"""


@pytest.mark.parametrize("page_type", CHART_PAGES)
@pytest.mark.parametrize("which", SITES)
def test_every_chart_fits_a_phone(
    request: pytest.FixtureRequest, which: str, page_type: str
) -> None:
    browse, site = _site(request, which)
    page = browse.page(viewport=PHONE)
    browse.open(page, site.path_of(page_type))
    found = page.evaluate(CHART_BOXES_JS, SMALLEST_TEXT)
    assert found["charts"] >= 1, f"no chart on {page_type}"
    assert not found["outside"], "chart parts off a 390 px screen:\n" + "\n".join(found["outside"])
    assert not found["tiny"], "chart text too small on a phone:\n" + "\n".join(found["tiny"])
    assert not found["scrolls"], f"{page_type} scrolls sideways on a phone"


DATE_LINES_JS = """
() => [...document.querySelectorAll("article .rl-timeline tbody td:first-child")].map((td) => {
  const range = document.createRange();
  range.selectNodeContents(td);
  const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
  return {text: td.textContent.trim(), lines: tops.size};
})
"""


@pytest.mark.parametrize("which", SITES)
def test_timeline_dates_stay_on_one_line_on_a_desktop(
    request: pytest.FixtureRequest, which: str
) -> None:
    browse, site = _site(request, which)
    page = browse.page(viewport=DESKTOP)
    browse.open(page, site.path_of("timeline"))
    cells = page.evaluate(DATE_LINES_JS)
    assert cells, "no dates on the timeline"
    broken = [cell["text"] for cell in cells if cell["lines"] != 1]
    assert not broken, f"dates broken across lines: {broken}"


def test_a_one_entry_month_shows_no_header_row_but_labels_its_facts(browse: Browse, site: Site):
    page = browse.page(viewport=DESKTOP)
    browse.open(page, site.path_of("timeline"))
    # October 2026 holds one rejection on the sample site.
    single = page.locator("article .rl-timeline--one").filter(has_text="Oct").first
    assert single.count() == 1
    header = single.locator("thead").bounding_box()
    assert header is not None and header["height"] <= 1
    labels = single.locator("tbody td").evaluate_all(
        "(cells) => cells.map((td) => getComputedStyle(td, '::before').content)"
    )
    assert '"Stage reached: "' in labels and '"Feedback: "' in labels, labels


COPY_BUTTON_JS = """
() => [...document.querySelectorAll("article .rl-email pre")].map((pre) => {
  const button = pre.querySelector(".md-code__button, .md-clipboard").getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(pre.querySelector("code"));
  const lines = [...range.getClientRects()].filter((r) => r.width > 0);
  const first = Math.min(...lines.map((r) => r.top));
  const covered = lines.filter((r) => Math.round(r.top) === Math.round(first)).some((r) =>
    r.left < button.right && r.right > button.left && r.top < button.bottom && r.bottom > button.top
  );
  return {covered, buttonBottom: button.bottom, firstLine: first};
})
"""


def test_the_copy_button_never_covers_the_drafts_first_line_on_a_phone(
    browse: Browse, site: Site
) -> None:
    page = browse.page(viewport=PHONE)
    browse.open(page, site.path_of("feedback"))
    page.locator("article .rl-email pre :is(.md-code__button, .md-clipboard)").first.wait_for(
        state="attached"
    )
    drafts: list[dict[str, Any]] = page.evaluate(COPY_BUTTON_JS)
    assert drafts, "no feedback draft on the feedback page"
    assert not [d for d in drafts if d["covered"]], drafts
