"""Entry problems are said in the log's language: in `check`, on the problems page, on the
"Writing entries" page. Field names, YAML keys and allowed values stay as the user types them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from entry_files import Entries
from helpers import TODAY, TODAY_TEXT
from pseudo import english_words
from test_bad_input import CATALOGUE

from generator.cli import main
from generator.entries.loader import ParseCache
from generator.entries.schema import entry_json_schema
from generator.i18n import PSEUDO, Language
from generator.settings import Settings
from generator.site.format_page import entry_format_page
from generator.site.render import SiteOptions, render_site

GERMAN, FRENCH, SPANISH = Language("de"), Language("fr"), Language("es")
FUTURE = "---\ndate: 2026-12-24\ncompany: Acme\nrole: Analyst\n---\n"
UNKNOWN_STAGE = "---\ndate: 2026-11-03\ncompany: Acme\nrole: Analyst\nstage: onsight\n---\n"
LOCATION = re.compile(r"^\S+?:\d+:\d+: (?:[A-Za-z_][\w.\[\]-]*: )?")
"""What starts a problem line before its words: the file's path and place, then the field."""


def check(root: Path, language: str) -> Result:
    """`recovery-log check` over `root/entries` in a log whose `language` option is `language`."""
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Log\nplugins:\n  - recovery-log:\n"
        f"      language: {language}\n      entries_dir: entries\n",
        encoding="utf-8",
    )
    args = ["check", str(root / "entries"), "--config-file", str(config), "--today", TODAY_TEXT]
    return CliRunner().invoke(main, args)


def broken_log(root: Path) -> Path:
    """Every committed bad-input file, and the broken files that are generated rather than
    committed (other encodings, control characters, a file that is no entry, a shared id)."""
    folder = root / "entries"
    shutil.copytree(CATALOGUE, folder, ignore=shutil.ignore_patterns("expected.yml"))
    (folder / "latin-1.md").write_bytes("---\ncompany: Café\n---\n".encode("latin-1"))
    (folder / "control.yml").write_bytes(b"date: 2026-11-03\ncompany: Ac\x01me\nrole: X\n")
    (folder / "notes.txt").write_text("not an entry", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "future-date.md").write_text(FUTURE, encoding="utf-8")
    (folder / "warned.md").write_text(
        "---\ndate: 2026-11-03\ncompany: Acme\nrole: Analyst\ngaps: Python, SQL\n---\n", "utf-8"
    )
    return folder


def words_left(output: str) -> list[str]:
    """The English words of `check`'s lines once each line's path, place and field are gone."""
    return english_words("\n".join(LOCATION.sub("", line) for line in output.splitlines()))


# --- no word left untranslated ----------------------------------------------------------------


def test_check_in_the_pseudo_language_leaves_no_english_word_around_the_problems(
    tmp_path: Path,
) -> None:
    broken_log(tmp_path)
    result = check(tmp_path, "qps")
    assert result.exit_code == 1, result.output
    assert len(result.output.splitlines()) > 80
    assert words_left(result.output) == [], result.output


def test_the_writing_entries_page_in_the_pseudo_language_leaves_only_what_is_typed() -> None:
    page = entry_format_page(Settings(today=TODAY, language=PSEUDO))
    body = page.split("---\n", 2)[2]  # the front matter is YAML
    prose = re.sub(r"```.*?```|`[^`]*`", " ", body, flags=re.DOTALL)
    assert english_words(prose) == []


# --- German, French, Spanish ------------------------------------------------------------------


def hints(schema: object) -> list[str]:
    """What an editor shows from a JSON Schema: its titles and descriptions."""
    if isinstance(schema, dict):
        return [
            text
            for key, value in schema.items()
            for text in (
                [value]
                if key in ("title", "description") and isinstance(value, str)
                else hints(value)
            )
        ]
    return [text for item in schema for text in hints(item)] if isinstance(schema, list) else []


def test_the_schemas_hints_in_the_pseudo_language_leave_no_english_word() -> None:
    shown = hints(entry_json_schema(language=PSEUDO))
    assert len(shown) > 50  # every field's
    assert [text for text in shown if english_words(text)] == []


