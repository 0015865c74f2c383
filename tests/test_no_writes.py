"""Building the site and running the CLI never touch the user's entries: not a byte, not a date.

Every file and folder under entries/ is fingerprinted (name, kind, size, content, mode and
modification time, all set to an old date first) before and after `mkdocs build` and the
read-only commands (`check`, `check --format json`, `stats`, `feedback-email`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import mkdocs_env

TIMEOUT = 180
OLD = 1_577_836_800  # 2020-01-01, so that a rewrite with the same content still shows

ACME = "date: 2026-11-03\ncompany: Acme Analytics\nrole: Data Analyst\n"
ENTRIES: dict[str, bytes] = {
    "2026-11-03-acme-data-analyst.md": (
        "---\n" + ACME + "stage: final\ngaps: [SQL]\nlessons: [Practise out loud.]\n---\n"
        "I froze on the *window functions*.\n"
    ).encode(),
    "2026/2026-11-10-globex-engineer.yml": (
        b"date: 2026-11-10\ncompany: Globex\nrole: Engineer\nfeedback:\n  requested: 2026-11-11\n"
    ),
    "2026/2026-11-20-looking-back.yaml": (
        b"type: reflection\ndate: 2026-11-20\nabout: [2026-11-03-acme-data-analyst]\n"
        b"ask_mentor: [Is it me?]\n"
    ),
    "2026-11-12-hush.md": (
        "---\n" + ACME.replace("Acme", "Hush") + "private: true\n---\n"
    ).encode(),
    "2026-11-14-windows.md": b"\xef\xbb\xbf---\r\ndate: 2026-11-14\r\ncompany: Initech\r\n"
    b"role: Analyst\r\n---\r\nSaved on Windows.\r\n",
    "2026-11-15-broken.yml": b"date: 2026-02-30\ncompany: [Broken\n",
    "2026-11-16-latin1.md": b"---\ndate: 2026-11-16\ncompany: Caf\xe9\nrole: r\n---\n",
    "_draft.md": b"---\ndate: 2099-01-01\n---\nnot yet\n",
    ".editor-swap.md.swp": b"\x00\x01binary",
    "notes.txt": b"not an entry\n",
}


def fingerprint(root: Path) -> dict[str, tuple[object, ...]]:
    """Everything a write could change, for the folder itself and everything under it."""
    found: dict[str, tuple[object, ...]] = {}
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in [".", *sorted(dirnames), *sorted(filenames)]:
            path = Path(folder) / name if name != "." else Path(folder)
            info = path.lstat()
            content: object = None
            if stat.S_ISREG(info.st_mode):
                content = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(info.st_mode):
                content = os.readlink(path)
            key = path.relative_to(root).as_posix()
            found[key] = (info.st_mode, info.st_size, info.st_mtime_ns, content)
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: No writes\nsite_url: https://example.invalid/\ntheme:\n  name: material\n"
        "plugins:\n  - search\n  - recovery-log:\n      today: 2026-11-26\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    root = tmp_path / "entries"
    for name, data in ENTRIES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "empty-folder").mkdir()
    with contextlib.suppress(OSError, NotImplementedError):  # e.g. Windows without the right
        os.symlink("2026-11-03-acme-data-analyst.md", root / "_link-to-acme.md")
    for folder, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            os.utime(Path(folder) / name, (OLD, OLD), follow_symlinks=False)
    os.utime(root, (OLD, OLD))
    return tmp_path


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *command],
        cwd=project,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


CLI = ("-c", "from generator.cli import main; main()")

COMMANDS = {
    "mkdocs build": (("-m", "mkdocs", "build"), 0),
    "mkdocs build --strict": (("-m", "mkdocs", "build", "--strict"), 1),
    "check": ((*CLI, "check"), 1),
    "check --format json": ((*CLI, "check", "--format", "json"), 1),
    "check entries/2026": ((*CLI, "check", "entries/2026"), 1),  # `about` is outside it
    "stats": ((*CLI, "stats"), 0),
    "stats --private": ((*CLI, "stats", "--private"), 0),
    "feedback-email": ((*CLI, "feedback-email", "2026-11-03-acme-data-analyst"), 0),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_leaves_every_entry_file_untouched(project: Path, name: str) -> None:
    command, exit_code = COMMANDS[name]
    before = fingerprint(project / "entries")

    done = run(project, *command)

    assert done.returncode == exit_code, done.stdout + done.stderr
    assert fingerprint(project / "entries") == before


def test_all_commands_in_a_row_leave_every_entry_file_untouched(project: Path) -> None:
    before = fingerprint(project / "entries")

    for command, _ in COMMANDS.values():
        run(project, *command)

    after = fingerprint(project / "entries")
    assert after == before
    assert (project / "site" / "index.html").is_file(), "the build did run"
    assert len(after) >= len(ENTRIES) + 3


def test_the_fingerprint_notices_a_rewrite_with_the_same_content(project: Path) -> None:
    before = fingerprint(project / "entries")
    path = project / "entries" / "notes.txt"
    path.write_bytes(path.read_bytes())

    assert fingerprint(project / "entries") != before
