"""Finding hard-coded English: what is left of a page once the pseudo-language's text is gone.

A build in the pseudo-language (`language: qps`) writes every translated message as marked,
accented text ("⟦Ŧĥê ŧîmêłîñê⟧"), and dates and month names too. Take that away, and the
values the test's entries supplied (company names, roles, what the user wrote), and any word
of plain Latin letters left on the page was written by the code or a template without going
through the catalog.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import Build, Node, fold, parse_html

from generator.entries.loader import load_log
from generator.i18n import PSEUDO_CLOSE, PSEUDO_OPEN
from generator.settings import Settings

_MARKED = re.compile(f"{PSEUDO_OPEN}[^{PSEUDO_OPEN}{PSEUDO_CLOSE}]*{PSEUDO_CLOSE}")
"""One pseudo-translated text with nothing marked inside it (inner ones go first)."""
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
"""A word in plain Latin letters: pseudo text has none (its letters are all accented)."""
READ_ALOUD = ("title", "alt", "aria-label", "placeholder")
"""Attributes whose text a reader sees or hears: a tooltip, an image's text, a label."""
UNSEEN = frozenset({"script", "style"})


def without_pseudo_text(text: str) -> str:
    """`text` with each pseudo-translated part taken out, nested ones included."""
    while True:
        shorter = _MARKED.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


def english_words(
    text: str, fixture_values: Iterable[str] = (), allowed: Iterable[str] = ()
) -> list[str]:
    """The words of `text` that are neither pseudo-translated, nor (in) a fixture's value, nor
    `allowed` (names such as "Recovery Log"), in order of first appearance."""
    text = without_pseudo_text(text)
    for value in sorted(fixture_values, key=len, reverse=True):  # "Acme Corp" before "Acme"
        text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text, flags=re.IGNORECASE)
    kept = {word.lower() for word in allowed}
    found = [w for w in _WORD.findall(text) if w.lower() not in kept]
    return list(dict.fromkeys(found))


def shown_text(node: Node, unseen: frozenset[str] = UNSEEN) -> str:
    """What a reader gets from `node`: its visible text and its read-aloud attributes (of no
    element in `unseen`)."""
    attributes = [
        node_.attrs[name] for node_ in node.iter() for name in READ_ALOUD if node_.attrs.get(name)
    ]
    # Text nodes are joined with a space: a table's cells or an SVG's labels are separate words.
    return fold(" ".join([*node.strings(unseen), *attributes]))


def english_words_on_page(
    html: str, fixture_values: Iterable[str] = (), allowed: Iterable[str] = ()
) -> list[str]:
    """`english_words` of an HTML page (or part of one), tags left out."""
    return english_words(shown_text(parse_html(html)), fixture_values, allowed)


ALLOWED = ("Recovery", "Log", "YAML", "Markdown", "Atom", "iCalendar")
"""Names that stay as they are in every language."""
CODED = frozenset({"stage", "status", "mood", "decision", "kind", "severity", "outcome"})
"""Fields whose values are the entry format's own words: shown translated, so not fixtures."""


def fixture_values(root: Path) -> set[str]:
    """Every piece of text the test's entries supply (names, roles, notes), for the check to
    ignore; the entry format's own values (stages, statuses...) are not among them."""
    log = load_log(root / "entries", Settings(), "entries")
    found: set[str] = set()
    for entry in log.entries:
        found |= set(_texts(entry))
    return {value for value in found if value.strip()}


def _texts(value: object, name: str = "") -> Iterator[str]:
    if name in CODED:
        return
    if isinstance(value, str):
        yield value
        yield from value.split()
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item, name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, str(key))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name), field.name)


TRANSLATED = ("de", "fr", "es")


def language_fixtures(site_in: Callable[[Path, str], Build]) -> tuple[Any, Any]:
    """The module-scoped fixtures of a words test: `pseudo`, the site `site_in` builds in the
    pseudo-language, and `translated`, (language, site) in each shipped translation.

    In the test module: `pseudo, translated = language_fixtures(site_in)`."""

    @pytest.fixture(scope="module")
    def pseudo(tmp_path_factory: pytest.TempPathFactory) -> Build:
        return site_in(tmp_path_factory.mktemp("qps"), "qps")

    @pytest.fixture(scope="module", params=TRANSLATED)
    def translated(
        request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
    ) -> tuple[str, Build]:
        return request.param, site_in(tmp_path_factory.mktemp(request.param), request.param)

    return pseudo, translated
