"""What the entries folder holds already: ids, import keys, drafts that wait, who is who."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .candidate import DRAFT_MARK, KEY_PREFIX

ENTRY_SUFFIXES = (".md", ".markdown", ".yml", ".yaml")
Identity = tuple[str, str, str]
"""Date, company and role as compared: two rows with the same identity are one rejection."""


@dataclass(frozen=True)
class Known:
    """Entry ids and import keys with their files, and the drafts an import left to finish."""

    ids: dict[str, Path]
    keys: dict[str, Path]
    drafts: list[Path]


def identity(day: dt.date | str, company: str, role: str) -> Identity:
    return (str(day), " ".join(company.casefold().split()), " ".join(role.casefold().split()))


def known_entries(folder: Path) -> Known:
    """Every entry file under `folder`, drafts included, by id (without `_`) and import key."""
    known = Known({}, {}, [])
    if not folder.is_dir():
        return known
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() not in ENTRY_SUFFIXES or not path.is_file():
            continue
        known.ids.setdefault(path.stem.lstrip("_"), path)
        try:
            head = path.read_text(encoding="utf-8", errors="replace")[:4096]
        except OSError:
            continue
        for line in head.splitlines():
            if line.startswith(KEY_PREFIX):
                known.keys.setdefault(line.removeprefix(KEY_PREFIX).strip(), path)
            elif line.startswith(DRAFT_MARK) and path.name.startswith("_"):
                known.drafts.append(path)
    return known


def identity_of(path: Path) -> Identity | None:
    """The date, company and role an entry file states, or None when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
        head = text.split("\n---", 1)[0].removeprefix("---")
        fields = yaml.safe_load(head)
    except (OSError, UnicodeError, yaml.YAMLError):
        return None
    if not isinstance(fields, dict):
        return None
    return identity(
        fields.get("date", ""), str(fields.get("company", "")), str(fields.get("role", ""))
    )
