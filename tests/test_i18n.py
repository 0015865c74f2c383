"""The site's language: how it is chosen, and the words, dates and numbers it gives.

English is the words as written; German, French and Spanish come from the shipped catalogs
and CLDR (through Babel). A language not shipped gives English, said at INFO level only.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from entry_files import Entries
from helpers import TODAY, build
from test_site_build import ACME, ACME_TEXT, write_site

from generator.cli.project import read_project
from generator.i18n import (
    ENGLISH,
    PSEUDO,
    Language,
    language_from_environment,
    normalize,
    resolve_language,
)
from generator.options import OptionError, check_option
from generator.settings import Settings
from generator.site.emails import Drafts, text_environment
from generator.site.render import TIMELINE, SiteOptions, environment, render_site
from generator.site.render_memo import RenderMemo

MARCH_18 = dt.date(2026, 3, 18)
GERMAN, FRENCH, SPANISH = Language("de"), Language("fr"), Language("es")


# --- Which language --------------------------------------------------------------------------


def test_the_language_option_wins_over_the_themes() -> None:
    assert resolve_language("fr", "de").code == "fr"


def test_without_the_option_the_themes_language_is_used() -> None:
    assert resolve_language(None, "de").code == "de"


def test_without_either_the_site_is_in_english() -> None:
    assert resolve_language(None, None) == ENGLISH


def test_a_region_is_written_the_way_gettext_names_it() -> None:
    assert normalize("pt-BR") == "pt_BR"
    assert check_option("language", "pt-BR") == "pt_BR"


def test_a_region_of_a_shipped_language_gets_its_words_and_its_own_formats() -> None:
    austrian = resolve_language("de-AT")
    assert austrian.gettext("Dashboard") == "Übersicht"
    assert austrian.long_date(dt.date(2026, 1, 5)) == "5. Jänner 2026"


def test_a_language_not_shipped_falls_back_to_english_with_an_info_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.INFO):
        language = resolve_language("it")
    assert language.code == "en"
    assert [r.levelno for r in caplog.records] == [logging.INFO]
    assert "'it'" in caplog.text


def test_a_right_to_left_language_turns_the_page_even_in_english_words() -> None:
    arabic = resolve_language("ar")
    assert (arabic.code, arabic.direction) == ("en", "rtl")
    assert resolve_language("de").direction == "ltr"


def test_a_language_option_that_is_not_a_code_is_refused_with_the_option_named() -> None:
    with pytest.raises(OptionError, match="option 'language': expected a language code"):
        check_option("language", "Deutsch please")


def test_the_cli_speaks_the_logs_language_from_its_theme(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Log\ntheme:\n  name: material\n  language: de\n", "utf-8")
    assert read_project(config).language.code == "de"


def test_the_cli_outside_a_log_speaks_the_terminals_language() -> None:
    assert language_from_environment({"LANG": "fr_FR.UTF-8"}).code == "fr_FR"
    assert language_from_environment({"LANGUAGE": "it:es", "LANG": "de_DE"}).code == "es"
    assert language_from_environment({"LANG": "C.UTF-8"}) == ENGLISH


# --- Dates, numbers, plurals -------------------------------------------------------------------


def test_english_dates_read_as_they_always_have() -> None:
    assert ENGLISH.long_date(MARCH_18) == "18 March 2026"
    assert ENGLISH.short_date(MARCH_18) == "18\u00a0Mar"
    assert ENGLISH.month_year(MARCH_18) == "Mar 2026"


@pytest.mark.parametrize(
    ("language", "long", "axis"),
    [
        (GERMAN, "18. März 2026", "März 2026"),
        (FRENCH, "18 mars 2026", "mars 2026"),
        (SPANISH, "18 de marzo de 2026", "mar 2026"),
    ],
    ids=["de", "fr", "es"],
)
def test_dates_follow_the_languages_conventions(language: Language, long: str, axis: str) -> None:
    assert language.long_date(MARCH_18) == long
    assert language.month_year(MARCH_18) == axis


def test_months_are_named_in_the_language() -> None:
    assert [lang.month_name(3) for lang in (ENGLISH, GERMAN, FRENCH)] == ["March", "März", "mars"]


def test_a_german_percentage_has_a_space_before_the_sign() -> None:
    assert GERMAN.percent(0.75) == "75\u00a0%"
    assert ENGLISH.percent(0.75) == "75%"


def test_numbers_use_the_languages_decimal_sign() -> None:
    assert (ENGLISH.number(2.5), GERMAN.number(2.5), GERMAN.number(3.0)) == ("2.5", "2,5", "3")


def test_plurals_follow_each_languages_rules() -> None:
    def days(language: Language, n: int) -> str:
        return language.ngettext("%(num)s day", "%(num)s days", n)

    assert [days(GERMAN, n) for n in (1, 7)] == ["1 Tag", "7 Tage"]
    assert [days(FRENCH, n) for n in (0, 2)] == ["0 jour", "2 jours"], "French: 0 is singular"
    assert days(ENGLISH, 0) == "0 days"


def test_a_count_in_a_sentence_is_written_as_the_language_writes_numbers() -> None:
    assert GERMAN.ngettext("%(num)s day", "%(num)s days", 1000) == "1.000 Tage"


def test_the_pseudo_language_marks_and_accents_a_message_but_keeps_its_placeholders() -> None:
    text = PSEUDO.translations.ngettext("%(num)s day", "%(num)s days", 3)
    assert text.startswith("\u27e6") and text.endswith("\u27e7")
    assert "%(num)s" in text
    assert "days" not in text


# --- Templates ---------------------------------------------------------------------------------


def render(source: str, language: Language = GERMAN, **values: object) -> str:
    return environment(None, language).from_string(source).render(**values)


def test_a_template_shows_a_message_in_the_sites_language() -> None:
    assert render('{{ _("Dashboard") }}') == "Übersicht"


def test_a_value_in_a_translated_sentence_is_escaped_for_markdown_and_html() -> None:
    shown = render('{{ _("%(name)s", name=company) }}', company="*Acme* <b>")
    assert "*" not in shown and "<" not in shown
    assert shown == "&#42;Acme&#42; &#60;b&#62;"


def test_a_value_in_a_trans_block_is_escaped_too() -> None:
    shown = render("{% trans name=company %}Thanks, {{ name }}{% endtrans %}", company="[x](y)")
    assert shown == "Thanks, &#91;x&#93;&#40;y&#41;"


def test_a_plural_in_a_template_follows_the_language() -> None:
    source = '{{ ngettext("%(num)s day", "%(num)s days", n) }}'
    assert [render(source, n=n) for n in (1, 2)] == ["1 Tag", "2 Tage"]


def test_templates_know_the_languages_direction() -> None:
    assert render("{{ dir }}", resolve_language("he")) == "rtl"


def test_two_languages_in_one_process_keep_their_own_words() -> None:
    german = render('{{ _("Timeline") }}', GERMAN)
    assert (german, render('{{ _("Timeline") }}', ENGLISH)) == ("Zeitleiste", "Timeline")
    assert render('{{ _("Timeline") }}', GERMAN) == german


def test_the_drafts_know_their_language() -> None:
    english, german = Drafts(text_environment(), None), Drafts(text_environment(None, GERMAN), None)
    assert english.memo_key() != german.memo_key()
    source = '{{ ngettext("%(num)s day", "%(num)s days", 2) }}, {{ day | day_month }}'
    shown = text_environment(None, FRENCH).from_string(source).render(day=MARCH_18)
    assert shown == "2 jours, 18 mars"


# --- A whole site --------------------------------------------------------------------------------


def site_pages(
    entries: Entries, language: Language, memo: RenderMemo | None = None
) -> dict[str, str]:
    log = entries.load()
    settings = Settings(today=TODAY, language=language)
    pages = render_site(log.entries, log.problems, settings, SiteOptions(), memo=memo)
    return {page.uri: page.content for page in pages}


@pytest.fixture
def log(entries: Entries) -> Entries:
    entries.entry("2026-10-01-acme.md", "date: 2026-10-01\ncompany: Acme\nrole: Analyst\n", "Fair.")
    return entries


def test_the_navigation_titles_are_in_the_sites_language(log: Entries) -> None:
    assert "title: Zeitleiste" in site_pages(log, GERMAN)[TIMELINE]
    assert "title: Timeline" in site_pages(log, ENGLISH)[TIMELINE]


def test_a_served_site_whose_language_changes_renders_its_entry_pages_again(log: Entries) -> None:
    memo = RenderMemo()
    site_pages(log, ENGLISH, memo)
    german = site_pages(log, GERMAN, memo)
    assert memo.rendered == 1
    assert german == site_pages(log, GERMAN)


def test_an_unknown_language_builds_in_english_with_strict(tmp_path: Path) -> None:
    root = write_site(tmp_path, {ACME: ACME_TEXT}, options="language: tlh\ntoday: 2026-11-26")
    result = build(root)
    assert result.returncode == 0, result.output
    assert "no translation for language 'tlh'" in result.output
