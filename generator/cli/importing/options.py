"""What every reader of `import` needs to know: the log's stages, day and language, the user's
flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import ENGLISH, Language


@dataclass(frozen=True)
class ImportOptions:
    stages: tuple[str, ...]
    today: dt.date
    date_format: str | None = None
    """DMY, MDY, YMD or a strftime pattern; None reads only dates that have one meaning."""
    company: str = ""
    """--company: fills an empty company cell; names the company of every e-mail."""
    role: str = ""
    """--role: fills an empty role cell; names the role of every e-mail."""
    language: Language = ENGLISH
    """The log's: the words `import` writes and prints, and reads back from its own export."""
