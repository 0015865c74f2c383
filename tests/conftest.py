"""A throw-away `entries/` folder per test, loaded the way the site loads it, on a pinned day."""

from __future__ import annotations

from pathlib import Path

import pytest
from entry_files import Entries


@pytest.fixture
def entries(tmp_path: Path) -> Entries:
    root = tmp_path / "entries"
    root.mkdir()
    return Entries(root)
