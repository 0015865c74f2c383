"""The site's options, each declared once: its name, what it does, its default and its check.

A project sets them under the `recovery-log` plugin in `mkdocs.yml`. Every reader goes through
this declaration: the MkDocs plugin builds its configuration class from `OPTIONS`, and the
command line (`cli/project.py`) validates `mkdocs.yml` with the same checks, so both accept and
reject the same values with the same words. No MkDocs import here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import TranslatedError
from .i18n import N_, Language, normalize, resolve_language
from .settings import DEFAULT_FEEDBACK_DUE_DAYS, DEFAULT_FOLLOW_UP_DAYS, DEFAULT_STAGES, Settings

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"", "0", "false", "no", "off"}


class OptionError(TranslatedError):
    """One option has a value it cannot take; the message says what was expected, and of
    which option once it is known (`naming`)."""

    def __init__(self, message: str, option: str | None = None, **values: Any) -> None:
        self.option = option
        super().__init__(message, **values)

    def said(self, language: Language) -> str:
        problem = super().said(language)
        if self.option is None:
            return problem
        # Translators: %(problem)s is one of the "expected ..., found ..." messages.
        return language.gettext("option '%(name)s': %(problem)s", name=self.option, problem=problem)

    def naming(self, option: str) -> OptionError:
        """The same problem, said of `option`."""
        return OptionError(self.message, option, **self.values)


Check = Callable[[object, Path | None], Any]
"""Turns a value as written in `mkdocs.yml` into the option's value, or raises `OptionError`.

The second argument is the folder of `mkdocs.yml` (None when unknown), for relative paths.
"""


@dataclass(frozen=True)
class Option:
    """One option of the plugin."""

    name: str
    default: Any
    """The value when `mkdocs.yml` does not set it (it passes `check` too)."""
    check: Check
    doc: str


def _text(value: object, root: Path | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OptionError(N_("expected a folder name, found %(value)s"), value=repr(value))
    return value


def _stages(value: object, root: Path | None) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(s, str) for s in value):
        raise OptionError(N_("expected a list of stage names, found %(value)s"), value=repr(value))
    stages = tuple(s.strip().lower() for s in value)
    if not stages:
        raise OptionError(N_("needs at least one stage"))
    if not all(stages):
        raise OptionError(N_("a stage name cannot be empty"))
    return stages


def _days(value: object, root: Path | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OptionError(
            N_("expected a number of days (0 or more), found %(value)s"), value=repr(value)
        )
    return value


def _day(value: object, root: Path | None) -> dt.date | None:
    """A date as YYYY-MM-DD, or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise OptionError(
            N_("expected a date as YYYY-MM-DD, found %(value)s"), value=repr(value)
        ) from None


def _flag(value: object, root: Path | None) -> bool:
    """Yes or no; also the text of an environment variable (`!ENV`), where "" means no."""
    if value is None:  # `!ENV VAR` with VAR unset, or set to an empty string
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise OptionError(N_("expected true or false (or 1/0), found %(value)s"), value=repr(value))


def _remote(value: object, root: Path | None) -> str | None:
    """A git remote's name or address, or nothing."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not value.strip() or any(c.isspace() for c in value.strip()):
        raise OptionError(
            N_(
                "expected the name or address of a git remote, such as %(example)s, found %(value)s"
            ),
            example="git@github.com:you/your-site.git",
            value=repr(value),
        )
    return value.strip()


def _aliases(value: object, root: Path | None) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise OptionError(
            N_("expected pairs of names (synonym: skill), found %(value)s"), value=repr(value)
        )
    return dict(value)


def _folder(value: object, root: Path | None) -> str | None:
    """An existing folder, relative to `mkdocs.yml`; returned as an absolute path."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise OptionError(N_("expected a folder, found %(value)s"), value=repr(value))
    path = Path(value) if root is None else root / value
    if not path.is_dir():
        raise OptionError(
            N_("expected an existing folder, found %(value)s (no folder %(path)s)"),
            value=repr(value),
            path=path,
        )
    return os.path.abspath(path)


def _address(value: object, root: Path | None) -> str | None:
    """An e-mail address (name@example.org), or nothing."""
    if value is None or value == "":
        return None
    text = value.strip() if isinstance(value, str) else ""
    local, at, domain = text.partition("@")
    if not (local and at and "." in domain.strip(".")) or any(
        c.isspace() or c in '<>"(),;:[]\\@' for c in local + domain
    ):
        raise OptionError(
            N_("expected an e-mail address such as %(example)s, found %(value)s"),
            example="name@example.org",
            value=repr(value),
        )
    return text


# --- The site's language ---------------------------------------------------------------


