"""Matching names as people write them: "SQL window functions" = "sql  Window Functions"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping


def fold(name: str) -> str:
    """The key two spellings of one name share: case and white space folded."""
    return " ".join(name.split()).casefold()


class Names:
    """Groups spellings of names (skills, strengths, tracks) and picks the one to show.

    The spelling used most often is shown (ties: the one seen first). An alias maps a folded
    spelling to the name it stands for, which is then always the one shown.
    """

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.aliases = {fold(k): v.strip() for k, v in (aliases or {}).items()}
        self._spellings: dict[str, Counter[str]] = {}
        self._order: dict[str, dict[str, int]] = {}

    def key(self, name: str) -> str:
        folded = fold(name)
        target = self.aliases.get(folded)
        return fold(target) if target is not None else folded

    def add(self, name: str) -> str:
        """Record one use of a spelling; return its key."""
        key = self.key(name)
        spelling = " ".join(name.split())
        self._spellings.setdefault(key, Counter())[spelling] += 1
        self._order.setdefault(key, {}).setdefault(spelling, len(self._order[key]))
        return key

    def shown(self, key: str) -> str:
        for target in self.aliases.values():
            if fold(target) == key:
                return target
        counts = self._spellings.get(key)
        if not counts:
            return key
        order = self._order[key]
        return max(counts, key=lambda s: (counts[s], -order[s]))
