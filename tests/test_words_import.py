"""`import`, `due`, `stats`, `calendar` and `export` say everything in the log's language.

In the pseudo-language (`language: qps`) no English word is left in what they print or write,
once the fixtures' own values, file names, and the words that stay English on purpose are
taken away: command and option names, the entry format's keys and values, and the markers a
later import reads back (`# DRAFT: `, `# import key: `, `<!-- private -->`).
"""

from __future__ import annotations

import csv
import io
import mailbox
from pathlib import Path

import icalendar
import pytest
from entry_files import Entries
from import_log import FIXTURES, cli, import_into, only_rejections
from mail_corpus import labelled, write_mbox
from pseudo import english_words

from generator.cli.export import COLUMNS

CSV = FIXTURES / "applications.csv"
MBOX = FIXTURES / "rejections.mbox"

KEPT_ENGLISH = (
    # Command and option names: `recovery-log check`, `feedback-email`, --company, --role.
    "recovery",
    "log",
    "check",
    "feedback",
    "email",
    "company",
    "role",
    # The entry format's keys and built-in stage values, read back in every language.
    "date",
    "applied",
    "stage",
    "final",
    "phone",
    "take",
    "home",
    # Markers a later import reads back; a Message-ID's kind; the .md of file names.
    "DRAFT",
    "import",
    "key",
    "private",
    "message",
    "md",
)
"""Words that stay English in every language, on purpose (see the module's doc)."""
SUBJECT_WORDS = ("Litware", "Data Engineer", "Adatum", "Machine Learning Engineer")
"""What import read from the fixture mailbox's subjects: the companies and roles."""


def log_config(folder: Path, language: str) -> Path:
    """A log's mkdocs.yml saying `language`, with its entries folder beside it."""
    config = folder / "mkdocs.yml"
    config.write_text(f"site_name: Log\ntheme:\n  name: mkdocs\n  language: {language}\n")
    (folder / "entries").mkdir(exist_ok=True)
    return config


def csv_values(path: Path = CSV) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle, delimiter=";") for cell in row if cell]


def mail_values(path: Path) -> list[str]:
    """Each message's headers and lines, as import keeps them."""
    box = mailbox.mbox(path, create=False)
    try:
        found = []
        for message in box:
            found += [str(message[name]) for name in ("From", "Subject", "Date", "Message-ID")]
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    text = part.get_payload(decode=True).decode(
                        part.get_content_charset() or "utf-8"
                    )
                    found += [line.strip() for line in text.splitlines() if line.strip()]
        return found
    finally:
        box.close()


def written(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.md")))


def names_and_paths(*folders: Path) -> list[str]:
    return [
        *(str(folder) for folder in folders),
        *(path.name for folder in folders for path in folder.rglob("*") if path.is_file()),
        *(path.stem for folder in folders for path in folder.rglob("*") if path.is_file()),
    ]


def test_import_of_a_spreadsheet_and_a_mailbox_says_nothing_in_english(tmp_path: Path) -> None:
    config = log_config(tmp_path, "qps")
    folder = tmp_path / "entries"
    result = import_into(folder, CSV, MBOX, options=("--verbose", "--config-file", str(config)))
    values = [
        *csv_values(),
        *mail_values(MBOX),
        *SUBJECT_WORDS,
        *names_and_paths(tmp_path, FIXTURES),
    ]
    assert result.exit_code == 1, result.output  # one row has no rejection date
    assert english_words(result.output, values, KEPT_ENGLISH) == []
    assert english_words(written(folder), values, KEPT_ENGLISH) == []


def test_import_of_mail_that_is_not_all_rejections_says_nothing_in_english(
    tmp_path: Path,
) -> None:
    wanted = {
        "person-sender-no-role",
        "vague-noreply",
        "invite-move-forward",
        "ack-cant-reply",
        "offer-en",
        "newsletter-en",
        "newsletter-bulk-only",
        "alert-linkedin",
        "spam-offer",
    }
    box = write_mbox(tmp_path / "inbox.mbox", [i for i in labelled() if i.id in wanted])
    config = log_config(tmp_path, "qps")
    folder = tmp_path / "entries"
    values = [*mail_values(box), *names_and_paths(tmp_path)]
    for options in ((), ("--verbose",), ("--dry-run",)):
        result = import_into(folder, box, options=(*options, "--config-file", str(config)))
        assert result.exit_code == 1, result.output  # drafts wait
        assert english_words(result.output, values, KEPT_ENGLISH) == [], options
    drafts = written(folder)
    assert "# DRAFT: ⟦" in drafts
    assert english_words(drafts, [*values, "Graphic Design Institute"], KEPT_ENGLISH) == []


def test_outside_a_log_import_speaks_the_terminals_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "qps")
    monkeypatch.delenv("LANGUAGE", raising=False)
    result = import_into(tmp_path / "entries", CSV, options=("--dry-run",))
    values = [*csv_values(), *names_and_paths(tmp_path, FIXTURES)]
    assert english_words(result.output, values, KEPT_ENGLISH) == []


