"""The words and formats of one language: the one place the Python side reads its words through.

A `Language` is a setting like any other (`Settings.language`): it is chosen once per build
(`resolve_language`), handed to the core, and bound to the page templates' environment, so two
sites built in one process in two languages never see each other's words. Messages come from
gettext catalogs (`generator/locale/<code>/LC_MESSAGES/recovery-log.mo`); dates, numbers,
percentages and plural rules from CLDR, through Babel.

English needs no catalog: its words are the message ids. A language Recovery Log does not ship
falls back to English, said once at INFO level (a warning would fail `mkdocs build --strict`).
`qps` is a pseudo-language for tests: every message of the template catalog (`.pot`) comes out
marked and accented ("⟦Ŧĥê ŧîmêłîñê⟧"), so any plain English word left on a page is hard-coded.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as gettext_module
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from babel import Locale

DOMAIN = "recovery-log"
"""The one gettext domain: every message of the site, the drafts and the CLI."""
LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATE_CATALOG = LOCALE_DIR / f"{DOMAIN}.pot"
ENGLISH_CODE = "en"
PSEUDO_CODE = "qps"
"""The pseudo-language's code (a private-use code, never offered to users)."""
PSEUDO_OPEN, PSEUDO_CLOSE = "\u27e6", "\u27e7"
"""The marks around every pseudo-translated text: ⟦ and ⟧."""

log = logging.getLogger("mkdocs.plugins.recovery-log")


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """Marks a message with a context ("stage", "mood") for extraction; `Language.pgettext`
    translates the pair where it is shown."""
    return (context, message)


def normalize(code: str) -> str:
    """A code as gettext and Babel write it: "pt-BR" -> "pt_BR", "de_DE.UTF-8" -> "de_DE"."""
    bare = re.split(r"[.@]", code.strip(), maxsplit=1)[0].replace("-", "_")
    language, _, region = bare.partition("_")
    return f"{language.lower()}_{region.upper()}" if region else language.lower()


def shipped_languages() -> tuple[str, ...]:
    """English, and every language with a compiled catalog in the package."""
    found = sorted(
        path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    )
    return (ENGLISH_CODE, *found)


@dataclass(frozen=True)
class Language:
    """One language: its messages (`gettext`, `ngettext`, `pgettext`) and its formats.

    Only `code` and `direction` decide it, so it is compared (and keyed in the caches) by them;
    catalogs and CLDR data are loaded once per process and shared.
    """

    code: str = ENGLISH_CODE
    """A shipped language ("en", "de", "pt_BR"...) or `PSEUDO_CODE`."""
    direction: str = "ltr"
    """"rtl" or "ltr": that of the language asked for, even when its words fall back to English."""

    @property
    def translations(self) -> gettext_module.NullTranslations:
        return _translations(self.code)

    @property
    def locale(self) -> Locale:
        """Babel's CLDR data for the dates and numbers (English for the pseudo-language)."""
        return _locale(ENGLISH_CODE if self.code == PSEUDO_CODE else self.code)

    @property
    def is_english(self) -> bool:
        return self.code.split("_")[0] == ENGLISH_CODE

    def gettext(self, message: str, **variables: Any) -> str:
        """The message in this language, its `%(name)s` placeholders filled from `variables`."""
        return _fill(self.translations.gettext(message), variables)

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> str:
        """The form of the message for `num` by this language's plural rules; `%(num)s` is
        `num` written as this language writes numbers."""
        text = self.translations.ngettext(singular, plural, num)
        return _fill(text, {"num": self.integer(num), **variables})

    def pgettext(self, context: str, message: str, **variables: Any) -> str:
        """`gettext` for a message whose meaning depends on `context` (e.g. "stage", "status")."""
        return _fill(self.translations.pgettext(context, message), variables)

    def npgettext(
        self, context: str, singular: str, plural: str, num: int, **variables: Any
    ) -> str:
        text = self.translations.npgettext(context, singular, plural, num)
        return _fill(text, {"num": self.integer(num), **variables})

    def long_date(self, day: dt.date) -> str:
        """ "18 March 2026", "18. März 2026", "18 mars 2026", "18 de marzo de 2026"."""
        return _formatted(self, "long_date", day)

    def short_date(self, day: dt.date) -> str:
        """ "3 Nov", "3. Nov.": day and month, never broken across lines."""
        return _formatted(self, "short_date", day)

    def day_month(self, day: dt.date) -> str:
        """ "6 October", "6. Oktober", "6 de octubre"."""
        return _formatted(self, "day_month", day)

    def month_year(self, day: dt.date) -> str:
        """A chart axis's month: "Mar 2026", "März 2026", "mars 2026"."""
        return _formatted(self, "month_year", day)

    def month_name(self, month: int) -> str:
        """The month on its own, as a heading: "March", "März", "mars"."""
        name = str(self.locale.months["stand-alone"]["wide"][month])
        return _pseudo(name) if self.code == PSEUDO_CODE else name

    def year(self, day: dt.date) -> str:
        """The year as dates write it (never grouped: "2026", not "2,026")."""
        return str(day.year)

    def integer(self, value: int) -> str:
        """ "1,000" in English, "1.000" in German, "1 000" in French."""
        return _number(self.locale, value, "#,##0")

    def number(self, value: float) -> str:
        """A measure with at most one decimal: "2.5", "2,5"; "3", not "3.0"."""
        return _number(self.locale, round(value, 1), "0.#")

    def percent(self, share: float) -> str:
        """A share of 1 as a whole percentage: "75%", "75 %" (German, French)."""
        return _percent(self.locale, share)

    def memo_key(self) -> object:
        return (self.code, self.direction)


ENGLISH = Language()
"""The default: the words as the templates and the code write them."""
PSEUDO = Language(PSEUDO_CODE)