def _language(value: object, root: Path | None) -> str | None:
    """A language code such as `de` or `pt-BR` (written as `pt_BR` from then on), or nothing."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(
        r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", value
    ):
        raise OptionError(
            N_("expected a language code such as de, fr or pt-BR, found %(value)s"),
            value=repr(value),
        )
    return normalize(value)


LANGUAGE_OPTIONS: tuple[Option, ...] = (
    Option(
        "language",
        None,
        _language,
        "The language of the generated pages and drafts (`de`, `fr`, `es`...); default: the "
        "theme's `language`, else English. A language not shipped yet falls back to English.",
    ),
)


# --- Every option --------------------------------------------------------------------------

OPTIONS: tuple[Option, ...] = (
    Option("entries_dir", "entries", _text, "The folder of entry files, relative to `mkdocs.yml`."),
    Option(
        "stages",
        DEFAULT_STAGES,
        _stages,
        "The stages of a hiring process, in order, earliest first.",
    ),
    Option(
        "feedback_due_days",
        DEFAULT_FEEDBACK_DUE_DAYS,
        _days,
        "Days after a rejection before an unrequested feedback is listed as worth asking for.",
    ),
    Option(
        "follow_up_days",
        DEFAULT_FOLLOW_UP_DAYS,
        _days,
        "Days a feedback request may stay unanswered before a polite follow-up is suggested.",
    ),
    Option(
        "today",
        None,
        _day,
        'Pin "today" (YYYY-MM-DD) for reproducible builds; default: the day of the build.',
    ),
    Option(
        "skill_aliases", {}, _aliases, "Synonyms merged into one skill, e.g. `{postgres: SQL}`."
    ),
    Option(
        "show_private",
        False,
        _flag,
        "Show private entries and sections: for a local preview only, never for publishing.",
    ),
    Option(
        "templates_dir",
        None,
        _folder,
        "A folder of your own page templates, searched before the built-in ones.",
    ),
    Option(
        "anonymize_companies",
        False,
        _flag,
        'Replace every company name with "Company A", "Company B"... everywhere, URLs included.',
    ),
    Option(
        "mentor_since",
        None,
        _day,
        "The first day the mentor digest covers; default: the last 30 days.",
    ),
    Option("feed", True, _flag, "Write an Atom feed of entries to `feed.xml` (needs `site_url`)."),
    Option(
        "publish_to",
        None,
        _remote,
        "Where `recovery-log publish` pushes the built site: the name or address of a git "
        "repository that holds only the site, never these sources.",
    ),
    Option(
        "private_repository",
        False,
        _flag,
        "True: the repository of these sources is private, on a plan that allows private Pages, "
        "so the site may be published from it (or to it).",
    ),
    Option(
        "reply_to",
        None,
        _address,
        'Your e-mail address: each open question for your mentor gets a "Reply by e-mail" '
        "link to it (on the published site too), and `recovery-log import` records the reply.",
    ),
    *LANGUAGE_OPTIONS,
)
"""Every option, in the order the README's table lists them."""

BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}


@dataclass(frozen=True)
class Options:
    """The options once checked: typed access for the plugin, the CLI and `generate`.

    Build it with `read_options()`, which fills each field from its declaration in `OPTIONS`.
    """

    entries_dir: str
    stages: tuple[str, ...]
    feedback_due_days: int
    follow_up_days: int
    today: dt.date | None
    skill_aliases: dict[str, str]
    show_private: bool
    templates_dir: str | None
    anonymize_companies: bool
    mentor_since: dt.date | None
    feed: bool
    publish_to: str | None
    private_repository: bool
    reply_to: str | None
    language: str | None

    def settings(self, today: dt.date | None = None, theme_language: str | None = None) -> Settings:
        """The core's settings; `today` wins over the pinned `today:` option, and the
        `language` option over the theme's (`theme.language`)."""
        return Settings(
            stages=self.stages,
            today=today or self.today or dt.date.today(),
            feedback_due_days=self.feedback_due_days,
            follow_up_days=self.follow_up_days,
            skill_aliases=dict(self.skill_aliases),
            show_private=self.show_private,
            language=resolve_language(self.language, theme_language),
        )


def check_option(name: str, value: object, root: Path | None = None) -> Any:
    """The value of option `name` as written, checked; raises `OptionError` naming the option."""
    option = BY_NAME[name]
    try:
        return option.check(value, root)
    except OptionError as exc:
        raise exc.naming(name) from None


def read_options(written: Mapping[str, Any], root: Path | None = None) -> Options:
    """Every option: as `written` (checked) or its default.

    Names it does not know are left alone, as MkDocs does (it only warns about them).
    """
    values = {
        option.name: check_option(option.name, written.get(option.name, option.default), root)
        for option in OPTIONS
    }
    return Options(**values)


def checked_values(values: Mapping[str, Any]) -> Options:
    """`Options` from values that already passed their checks (MkDocs validated them)."""
    return Options(**{field.name: values[field.name] for field in fields(Options)})
