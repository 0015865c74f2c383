"""`recovery-log import` of the exports people have: one fixture per job tracker.

The fixtures are written from the trackers' public layouts (their column names, status
words and date formats), with invented companies and people.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from import_log import FIXTURES, import_into, only_rejections

from generator.privacy import strip_private_sections

TRACKERS = FIXTURES / "trackers"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "entries"


@pytest.mark.parametrize(
    ("export", "expected"),
    [
        ("huntr.csv", {"2026-10-30-northwind-traders-analytics-engineer"}),
        ("teal.csv", {"2026-10-14-trey-research-data-scientist"}),
        (
            "simplify.csv",
            {"2026-10-21-lamna-healthcare-product-owner", "2026-11-02-relecloud-backend-engineer"},
        ),
        ("notion.csv", {"2026-11-09-margie-s-travel-customer-insights-analyst"}),
        ("jobsync.csv", {"2026-10-29-contoso-cloud-solutions-architect"}),
        (
            "google-sheets-de.csv",
            {
                "2026-11-04-brauerei-nordlicht-gmbh-data-engineer",
                "2026-11-12-alpenblick-software-ag-werkstudent-softwareentwicklung",
            },
        ),
    ],
)
def test_each_trackers_export_gives_exactly_its_rejections(
    folder: Path, export: str, expected: set[str]
) -> None:
    result = import_into(folder, TRACKERS / export)
    assert set(only_rejections(folder)) == expected, result.output
    assert result.exit_code == 0, result.output


def test_a_status_change_date_dates_the_rejection_and_applied_is_kept(folder: Path) -> None:
    import_into(folder, TRACKERS / "teal.csv")
    entry = only_rejections(folder)["2026-10-14-trey-research-data-scientist"]
    assert (str(entry.date), str(entry.applied)) == ("2026-10-14", "2026-09-03")


def test_linkedins_export_has_no_outcomes_and_says_what_to_add(folder: Path) -> None:
    result = import_into(folder, TRACKERS / "linkedin-job-applications.csv")
    assert "no status and no rejection-date column" in result.output
    assert "add a Status column" in result.output and not folder.exists()


@pytest.mark.parametrize(
    ("export", "entry_id", "private_words"),
    [
        (
            "google-sheets-de.csv",
            "2026-11-04-brauerei-nordlicht-gmbh-data-engineer",
            ("Petra Schulz", "p.schulz@nordlicht.example", "+49 30 1234567", "zu wenig Spark"),
        ),
        (
            "notion.csv",
            "2026-11-09-margie-s-travel-customer-insights-analyst",
            ("Chris Lee", "chris.lee@margiestravel.example", "+1 425 555 0100", "rapport"),
        ),
        (
            "huntr.csv",
            "2026-10-30-northwind-traders-analytics-engineer",
            ("jamie@northwind.example", "55,000"),
        ),
        ("simplify.csv", "2026-11-02-relecloud-backend-engineer", ("+1 206 555 0143",)),
    ],
)
def test_contacts_notes_and_other_free_text_stay_private(
    folder: Path, export: str, entry_id: str, private_words: tuple[str, ...]
) -> None:
    import_into(folder, TRACKERS / export)
    entry = only_rejections(folder)[entry_id]
    public = strip_private_sections(entry.body) + repr(entry.extra)
    assert [word for word in private_words if word not in entry.body] == []
    assert [word for word in private_words if word in public] == []


def test_structured_fields_stay_public(folder: Path) -> None:
    import_into(folder, TRACKERS / "notion.csv")
    entry = only_rejections(folder)["2026-11-09-margie-s-travel-customer-insights-analyst"]
    assert "https://margiestravel.example/jobs/123" in strip_private_sections(entry.body)
    assert (entry.company, str(entry.applied)) == ("Margie's Travel", "2026-10-05")


def test_na_and_dashes_are_empty_cells(folder: Path) -> None:
    import_into(folder, TRACKERS / "simplify.csv")
    entry = only_rejections(folder)["2026-10-21-lamna-healthcare-product-owner"]
    assert "N/A" not in entry.body


def test_an_excel_workbook_is_read_with_its_dates_and_serial_days(folder: Path) -> None:
    result = import_into(folder, TRACKERS / "excel-template.xlsx")
    entries = only_rejections(folder)
    assert "read the sheet 'Applications'" in result.output
    assert entries["2026-10-15-orsted-data-analyst"].company == "Ørsted"
    assert str(entries["2026-10-15-orsted-data-analyst"].applied) == "2026-09-20"
    assert "2026-11-03-maison-lumiere-charge-de-marketing-digital" in entries  # serial 46329
    assert {"2026-11-04-grupo-sol-analista-de-datos", "2026-11-10-polderdata-data-engineer"} <= (
        set(entries)
    )


def test_names_without_latin_letters_get_distinct_stable_ids(folder: Path) -> None:
    import_into(folder, TRACKERS / "excel-template.xlsx")
    hikari = [e for e in only_rejections(folder).values() if e.company.startswith("株式会社")]
    assert sorted(e.company for e in hikari) == ["株式会社ヒカリ", "株式会社ミドリ"]
    assert len({e.id for e in hikari}) == 2
    again = import_into(folder, TRACKERS / "excel-template.xlsx")
    assert "0 entries written" in again.output and "7 already there" not in again.output
    assert "6 already there" in again.output


@pytest.mark.parametrize("status", ["Absage", "abgelehnt", "Refusé", "Rechazado", "Afgewezen"])
def test_statuses_in_other_languages_are_rejections(
    tmp_path: Path, folder: Path, status: str
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"company,role,status,rejected\nAcme,Analyst,{status},2026-10-20\n")
    assert import_into(folder, path).exit_code == 0
    assert set(only_rejections(folder)) == {"2026-10-20-acme-analyst"}


@pytest.mark.parametrize(
    "header",
    [
        "companyName,title,listName,lastMovedAt",
        "company_name,job_title,status,status_date",
        "Company Name:,JobTitle,STATUS,Date Rejected",
    ],
)
def test_headers_are_matched_by_their_words(tmp_path: Path, folder: Path, header: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"{header}\nAcme,Analyst,Rejected,2026-10-20\n")
    import_into(folder, path)
    assert set(only_rejections(folder)) == {"2026-10-20-acme-analyst"}
