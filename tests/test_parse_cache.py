"""The parse cache that keeps `mkdocs serve` rebuilds from reading unchanged entries again."""

from __future__ import annotations

import os
import time

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


def same_size_save_keeping_the_stamp(path, old: str, new: str) -> None:
    """A save on a file system with coarse time stamps (FAT: 2 s), within one step."""
    assert len(old) == len(new)
    before = path.stat()
    path.write_text(path.read_text().replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def test_a_same_size_save_that_keeps_the_time_stamp_is_read_again(entries, reads):
    path = entries.entry("acme.yml", ACME)
    cache = ParseCache()
    entries.load(cache=cache)

    same_size_save_keeping_the_stamp(path, "Acme", "Ajax")
    log = entries.load(cache=cache)

    assert reads == ["acme.yml", "acme.yml"]
    assert log.entries[0].company == "Ajax"


def test_a_file_saved_long_ago_is_known_by_its_stamp_without_reading_it(
    entries, monkeypatch: pytest.MonkeyPatch
):
    path = entries.entry("acme.yml", ACME)
    an_hour_ago = time.time_ns() - 3600 * 1_000_000_000
    os.utime(path, ns=(an_hour_ago, an_hour_ago))
    cache = ParseCache()
    entries.load(cache=cache)
    opened: list[str] = []
    real_open = open

    def counting_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", counting_open)

    entries.load(cache=cache)

    assert opened == []
