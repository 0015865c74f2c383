"""Noticing saves: the polling behind `check --watch` and `generate --watch`.

Polling, rather than a file-system notification library, works the same on every platform and
in every editor (some save by renaming a new file over the old one), at no extra dependency.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path


def folder_stamp(folder: Path) -> frozenset[tuple[str, int, int]]:
    """Every file under `folder` with its modification time and size."""
    found = set()
    for path in folder.rglob("*"):
        try:
            info = path.stat()
        except OSError:
            continue
        found.add((str(path), info.st_mtime_ns, info.st_size))
    return frozenset(found)


def changes(folders: list[Path], interval: float, max_runs: int | None) -> Iterator[None]:
    """Once at the start, then each time a file under `folders` is added, removed or changed."""
    last: object = None
    runs = 0
    while max_runs is None or runs < max_runs:
        stamp = frozenset(folder_stamp(folder) for folder in folders)
        if stamp != last:
            last = stamp
            runs += 1
            yield
        else:
            time.sleep(interval)
