"""Checks across entry files: ids must be unique, and `about` must name an entry."""

from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..i18n import ENGLISH, Language
from . import schema
from .entry_builder import Loaded, entry_id_of
from .files import START


def check_unique_ids(
    loaded: list[Loaded],
    paths: list[Path],
    root: Path,
    shown_root: Path,
    problems: list[Problem],
    language: Language = ENGLISH,
) -> list[Loaded]:
    """Report every file whose id another file shares; keep only the unique ones.

    All entry files count, broken ones too: fixing one error must not reveal another. Ids that
    differ only in case clash too: their pages would be one file on macOS and Windows.
    """
    by_id: dict[str, list[Path]] = {}
    for path in paths:
        by_id.setdefault(entry_id_of(path).casefold(), []).append(path)
    clashing = [group for group in by_id.values() if len(group) > 1]
    for group in clashing:
        for path in group:
            others = ", ".join(
                (shown_root / p.relative_to(root)).as_posix() for p in group if p != path
            )
            problems.append(
                Problem(
                    (root / path.relative_to(root)).as_posix(),
                    1,
                    1,
                    language.gettext(
                        "the id '%(id)s' is used by another file too (%(others)s): ids are file "
                        "names without extension (case aside) and must be unique; rename one",
                        id=entry_id_of(path),
                        others=others,
                    ),
                )
            )
    duplicated = {key for key, group in by_id.items() if len(group) > 1}
    return [item for item in loaded if item.entry.id.casefold() not in duplicated]


def check_about(
    loaded: list[Loaded],
    known: set[str],
    root: Path,
    problems: list[Problem],
    language: Language = ENGLISH,
) -> list[Loaded]:
    """Report `about` ids that name no entry file; such a reflection is held back."""
    kept = []
    for item in loaded:
        entry = item.entry
        unknown = [
            (index, target)
            for index, target in enumerate(getattr(entry, "about", ()))
            if target not in known
        ]
        if not unknown:
            kept.append(item)
        for index, target in unknown:
            about_pos = item.about_positions()
            at = about_pos[index] if index < len(about_pos) else START
            hint = schema.did_you_mean(target, sorted(known), language)
            problems.append(
                Problem(
                    (root / entry.source).as_posix(),
                    at.line,
                    at.column,
                    f"about[{index + 1}]: "
                    + language.gettext(
                        # Translators: %(hint)s is empty or " (did you mean '...'?)".
                        "expected the id of an entry (its file name without extension), "
                        "found '%(found)s', which no entry has%(hint)s",
                        found=target,
                        hint=hint,
                    ),
                    "about",
                )
            )
    return kept
