"""`recovery-log export`: the log as CSV or JSON, e.g. a list of applications for a job centre.

Only what the site may publish is exported (private entries and private sections never are,
unless `--show-private`), and the CSV reads back with `recovery-log import`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path

import click

from ..entries.loader import load_log
from ..i18n import ENGLISH, N_, NC_, Language
from ..insights.analysis import Analysis, analyse
from ..insights.names import LogNames, log_names
from ..model import AnyEntry, Rejection
from ..privacy import publishable, strip_private_sections
from ..settings import Settings
from ..vocabulary import status_label
from .command_kit import (
    config_option,
    deliver,
    entries_folder,
    entries_option,
    output_option,
    project_for,
)
from .help_text import TranslatedCommand

COLUMN_MESSAGES = (
    NC_("export column", "id"),
    NC_("export column", "type"),
    NC_("export column", "date"),
    NC_("export column", "company"),
    NC_("export column", "role"),
    NC_("export column", "track"),
    NC_("export column", "applied"),
    NC_("export column", "stage reached"),
    NC_("export column", "feedback status"),
    NC_("export column", "gaps"),
    NC_("export column", "strengths"),
    NC_("export column", "lessons"),
    NC_("export column", "tags"),
)
COLUMNS = tuple(column for _, column in COLUMN_MESSAGES)
"""The records' keys; JSON uses them with `_` for spaces (for scripts: English in every
language), the CSV's header row says them in the log's language (for people)."""
LIST_SEPARATOR = "; "

Value = str | list[str] | None


def _texts(items: Iterable[str]) -> list[str]:
    cleaned = (" ".join(strip_private_sections(item).split()) for item in items)
    return [item for item in cleaned if item]


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def export_record(
    entry: AnyEntry, analysis: Analysis, names: LogNames, language: Language = ENGLISH
) -> dict[str, Value]:
    """One entry as the export's columns; None where a field does not apply or is not set.

    Stage reached and feedback status are the analysis' facts, in the site's words (a request
    followed up long ago reads "no reply (you did your part)", none "not asked yet"), the
    status in the log's `language` (import reads it back in that language); skills,
    strengths and tracks are under the log's names (`names`). The keys, the type and the
    stage stay the entry format's English words (the CSV's header row is translated).
    """
    rejection = entry if isinstance(entry, Rejection) else None
    facts = analysis.of(rejection) if rejection else None
    record: dict[str, Value] = {
        "id": entry.id,
        "type": entry.kind,
        "date": entry.date.isoformat(),
        "company": rejection.company if rejection else None,
        "role": rejection.role if rejection else None,
        "track": names.track(entry.track) if entry.track else None,
        "applied": _day(rejection.applied) if rejection else None,
        "stage reached": facts.stage_reached if facts else None,
        "feedback status": status_label(facts.feedback, language) if facts else None,
        "gaps": _texts(names.skill(gap.skill) for gap in rejection.gaps) if rejection else [],
        "strengths": _texts(names.strength(s) for s in entry.strengths),
        "lessons": _texts(entry.lessons),
        "tags": _texts(entry.tags),
    }
    return record


def export_records(entries: Iterable[AnyEntry], settings: Settings) -> list[dict[str, Value]]:
    """Every entry, oldest first, as a record."""
    analysis = analyse(entries, settings)
    names = log_names(analysis.entries, settings.skill_aliases)
    return [export_record(entry, analysis, names, settings.language) for entry in analysis.entries]


def column_headers(language: Language) -> list[str]:
    """The CSV's header row in `language`: `import` knows it again, in any shipped language."""
    return [language.pgettext(context, column) for context, column in COLUMN_MESSAGES]


def to_csv(records: list[dict[str, Value]], language: Language = ENGLISH) -> str:
    """One row per record, under headers in `language`; lists joined with "; " (import splits
    them back)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(column_headers(language))
    for record in records:
        writer.writerow([_cell(record[column]) for column in COLUMNS])
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)."""


def _cell(value: Value) -> str:
    """A value as a cell a spreadsheet shows as text: a leading `'` guards a would-be formula.

    `recovery-log import` drops that `'` again when it reads the file back.
    """
    if value is None:
        return ""
    text = LIST_SEPARATOR.join(value) if isinstance(value, list) else value
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_json(records: list[dict[str, Value]]) -> str:
    """A JSON array of objects, keys as the CSV's with `_` for spaces."""
    keyed = [{key.replace(" ", "_"): value for key, value in r.items()} for r in records]
    return json.dumps(keyed, ensure_ascii=False, indent=2) + "\n"


@click.command("export", cls=TranslatedCommand)
@click.option(
    "--format",
    "form",
    type=click.Choice(["csv", "json"]),
    default="csv",
    show_default=True,
    help=N_("csv: one row per entry, for spreadsheets; json: one object per entry, for scripts."),
)
@output_option
@click.option(
    "--show-private",
    is_flag=True,
    help=N_("Include private entries and sections (never share it)."),
)
@entries_option()
@config_option
def export_command(
    form: str, output: Path | None, show_private: bool, entries_dir: Path | None, config_file: Path
) -> None:
    """Every entry as CSV or JSON: a list of applications, or a backup.

    Columns: id, type, date, company, role, track, applied, stage reached, feedback status,
    gaps, strengths, lessons, tags. Private entries and private sections are left out unless
    --show-private. The CSV imports back with `recovery-log import`.

    \b
    Examples:
      recovery-log export -o applications.csv
      recovery-log export --format json > log.json
    """
    project = project_for(config_file)
    settings = project.settings()
    log = load_log(entries_folder(entries_dir, project), settings)
    entries = publishable(log.entries, show_private)
    records = export_records(entries, settings)
    if form == "json":
        data = to_json(records).encode("utf-8")
    else:
        # A byte-order mark in a file lets spreadsheets show accents right; not on a pipe.
        data = to_csv(records, settings.language).encode("utf-8-sig" if output else "utf-8")
    _ = settings.language
    deliver(data, output, _.ngettext("%(num)s entry", "%(num)s entries", len(records)), _)
    if log.problems:
        click.echo(
            _.ngettext(
                "%(num)s problem left entries out: run recovery-log check.",
                "%(num)s problems left entries out: run recovery-log check.",
                len(log.problems),
            ),
            err=True,
        )
