"""The Nu HTML Checker (vnu-jar from npm) over the built HTML of every page type.

Errors only. Messages that Material's own templates cause are in IGNORED, each with the reason,
the template that writes the markup and the markup itself: an error is ignored only if vnu's
extract of the offending source contains that markup, and
`test_ignored_markup_comes_from_material` checks the markup is Material's, not ours.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from rl_browser import PAGE_TYPES, REPO, Site, missing, npm_file

pytestmark = pytest.mark.browser

VNU_TIMEOUT = 300


class Ignored(NamedTuple):
    message: str  # a regular expression matched against vnu's message
    template: str  # Material's template (under material/templates/) that writes the markup
    markup: str  # must occur in vnu's extract of the error, and in that template
    reason: str


IGNORED = (
    Ignored(
        r"^Attribute “autocomplete” is only allowed when the input type is",
        "base.html",
        'type="checkbox" id="__',
        # Material's hidden state checkboxes (#__drawer, #__search) carry autocomplete="off"
        # so browsers do not restore a ticked box on back/forward; HTML only allows the
        # attribute on text-like inputs. Harmless, and in every Material page.
        "Material's drawer/search toggles: <input type=checkbox autocomplete=off>",
    ),
    Ignored(
        r"^The value of the “for” attribute of the “label” element must be the ID of a "
        r"non-hidden form control\.$",
        "partials/toc.html",
        '<label class="md-nav__title" for="__toc">',
        # Material's table of contents always writes a title <label for="__toc">, but the
        # matching <input id="__toc"> is only written by partials/nav-item.html for a page
        # that is in the navigation. Entry pages are deliberately left out of the nav (there
        # can be hundreds), so on them Material's label points at nothing.
        "Material's TOC title label on pages outside the nav (entry pages)",
    ),
)


def _is_ignored(message: dict[str, Any]) -> bool:
    extract = message.get("extract", "")
    return any(
        re.search(rule.message, message.get("message", "")) and rule.markup in extract
        for rule in IGNORED
    )


@pytest.fixture(scope="session")
def vnu_report(site: Site) -> dict[Path, list[dict[str, Any]]]:
    """vnu's errors for every HTML file of the built site, by file (one java run)."""
    java = shutil.which("java")
    if java is None:
        missing("java not found: the Nu HTML Checker needs it (apt-get install default-jre)")
    jar = npm_file("vnu-jar", "build/dist/vnu.jar")
    files = sorted(site.root.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=VNU_TIMEOUT,
        check=False,
    )
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    by_file: dict[Path, list[dict[str, Any]]] = {path.resolve(): [] for path in files}
    for message in report.get("messages", []):
        url = message.get("url", "")
        path = Path(url.removeprefix("file:")).resolve()
        by_file.setdefault(path, []).append(message)
    return by_file


def describe(messages: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"- line {m.get('lastLine', '?')}: [{m.get('type')}] {m.get('message')}\n"
        f"    {m.get('extract', '').strip()!r}"
        for m in messages
    )


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_valid_html(
    site: Site, vnu_report: dict[Path, list[dict[str, Any]]], page_type: str
) -> None:
    path = site.html_file(site.path_of(page_type)).resolve()
    assert path in vnu_report, f"{path} was not checked"
    errors = [m for m in vnu_report[path] if m.get("type") != "info"]
    real = [m for m in errors if not _is_ignored(m)]
    assert not real, f"vnu errors in {path.relative_to(site.root)}:\n{describe(real)}"


def test_whole_site_is_valid(site: Site, vnu_report: dict[Path, list[dict[str, Any]]]) -> None:
    """Every built page, not only one of each type (all entries, tags...)."""
    problems = []
    for path, messages in sorted(vnu_report.items()):
        real = [m for m in messages if m.get("type") != "info" and not _is_ignored(m)]
        if real:
            problems.append(f"{path.relative_to(site.root)}:\n{describe(real)}")
    assert not problems, "\n".join(problems)


def test_ignored_markup_comes_from_material() -> None:
    """Each ignored error's markup is written by Material's template, never by this project."""
    import material

    templates = Path(material.__file__).parent / "templates"
    own = [
        path
        for folder in (REPO / "generator", REPO / "theme", REPO / "docs")
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".html", ".j2", ".md", ".py"}
    ]
    for rule in IGNORED:
        text = (templates / rule.template).read_text(encoding="utf-8")
        assert rule.markup in text, f"{rule.markup!r} is not in Material's {rule.template}"
        for path in own:
            assert rule.markup not in path.read_text(encoding="utf-8", errors="replace"), (
                f"{path} writes {rule.markup!r} too: the ignore would hide our own error"
            )