@pytest.mark.parametrize("language", [GERMAN, FRENCH, SPANISH], ids=["de", "fr", "es"])
def test_the_schemas_hints_are_written_for_every_shipped_language(language: Language) -> None:
    shown = hints(entry_json_schema(language=language))
    assert not [text for text in shown if "Project-Id-Version" in text]  # gettext("")'s header
    assert entry_json_schema(language=language)["description"] != entry_json_schema()["description"]


def test_the_schema_command_writes_its_hints_in_the_logs_language(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Log\nplugins:\n  - recovery-log:\n      language: de\n")
    schema = json.loads(CliRunner().invoke(main, ["schema", "-f", str(config)]).output)
    assert schema["title"] == "Recovery-Log-Eintrag"
    assert schema["else"]["required"] == ["date", "company", "role"]  # the format: English


def test_check_in_german_says_a_date_in_the_future_is_not_yet_allowed(tmp_path: Path) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "acme.md").write_text(FUTURE, encoding="utf-8")
    lines = check(tmp_path, "de").output.splitlines()
    assert lines[0].endswith(
        "acme.md:2:7: date: erwartet: ein Datum spätestens heute (2026-11-26), gefunden: "
        "2026-12-24; unfertige Einträge gehören in eine Datei, deren Name mit '_' beginnt"
    )
    assert lines[-1] == "1 Problem in 1 Datei; 0 Einträge in Ordnung."


def test_check_in_french_lists_the_allowed_stages_as_they_are_typed(tmp_path: Path) -> None:
    (tmp_path / "entries").mkdir()
    (tmp_path / "entries" / "acme.md").write_text(UNKNOWN_STAGE, encoding="utf-8")
    output = check(tmp_path, "fr").output
    assert (
        "stage: une valeur parmi applied, screen, phone, technical, take-home, onsite, final, "
        "offer était attendue, trouvé\u202f: 'onsight' (vouliez-vous dire 'onsite'\u202f?)"
    ) in output


def test_the_problems_page_in_spanish_says_what_was_expected(entries: Entries) -> None:
    entries.entry("acme.md", "date: 2026-11-03\ncompany: Acme\nrole: Analyst\nmood: 9\n")
    settings = Settings(today=TODAY, language=SPANISH)
    log = entries.load(language=SPANISH)
    pages = render_site(log.entries, log.problems, settings, SiteOptions(problem_details=True))
    problems = next(page.content for page in pages if page.uri == "problems.md")
    assert "se esperaba un número entero de 1 a 5, se encontró el número 9" in problems


def test_a_warning_in_german_counts_its_items_by_the_plural_rule(entries: Entries) -> None:
    entries.entry("acme.md", "date: 2026-11-03\ncompany: Acme\nrole: Analyst\ntags: a, b\n")
    [warning] = entries.load(language=GERMAN).warnings
    assert warning.message == (
        "tags: wenn du 2 Tags meintest, schreib sie als Liste: tags: [a, b] "
        "(so geschrieben ist 'a, b' ein einziger Tag)"
    )


@pytest.mark.parametrize(
    ("language", "summary"),
    [
        (GERMAN, "Alle 2 Einträge in Ordnung."),
        (FRENCH, "Les 2 entrées sont toutes correctes."),
        (SPANISH, "Las 2 entradas están bien."),
    ],
)
def test_checks_summary_is_one_sentence_in_each_language(
    tmp_path: Path, language: Language, summary: str
) -> None:
    (tmp_path / "entries").mkdir()
    for name in ("a.md", "b.md"):
        text = "---\ndate: 2026-11-03\ncompany: Acme\nrole: Analyst\n---\n"
        (tmp_path / "entries" / name).write_text(text, encoding="utf-8")
    assert check(tmp_path, language.code).output.splitlines()[-1] == summary


# --- the cache knows the language -------------------------------------------------------------


def test_the_parse_cache_never_serves_a_problem_in_another_language(entries: Entries) -> None:
    entries.write("acme.md", FUTURE)
    cache = ParseCache()
    english = entries.load(cache=cache).problems[0].message
    german = entries.load(cache=cache, language=GERMAN).problems[0].message
    assert english.startswith("date: expected a date no later than today")
    assert german.startswith("date: erwartet: ein Datum spätestens heute")
