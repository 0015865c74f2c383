"""What may be published: private entries and private sections never leave the machine.

Filtering happens here, on the model, before anything is rendered, so no page, count, index or
feed can see what it must not show.
"""

from __future__ import annotations

import dataclasses
import re

from .model import AnyEntry, Reflection

_SECTION = re.compile(
    r"<!--\s*private\s*-->.*?(?:<!--\s*/\s*private\s*-->|\Z)", re.IGNORECASE | re.DOTALL
)


def strip_private_sections(body: str) -> str:
    """Remove every `<!-- private -->` ... `<!-- /private -->` section.

    An unclosed section hides everything after its opening marker: when in doubt, keep it private.
    """
    return _SECTION.sub("", body)


def publishable(entries: tuple[AnyEntry, ...], show_private: bool) -> tuple[AnyEntry, ...]:
    """The entries as the site may show them."""
    if show_private:
        return entries
    public = tuple(entry for entry in entries if not entry.private)
    public_ids = {entry.id for entry in public}
    return tuple(_redact(entry, public_ids) for entry in public)


def _redact(entry: AnyEntry, public_ids: set[str]) -> AnyEntry:
    changes: dict[str, object] = {"body": strip_private_sections(entry.body)}
    if isinstance(entry, Reflection):
        changes["about"] = tuple(target for target in entry.about if target in public_ids)
    return dataclasses.replace(entry, **changes)
