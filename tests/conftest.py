"""A throw-away `entries/` folder per test, loaded the way the site loads it, on a pinned day."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from entry_files import Entries

from generator.site.template_cache import CACHE_DIR_VARIABLE


@pytest.fixture(autouse=True, scope="session")
def _template_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled templates go to the test session's own folder, never the user's cache."""
    before = os.environ.get(CACHE_DIR_VARIABLE)
    os.environ[CACHE_DIR_VARIABLE] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ[CACHE_DIR_VARIABLE]
    else:
        os.environ[CACHE_DIR_VARIABLE] = before


@pytest.fixture
def entries(tmp_path: Path) -> Entries:
    root = tmp_path / "entries"
    root.mkdir()
    return Entries(root)
