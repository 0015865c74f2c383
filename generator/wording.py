"""How the log words a count and a date: the one place a number and its noun are put together.

Pages (the `plural` filter), chart text alternatives, the CLI and the build log all use
`plural`, so "1 rejection" and "2 rejections" read the same everywhere. No imports beyond
the standard library: the CLI reads it at start-up.
"""

from __future__ import annotations

import datetime as dt


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 day", "3 days"; `many` for nouns that do not just add an s ("1 entry", "2 entries")."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


MONTHS = (
    "",
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
"""Month names by number (1 is January), in English as the pages are. `calendar.month_name`
follows the process's locale, which a plugin may set, and asks `strftime` on every lookup."""
MONTHS_SHORT = ("", *(name[:3] for name in MONTHS[1:]))
"""`MONTHS`, abbreviated: "Jan" ... "Dec"."""


def long_date(day: dt.date) -> str:
    """ "18 March 2026", as the site's prose writes dates."""
    return f"{day.day} {MONTHS[day.month]} {day.year}"
