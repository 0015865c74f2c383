"""`recovery-log import` of spreadsheets: the rows that are rejections, nothing invented."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TODAY_TEXT
from import_log import FIXTURES, import_into, only_rejections, snapshot

from generator.privacy import strip_private_sections

SPREADSHEET_IDS = {
    "2026-10-02-fabrikam-product-analyst",
    "2026-10-20-cafe-lumiere-analyste-de-donnees",
    "2026-11-02-woodgrove-bank-reporting-analyst",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "entries"


def write_csv(tmp_path: Path, text: str, name: str = "tracker.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_spreadsheet_export_imports_exactly_its_rejections(folder: Path) -> None:
    result = import_into(folder, "applications.csv")
    assert set(only_rejections(folder)) == SPREADSHEET_IDS
    assert "3 entries written" in result.output


def test_rows_that_are_not_rejections_are_skipped_with_their_status(folder: Path) -> None:
    result = import_into(folder, "applications.csv")
    assert "applications.csv:4: skipped: status 'Interviewing' is not a rejection" in result.output
    assert "applications.csv:5: skipped: status 'Applied' is not a rejection" in result.output


def test_a_rejected_row_without_a_date_is_reported_at_file_and_line(folder: Path) -> None:
    result = import_into(folder, "applications.csv")
    assert "applications.csv:6: not imported: rejected, but no rejection date" in result.output
    assert not any("tailspin" in p.name for p in folder.iterdir())
    assert result.exit_code == 1


def test_importing_the_same_file_twice_changes_nothing(folder: Path) -> None:
    import_into(folder, "applications.csv")
    before = snapshot(folder)
    again = import_into(folder, "applications.csv")
    assert snapshot(folder) == before
    assert "0 entries written; 3 already there" in again.output


def test_dry_run_reports_the_same_and_writes_nothing(folder: Path) -> None:
    result = import_into(folder, "applications.csv", options=("--dry-run",))
    assert not folder.exists()
    assert "would write" in result.output and "Dry run, nothing written" in result.output
    assert "applications.csv:6: not imported" in result.output


def test_quoted_commas_and_accents_survive(folder: Path) -> None:
    import_into(folder, "applications.csv")
    entries = only_rejections(folder)
    fabrikam = entries["2026-10-02-fabrikam-product-analyst"]
    assert "Good chat, but they wanted more SQL" in fabrikam.body
    cafe = entries["2026-10-20-cafe-lumiere-analyste-de-donnees"]
    assert (cafe.company, cafe.role) == ("Café Lumière", "Analyste de données")


def test_notes_and_columns_it_does_not_know_are_kept_private_by_header(folder: Path) -> None:
    import_into(folder, "applications.csv")
    entry = only_rejections(folder)["2026-11-02-woodgrove-bank-reporting-analyst"]
    assert entry.extra == {}
    assert "Salary: 52,000" in entry.body and "Case study, two days" in entry.body
    assert strip_private_sections(entry.body).strip() == ""


def test_application_date_and_stage_are_read(folder: Path) -> None:
    import_into(folder, "applications.csv")
    entry = only_rejections(folder)["2026-10-02-fabrikam-product-analyst"]
    assert (str(entry.applied), entry.stage) == ("2026-09-14", "final")


def test_written_files_pass_check(folder: Path) -> None:
    from import_log import cli

    import_into(folder, "applications.csv")
    assert cli("check", folder, "--today", TODAY_TEXT).exit_code == 0


@pytest.mark.parametrize(
    "header",
    [
        "Employer,Position,Application date,Stage,Decision date",
        "organisation,job title,applied,status,closed",
        "Organization,Title,Date applied,Outcome,Date rejected",
    ],
)
def test_headers_are_matched_with_their_common_synonyms(
    tmp_path: Path, folder: Path, header: str
) -> None:
    path = write_csv(tmp_path, f"{header}\nAcme,Data Analyst,2026-10-01,Rejected,2026-10-20\n")
    import_into(folder, path)
    entry = only_rejections(folder)["2026-10-20-acme-data-analyst"]
    assert str(entry.applied) == "2026-10-01"


def test_tab_separated_files_are_read(tmp_path: Path, folder: Path) -> None:
    text = "Company\tRole\tRejected\nAcme, Inc.\tAnalyst\t2026-10-20\n"
    path = write_csv(tmp_path, text, "t.tsv")
    import_into(folder, path)
    assert only_rejections(folder)["2026-10-20-acme-inc-analyst"].company == "Acme, Inc."


@pytest.mark.parametrize(
    "status", ["Rejected", "rejection", "Not selected", "Declined by employer", "Unsuccessful"]
)
def test_statuses_that_mean_a_rejection(tmp_path: Path, folder: Path, status: str) -> None:
    path = write_csv(tmp_path, f"company,role,status,rejected\nAcme,Analyst,{status},2026-10-20\n")
    assert import_into(folder, path).exit_code == 0
    assert len(only_rejections(folder)) == 1


@pytest.mark.parametrize("status", ["Applied", "Interviewing", "Offer", "Withdrawn", "Ghosted"])
def test_other_statuses_are_skipped_by_name(tmp_path: Path, folder: Path, status: str) -> None:
    path = write_csv(tmp_path, f"company,role,status,rejected\nAcme,Analyst,{status},2026-10-20\n")
    result = import_into(folder, path)
    assert f"tracker.csv:2: skipped: status '{status}' is not a rejection" in result.output
    assert not folder.exists()


@pytest.mark.parametrize(
    ("cell", "stage"),
    [
        ("Phone screen", "phone"),
        ("Final round", "final"),
        ("Take home", "take-home"),
        ("On-site", "onsite"),
        ("Technical interview", "technical"),
        ("FINAL", "final"),
    ],
)
def test_stage_cells_map_to_the_configured_stages(
    tmp_path: Path, folder: Path, cell: str, stage: str
) -> None:
    path = write_csv(tmp_path, f"company,role,rejected,stage\nAcme,Analyst,2026-10-20,{cell}\n")
    import_into(folder, path)
    assert only_rejections(folder)["2026-10-20-acme-analyst"].stage == stage


def test_a_lone_stage_column_may_hold_the_status(tmp_path: Path, folder: Path) -> None:
    text = "company,role,stage,rejected\nAcme,Analyst,Rejected,2026-10-20\nBeta,Analyst,Offer,\n"
    result = import_into(folder, write_csv(tmp_path, text))
    assert set(only_rejections(folder)) == {"2026-10-20-acme-analyst"}
    assert "tracker.csv:3: skipped" in result.output


def test_an_unknown_stage_is_kept_in_the_text_and_reported(tmp_path: Path, folder: Path) -> None:
    text = "company,role,rejected,stage\nAcme,Analyst,2026-10-20,Lunch with the founders\n"
    result = import_into(folder, write_csv(tmp_path, text))
    entry = only_rejections(folder)["2026-10-20-acme-analyst"]
    assert entry.stage == "applied"
    assert "Lunch with the founders" in entry.body
    assert "stage 'Lunch with the founders' is none of applied, screen" in result.output


def test_an_ambiguous_date_is_reported_not_guessed(tmp_path: Path, folder: Path) -> None:
    path = write_csv(tmp_path, "company,role,rejected\nAcme,Analyst,03/11/2026\n")
    result = import_into(folder, path)
    reported = "tracker.csv:2: not imported: rejected: '03/11/2026' could be 3 November or 11 March"
    assert reported in result.output
    assert "--date-format" in result.output and not folder.exists()


def test_an_ambiguous_date_report_says_how_the_files_other_dates_read(
    tmp_path: Path, folder: Path
) -> None:
    text = "company,role,applied,rejected\nAcme,Analyst,28/09/2026,03/11/2026\n"
    result = import_into(folder, write_csv(tmp_path, text))
    assert (
        "pass --date-format DMY (day first) or MDY (month first); this file's other dates are DMY"
        in (result.output)
    )


def test_date_format_reads_ambiguous_dates(tmp_path: Path, folder: Path) -> None:
    path = write_csv(tmp_path, "company,role,rejected\nAcme,Analyst,03/11/2026\n")
    import_into(folder, path, options=("--date-format", "DMY"))
    assert set(only_rejections(folder)) == {"2026-11-03-acme-analyst"}


def test_a_date_after_today_is_reported(tmp_path: Path, folder: Path) -> None:
    path = write_csv(tmp_path, "company,role,rejected\nAcme,Analyst,2027-01-05\n")
    assert "2027-01-05 is after today" in import_into(folder, path).output


def test_a_file_without_a_company_column_is_one_clear_error(tmp_path: Path, folder: Path) -> None:
    path = write_csv(tmp_path, "firm,role,rejected\nAcme,Analyst,2026-10-20\n")
    result = import_into(folder, path)
    assert "tracker.csv:1: not imported: no company column: expected a header such as company" in (
        result.output
    )
    assert result.exit_code == 1


def test_company_option_fills_a_missing_company(tmp_path: Path, folder: Path) -> None:
    path = write_csv(tmp_path, "role,rejected\nAnalyst,2026-10-20\n")
    import_into(folder, path, options=("--company", "Acme"))
    assert set(only_rejections(folder)) == {"2026-10-20-acme-analyst"}


def test_files_it_cannot_read_are_reported_not_raised(tmp_path: Path, folder: Path) -> None:
    notes = write_csv(tmp_path, "hello", "notes.txt")
    result = import_into(folder, notes, tmp_path / "missing.csv")
    assert "notes.txt: not imported: expected a file ending in .csv" in result.output
    assert "missing.csv: not imported: no such file" in result.output
    assert result.exit_code == 1


def test_the_fixture_is_a_real_spreadsheet_export() -> None:
    data = (FIXTURES / "applications.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b";" in data


def test_a_file_that_is_not_utf8_is_read_and_the_user_told(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("company;role;rejected\r\nCafé Noir;Analyst;2026-10-20\r\n".encode("cp1252"))
    result = import_into(folder, path)
    assert "excel.csv:1: note: not UTF-8: read as Windows-1252" in result.output
    assert only_rejections(folder)["2026-10-20-cafe-noir-analyst"].company == "Café Noir"


def test_the_same_rejection_twice_in_one_file_is_written_once(tmp_path: Path, folder: Path) -> None:
    text = "company,role,rejected\nAcme,Analyst,2026-10-20\nAcme,Analyst,2026-10-20\n"
    result = import_into(folder, write_csv(tmp_path, text))
    assert "tracker.csv:3: duplicate of " in result.output and "tracker.csv:2: written once" in (
        result.output
    )
    assert "1 duplicate not written twice" in result.output
    assert len(only_rejections(folder)) == 1 and result.exit_code == 0


def test_without_a_log_here_it_says_where_to_run_it(tmp_path: Path) -> None:
    from import_log import cli

    result = cli("import", FIXTURES / "applications.csv")
    assert result.exit_code == 1
    assert "no entries folder at entries: pass the folder, or run this next to mkdocs.yml" in (
        result.output
    )


def test_two_different_rejections_with_one_file_name_are_a_clash_both_written(
    tmp_path: Path, folder: Path
) -> None:
    text = "company,role,rejected\nAcme Inc,Analyst,2026-10-20\nAcme-Inc,Analyst,2026-10-20\n"
    path = write_csv(tmp_path, text)
    result = import_into(folder, path)
    assert "tracker.csv:3: note: clash: 2026-10-20-acme-inc-analyst.md is a different" in (
        result.output
    )
    assert {e.company for e in only_rejections(folder).values()} == {"Acme Inc", "Acme-Inc"}
    again = import_into(folder, path)
    assert "0 entries written; 2 already there" in again.output
