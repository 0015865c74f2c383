"""The pseudo-language check finds English that skipped the catalog, and nothing else."""

from __future__ import annotations

from pseudo import english_words, english_words_on_page, without_pseudo_text

from generator.i18n import PSEUDO, pseudo_translations


def test_pseudo_text_is_taken_out_nested_parts_included() -> None:
    assert without_pseudo_text("⟦Åšķêđ öñ ⟦18 Ṁåŕçĥ⟧⟧ ok").split() == ["ok"]


def test_a_word_left_outside_the_marks_is_english() -> None:
    assert english_words("⟦Ŧîɱêłîñê⟧ and 3 more") == ["and", "more"]


def test_the_fixtures_own_values_are_not_counted() -> None:
    assert english_words("⟦Ŵŕöţê⟧ Acme Corp, Acme", fixture_values=["Acme", "Acme Corp"]) == []


def test_a_fixture_value_is_taken_out_as_whole_words_only() -> None:
    assert english_words("a Dashboard", fixture_values=["a"]) == ["Dashboard"]


def test_allowed_names_are_not_counted_whatever_their_case() -> None:
    assert english_words("Recovery Log ⟦ŝîţê⟧", allowed=["recovery", "LOG"]) == []


def test_tags_and_scripts_are_not_words_but_read_aloud_attributes_are() -> None:
    html = (
        '<p class="rl-card"><script>var x = 1;</script><a href="/x/">⟦Ŧöþ⟧</a>'
        '<img alt="A chart of moods" src="c.svg"></p>'
    )
    assert english_words_on_page(html) == ["A", "chart", "of", "moods"]


def test_each_word_is_listed_once_in_order() -> None:
    assert english_words("days and days") == ["days", "and"]


def test_a_message_in_the_pseudo_language_leaves_nothing() -> None:
    shown = PSEUDO.ngettext("%(num)s day", "%(num)s days", 2)
    assert english_words(shown) == []


def test_a_message_missing_from_the_catalog_stays_english_and_is_found() -> None:
    missing = pseudo_translations().gettext("Not in the catalog")
    assert english_words(missing) == ["Not", "in", "the", "catalog"]
