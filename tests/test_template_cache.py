"""The templates' compiled code is kept on disk between builds, and never used when stale."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import jinja2
import platformdirs
import pytest

from generator.site.render import environment
from generator.site.template_cache import CACHE_DIR_VARIABLE, cache_dir, compiled_templates


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "cache"))
    return cache_dir()


def process_environment(folder: Path, **settings: object) -> jinja2.Environment:
    """A fresh environment, as a new build process makes one, with the compiled-code cache."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), **settings)  # type: ignore[arg-type]
    env.bytecode_cache = compiled_templates(env)
    return env


def never_compiles(env: jinja2.Environment) -> None:
    def compile_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("the template was compiled again")

    env.compile = compile_again  # type: ignore[method-assign]


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.md.j2").write_text("Hello {{ name }}\n", encoding="utf-8")
    return folder


def test_a_new_build_runs_the_code_the_last_one_compiled(cache: Path, templates: Path) -> None:
    assert process_environment(templates).get_template("page.md.j2").render(name="Ada")
    later = process_environment(templates)
    never_compiles(later)
    assert later.get_template("page.md.j2").render(name="Ada") == "Hello Ada"


def test_an_edited_template_is_compiled_afresh(cache: Path, templates: Path) -> None:
    process_environment(templates).get_template("page.md.j2").render(name="Ada")
    (templates / "page.md.j2").write_text("Goodbye {{ name }}\n", encoding="utf-8")
    assert process_environment(templates).get_template("page.md.j2").render(name="Ada") == (
        "Goodbye Ada"
    )


def test_code_compiled_with_other_settings_is_not_used(cache: Path, templates: Path) -> None:
    (templates / "page.md.j2").write_text("{{ name }}", encoding="utf-8")
    process_environment(templates).get_template("page.md.j2").render(name="<b>")
    escaping = process_environment(templates, autoescape=True)
    assert escaping.get_template("page.md.j2").render(name="<b>") == "&lt;b&gt;"


def test_the_site_templates_are_kept_in_the_cache_folder(cache: Path, tmp_path: Path) -> None:
    env = environment(tmp_path / "no-overrides")  # a folder of its own: a new environment
    assert env.bytecode_cache is not None
    env.get_template("rejection.md.j2")
    assert any(cache.glob("*.jinja"))


def test_a_cache_folder_that_cannot_be_made_is_not_used(
    tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(blocked))
    env = process_environment(templates)
    assert env.bytecode_cache is None
    assert env.get_template("page.md.j2").render(name="Ada") == "Hello Ada"


def test_no_cache_lands_in_the_project_when_there_is_no_home_folder(
    tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(CACHE_DIR_VARIABLE, raising=False)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name: f"~/.cache/{name}")
    monkeypatch.chdir(tmp_path)
    env = process_environment(templates)
    assert env.bytecode_cache is None
    assert env.get_template("page.md.j2").render(name="Ada") == "Hello Ada"
    assert not (tmp_path / "~").exists()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_cache_folder_others_may_write_is_not_used(cache: Path, templates: Path) -> None:
    cache.mkdir(parents=True)
    cache.chmod(0o777)
    assert process_environment(templates).bytecode_cache is None


def test_a_new_cache_folder_is_private(cache: Path, templates: Path) -> None:
    process_environment(templates).get_template("page.md.j2")
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


def test_a_cache_that_cannot_be_written_only_costs_a_compile(cache: Path, templates: Path) -> None:
    env = process_environment(templates)
    cache.rmdir()
    assert env.get_template("page.md.j2").render(name="Ada") == "Hello Ada"


@pytest.mark.parametrize(
    "kept_bytes", [8, 20, 40, -7], ids=["magic", "checksum", "checksum-end", "code"]
)
def test_a_cache_file_cut_short_is_compiled_again(
    cache: Path, templates: Path, kept_bytes: int
) -> None:
    process_environment(templates).get_template("page.md.j2")
    for kept in cache.glob("*.jinja"):
        kept.write_bytes(kept.read_bytes()[:kept_bytes])
    assert process_environment(templates).get_template("page.md.j2").render(name="Ada") == (
        "Hello Ada"
    )
