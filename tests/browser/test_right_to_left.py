"""A right-to-left log (`language: ar`): pages read right to left, and every chart stays readable.

Each chart's labels must lie inside its drawing (none clipped at either edge) and the keys of its
legend must not overlap, on a desktop and on a phone. A screenshot of each chart page is saved
under the artifacts folder (`rtl/<page>-<size>.png`) for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rl_browser import DESKTOP, PHONE, Browse, Site

pytestmark = pytest.mark.browser

CHART_PAGES = ("skills", "interviews", "reflections")
SIZES = {"desktop": DESKTOP, "phone": PHONE}

CHART_PARTS_JS = """
() => [...document.querySelectorAll("article figure.rl-chart svg")].map((svg) => {
  const frame = svg.getBoundingClientRect();
  const clipped = [...svg.querySelectorAll("text")]
    .map((text) => [text.textContent.trim(), text.getBoundingClientRect()])
    .filter(([, box]) => box.left < frame.left - 0.5 || box.right > frame.right + 0.5)
    .map(([what, box]) => `${what}: ${box.left.toFixed(1)}..${box.right.toFixed(1)}`
      + ` outside ${frame.left.toFixed(1)}..${frame.right.toFixed(1)}`);
  const keys = [...svg.querySelectorAll(".rl-chart__key")].map((k) => k.getBoundingClientRect());
  const apart = (a, b) => a.right <= b.left + 0.5 || b.right <= a.left + 0.5
    || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
  const overlapping = keys.some((a, i) => keys.slice(i + 1).some((b) => !apart(a, b)));
  const direction = getComputedStyle(svg).direction;
  return {id: svg.closest("figure").id, direction, clipped, overlapping};
})
"""


def test_the_page_is_written_right_to_left(browse_rtl: Browse, rtl_site: Site) -> None:
    page = browse_rtl.page(viewport=DESKTOP)
    browse_rtl.open(page, rtl_site.path_of("skills"))
    assert page.locator("body").get_attribute("dir") == "rtl"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("page_type", CHART_PAGES)
def test_right_to_left_charts_keep_every_label_and_key_in_view(
    browse_rtl: Browse, rtl_site: Site, artifacts: Path, page_type: str, size: str
) -> None:
    page = browse_rtl.page(viewport=SIZES[size])
    browse_rtl.open(page, rtl_site.path_of(page_type))
    charts = page.evaluate(CHART_PARTS_JS)
    assert charts, f"no chart on {page_type}"
    folder = artifacts / "rtl"
    folder.mkdir(parents=True, exist_ok=True)
    page.locator("article figure.rl-chart").first.screenshot(
        path=str(folder / f"{page_type}-{size}.png")
    )
    for chart in charts:
        assert chart["direction"] == "rtl", chart["id"]
        assert not chart["clipped"], f"{chart['id']} clips: " + "; ".join(chart["clipped"])
        assert not chart["overlapping"], f"{chart['id']}: legend keys overlap"
