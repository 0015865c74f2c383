"""`recovery-log export`: published entries as CSV or JSON, and the CSV imports back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from entry_files import Entries
from import_log import cli, import_into, only_rejections

from generator.cli.export import COLUMNS, to_csv
from generator.cli.importing.columns import map_headers


@pytest.fixture
def log(entries: Entries) -> Entries:
    entries.entry(
        "2026-10-02-fabrikam-analyst.md",
        """\
        date: 2026-10-02
        company: Fabrikam
        role: Product Analyst
        applied: 2026-09-14
        stage: phone
        process:
          - stage: final
        feedback: {requested: 2026-10-03, received: 2026-10-09}
        gaps: [SQL window functions, {skill: Tableau, severity: high}]
        strengths: [stakeholder communication]
        lessons: ["Ask earlier <!-- private -->Jo was rude<!-- /private -->"]
        tags: [remote, fintech]
        """,
        "Public words.\n<!-- private -->Secret words.<!-- /private -->\n",
    )
    entries.entry(
        "2026-11-03-café-data-analyst.md",
        "date: 2026-11-03\ncompany: Café Lumière\nrole: Data Analyst, Junior\n",
    )
    entries.entry("2026-11-10-reflection.md", "type: reflection\ndate: 2026-11-10\ntrack: data\n")
    entries.entry(
        "2026-11-12-hidden-co-analyst.md",
        "date: 2026-11-12\ncompany: Hidden Co\nrole: Analyst\nprivate: true\n",
    )
    return entries


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_the_columns_and_one_row_per_published_entry(log: Entries) -> None:
    result = cli("export", "--entries", log.root)
    table = rows(result.output)
    assert tuple(table[0]) == COLUMNS
    assert [row["id"] for row in table] == [
        "2026-10-02-fabrikam-analyst",
        "2026-11-03-café-data-analyst",
        "2026-11-10-reflection",
    ]


def test_a_row_says_what_the_site_works_out(log: Entries) -> None:
    row = rows(cli("export", "--entries", log.root).output)[0]
    assert row["stage reached"] == "final" and row["feedback status"] == "received"
    assert row["gaps"] == "SQL window functions; Tableau"
    assert (row["applied"], row["tags"]) == ("2026-09-14", "remote; fintech")


def test_private_entries_are_left_out_unless_asked_for(log: Entries) -> None:
    assert "Hidden Co" not in cli("export", "--entries", log.root).output
    shown = cli("export", "--entries", log.root, "--show-private").output
    assert "Hidden Co" in shown


def test_private_sections_are_removed_from_every_text(log: Entries) -> None:
    for options in ((), ("--show-private",), ("--format", "json")):
        output = cli("export", "--entries", log.root, *options).output
        assert "Jo was rude" not in output and "Secret" not in output
        assert "Ask earlier" in output


def test_json_has_one_object_per_published_entry(log: Entries) -> None:
    records = json.loads(cli("export", "--entries", log.root, "--format", "json").output)
    assert [r["type"] for r in records] == ["rejection", "rejection", "reflection"]
    assert records[0]["stage_reached"] == "final"
    assert records[0]["gaps"] == ["SQL window functions", "Tableau"]
    assert records[2]["company"] is None and records[2]["track"] == "data"


def test_output_file_is_written_with_a_byte_order_mark_for_spreadsheets(
    log: Entries, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "applications.csv"
    result = cli("export", "--entries", log.root, "--output", target)
    assert "wrote" in result.output and "3 entries" in result.output
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "Café Lumière" in target.read_text(encoding="utf-8-sig")


def test_export_then_import_gives_the_same_rejections(log: Entries, tmp_path: Path) -> None:
    exported = tmp_path / "applications.csv"
    cli("export", "--entries", log.root, "--output", exported)
    empty = tmp_path / "again"
    result = import_into(empty, exported)
    assert result.exit_code == 0, result.output
    assert "a reflection, not a rejection: import reads rejections only" in result.output

    def facts(folder: Path) -> set[tuple[str, str, str, str]]:
        return {
            (e.company, e.role, e.date.isoformat(), e.stage)
            for e in only_rejections(folder).values()
            if not e.private
        }

    originals = {
        (company, role, day, "final" if company == "Fabrikam" else stage)
        for company, role, day, stage in facts(log.root)
    }
    assert facts(empty) == originals


def test_round_trip_keeps_gaps_strengths_lessons_and_tags(log: Entries, tmp_path: Path) -> None:
    exported = tmp_path / "applications.csv"
    cli("export", "--entries", log.root, "--output", exported)
    import_into(tmp_path / "again", exported)
    entry = only_rejections(tmp_path / "again")["2026-10-02-fabrikam-analyst"]
    assert [gap.skill for gap in entry.gaps] == ["SQL window functions", "Tableau"]
    assert (entry.strengths, entry.lessons) == (("stakeholder communication",), ("Ask earlier",))
    assert entry.tags == ("remote", "fintech")


def test_the_csv_header_row_is_in_the_logs_language_and_json_keys_stay_english(
    log: Entries, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")  # outside a log: the terminal's language
    header = next(csv.reader(io.StringIO(cli("export", "--entries", log.root).output)))
    assert header[:4] == ["ID", "Art", "Datum", "Unternehmen"]
    assert "Erreichte Phase" in header and "Feedback-Status" in header
    exported = json.loads(cli("export", "--entries", log.root, "--format", "json").output)
    assert "stage_reached" in exported[0] and "feedback_status" in exported[0]


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_an_export_in_any_language_imports_back(
    log: Entries, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("LANGUAGE", language)
    exported = tmp_path / "applications.csv"
    cli("export", "--entries", log.root, "--output", exported)
    import_into(tmp_path / "again", exported)
    entry = only_rejections(tmp_path / "again")["2026-10-02-fabrikam-analyst"]
    assert (entry.company, entry.role, entry.stage) == ("Fabrikam", "Product Analyst", "final")
    assert entry.applied is not None and entry.applied.isoformat() == "2026-09-14"
    assert [gap.skill for gap in entry.gaps] == ["SQL window functions", "Tableau"]
    assert entry.tags == ("remote", "fintech")


def test_a_trackers_own_type_and_date_columns_keep_their_meaning() -> None:
    mapping = map_headers(["Unternehmen", "Stelle", "Status", "Typ", "Datum"])
    assert sorted(mapping.values()) == ["company", "role", "status"]  # Typ, Datum: extra text


def test_entries_with_problems_are_reported_on_stderr(log: Entries) -> None:
    log.entry("2026-11-20-broken.md", "date: 2026-11-20\ncompany: X\n")
    result = cli("export", "--entries", log.root)
    assert "1 problem left entries out: run recovery-log check." in result.output


def test_importing_an_export_into_its_own_log_changes_nothing(log: Entries, tmp_path: Path) -> None:
    from import_log import snapshot

    exported = tmp_path / "applications.csv"
    cli("export", "--entries", log.root, "--output", exported)
    before = snapshot(log.root)
    result = import_into(log.root, exported)
    assert snapshot(log.root) == before
    assert "0 entries written; 2 already there" in result.output


def test_a_request_followed_up_long_ago_exports_as_no_reply(entries: Entries) -> None:
    entries.entry(
        "2026-09-01-northwind-analyst.md",
        """\
        date: 2026-09-01
        company: Northwind
        role: Analyst
        feedback: {requested: 2026-09-02, followed_up: 2026-09-20}
        """,
    )
    row = rows(cli("export", "--entries", entries.root).output)[0]
    assert row["feedback status"] == "no reply (you did your part)"


def test_feedback_statuses_read_as_the_site_says_them(log: Entries) -> None:
    table = rows(cli("export", "--entries", log.root).output)
    cafe = next(row for row in table if row["company"] == "Café Lumière")
    assert cafe["feedback status"] == "not asked yet"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text(start: str) -> None:
    formula = f'{start}HYPERLINK("http://evil.example")'
    record = dict.fromkeys(COLUMNS, formula)
    row = next(csv.reader(io.StringIO(to_csv([record]).split("\r\n", 1)[1])))
    assert set(row) == {"'" + formula}


def test_an_entry_whose_role_starts_with_equals_exports_as_text(entries: Entries) -> None:
    entries.entry("2026-09-01-acme-x.md", "date: 2026-09-01\ncompany: Acme\nrole: '=1+2'\n")
    row = rows(cli("export", "--entries", entries.root).output)[0]
    assert row["role"] == "'=1+2"


def test_a_guarded_cell_imports_back_as_it_was(entries: Entries, tmp_path: Path) -> None:
    entries.entry("2026-09-01-acme-x.md", "date: 2026-09-01\ncompany: '@Acme'\nrole: '-Analyst'\n")
    exported = tmp_path / "out.csv"
    cli("export", "--entries", entries.root, "--output", exported)
    import_into(tmp_path / "again", exported)
    entry = next(iter(only_rejections(tmp_path / "again").values()))
    assert (entry.company, entry.role) == ("@Acme", "-Analyst")


def test_every_command_takes_the_entries_folder_under_either_spelling(log: Entries) -> None:
    exported = cli("export", "--entries", log.root).output
    for spelling in ("--entries", "--entries-dir"):
        assert cli("export", spelling, log.root).output == exported
        due = cli("due", spelling, log.root, "--today", "2026-11-26")
        assert "2026-11-03-café-data-analyst" in due.output
