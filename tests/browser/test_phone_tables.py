"""At 390 px, no table of the home page, /mentor/, /feedback/ or /skills/ scrolls sideways:
on a narrow screen each row reads as a card, label beside value, as a person reads it.

Checked by the boxes Chromium lays out, on this repo's site, a default Material site, and a
log made by `recovery-log init`. Screenshots of the init'd log's home page and mentor page, at
1280 px and 390 px, are saved with the other artifacts (`init-<size>/<page>.png`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rl_browser import DESKTOP, PHONE, Browse, Site

pytestmark = pytest.mark.browser

SITES = {
    "repo": ("browse", "site"),
    "default": ("browse_default", "default_site"),
    "init": ("browse_init", "init_site"),
}
PAGES = ("", "mentor/", "feedback/", "skills/")

TABLE_FIT_JS = """
() => [...document.querySelectorAll("article table")]
  .filter((table) => !table.closest(".rl-visually-hidden"))  // a chart's table for screen readers
  .map((table) => {
  const box = table.closest(".md-typeset__scrollwrap") || table.parentElement;
  return {
    near: table.querySelector("th, td")?.textContent.trim().slice(0, 30) ?? "",
    scroll: box.scrollWidth,
    client: box.clientWidth,
    tableRight: table.getBoundingClientRect().right,
    page: document.documentElement.clientWidth,
  };
})
"""


def _site(request: pytest.FixtureRequest, which: str) -> tuple[Browse, Site]:
    browse, site = SITES[which]
    return request.getfixturevalue(browse), request.getfixturevalue(site)


@pytest.mark.parametrize("path", PAGES, ids=["home", "mentor", "feedback", "skills"])
@pytest.mark.parametrize("which", list(SITES))
def test_no_table_scrolls_sideways_on_a_phone(
    request: pytest.FixtureRequest, which: str, path: str
) -> None:
    browse, _ = _site(request, which)
    page = browse.page(viewport=PHONE)
    browse.open(page, path)
    tables = page.evaluate(TABLE_FIT_JS)
    wide = [
        f"table starting {t['near']!r}: {t['scroll']} px wide in {t['client']} px"
        for t in tables
        if t["scroll"] > t["client"] or t["tableRight"] > t["page"] + 0.5
    ]
    assert not wide, f"{which} /{path} scrolls sideways at 390 px:\n" + "\n".join(wide)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("path", ["mentor/", "feedback/", "skills/"])
def test_on_a_phone_each_cell_says_what_it_is(browse_init: Browse, init_site: Site, path: str):
    page = browse_init.page(viewport=PHONE)
    browse_init.open(page, path)
    cells = page.locator("article tbody td[data-label]:not(:first-child)")  # the first: a title
    assert cells.count() > 0, f"no labelled cells on /{path}"
    labels = cells.evaluate_all(
        "(cells) => cells.map((td) => getComputedStyle(td, '::before').content)"
    )
    assert all(label not in ("none", "normal", '""') for label in labels), labels


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_screenshot_the_mentors_pages_of_an_initd_log(
    browse_init: Browse, init_site: Site, artifacts: Path, size: str
) -> None:
    folder = artifacts / f"init-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    page = browse_init.page(viewport=DESKTOP if size == "desktop" else PHONE)
    for path, name in (("", "home"), ("mentor/", "mentor")):
        browse_init.open(page, path)
        if not path:
            assert page.locator("article h1").first.inner_text().startswith("Maren Holt's")
        target = folder / f"{name}.png"
        page.screenshot(path=str(target), full_page=True)
        page.screenshot(path=str(folder / f"{name}-first-screen.png"))
        assert target.stat().st_size > 10_000, f"{target} looks blank"
