"""axe-core (from npm), full page, on every page type, in each colour scheme the site offers.

Two sites: this repo's own (light and dark schemes) and a new user's default Material site
(`theme: material`, `plugins: [search, recovery-log]`), which offers one scheme, light.
A "serious" or "critical" violation fails, wherever it is on the page: the plugin owns the
pages it builds, Material's chrome included, so there are no exemptions. Lesser findings are
printed for information. Failures list each violation's id, impact, help text and nodes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rl_browser import DEFAULT_SITE_PAGE_TYPES, PAGE_TYPES, SCHEMES, Browse, Site, npm_file

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe.min.js, installed once per session into the npm cache folder."""
    return npm_file("axe-core", "axe.min.js")


def run_axe(page: Any, axe_script: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ["violations"]});
            return r.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map((n) => ({
                    target: n.target.join(" "),
                    html: n.html.slice(0, 200),
                    summary: n.failureSummary,
                })),
            }));
        }"""
    )
    return result


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}]: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    {node['target']}  {node['html']}")
            if node.get("summary"):
                lines.append("      " + node["summary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def assert_accessible(
    browse: Browse, site: Site, axe_script: Path, page_type: str, scheme: str
) -> None:
    page = browse.page(scheme=scheme)
    browse.open(page, site.path_of(page_type))
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    violations = run_axe(page, axe_script)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    minor = [v for v in violations if v["impact"] not in BLOCKING]
    if minor:
        print(f"{page_type} ({scheme}) minor axe findings:\n{describe(minor)}")
    assert not blocking, (
        f"axe-core: serious/critical violations on {site.path_of(page_type) or '/'} "
        f"({scheme}):\n{describe(blocking)}"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_of_this_site_passes_axe(
    browse: Browse, site: Site, axe_script: Path, page_type: str, scheme: str
) -> None:
    assert_accessible(browse, site, axe_script, page_type, scheme)


@pytest.mark.parametrize("page_type", DEFAULT_SITE_PAGE_TYPES)
def test_every_page_of_a_default_material_site_passes_axe(
    browse_default: Browse, default_site: Site, axe_script: Path, page_type: str
) -> None:
    assert_accessible(browse_default, default_site, axe_script, page_type, "light")


def test_a_default_material_site_offers_only_the_light_scheme(
    browse_default: Browse, default_site: Site
) -> None:
    """No palette toggle, and a reader who prefers dark still gets the light scheme."""
    page = browse_default.page(scheme="dark", stored_palette=False)
    browse_default.open(page, "")
    assert page.locator("[data-md-component='palette']").count() == 0
    assert page.locator("body").get_attribute("data-md-color-scheme") in {None, "default"}
