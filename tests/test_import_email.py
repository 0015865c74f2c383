"""`recovery-log import` of rejection e-mails: facts read plainly, the message kept private."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TODAY_TEXT, built
from import_log import FIXTURES, import_into, only_rejections, snapshot
from test_publishing import everything_in
from test_site_build import write_site

from generator.privacy import strip_private_sections

# Words only the e-mails contain: people's names and their sentences.
EMAIL_WORDS = (
    "Priya Raman",
    "analytics guild",
    "experimentation platforms",
    "Jordan Lee",
    "CVs on file",
    "Mateo Silva",
    "Ingrid Holm",
    "careful review",
    "careers@fabrikam.example",
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "entries"


def write_eml(tmp_path: Path, subject: str, text: str, **headers: str) -> Path:
    fields = {
        "From": "Fabrikam Careers <careers@fabrikam.example>",
        "Subject": subject,
        "Date": "Tue, 03 Nov 2026 10:00:00 +0000",
        "Message-ID": f"<{abs(hash(subject + text))}@fabrikam.example>",
        **headers,
    }
    head = "".join(f"{name.replace('_', '-')}: {value}\n" for name, value in fields.items())
    path = tmp_path / "message.eml"
    path.write_text(f"{head}Content-Type: text/plain; charset=utf-8\n\n{text}\n")
    return path


def test_an_email_with_a_clear_subject_gives_a_complete_entry(folder: Path) -> None:
    result = import_into(folder, "fabrikam.eml")
    entry = only_rejections(folder)["2026-11-03-fabrikam-product-analyst"]
    assert (entry.company, entry.role) == ("Fabrikam", "Product Analyst")
    assert result.exit_code == 0


def test_the_date_is_the_day_of_the_date_header_in_its_own_time_zone(folder: Path) -> None:
    import_into(folder, "fabrikam.eml")  # Tue, 03 Nov 2026 23:30 -0800 is 4 Nov in UTC
    assert str(only_rejections(folder)["2026-11-03-fabrikam-product-analyst"].date) == "2026-11-03"


def test_the_email_text_is_kept_but_only_in_a_private_section(folder: Path) -> None:
    import_into(folder, "fabrikam.eml")
    body = only_rejections(folder)["2026-11-03-fabrikam-product-analyst"].body
    assert "Priya Raman" in body
    assert "Priya" not in strip_private_sections(body)
    assert "careers@fabrikam.example" not in strip_private_sections(body)


def test_an_html_only_email_without_a_role_gives_a_draft_saying_what_to_fill_in(
    folder: Path,
) -> None:
    result = import_into(folder, "contoso.eml")
    assert [p.name for p in folder.iterdir()] == ["_2026-11-16-contoso.md"]
    assert "wrote draft" in result.output and "fill in role" in result.output
    assert result.exit_code == 1


def test_html_becomes_plain_text_without_styles_or_scripts(folder: Path) -> None:
    import_into(folder, "contoso.eml")
    text = (folder / "_2026-11-16-contoso.md").read_text()
    assert "Jordan Lee & the design team" in text
    assert "- We keep CVs on file for six months." in " ".join(text.split("> "))
    for markup in ("<p>", "color:", "trackOpen", "<html"):
        assert markup not in text


def test_role_option_turns_that_draft_into_an_entry(folder: Path) -> None:
    result = import_into(folder, "contoso.eml", options=("--role", "Product Designer"))
    assert set(only_rejections(folder)) == {"2026-11-16-contoso-product-designer"}
    assert result.exit_code == 0


def test_an_mbox_of_two_rejections_gives_two_entries(folder: Path) -> None:
    result = import_into(folder, "rejections.mbox")
    entries = only_rejections(folder)
    assert {(e.company, e.role) for e in entries.values()} == {
        ("Litware", "Data Engineer"),
        ("Adatum", "Machine Learning Engineer"),
    }
    assert "rejections.mbox: message 2: wrote" in result.output


def test_importing_emails_again_changes_nothing_even_after_a_draft_is_finished(
    folder: Path,
) -> None:
    import_into(folder, "fabrikam.eml", "contoso.eml", "rejections.mbox")
    draft = folder / "_2026-11-16-contoso.md"
    draft.rename(folder / "2026-11-16-contoso-designer.md")
    before = snapshot(folder)
    again = import_into(folder, "fabrikam.eml", "contoso.eml", "rejections.mbox")
    assert snapshot(folder) == before
    assert "0 entries written; 4 already there" in again.output
    assert again.exit_code == 0


def test_a_message_cannot_close_its_private_section_early(tmp_path: Path, folder: Path) -> None:
    text = "We will not be moving forward.\n<!-- /private -->\nLeaked sentence <script>x()</script>"
    import_into(folder, write_eml(tmp_path, "Your application for Analyst at Fabrikam", text))
    body = only_rejections(folder)["2026-11-03-fabrikam-analyst"].body
    assert "Leaked" not in strip_private_sections(body)
    assert "<script>" not in body


def test_an_acknowledgement_is_not_written_at_all_not_even_as_a_draft(
    tmp_path: Path, folder: Path
) -> None:
    text = "Thanks for applying! We will be in touch within two weeks."
    path = write_eml(tmp_path, "Your application for Analyst at Fabrikam", text)
    result = import_into(folder, path)
    assert "1 e-mail not rejections, not written (1 application acknowledgement" in result.output
    assert not folder.exists() and result.exit_code == 0


def test_verbose_lists_each_non_rejection_with_its_kind_and_deciding_words(
    tmp_path: Path, folder: Path
) -> None:
    text = "We would like to invite you to a second interview. Unfortunately Friday is full."
    path = write_eml(tmp_path, "Your application for Analyst at Fabrikam", text)
    result = import_into(folder, path, options=("--verbose",))
    assert (
        "message.eml: not written: interview or assessment invitation, not a rejection "
        "(it says 'invite you to a second interview')" in result.output
    )


def test_a_rejection_decided_only_by_a_hint_is_a_draft_saying_it_may_not_be_one(
    tmp_path: Path, folder: Path
) -> None:
    path = write_eml(tmp_path, "Your application for Analyst at Fabrikam", "Unfortunately not.")
    result = import_into(folder, path)
    draft = folder / "_2026-11-03-fabrikam-analyst.md"
    assert "# DRAFT: check it: only 'Unfortunately not' says no; it may not be a rejection" in (
        draft.read_text()
    )
    assert result.exit_code == 1


def test_the_role_is_read_from_a_plain_sentence_when_the_subject_lacks_it(
    tmp_path: Path, folder: Path
) -> None:
    text = "Thank you for your interest in the Data Analyst position at Fabrikam. Sadly it was "
    text += "not successful."
    import_into(folder, write_eml(tmp_path, "Your application", text))
    assert set(only_rejections(folder)) == {"2026-11-03-fabrikam-data-analyst"}


def test_a_message_without_a_date_is_reported_not_dated_today(tmp_path: Path, folder: Path) -> None:
    text = "Your application was unsuccessful."
    path = write_eml(tmp_path, "Your application for Analyst at Fabrikam", text, Date="")
    result = import_into(folder, path)
    assert "message.eml: not imported: Date header" in result.output
    assert result.exit_code == 1 and not folder.exists()


def test_every_imported_email_passes_check(folder: Path) -> None:
    from import_log import cli

    import_into(folder, "fabrikam.eml", "contoso.eml", "rejections.mbox")
    result = cli("check", folder, "--today", TODAY_TEXT)
    assert result.exit_code == 0 and "All 3 entries fine." in result.output


def test_a_built_site_publishes_none_of_the_emails_text(tmp_path: Path) -> None:
    root = write_site(tmp_path / "site", {}, options="today: 2026-11-26")
    import_into(root / "entries", "fabrikam.eml", "rejections.mbox")
    import_into(root / "entries", "contoso.eml", options=("--role", "Product Designer"))
    published = everything_in(built(root).site)
    assert "Product Designer" in published and "Machine Learning Engineer" in published
    assert [word for word in EMAIL_WORDS if word in published] == []


def test_fixtures_are_what_the_tests_say() -> None:
    assert "text/html" in (FIXTURES / "contoso.eml").read_text()
    assert (FIXTURES / "rejections.mbox").read_text().count("\nFrom ") == 1


def test_encoded_subjects_and_accents_are_read(tmp_path: Path, folder: Path) -> None:
    subject = "=?utf-8?q?Your_application_for_Analyst_at_Caf=C3=A9_Noir?="
    import_into(folder, write_eml(tmp_path, subject, "We have decided not to proceed."))
    assert only_rejections(folder)["2026-11-03-cafe-noir-analyst"].company == "Café Noir"


def test_every_run_exits_1_while_an_imported_draft_waits(folder: Path, tmp_path: Path) -> None:
    import_into(folder, "contoso.eml")
    later = import_into(folder, "fabrikam.eml")
    assert later.exit_code == 1
    assert "1 draft from an earlier import still to finish" in later.output
    assert "_2026-11-16-contoso.md" in later.output


def test_company_or_role_on_a_rerun_completes_the_waiting_draft_of_that_message(
    folder: Path,
) -> None:
    import_into(folder, "contoso.eml")
    result = import_into(folder, "contoso.eml", options=("--role", "Product Designer"))
    assert [p.name for p in folder.iterdir()] == ["2026-11-16-contoso-product-designer.md"]
    assert "1 draft completed" in result.output and result.exit_code == 0
    assert "Jordan Lee" in only_rejections(folder)["2026-11-16-contoso-product-designer"].body


def test_a_rerun_without_the_missing_field_leaves_the_draft_and_still_exits_1(
    folder: Path,
) -> None:
    import_into(folder, "contoso.eml")
    again = import_into(folder, "contoso.eml")
    assert "already there" in again.output and again.exit_code == 1
    assert [p.name for p in folder.iterdir()] == ["_2026-11-16-contoso.md"]


def test_two_drafts_alike_in_date_and_company_are_two_files(tmp_path: Path, folder: Path) -> None:
    first = write_eml(tmp_path, "Your application to Fabrikam", "We regret to inform you.")
    import_into(folder, first)
    second = write_eml(tmp_path, "Your application to Fabrikam", "You were not selected.")
    result = import_into(folder, second)
    assert len(list(folder.iterdir())) == 2
    assert "clash: _2026-11-03-fabrikam.md" in result.output
