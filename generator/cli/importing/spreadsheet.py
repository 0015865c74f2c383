"""Rows of a CSV or TSV file (a spreadsheet's or a job tracker's export) -> rejections."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ...i18n import N_, Language
from ...vocabulary import status_label
from ..export import FORMULA_STARTS
from .candidate import Candidate, Notice, Skip
from .columns import (
    DATE_FIELDS,
    EITHER,
    MULTI,
    SYNONYMS,
    fold,
    is_empty,
    is_rejection,
    map_headers,
    map_stage,
)
from .dates import AmbiguousDate, DateError, day_order, parse_day
from .options import ImportOptions

_QUOTED = re.compile(r'"[^"]*"')
_SAFE_ID = re.compile(r"[^\W_][\w.-]{0,150}")
"""An id that is a plain file name: no folder, not hidden, not a draft."""


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file, and a note when it was not UTF-8 (with or without a BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), N_("not UTF-8: read as Windows-1252")


def sniff_delimiter(text: str, suffix: str) -> str:
    """Tab for .tsv; otherwise whichever of `,` `;` tab the header line uses most."""
    if suffix == ".tsv":
        return "\t"
    header = _QUOTED.sub("", text.lstrip().split("\n", 1)[0])
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


_NO_OUTCOME = N_(
    "no status and no rejection-date column, so no row says it was a rejection (LinkedIn's "
    "Job Applications export lists applications, not outcomes): add a Status column"
)


@dataclass(frozen=True)
class Table:
    """What every row of one file shares: where it is, its columns, how its dates are written."""

    path: Path
    headers: list[str]
    mapping: dict[int, str]
    order: str | None
    """DMY or MDY when the file's unambiguous dates all agree: a hint for ambiguous ones."""


def read_table(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip | Notice]:
    """One Candidate or Skip per non-empty row of a CSV or TSV file, in file order."""
    text, note = decode(path.read_bytes())
    if note:
        said = options.language.gettext(
            "%(note)s; check the accents", note=options.language.gettext(note)
        )
        yield Notice(f"{path}:1", said)
    yield from read_rows(path, _rows(text, sniff_delimiter(text, path.suffix)), options)


