"""axe-core (from npm) on every page type of the built site, in the light and the dark scheme.

A "serious" or "critical" violation fails; lesser ones are printed for information. Failures
list each violation's id, impact, help text and the offending nodes' selectors.

Violations on Material's own chrome (not on anything this project generates or styles) are
listed in MATERIAL_CHROME with the reason, and exempted only for nodes matching that selector;
`test_material_chrome_exemptions_come_from_material` checks that the markup really is in
Material's templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest
from rl_browser import PAGE_TYPES, REPO, SCHEMES, Browse, Site, npm_file

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


class Exemption(NamedTuple):
    rule: str
    selector: str  # the node's axe target must start with this
    template: str  # Material's template (under material/templates/) that writes the markup
    markup: str  # text of that template proving the markup is Material's
    reason: str


MATERIAL_CHROME = (
    Exemption(
        "aria-dialog-name",
        ".md-search",
        "partials/search.html",
        '<div class="md-search" data-md-component="search" role="dialog">',
        "Material's header search panel is a role=dialog <div> with no accessible name",
    ),
    Exemption(
        "color-contrast",
        ".md-copyright",
        "partials/copyright.html",
        '<div class="md-copyright">',
        "Material's footer line 'Made with Material for MkDocs': #7f7f7f on #171717 is "
        "4.47:1, a hair under 4.5:1 (fixable by this site's CSS, but it is Material's colour)",
    ),
)


def _exempt(violation: dict[str, Any]) -> dict[str, Any] | None:
    """The violation without the nodes that MATERIAL_CHROME exempts, or None if none remain."""
    selectors = [e.selector for e in MATERIAL_CHROME if e.rule == violation["id"]]
    nodes = [
        node
        for node in violation["nodes"]
        if not any(node["target"].startswith(selector) for selector in selectors)
    ]
    return {**violation, "nodes": nodes} if nodes else None


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


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_serious_accessibility_violations(
    browse: Browse, site: Site, axe_script: Path, page_type: str, scheme: str
) -> None:
    page = browse.page(scheme=scheme)
    browse.open(page, site.path_of(page_type))
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    violations = run_axe(page, axe_script)
    exempted = [v for v in violations if _exempt(v) is None]
    if exempted:
        print(f"{page_type} ({scheme}) exempted (Material's chrome):\n{describe(exempted)}")
    violations = [kept for v in violations if (kept := _exempt(v)) is not None]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    minor = [v for v in violations if v["impact"] not in BLOCKING]
    if minor:
        print(f"{page_type} ({scheme}) minor axe findings:\n{describe(minor)}")
    assert not blocking, (
        f"axe-core: serious/critical violations on {site.path_of(page_type) or '/'} "
        f"({scheme}):\n{describe(blocking)}"
    )


def test_material_chrome_exemptions_come_from_material() -> None:
    """Each exemption names markup that Material's own templates write, not this project's."""
    import material

    templates = Path(material.__file__).parent / "templates"
    for exemption in MATERIAL_CHROME:
        text = (templates / exemption.template).read_text(encoding="utf-8")
        assert exemption.markup in text, f"{exemption.rule}: not in Material's {exemption.template}"
        # ...and neither the generator's templates nor this site's theme/ write it.
        for folder in (REPO / "generator" / "templates", REPO / "theme"):
            for path in folder.rglob("*"):
                if path.is_file() and path.suffix in {".html", ".j2", ".md"}:
                    own = path.read_text(encoding="utf-8", errors="replace")
                    assert exemption.markup not in own, f"{exemption.rule}: {path} writes it"
