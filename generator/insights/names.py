"""Matching names as people write them: "SQL window functions" = "sql  Window Functions"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from ..model import AnyEntry, Rejection


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

    def memo_key(self) -> tuple[object, ...]:
        """Everything that decides what `shown` answers: equal keys, equal answers."""
        return (
            tuple(sorted(self.aliases.items())),
            tuple((key, self.shown(key)) for key in sorted(self._spellings)),
        )


class LogNames:
    """The log's one name for each skill, strength and track, decided once for every page.

    Entry pages, the skills and tracks pages, the digest and the feed all show a name
    under this spelling, so "sql" in one file and "SQL" in three read as "SQL" everywhere.
    """

    def __init__(self, aliases: Mapping[str, str] | None = None) -> None:
        self.skills = Names(aliases)
        self.strengths = Names()
        self.tracks = Names()

    def skill(self, name: str) -> str:
        return self.skills.shown(self.skills.key(name))

    def strength(self, name: str) -> str:
        return self.strengths.shown(self.strengths.key(name))

    def track(self, name: str) -> str:
        return self.tracks.shown(self.tracks.key(name))

    def memo_key(self) -> tuple[object, ...]:
        """Two builds whose keys are equal show every name the same way (see `render_memo`)."""
        return (self.skills.memo_key(), self.strengths.memo_key(), self.tracks.memo_key())


def log_names(entries: Iterable[AnyEntry], aliases: Mapping[str, str] | None = None) -> LogNames:
    """Every spelling in the log, counted once, oldest entry first (ties go to the first)."""
    names = LogNames(aliases)
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        if entry.track:
            names.tracks.add(entry.track)
        if isinstance(entry, Rejection):
            for gap in entry.gaps:
                names.skills.add(gap.skill)
        else:
            for progress in entry.progress:
                names.skills.add(progress.skill)
        for strength in entry.strengths:
            names.strengths.add(strength)
    return names