def read_rows(
    path: Path, rows: list[tuple[int, list[str]]], options: ImportOptions
) -> Iterator[Candidate | Skip | Notice]:
    """The rows of a table (header first, each with its line number) as candidates or skips."""
    _ = options.language
    if not rows:
        said = _.gettext("empty: expected a header row, then one row per application")
        yield Skip(f"{path}:1", said, True)
        return
    (header_line, headers), body = rows[0], rows[1:]
    mapping = map_headers(headers)
    problem = _missing_columns(mapping, options)
    if problem:
        yield Skip(f"{path}:{header_line}", problem, failed=True)
        return
    if not body:
        yield Notice(f"{path}:{header_line}", _.gettext("only a header row: nothing to import"))
    if not {"status", "rejected", "type", EITHER} & set(mapping.values()):
        yield Notice(f"{path}:{header_line}", _.gettext(_NO_OUTCOME))
    table = Table(path, headers, mapping, _order_of(body, mapping))
    for line, row in body:
        yield _row(row, table, line, options)


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The non-empty rows with the line each starts on (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    for row in reader:
        start, line = line, reader.line_num + 1
        if any(cell.strip() for cell in row):
            rows.append((start, row))
    return rows


def _order_of(body: list[tuple[int, list[str]]], mapping: dict[int, str]) -> str | None:
    columns = [index for index, name in mapping.items() if name in DATE_FIELDS]
    orders = {day_order(row[i]) for _, row in body for i in columns if i < len(row)}
    orders.discard(None)
    return orders.pop() if len(orders) == 1 else None


def _missing_columns(mapping: dict[int, str], options: ImportOptions) -> str:
    known = set(mapping.values())
    for name, given in (("company", options.company), ("role", options.role)):
        if name not in known and not given:
            names = ", ".join(SYNONYMS[name][:6])
            return options.language.gettext(
                "no %(field)s column: expected a header such as %(names)s (or pass --%(field)s)",
                field=name,
                names=names,
            )
    return ""


def _cells(
    row: list[str], headers: list[str], mapping: dict[int, str], language: Language
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The row's known values by field, its other values by header, and each field's header.

    N/A and dashes count as empty; a leading `'` that kept a formula cell as text is dropped.
    """
    values: dict[str, str] = {}
    other: dict[str, str] = {}
    header_of: dict[str, str] = {}
    for index, raw in enumerate(row):
        cell = _unguarded(raw.strip())
        header = headers[index].strip() if index < len(headers) else ""
        name = mapping.get(index)
        if name:
            header_of.setdefault(name, header)
        if is_empty(cell):
            continue
        if name is None:
            key = header or language.gettext("column %(number)s", number=index + 1)
            while key in other:
                key = language.gettext("%(header)s (again)", header=key)
            other[key] = cell
        elif name in MULTI and name in values:
            values[name] += "\n\n" + cell
        else:
            values[name] = cell
    return values, other, header_of


def _unguarded(cell: str) -> str:
    """A cell as it was before `export` guarded it against formulas ("'=x" -> "=x")."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS else cell


def _row(row: list[str], table: Table, line: int, options: ImportOptions) -> Candidate | Skip:
    _, where = options.language, f"{table.path}:{line}"
    values, other, header_of = _cells(row, table.headers, table.mapping, _)
    if EITHER in values:
        either = values.pop(EITHER)
        name = "status" if is_rejection(either) else "stage"
        values[name], header_of[name] = either, header_of[EITHER]
    not_rejection = _not_a_rejection(values, _)
    if not_rejection:
        return Skip(where, not_rejection, failed=False)
    dated_by = "rejected" if "rejected" in values else "status date"
    column = header_of.get(dated_by) or header_of.get("rejected")
    if dated_by not in values:
        return Skip(where, _no_rejection_date(column, _), True)
    try:
        day = parse_day(values[dated_by], options.date_format)
    except DateError as exc:
        return Skip(where, _bad_date(column, exc, table, _), failed=True)
    if day > options.today:
        said = _.gettext(
            "%(column)s: %(day)s is after today (%(today)s)",
            column=column,
            day=day,
            today=options.today,
        )
        return Skip(where, said, True)
    company = values.get("company") or options.company
    role = values.get("role") or options.role
    for name, value in (("company", company), ("role", role)):
        if not value:
            said = _.gettext(
                "no %(field)s: the %(header)s cell is empty",
                field=name,
                header=repr(header_of[name]),
            )
            return Skip(where, said, True)
    candidate = Candidate(
        where=where,
        date=day,
        company=company,
        role=role,
        track=values.get("track", ""),
        entry_id=values["id"] if _SAFE_ID.fullmatch(values.get("id", "")) else "",
        private=_private_text(values, other),
        origin=_.gettext("imported from %(file)s, line %(line)s", file=table.path.name, line=line),
    )
    _add_details(candidate, values, header_of, options)
    return candidate


def _no_rejection_date(column: str | None, _: Language) -> str:
    if column:
        return _.gettext(
            "rejected, but no rejection date: add the day in the %(column)s column",
            column=repr(column),
        )
    return _.gettext("rejected, but no rejection date: add the day in a 'Rejected' column")


def _bad_date(column: str | None, exc: DateError, table: Table, _: Language) -> str:
    if isinstance(exc, AmbiguousDate) and table.order:
        return _.gettext(
            "%(column)s: %(problem)s; this file's other dates are %(order)s",
            column=column,
            problem=exc.said(_),
            order=table.order,
        )
    return _.gettext("%(column)s: %(problem)s", column=column, problem=exc.said(_))


def _not_a_rejection(values: dict[str, str], _: Language) -> str:
    """Why a row is not a rejection, or "" when it is one."""
    kind = values.get("type", "rejection")
    if fold(kind) != "rejection":
        return _.gettext("a %(kind)s, not a rejection: import reads rejections only", kind=kind)
    if "type" in values:
        return ""
    status = values.get("status")
    if status is None:
        if "rejected" in values:
            return ""
        return _.gettext("no status and no rejection date: not a rejection")
    if is_rejection(status):
        return ""
    return _.gettext("status %(status)s is not a rejection", status=repr(status))


def _private_text(values: dict[str, str], other: dict[str, str]) -> str:
    """Notes, contacts and every column import does not know: free text, kept private."""
    lines = [values["notes"]] if "notes" in values else []
    lines += [f"{header}: {value}" for header, value in other.items()]
    return "\n\n".join(lines)


def _add_details(
    candidate: Candidate, values: dict[str, str], header_of: dict[str, str], options: ImportOptions
) -> None:
    body: list[str] = []
    if "url" in values:
        url = values["url"]
        if re.match(r"https?://\S+$", url):
            link = f"<{url}>"
            body.append(options.language.gettext("Job posting: %(link)s", link=link))
        else:
            body.append(url)
    if "applied" in values:
        _add_applied(candidate, values["applied"], header_of["applied"], options)
    if "stage" in values:
        stage = map_stage(values["stage"], options.stages)
        if stage:
            candidate.stage = stage
        else:
            _ = options.language
            body.append(
                _.gettext(
                    "Stage reached, as the spreadsheet says: %(stage)s", stage=values["stage"]
                )
            )
            candidate.notes.append(
                _.gettext(
                    "stage %(stage)s is none of %(stages)s: kept in the text",
                    stage=repr(values["stage"]),
                    stages=", ".join(options.stages),
                )
            )
    feedback = values.get("feedback", "")
    never_asked = (
        "not requested",
        "not asked yet",
        status_label("not requested", options.language),
    )
    if feedback and fold(feedback) not in {fold(said) for said in never_asked}:
        candidate.extra[header_of["feedback"]] = feedback
    for name in ("gaps", "strengths", "lessons", "tags"):
        if name in values:
            parts = re.split(r"[;,]" if name == "tags" else ";", values[name])
            setattr(candidate, name, tuple(p.strip() for p in parts if p.strip()))
    candidate.body = "\n\n".join(body)


def _add_applied(candidate: Candidate, text: str, header: str, options: ImportOptions) -> None:
    """`applied` when it is a day no later than the rejection; else kept under `extra`."""
    try:
        applied = parse_day(text, options.date_format)
    except DateError as exc:
        candidate.extra[header] = text
        said = options.language.gettext(
            "%(column)s: %(problem)s; kept under extra",
            column=header,
            problem=exc.said(options.language),
        )
        candidate.notes.append(said)
        return
    if applied > candidate.date:
        candidate.extra[header] = text
        said = options.language.gettext(
            "%(column)s: %(day)s is after the rejection; kept under extra",
            column=header,
            day=applied,
        )
        candidate.notes.append(said)
        return
    candidate.applied = applied
