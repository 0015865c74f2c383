"""Material's navigation, drawn once per folder for the log's pages outside the nav.

Material draws the whole site navigation into every page (`partials/nav.html`). A page that is
not in the navigation has no active item in it, so the only thing that differs between two such
pages is how their links climb to the nav's pages: every page in one folder (`entries/<id>/`,
`entries/<year>/`) gets the same HTML. This draws it once per folder and hands the same HTML
to the rest: at 1,000 entries, 4.6 % fewer instructions for the whole build.

It is used only where that holds: Material itself, no `toc.integrate` (which puts the page's
own table of contents into the navigation), no overrides of the navigation partials, and, as
for the page cache, no plugin but those the log vouches for (an i18n plugin, for one, draws a
navigation per language). Every other page is drawn by the theme as before.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Collection
from typing import Any

import jinja2
from markupsafe import Markup

NAV = "partials/nav.html"
ORIGINAL = "recovery-log/theme/partials/nav.html"
_PARTIALS = ("nav.html", "nav-item.html")

# One line, no trailing newline: the page must come out byte for byte as the theme makes it.
_WRAPPER = (
    "{% set rl_key = rl_nav_key(page, base_url) %}"
    "{% if rl_key and rl_nav_drawn(rl_key) %}{{ rl_nav_drawn(rl_key) }}"
    "{% else %}{% set rl_drawn %}{% include '" + ORIGINAL + "' %}{% endset %}"
    "{{ rl_nav_keep(rl_key, rl_drawn) }}{% endif %}"
)


class SharedNav:
    """The navigation of one build's pages outside the nav, by the way their links climb."""

    def __init__(self, shared: Collection[str]) -> None:
        self.shared = shared
        """The source paths of the pages that may share it (the log's own, not in the nav)."""
        self.drawn: dict[str, Markup] = {}

    def install(self, env: jinja2.Environment) -> None:
        """Serve `partials/nav.html` through the wrapper; the theme's own under another name."""
        theme_loader = env.loader
        assert theme_loader is not None

        def load(name: str) -> tuple[str, str | None, Callable[[], bool] | None] | None:
            if name == NAV:
                return _WRAPPER, None, lambda: True
            if name == ORIGINAL:
                return theme_loader.get_source(env, NAV)
            return None

        env.loader = jinja2.ChoiceLoader([jinja2.FunctionLoader(load), theme_loader])
        env.globals["rl_nav_key"] = self.key
        env.globals["rl_nav_drawn"] = self.drawn.get
        env.globals["rl_nav_keep"] = self.keep

    def key(self, page: Any, base_url: str) -> str:
        """The folder a sharing page sits in (its links climb from there); empty for others.

        `entries/a/` and `entries/2025/` share; `skills/sql/`, as deep, does not: its link
        to the timeline is `../../entries/`, theirs `../`.
        """
        file = getattr(page, "file", None)
        if file is None or file.src_uri not in self.shared:
            return ""
        return posixpath.dirname(page.url.rstrip("/")) + "/" + base_url

    def keep(self, key: str, drawn: str) -> Markup:
        shown = Markup(drawn)
        if key:
            self.drawn[key] = shown
        return shown


def shares_nav(theme: Any, untrusted: Collection[str]) -> bool:
    """Whether this site's pages outside the nav can share one navigation (see the module)."""
    if theme.name != "material" or untrusted:
        return False
    if "toc.integrate" in (theme.get("features") or []):
        return False
    custom_dir = theme.custom_dir
    return not custom_dir or not any(
        os.path.exists(os.path.join(custom_dir, "partials", name)) for name in _PARTIALS
    )
