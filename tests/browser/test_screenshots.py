"""Screenshots of every page type, desktop (1280x900) and phone (390x844), light and dark.

Saved under $RECOVERY_LOG_ARTIFACTS or tests/browser/artifacts/ (git-ignored) as
`<size>-<scheme>/<page type>.png`, full page, for a person to look at. The test itself only
checks that each page rendered (an <h1>, a non-trivial image) and behaved (no console error,
failed or third-party request).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rl_browser import DESKTOP, PAGE_TYPES, PHONE, Browse, Site, safe_name

pytestmark = pytest.mark.browser

SIZES = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", list(SIZES))
def test_screenshot_every_page_type(
    browse: Browse, site: Site, artifacts: Path, size: str, scheme: str
) -> None:
    folder = artifacts / f"{size}-{scheme}"
    folder.mkdir(parents=True, exist_ok=True)
    page = browse.page(scheme=scheme, viewport=SIZES[size])
    for page_type in PAGE_TYPES:
        browse.open(page, site.path_of(page_type))
        assert page.locator("article.md-content__inner h1").count() >= 1, page_type
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        target = folder / f"{safe_name(page_type)}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000, f"{target} looks blank"
    browse.monitor.assert_clean(f"screenshots {size} {scheme}")
