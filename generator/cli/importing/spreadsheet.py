"""Rows of a CSV or TSV file (a spreadsheet's or a job tracker's export) -> rejections."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from .candidate import Candidate, Notice, Skip
from .columns import EITHER, MULTI, SYNONYMS, fold, is_rejection, map_headers, map_stage
from .dates import DateError, parse_day
from .options import ImportOptions

_QUOTED = re.compile(r'"[^"]*"')


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file, and a note when it was not UTF-8 (with or without a BOM)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), ""
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252"


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


def read_table(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip | Notice]:
    """One Candidate or Skip per non-empty row, in file order."""
    text, note = decode(path.read_bytes())
    if note:
        yield Notice(f"{path}:1", note + "; check the accents")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text, path.suffix))
    headers: list[str] | None = None
    line = 1
    for row in reader:
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if headers is None:
            headers = row
            mapping = map_headers(headers)
            problem = _missing_columns(mapping, options)
            if problem:
                yield Skip(f"{path}:{start}", problem, failed=True)
                return
            continue
        yield _row(row, headers, mapping, Where(path, start), options)
    if headers is None:
        yield Skip(f"{path}:1", "empty: expected a header row, then one row per application", True)


class Where:
    def __init__(self, path: Path, line: int) -> None:
        self.path, self.line = path, line

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


def _missing_columns(mapping: dict[int, str], options: ImportOptions) -> str:
    known = set(mapping.values())
    for name, given in (("company", options.company), ("role", options.role)):
        if name not in known and not given:
            names = ", ".join(SYNONYMS[name])
            return f"no {name} column: expected a header such as {names} (or pass --{name})"
    return ""


def _cells(
    row: list[str], headers: list[str], mapping: dict[int, str]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The row's known values by field, its other values by header, and each field's header."""
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    header_of: dict[str, str] = {}
    for index, raw in enumerate(row):
        cell = raw.strip()
        header = headers[index].strip() if index < len(headers) else ""
        name = mapping.get(index)
        if name:
            header_of.setdefault(name, header)
        if not cell:
            continue
        if name is None:
            key = header or f"column {index + 1}"
            while key in extra:
                key += " (again)"
            extra[key] = cell
        elif name in MULTI and name in values:
            values[name] += "\n\n" + cell
        else:
            values[name] = cell
    return values, extra, header_of


def _row(
    row: list[str],
    headers: list[str],
    mapping: dict[int, str],
    where: Where,
    options: ImportOptions,
) -> Candidate | Skip:
    values, extra, header_of = _cells(row, headers, mapping)
    if EITHER in values:
        either = values.pop(EITHER)
        name = "status" if is_rejection(either) else "stage"
        values[name], header_of[name] = either, header_of[EITHER]
    not_rejection = _not_a_rejection(values)
    if not_rejection:
        return Skip(str(where), not_rejection, failed=False)
    column = header_of.get("rejected")
    if "rejected" not in values:
        hint = f"the {column!r} column" if column else "a 'Rejected' column"
        return Skip(str(where), f"rejected, but no rejection date: add the day in {hint}", True)
    try:
        day = parse_day(values["rejected"], options.date_format)
    except DateError as exc:
        return Skip(str(where), f"{column}: {exc}", failed=True)
    if day > options.today:
        return Skip(str(where), f"{column}: {day} is after today ({options.today})", True)
    company = values.get("company") or options.company
    role = values.get("role") or options.role
    for name, value in (("company", company), ("role", role)):
        if not value:
            return Skip(str(where), f"no {name}: the {header_of[name]!r} cell is empty", True)
    candidate = Candidate(
        where=str(where),
        date=day,
        company=company,
        role=role,
        track=values.get("track", ""),
        extra=extra,
        origin=f"imported from {where.path.name}, line {where.line}",
    )
    _add_details(candidate, values, header_of, options)
    return candidate


def _not_a_rejection(values: dict[str, str]) -> str:
    """Why a row is not a rejection, or "" when it is one."""
    kind = values.get("type", "rejection")
    if fold(kind) != "rejection":
        return f"a {kind}, not a rejection: import reads rejections only"
    if "type" in values:
        return ""
    status = values.get("status")
    if status is None:
        return "" if "rejected" in values else "no status and no rejection date: not a rejection"
    return "" if is_rejection(status) else f"status {status!r} is not a rejection"


def _add_details(
    candidate: Candidate, values: dict[str, str], header_of: dict[str, str], options: ImportOptions
) -> None:
    body = [values["notes"]] if "notes" in values else []
    if "url" in values:
        url = values["url"]
        body.append(f"Job posting: <{url}>" if re.match(r"https?://\S+$", url) else url)
    if "applied" in values:
        _add_applied(candidate, values["applied"], header_of["applied"], options)
    if "stage" in values:
        stage = map_stage(values["stage"], options.stages)
        if stage:
            candidate.stage = stage
        else:
            body.append(f"Stage reached, as the spreadsheet says: {values['stage']}")
            candidate.notes.append(
                f"stage {values['stage']!r} is none of {', '.join(options.stages)}: "
                "kept in the text"
            )
    feedback = values.get("feedback", "")
    if feedback and fold(feedback) != "not requested":
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
        candidate.notes.append(f"{header}: {exc}; kept under extra")
        return
    if applied > candidate.date:
        candidate.extra[header] = text
        candidate.notes.append(f"{header}: {applied} is after the rejection; kept under extra")
        return
    candidate.applied = applied
