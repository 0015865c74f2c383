"""Shared by the import, export and calendar tests: the fixtures, the CLI, a pinned day."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main
from generator.entries.loader import Log, load_log
from generator.model import Rejection
from generator.settings import Settings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
TODAY = dt.date(2026, 11, 26)


def cli(*args: str | Path) -> Result:
    """`recovery-log ARGS` with today pinned, run from an empty folder, without a traceback."""
    command = [str(arg) for arg in args]
    if command[0] in ("import", "calendar"):
        command += ["--today", TODAY.isoformat()]
    with tempfile.TemporaryDirectory() as empty, contextlib.chdir(empty):
        result = CliRunner().invoke(main, command)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def import_into(folder: Path, *files: str | Path, options: tuple[str, ...] = ()) -> Result:
    """`recovery-log import FILES --entries FOLDER`; names without a folder are fixtures."""
    paths = [FIXTURES / f if isinstance(f, str) and "/" not in f else f for f in files]
    return cli("import", *paths, "--entries", folder, *options)


def loaded(folder: Path, **settings: object) -> Log:
    """The folder as `recovery-log check` reads it (drafts are ignored)."""
    return load_log(folder, Settings(today=TODAY, **settings))  # type: ignore[arg-type]


def only_rejections(folder: Path) -> dict[str, Rejection]:
    """The folder's rejections by id; fails with `check`'s messages if any file has a problem."""
    log = loaded(folder)
    assert not log.problems, "\n".join(map(str, log.problems))
    return {e.id: e for e in log.entries if isinstance(e, Rejection)}


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: what "changes nothing" compares."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
