"""What may be published: private entries and private sections never leave the machine.

Filtering happens here, on the model, before anything is rendered, so no page, count, index or
feed can see what it must not show.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from typing import Any

from .i18n import ENGLISH, N_, Language
from .insights.names import fold
from .model import AnyEntry, Reflection, Rejection

_SECTION = re.compile(
    r"<!--\s*private\s*-->.*?(?:<!--\s*/\s*private\s*-->|\Z)", re.IGNORECASE | re.DOTALL
)


def strip_private_sections(body: str) -> str:
    """Remove every `<!-- private -->` ... `<!-- /private -->` section.

    An unclosed section hides everything after its opening marker: when in doubt, keep it private.
    """
    return _SECTION.sub("", body)


PRIVATE_LABEL = N_("Private: stays on this machine, never in a published build")
"""The label of a private section in a preview (translated where it is shown)."""


def mark_private_sections(body: str, language: Language = ENGLISH) -> str:
    """For a private preview: each private section in a bordered, labelled block.

    The user sees exactly what stays home; a published build removes these sections instead.
    """

    label = html.escape(language.gettext(PRIVATE_LABEL))

    def block(match: re.Match[str]) -> str:
        inner = _MARKERS.sub("", match.group(0)).strip("\n")
        return (
            f'\n\n<div class="rl-private" markdown>\n\n<p class="rl-private-label">'
            f"{label}</p>\n\n{inner}\n\n</div>\n\n"
        )

    return _SECTION.sub(block, body)


_MARKERS = re.compile(r"<!--\s*/?\s*private\s*-->", re.IGNORECASE)


def publishable(entries: tuple[AnyEntry, ...], show_private: bool) -> tuple[AnyEntry, ...]:
    """The entries as the site may show them."""
    if show_private:
        return entries
    public = tuple(entry for entry in entries if not entry.private)
    public_ids = {entry.id for entry in public}
    return tuple(_redact(entry, public_ids) for entry in public)


def _redact(entry: AnyEntry, public_ids: set[str]) -> AnyEntry:
    """The entry without its private sections and links to private entries; the entry itself
    when it has neither (an entry kept across `mkdocs serve` rebuilds stays the same object)."""
    changes: dict[str, Any] = {}
    body = strip_private_sections(entry.body)
    if body != entry.body:
        changes["body"] = body
    if isinstance(entry, Reflection):
        about = tuple(target for target in entry.about if target in public_ids)
        if about != entry.about:
            changes["about"] = about
    return dataclasses.replace(entry, **changes) if changes else entry


def company_aliases(entries: tuple[AnyEntry, ...], language: Language = ENGLISH) -> dict[str, str]:
    """Folded company name → "Company A", "Company B"... in order of first appearance."""
    aliases: dict[str, str] = {}
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        if isinstance(entry, Rejection):
            key = fold(entry.company)
            if key not in aliases:
                # Translators: a company's name hidden behind a letter (A, B... Z, AA...).
                aliases[key] = language.gettext("Company %(letter)s", letter=_letters(len(aliases)))
    return aliases


def _letters(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA..."""
    result = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        result = chr(ord("A") + rest) + result
    return result


def anonymize_companies(
    entries: tuple[AnyEntry, ...], language: Language = ENGLISH
) -> tuple[AnyEntry, ...]:
    """Every company name replaced by its alias, in every text, and ids that name no company.

    An id usually contains the company ("2026-11-03-acme-data-analyst"), and ids become page
    addresses, so each entry gets a new id made of its date and a number.
    """
    aliases = company_aliases(entries, language)
    if not aliases:
        return entries
    names = sorted({e.company for e in entries if isinstance(e, Rejection)}, key=len, reverse=True)
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(' '.join(n.split()))}(?!\w)" for n in names),
        re.IGNORECASE,
    )

    def replace(text: str) -> str:
        return pattern.sub(lambda m: aliases.get(fold(m.group()), m.group()), text)

    new_ids: dict[str, str] = {}
    per_day: dict[str, int] = {}
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        day = entry.date.isoformat()
        per_day[day] = per_day.get(day, 0) + 1
        new_ids[entry.id] = f"{day}-{per_day[day]}"
    result = []
    for entry in entries:
        changed = _map_text(entry, replace)
        changes: dict[str, Any] = {"id": new_ids[entry.id], "source": ""}
        if isinstance(entry, Reflection):
            changes["about"] = tuple(new_ids.get(t, t) for t in entry.about)
        result.append(dataclasses.replace(changed, **changes))
    return tuple(result)


def _map_text(value: Any, replace: Callable[[str], str]) -> Any:
    """`value` with `replace` applied to every string inside it (dataclasses, tuples, dicts)."""
    if isinstance(value, str):
        return replace(value)
    if isinstance(value, tuple):
        return tuple(_map_text(item, replace) for item in value)
    if isinstance(value, list):
        return [_map_text(item, replace) for item in value]
    if isinstance(value, dict):
        return {_map_text(k, replace): _map_text(v, replace) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _map_text(getattr(value, f.name), replace)
            for f in dataclasses.fields(value)
            if f.name not in ("id", "source", "about")
        }
        return dataclasses.replace(value, **changes)
    return value
