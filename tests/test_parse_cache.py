"""The parse cache that keeps `mkdocs serve` rebuilds from reading unchanged entries again."""

from __future__ import annotations

import os

import pytest

import generator.entries.loader as loader
from generator.entries.loader import ParseCache

ACME = "date: 2026-11-03\ncompany: Acme\nrole: Analyst\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the loader reads."""
    seen: list[str] = []
    real = loader.load_file

    def counting(path, *args, **kwargs):
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load_file", counting)
    return seen


def test_an_unchanged_file_is_not_read_again(entries, reads):
    entries.entry("acme.yml", ACME)
    cache = ParseCache()

    first = entries.load(cache=cache)
    second = entries.load(cache=cache)

    assert reads == ["acme.yml"]
    assert first.entries == second.entries


def test_a_changed_file_is_read_again(entries, reads):
    path = entries.entry("acme.yml", ACME)
    cache = ParseCache()
    entries.load(cache=cache)

    path.write_text(ACME.replace("Acme", "Acme Analytics"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    log = entries.load(cache=cache)

    assert reads == ["acme.yml", "acme.yml"]
    assert log.entries[0].company == "Acme Analytics"


def test_a_broken_file_keeps_its_problems_while_unchanged(entries, reads):
    entries.entry("broken.yml", "date: 2026-11-03\ncompany: Acme\n")
    cache = ParseCache()

    first = entries.load(cache=cache)
    second = entries.load(cache=cache)

    assert reads == ["broken.yml"]
    assert first.problems == second.problems
    assert [p.field for p in second.problems] == ["role"]


def test_a_deleted_file_is_forgotten(entries):
    path = entries.entry("acme.yml", ACME)
    cache = ParseCache()
    entries.load(cache=cache)

    path.unlink()

    assert entries.load(cache=cache).entries == ()


def test_other_settings_mean_a_fresh_read(entries, reads):
    entries.entry("acme.yml", ACME + "stage: chat\n")
    cache = ParseCache()

    assert [p.field for p in entries.load(cache=cache).problems] == ["stage"]
    log = entries.load(cache=cache, stages=("applied", "chat"))

    assert reads == ["acme.yml", "acme.yml"]
    assert log.problems == ()
