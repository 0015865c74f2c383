"""`--help` in the log's language: each command's text and its options' help, from the catalogs.

A command's docstring is its help, as click shows it; the whole docstring (cleaned as click
cleans it) is one message, extracted by `generator.catalogs.extract_cli` (see `babel.cfg`), so
a translator can reorder its sentences and paragraphs. An option's `help=N_(...)` is extracted
as any message. Both are translated only when help is shown: the language is the log's, found
from the working folder as every command finds it (else the terminal's, `LANGUAGE`/`LANG`).
Click's own words ("Usage:", "Options:") stay click's.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

import click

from ..errors import RecoveryLogError
from ..i18n import N_, Language, language_from_environment
from .project import find_config, read_project

HELP_OPTION_HELP = N_("Show this message and exit.")
"""Click's own help for `--help`: the same message in our catalogs, so it is translated too."""
VERSION_OPTION_HELP = N_("Show the version and exit.")
HELP_LANGUAGE = "recovery-log.help-language"
"""Where `help_language` keeps what it found, in click's `Context.meta`."""


class _HasHelp(Protocol):
    help: str | None


def help_language() -> Language:
    """The language of the log around the working folder; outside a log, or when its
    `mkdocs.yml` cannot be read (its command will say why), the terminal's.

    Found once per command line (kept on click's root context), not once per line of help:
    the group's list asks each command for its short help."""
    ctx = click.get_current_context(silent=True)
    meta = ctx.find_root().meta if ctx is not None else {}
    if HELP_LANGUAGE not in meta:
        meta[HELP_LANGUAGE] = _log_language()
    language: Language = meta[HELP_LANGUAGE]
    return language


def _log_language() -> Language:
    found = find_config(Path.cwd())
    if found is not None:
        try:
            return read_project(found, required=True).language
        except RecoveryLogError:
            pass
    return language_from_environment()


def translated(text: str, language: Language) -> str:
    """A help text in `language`; texts are messages with `%%` for a literal percent sign."""
    return language.gettext(inspect.cleandoc(text))


@contextlib.contextmanager
def _helps_translated(items: Iterable[_HasHelp], language: Language) -> Iterator[None]:
    """Within the block, each item's `help` is in `language`; afterwards, as it was."""
    originals = [(item, item.help) for item in items]
    for item, text in originals:
        if text:
            item.help = translated(text, language)
    try:
        yield
    finally:
        for item, text in originals:
            item.help = text


class TranslatedCommand(click.Command):
    """`@click.command(cls=TranslatedCommand)`: a command whose `--help` (its text, its
    options, its line in the group's list) is read in the log's language.

    Click builds help from `help` attributes; they are swapped for their translation while
    the help is written, and put back."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _helps_translated([self], help_language()):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _helps_translated([self], help_language()):
            return super().get_short_help_str(limit)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _helps_translated(self.get_params(ctx), help_language()):
            super().format_options(ctx, formatter)


def version_option(version: str, **kwargs: Any) -> Any:
    """Click's `--version`, its help a message of ours."""
    return click.version_option(version, help=VERSION_OPTION_HELP, **kwargs)
