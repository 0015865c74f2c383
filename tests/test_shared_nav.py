"""The log's pages outside the nav share one drawn navigation per folder, and only where the
theme would have drawn it the same for each (the byte-for-byte comparison with a build that
draws every navigation is in `test_rendered_files`)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest
from mkdocs.config import load_config

from generator.plugin.shared_nav import SharedNav, shares_nav

NAV_SOURCE = "<nav>{{ drawn() }} from {{ base_url }}</nav>"


def page(uri: str, url: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), url=url)


def theme_env(draws: list[str]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {"partials/nav.html": NAV_SOURCE, "main.html": "[{% include 'partials/nav.html' %}]"}
        )
    )
    env.globals["drawn"] = lambda: draws.append("drawn") or len(draws)
    return env


def test_pages_of_one_folder_outside_the_nav_get_the_navigation_drawn_once() -> None:
    draws: list[str] = []
    env = theme_env(draws)
    SharedNav({"entries/a.md", "entries/b.md", "entries/2025.md"}).install(env)
    main = env.get_template("main.html")
    shown = [
        main.render(page=page(uri, url), base_url="../..")
        for uri, url in [
            ("entries/a.md", "entries/a/"),
            ("entries/b.md", "entries/b/"),
            ("entries/2025.md", "entries/2025/"),
        ]
    ]
    assert shown == ["[<nav>1 from ../..</nav>]"] * 3
    assert len(draws) == 1


def test_a_page_in_another_folder_gets_its_own() -> None:
    draws: list[str] = []
    env = theme_env(draws)
    SharedNav({"entries/a.md", "skills/sql.md"}).install(env)
    main = env.get_template("main.html")
    main.render(page=page("entries/a.md", "entries/a/"), base_url="../..")
    skills = main.render(page=page("skills/sql.md", "skills/sql/"), base_url="../..")
    assert skills == "[<nav>2 from ../..</nav>]"


def test_a_page_that_does_not_share_is_drawn_each_time() -> None:
    draws: list[str] = []
    env = theme_env(draws)
    SharedNav({"entries/a.md"}).install(env)
    main = env.get_template("main.html")
    for _ in range(2):
        main.render(page=page("about.md", "about/"), base_url="..")
    main.render(page=None, base_url=".")  # the 404 page
    assert len(draws) == 3


def config_of(tmp_path: Path, theme: str) -> Any:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Log\ntheme:\n{theme}", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml")).theme


def test_material_with_its_usual_features_shares(tmp_path: Path) -> None:
    theme = "  name: material\n  features: [navigation.tabs, navigation.sections]\n"
    assert shares_nav(config_of(tmp_path, theme), untrusted=[])


@pytest.mark.parametrize(
    ("theme", "untrusted", "why"),
    [
        ("  name: material\n  features: [toc.integrate]\n", [], "the page's toc is in the nav"),
        ("  name: mkdocs\n", [], "another theme"),
        ("  name: material\n", ["i18n"], "a plugin it cannot vouch for"),
        ("  name: material\n  custom_dir: overrides\n", [], "an override of the nav"),
    ],
)
def test_it_does_not_share_where_pages_could_differ(
    tmp_path: Path, theme: str, untrusted: list[str], why: str
) -> None:
    (tmp_path / "overrides" / "partials").mkdir(parents=True)
    (tmp_path / "overrides" / "partials" / "nav-item.html").write_text("{{ page.title }}")
    assert not shares_nav(config_of(tmp_path, theme), untrusted), why