def resolve_language(option: str | None, theme_language: str | None = None) -> Language:
    """The site's language: the plugin's `language` option, else `theme.language`, else English.

    A language without a shipped catalog falls back to English, with an INFO line saying so.
    """
    asked = option or theme_language or ENGLISH_CODE
    code = normalize(asked)
    direction = text_direction(code)
    if code == PSEUDO_CODE:
        return PSEUDO
    shipped = shipped_languages()
    if code in shipped or code.split("_")[0] in shipped:
        return Language(code, direction)
    log.info(
        "recovery-log: no translation for language '%s' yet, so its pages are in English "
        "(shipped: %s).",
        asked,
        ", ".join(shipped),
    )
    return Language(ENGLISH_CODE, direction)


def language_from_environment(environ: Mapping[str, str] | None = None) -> Language:
    """The CLI's language outside a log: the first shipped one of `LANGUAGE`, else `LANG`.

    Nothing is logged: a terminal set to a language not shipped simply gets English.
    """
    environ = os.environ if environ is None else environ
    wanted = [*environ.get("LANGUAGE", "").split(":"), environ.get("LANG", "")]
    shipped = shipped_languages()
    for code in (normalize(item) for item in wanted if item.strip()):
        if code in ("c", "posix"):
            continue
        if code in shipped or code.split("_")[0] in shipped or code == PSEUDO_CODE:
            return Language(code, text_direction(code))
    return ENGLISH


def text_direction(code: str) -> str:
    """ "rtl" for a language written right to left (ar, he, fa, ur...), per CLDR."""
    try:
        locale = _locale(code)
    except ValueError:
        return "ltr"
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def _fill(text: str, variables: Mapping[str, Any]) -> str:
    """`text` with its placeholders filled; always read as a format string ("%%" is "%"),
    as Jinja's newstyle gettext does, so a message reads the same in Python and templates."""
    return text % variables if variables or "%" in text else text


@functools.lru_cache(maxsize=32)
def _translations(code: str) -> gettext_module.NullTranslations:
    if code == PSEUDO_CODE:
        return pseudo_translations()
    if code == ENGLISH_CODE:
        return gettext_module.NullTranslations()
    return gettext_module.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


@functools.lru_cache(maxsize=32)
def _locale(code: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown language {code!r}") from exc


_ENGLISH_PATTERNS = {
    "long_date": "d MMMM y",
    "short_date": "d MMM",
    "day_month": "d MMMM",
    "month_year": "MMM y",
}
"""English as the site has always written it: day before month ("18 March 2026")."""
_SKELETONS = {"short_date": "MMMd", "day_month": "MMMMd", "month_year": "yMMM"}
"""CLDR skeletons for other languages; a long date is CLDR's own "long" format."""


@functools.lru_cache(maxsize=16384)
def _formatted(language: Language, kind: str, day: dt.date) -> str:
    """Dates repeat across a site's pages: each one is formatted once per language."""
    from babel import dates

    locale = language.locale
    if language.is_english or language.code == PSEUDO_CODE:
        text = dates.format_date(day, _ENGLISH_PATTERNS[kind], locale=locale)
    elif kind == "long_date":
        text = dates.format_date(day, "long", locale=locale)
    else:
        text = dates.format_skeleton(_SKELETONS[kind], day, locale=locale)
    if kind == "short_date":
        text = text.replace(" ", "\u00a0")
    return _pseudo(text) if language.code == PSEUDO_CODE else text


@functools.lru_cache(maxsize=4096)
def _number(locale: Locale, value: float, pattern: str) -> str:
    from babel import numbers

    return numbers.format_decimal(value, pattern, locale=locale)


@functools.lru_cache(maxsize=1024)
def _percent(locale: Locale, share: float) -> str:
    from babel import numbers

    return numbers.format_percent(share, locale=locale)


_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđêƒĝĥîĵķłɱñöþǫŕšŧûṽŵẋýžÅƁÇĐÊƑĜĤÎĴĶŁṀÑÖÞǪŔŠŦÛṼŴẊÝŽ",
)
_KEPT = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[sdifr%]|%[sdifr%]|\{[^{}]*\}|<[^<>]*>|&#?\w+;")
"""What the pseudo-language leaves as written: placeholders, HTML tags and entities."""


def _pseudo(text: str) -> str:
    """ "The %(num)s days" -> "⟦Ŧĥê %(num)s đåýš⟧": accented, marked, placeholders intact."""
    if not text.strip():
        return text
    parts, last = [], 0
    for kept in _KEPT.finditer(text):
        parts.append(text[last : kept.start()].translate(_ACCENTED))
        parts.append(kept.group())
        last = kept.end()
    parts.append(text[last:].translate(_ACCENTED))
    return f"{PSEUDO_OPEN}{''.join(parts)}{PSEUDO_CLOSE}"


def pseudo_translations(template: Path = TEMPLATE_CATALOG) -> gettext_module.GNUTranslations:
    """A catalog of every message of `template` (the `.pot`), each one pseudo-translated."""
    from babel.messages.pofile import read_po

    with template.open("rb") as handle:
        catalog = read_po(handle)
    translations = gettext_module.GNUTranslations()
    entries: dict[object, str] = {}
    for message in catalog:
        if not message.id:
            continue
        prefix = f"{message.context}\x04" if message.context else ""
        if isinstance(message.id, tuple | list):
            entries[(prefix + message.id[0], 0)] = _pseudo(message.id[0])
            entries[(prefix + message.id[0], 1)] = _pseudo(message.id[1])
        else:
            entries[prefix + message.id] = _pseudo(message.id)
    translations._catalog = entries  # type: ignore[attr-defined]
    translations.plural = lambda n: int(n != 1)  # type: ignore[attr-defined]
    return translations