@pytest.fixture
def log(entries: Entries) -> Entries:
    """Today is 26 Nov 2026: feedback to ask for, to chase, gaps, a track and a question."""
    entries.entry(
        "2026-11-02-old-analyst.md",
        "date: 2026-11-02\ncompany: Old\nrole: Analyst\ntrack: data\nstage: final\n"
        "gaps: [{skill: SQL, severity: high}]\n",
    )
    entries.entry(
        "2026-11-24-fresh-analyst.md", "date: 2026-11-24\ncompany: Fresh\nrole: Analyst\n"
    )
    entries.entry(
        "2026-10-20-chase-analyst.md",
        "date: 2026-10-20\ncompany: Chase\nrole: Analyst\ntrack: data\n"
        "feedback: {requested: 2026-10-21}\ngaps: [SQL]\n",
    )
    entries.entry(
        "2026-11-01-done-analyst.md",
        "date: 2026-11-01\ncompany: Done\nrole: Analyst\n"
        "feedback: {requested: 2026-11-02, received: 2026-11-05}\n",
    )
    entries.entry(
        "2026-11-10-reflection.md",
        "type: reflection\ndate: 2026-11-10\ntrack: data\ndecision: persist\n"
        "ask_mentor: [Should I learn SQL first]\n",
    )
    return entries


LOG_VALUES = ("Old", "Fresh", "Chase", "Done", "Analyst", "SQL", "data", "Should I learn SQL first")


def in_language(log: Entries, language: str, *command: str) -> str:
    config = log_config(log.root.parent, language)
    today = ("--today", "2026-11-26") if command[0] in ("due", "stats") else ()
    where = (str(log.root),) if command[0] == "stats" else ("--entries", str(log.root))
    result = cli(*command, *where, "--config-file", str(config), *today)
    assert result.exit_code == 0, result.output
    return result.output


def calendar_text(ics: str) -> str:
    """The calendar's name and its events' titles and descriptions (the rest is the format's)."""
    calendar = icalendar.Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert events
    texts = [str(calendar["x-wr-calname"])]
    texts += [str(event[name]) for event in events for name in ("summary", "description")]
    return "\n".join(texts)


def test_due_calendar_and_export_say_nothing_in_english(log: Entries) -> None:
    values = [*LOG_VALUES, *names_and_paths(log.root)]
    for command in (("due",), ("calendar",), ("export",)):
        said = in_language(log, "qps", *command)
        if command[0] == "calendar":
            said = calendar_text(said)
        if command[0] == "export":  # the headers and the site's words; the rest is the log's
            table = list(csv.reader(io.StringIO(said)))
            status = COLUMNS.index("feedback status")
            said = "\n".join([*table[0], *(row[status] for row in table[1:])])
        assert said.strip()
        assert english_words(said, values, KEPT_ENGLISH) == [], command


def test_stats_says_nothing_in_english(log: Entries) -> None:
    config = log_config(log.root.parent, "qps")
    result = cli("stats", str(log.root), "--config-file", str(config), "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    values = [*LOG_VALUES, *names_and_paths(log.root)]
    assert english_words(result.output, values, KEPT_ENGLISH) == []


def test_german_import_summary_counts_with_plurals(tmp_path: Path) -> None:
    config = log_config(tmp_path, "de")
    result = import_into(tmp_path / "entries", CSV, options=("--config-file", str(config)))
    assert result.output.splitlines()[-1] == (
        "3 Einträge geschrieben; 2 übersprungen (keine Absagen); 1 nicht importiert."
    )


def test_german_calendar_writes_the_rejections_day_as_germans_do(log: Entries) -> None:
    said = calendar_text(in_language(log, "de", "calendar"))
    assert "Die Absage kam am 2. November 2026. Fragen lohnt sich noch." in said


def test_french_due_line_counts_days(log: Entries) -> None:
    lines = in_language(log, "fr", "due").splitlines()
    assert (
        "relancer 2026-10-20-chase-analyst  Analyst chez Chase\u202f: 36 jours depuis votre "
        "demande\u202f: envoyez l\u2019unique relance"
    ) in lines


def test_spanish_stats_heads_the_skills_gap(log: Entries) -> None:
    said = in_language(log, "es", "stats")
    assert "Habilidades por desarrollar (las más urgentes primero)" in said


def test_a_german_export_imports_back_without_its_status_words(
    log: Entries, tmp_path: Path
) -> None:
    exported = tmp_path / "applications.csv"
    in_language(log, "de", "export", "--output", str(exported))
    again = tmp_path / "again"
    config = log_config(tmp_path, "de")
    result = import_into(again, exported, options=("--config-file", str(config)))
    assert result.exit_code == 0, result.output
    back = only_rejections(again)
    assert back["2026-11-02-old-analyst"].extra == {}
    assert back["2026-11-01-done-analyst"].extra == {"Feedback-Status": "erhalten"}  # as headed
