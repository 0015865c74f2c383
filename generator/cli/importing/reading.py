"""Which reader a file needs, and a clear line instead of a traceback when it cannot be read."""

from __future__ import annotations

import csv
import mailbox
from pathlib import Path
from zipfile import BadZipFile

from .candidate import Candidate, Notice, Skip
from .mail import read_eml, read_mbox
from .options import ImportOptions
from .spreadsheet import read_table
from .workbook import read_workbook

SUFFIXES = (".csv", ".tsv", ".xlsx", ".eml", ".mbox")
Item = Candidate | Skip | Notice


def read_file(path: Path, options: ImportOptions) -> list[Item]:
    """Every row or message of `path`, or one failed Skip saying why it cannot be read."""
    _, suffix = options.language, path.suffix.lower()
    if suffix not in SUFFIXES:
        expected = ", ".join(SUFFIXES)
        said = _.gettext("expected a file ending in %(suffixes)s", suffixes=expected)
        return [Skip(str(path), said, failed=True)]
    if not path.is_file():
        return [Skip(str(path), _.gettext("no such file"), failed=True)]
    try:
        if suffix in (".csv", ".tsv"):
            return list(read_table(path, options))
        if suffix == ".xlsx":
            return list(read_workbook(path, options))
        if suffix == ".eml":
            return list(read_eml(path, options))
        return list(read_mbox(path, options))
    except (OSError, csv.Error, mailbox.Error, UnicodeError, ValueError, BadZipFile) as exc:
        said = _.gettext("cannot be read: %(problem)s", problem=exc)
        return [Skip(str(path), said, failed=True)]
