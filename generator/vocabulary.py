"""The entry format's own words, shown in the reader's language.

Entry files keep English keys and values whatever the log's language (`stage: onsite`,
`decision: pivot`): the schema, editors and the importer depend on them. How a page or the
terminal *shows* those values is translated here, once, for every page and command. A stage the
user configured (one not among `DEFAULT_STAGES`) is their own word and is shown as written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .i18n import ENGLISH, NC_, Language
from .model import AnyEntry, Rejection
from .settings import DEFAULT_STAGES

STAGES: Mapping[str, tuple[str, str]] = {
    "applied": NC_("stage", "applied"),
    "screen": NC_("stage", "screen"),
    "phone": NC_("stage", "phone"),
    "technical": NC_("stage", "technical"),
    "take-home": NC_("stage", "take-home"),
    "onsite": NC_("stage", "onsite"),
    "final": NC_("stage", "final"),
    "offer": NC_("stage", "offer"),
}
"""Each built-in stage's name for display (`DEFAULT_STAGES`, in order)."""
assert tuple(STAGES) == DEFAULT_STAGES

FEEDBACK_STATUSES: Mapping[str, tuple[str, str]] = {
    "not requested": NC_("feedback status", "not asked yet"),
    "not asked": NC_("feedback status", "chose not to ask"),
    "pending": NC_("feedback status", "waiting for a reply"),
    "received": NC_("feedback status", "received"),
    "declined": NC_("feedback status", "they give no feedback"),
    "no answer": NC_("feedback status", "no reply (you did your part)"),
}
"""How each feedback status reads: the format's own words ("not requested", "not asked")
read alike, so readers see these instead."""

MOODS: Mapping[int, tuple[str, str]] = {
    1: NC_("mood", "crushed"),
    2: NC_("mood", "low"),
    3: NC_("mood", "getting by"),
    4: NC_("mood", "steady"),
    5: NC_("mood", "fine"),
}
"""The five moods of the entry format, 1 (crushed) to 5 (fine)."""

DECISIONS: Mapping[str, tuple[str, str]] = {
    "persist": NC_("decision", "persist"),
    "pivot": NC_("decision", "pivot"),
    "undecided": NC_("decision", "undecided"),
}

GAP_STATUSES: Mapping[str, tuple[str, str]] = {
    "recurring": NC_("gap status", "recurring"),
    "open": NC_("gap status", "open"),
    "learning": NC_("gap status", "learning"),
    "closed": NC_("gap status", "closed"),
}
"""A skill gap's status: as `progress[].status` writes it, or "recurring" (cited again after
it was closed)."""


def _shown(words: Mapping[Any, tuple[str, str]], value: object, language: Language) -> str:
    marked = words.get(value)
    if marked is None:
        return str(value)
    return language.pgettext(*marked)


def stage_name(stage: str, language: Language = ENGLISH) -> str:
    """A stage as shown: a built-in one translated, one the user configured as written."""
    return _shown(STAGES, stage, language)


def status_label(status: str, language: Language = ENGLISH) -> str:
    """A feedback status as a reader sees it ("waiting for a reply")."""
    return _shown(FEEDBACK_STATUSES, status, language)


def mood_name(mood: int, language: Language = ENGLISH) -> str:
    """ "crushed" (1) to "fine" (5)."""
    return _shown(MOODS, mood, language)


def decision_name(decision: str, language: Language = ENGLISH) -> str:
    """ "persist", "pivot" or "undecided", in the reader's language."""
    return _shown(DECISIONS, decision, language)


def gap_status_name(status: str, language: Language = ENGLISH) -> str:
    """ "open", "learning" or "closed", in the reader's language."""
    return _shown(GAP_STATUSES, status, language)


def entry_title(entry: AnyEntry, language: Language = ENGLISH) -> str:
    """An entry's title in `language`: "<role> at <company>", or a reflection's heading (else
    "Reflection, <date>"). `AnyEntry.title` is the English one, for files and ids."""
    if isinstance(entry, Rejection):
        return language.gettext("%(role)s at %(company)s", role=entry.role, company=entry.company)
    if entry.heading:
        return entry.heading
    return language.gettext("Reflection, %(date)s", date=entry.date.isoformat())
