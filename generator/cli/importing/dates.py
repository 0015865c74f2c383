"""Dates as people type them in spreadsheets and e-mails, read without guessing.

`03/11/2026` is 3 November in Europe and 11 March in the United States: such a date is an
error unless the user says which order the file uses (`--date-format DMY` or `MDY`, or an
exact `strftime` pattern). Dates that can only be read one way are read that way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from ...i18n import ENGLISH, N_, Language

ORDERS = ("DMY", "MDY", "YMD")

_MONTHS = {
    name.lower(): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}
_MONTHS["sept"] = 9

_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")
_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)\.?,?[ -](\d{4})")
_MONTH_DAY = re.compile(r"([a-z]+)\.?[ -](\d{1,2})(?:st|nd|rd|th)?,?[ -](\d{4})")
_TIME = re.compile(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(z|[ap]m|[+-]\d{2}:?\d{2})?$")
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")


class DateError(ValueError):
    """A value that is not a date, or one that could be read two ways.

    It keeps its message untranslated (`str()` is the English), so that whoever shows it says
    it in the log's language (`said`); a day among its values is written as that language
    writes a day and a month."""

    def __init__(self, message: str, **values: Any) -> None:
        self.message, self.values = message, values
        super().__init__(self.said(ENGLISH))

    def said(self, language: Language) -> str:
        shown = {
            name: language.day_month(value) if isinstance(value, dt.date) else value
            for name, value in self.values.items()
        }
        return language.gettext(self.message, **shown)


class AmbiguousDate(DateError):
    """A date such as 03/11/2026: day and month could be either way round."""


def day_order(text: str) -> str | None:
    """DMY or MDY when `text` is a numeric date that can only be read that way, else None."""
    match = _NUMERIC.fullmatch(" ".join(text.split()))
    if not match:
        return None
    first, second = int(match[1]), int(match[3])
    if first > 12 >= second:
        return "DMY"
    if second > 12 >= first:
        return "MDY"
    return None


def check_format(date_format: str) -> str:
    """`date_format` as given, or a DateError saying what is accepted."""
    if date_format.upper() in ORDERS:
        return date_format.upper()
    if "%" in date_format:
        return date_format
    raise DateError(
        N_("expected DMY, MDY, YMD or a pattern such as %(example)s, found %(found)s"),
        example="%d.%m.%Y",
        found=repr(date_format),
    )


def parse_day(text: str, date_format: str | None = None) -> dt.date:
    """The day `text` names; DateError when it is not a date or is ambiguous."""
    value = " ".join(text.split()).lower()
    if date_format and "%" in date_format:
        return _with_pattern(text.strip(), date_format)
    value = _TIME.sub("", value)
    value = _WEEKDAY.sub("", value)
    try:
        if match := _ISO.fullmatch(value):
            year, month, day = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        if match := _NUMERIC.fullmatch(value):
            return _numeric(text.strip(), match, date_format)
        if match := _DAY_MONTH.fullmatch(value):
            return dt.date(int(match[3]), _month(match[2], text), int(match[1]))
        if match := _MONTH_DAY.fullmatch(value):
            return dt.date(int(match[3]), _month(match[1], text), int(match[2]))
    except ValueError as exc:
        if isinstance(exc, DateError):
            raise
        raise DateError(
            N_("%(text)s is not a real day (%(why)s)"), text=repr(text.strip()), why=str(exc)
        ) from None
    raise DateError(
        N_("expected a date such as %(example)s, found %(found)s"),
        example="2026-11-03",
        found=repr(text.strip()),
    )


def _with_pattern(text: str, pattern: str) -> dt.date:
    try:
        return dt.datetime.strptime(text, pattern).date()
    except ValueError:
        raise DateError(
            N_("%(text)s does not match --date-format %(pattern)s"),
            text=repr(text),
            pattern=pattern,
        ) from None


def _month(name: str, text: str) -> int:
    number = _MONTHS.get(name.lower()) or _MONTHS.get(name.lower()[:3])
    if not number:
        raise DateError(
            N_("expected a month name in %(text)s, found %(found)s"),
            text=repr(text),
            found=repr(name),
        )
    return number


def _numeric(text: str, match: re.Match[str], date_format: str | None) -> dt.date:
    first, separator, second, year_text = match.groups()
    a, b = int(first), int(second)
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    order = (date_format or "").upper()
    if order == "YMD":
        raise DateError(
            N_("%(text)s does not start with a year, as --date-format YMD says"), text=repr(text)
        )
    if order == "DMY" or (not order and (a > 12 >= b or separator == ".")):
        return dt.date(year, b, a)
    if order == "MDY" or (not order and b > 12 >= a):
        return dt.date(year, a, b)
    if a == b:
        return dt.date(year, a, a)
    one, other = dt.date(year, b, a), dt.date(year, a, b)
    raise AmbiguousDate(
        N_(
            "%(text)s could be %(one)s or %(other)s: "
            "pass --date-format DMY (day first) or MDY (month first)"
        ),
        text=repr(text),
        one=one,
        other=other,
    )
