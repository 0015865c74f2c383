"""Excel workbooks (.xlsx) -> the same rows a CSV export gives, read with openpyxl.

The first sheet whose first non-empty row names a company or role column is read. Dates are
written as ISO days: cells Excel formats as dates arrive as datetimes, and a plain number in
a date column is an Excel serial day (46329 is 2026-11-03).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel

from .candidate import Candidate, Notice, Skip
from .columns import DATE_FIELDS, map_headers
from .options import ImportOptions
from .spreadsheet import read_rows

_SERIAL_DAYS = range(20_000, 80_000)
"""Excel serial numbers from 1954 to 2119: a number outside is not taken for a day."""


def read_workbook(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip | Notice]:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        rows: list[tuple[int, list[str]]] = []
        for sheet in book.worksheets:
            rows = _sheet_rows(sheet.iter_rows(values_only=True))
            if rows and {"company", "role"} & set(map_headers(rows[0][1]).values()):
                if len(book.worksheets) > 1:
                    said = options.language.gettext(
                        "read the sheet %(sheet)s", sheet=repr(sheet.title)
                    )
                    yield Notice(f"{path}:1", said)
                break
        yield from read_rows(path, rows, options)
    finally:
        book.close()


def _sheet_rows(values: Iterator[tuple[object, ...]]) -> list[tuple[int, list[str]]]:
    """The non-empty rows with their row numbers, as text; date columns as ISO days."""
    rows: list[tuple[int, list[str]]] = []
    dates: set[int] = set()
    for number, row in enumerate(values, 1):
        if not any(cell not in (None, "") for cell in row):
            continue
        if not rows:
            header = [_text(cell) for cell in row]
            dates = {i for i, name in map_headers(header).items() if name in DATE_FIELDS}
            rows.append((number, header))
            continue
        rows.append((number, [_text(cell, i in dates) for i, cell in enumerate(row)]))
    return rows


def _text(cell: object, is_date: bool = False) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if is_date and isinstance(cell, int | float) and int(cell) in _SERIAL_DAYS:
        day = from_excel(cell)
        return day.date().isoformat() if isinstance(day, dt.datetime) else str(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)
