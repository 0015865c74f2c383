"""How the log words a count and a date, in the site's language (`i18n.Language`).

Dates and month names come from CLDR through Babel (`Language.long_date`, `month_name`...).
`plural` is what the code used before messages were whole translated sentences: it keeps
"1 rejection" / "2 rejections" working with English words while the call sites move to
`Language.ngettext` with whole sentences ("%(num)s problem left entries out"), which a
translator can reorder. Nothing here imports beyond the standard library at start-up: the CLI
reads it (Babel is loaded on the first date).
"""

from __future__ import annotations

import datetime as dt

from .i18n import ENGLISH, Language


def plural(count: int, word: str, many: str | None = None, language: Language = ENGLISH) -> str:
    """ "1 day", "3 days"; `many` for nouns that do not just add an s ("1 entry", "2 entries").

    The form is chosen by `language`'s plural rules, the words are English: for new messages
    use `Language.ngettext` with a whole sentence instead.
    """
    form = language.translations.ngettext(word, many or word + "s", count)
    return f"{count} {form}"


def long_date(day: dt.date, language: Language = ENGLISH) -> str:
    """ "18 March 2026", "18. März 2026": as the site's prose writes dates."""
    return language.long_date(day)


def month_name(month: int, language: Language = ENGLISH) -> str:
    """ "March" (1 is January), as a heading writes it."""
    return language.month_name(month)
