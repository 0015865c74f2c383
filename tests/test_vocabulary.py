"""The entry format's words are shown in the reader's language; a user's own stages as written."""

from __future__ import annotations

import pytest

from generator.i18n import ENGLISH, Language
from generator.vocabulary import (
    decision_name,
    gap_status_name,
    mood_name,
    stage_name,
    status_label,
)

GERMAN, FRENCH, SPANISH = Language("de"), Language("fr"), Language("es")


def test_a_built_in_stage_is_shown_in_the_language() -> None:
    assert stage_name("phone", GERMAN) == "Telefoninterview"
    assert stage_name("onsite", FRENCH) == "entretien sur site"


def test_a_stage_the_user_configured_is_shown_as_written() -> None:
    assert stage_name("case study", GERMAN) == "case study"


def test_english_shows_the_stage_as_the_entry_writes_it() -> None:
    assert stage_name("take-home", ENGLISH) == "take-home"


@pytest.mark.parametrize(
    ("status", "english", "spanish"),
    [
        ("not requested", "not asked yet", "aún sin pedir"),
        ("pending", "waiting for a reply", "esperando respuesta"),
    ],
)
def test_a_feedback_status_reads_as_words(status: str, english: str, spanish: str) -> None:
    assert status_label(status) == english
    assert status_label(status, SPANISH) == spanish


def test_moods_decisions_and_gap_statuses_are_translated() -> None:
    assert [mood_name(n, FRENCH) for n in (1, 5)] == ["abattu", "bien"]
    assert decision_name("pivot", GERMAN) == "umorientieren"
    assert gap_status_name("learning", SPANISH) == "aprendiendo"
