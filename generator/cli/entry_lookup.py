"""Naming an entry on the command line: its id, its path, or any part of its id that is unique.

Every command that takes an entry id resolves it here, so `recovery-log feedback-email fabrikam`
works wherever an id is asked for, and a name that matches several entries, or none, gets the
same kind of answer: the ids it might mean.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

import click

from ..entries.loader import Log
from ..i18n import ENGLISH, N_, Language
from ..model import AnyEntry

EXTENSIONS = (".md", ".markdown", ".yml", ".yaml")
SHOWN = 5
"""At most this many ids are listed in an error."""


def wanted_id(name: str) -> str:
    """What the user typed, as an id: a path's file name, without its extension."""
    wanted = Path(name.strip()).name
    if wanted.lower().endswith(EXTENSIONS):
        wanted = wanted.rsplit(".", 1)[0]
    return wanted


def matching(wanted: str, ids: Sequence[str]) -> list[str]:
    """The ids `wanted` names: itself when it is one, else every id containing it (any case)."""
    if wanted in ids:
        return [wanted]
    folded = wanted.casefold()
    return [entry_id for entry_id in ids if folded in entry_id.casefold()]


def closest(wanted: str, ids: Sequence[str]) -> list[str]:
    """The ids that look most like `wanted`, closest first (difflib's ratio)."""
    return difflib.get_close_matches(wanted, list(ids), n=SHOWN, cutoff=0.4)


def find_entry(log: Log, name: str, folder: Path, language: Language = ENGLISH) -> AnyEntry:
    """The one entry `name` names, or a click error (in `language`) that lists the ids it
    might mean."""
    wanted = wanted_id(name)
    by_id = {entry.id: entry for entry in log.entries}
    found = matching(wanted, list(by_id))
    if len(found) == 1:
        return by_id[found[0]]
    if found:
        raise click.ClickException(
            language.ngettext(
                "'%(wanted)s' is part of %(num)s entry id; name it more fully:%(ids)s",
                "'%(wanted)s' is part of %(num)s entry ids; name one of them more fully:%(ids)s",
                len(found),
                wanted=wanted,
                ids=_listed(found),
            )
        )
    broken = [p for p in log.problems if Path(p.path).name.casefold().startswith(wanted.casefold())]
    near = closest(wanted, list(by_id))
    where = {"wanted": wanted, "folder": str(folder), "ids": _listed(near)}
    if broken and near:
        message = N_(
            "no entry '%(wanted)s' in %(folder)s (an entry of that name has problems: run "
            "recovery-log check). The closest ids:%(ids)s"
        )
    elif broken:
        message = N_(
            "no entry '%(wanted)s' in %(folder)s (an entry of that name has problems: run "
            "recovery-log check)"
        )
    elif near:
        message = N_("no entry '%(wanted)s' in %(folder)s. The closest ids:%(ids)s")
    else:
        message = N_("no entry '%(wanted)s' in %(folder)s")
    raise click.ClickException(language.gettext(message, **where))


def _listed(ids: Sequence[str]) -> str:
    more = len(ids) - SHOWN
    lines = "".join(f"\n  {entry_id}" for entry_id in ids[:SHOWN])
    return lines + (f"\n  ... and {more} more" if more > 0 else "")
