"""The wording of YAML syntax errors: where to point, and what to do, in plain words."""

from __future__ import annotations

import yaml

from ..i18n import ENGLISH, N_, Language


def where(exc: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """Where to send the user: an unclosed quote or bracket is shown where it opens.

    PyYAML notices it only where the text runs out or the next key begins, lines later.
    """
    unclosed = "end of stream" in (exc.problem or "") or (exc.context or "").startswith(
        ("while parsing a flow sequence", "while parsing a flow mapping")
    )
    if unclosed and exc.context_mark is not None:
        return exc.context_mark
    return exc.problem_mark or exc.context_mark


def line_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    return lines[mark.line] if 0 <= mark.line < len(lines) else ""


_ADVICE: tuple[tuple[str, str], ...] = (
    (
        "while scanning a quoted scalar",
        N_("a quote opened here is never closed: add the closing quote"),
    ),
    (
        "mapping values are not allowed",
        N_(
            "a colon followed by a space inside a value: put the whole value in quotes, "
            "or check this line's indentation"
        ),
    ),
    ("found undefined alias", N_("a value starting with '*' must be put in quotes")),
    (
        "but found another document",
        N_("a second '---' starts another document: an entry has one"),
    ),
    ("did not find expected '-' indicator", N_("list items must line up: check the '-' lines")),
    (
        "could not find expected ':'",
        N_("a key needs a colon and a space after it (key: value)"),
    ),
    ("expected ',' or ']'", N_("a '[' opened here is never closed, or a comma is missing")),
    ("expected ',' or '}'", N_("a '{' opened here is never closed, or a comma is missing")),
)
"""PyYAML's words for common slips, and what to do about each, in plain words."""


def _describe(exc: yaml.MarkedYAMLError, line: str, language: Language) -> tuple[str | None, str]:
    """What to do, in plain words (when we know), and PyYAML's own (English) words."""
    parts = [p for p in (exc.context, exc.problem) if p]
    text = "; ".join(parts) or "the structure is broken"
    if "\t" in line[: len(line) - len(line.lstrip())]:
        return language.gettext("this line is indented with a tab: YAML needs spaces"), text
    tip = next((tip for words, tip in _ADVICE if words in text), None)
    return (None if tip is None else language.gettext(tip)), text


def _advice_first(advice: str | None, words: str, language: Language) -> str:
    """The plain advice first, PyYAML's words after it; only those when there is no advice."""
    # Translators: %(words)s is the YAML reader's own description, in English.
    if advice is None:
        return language.gettext("not valid YAML: %(words)s", words=words)
    return language.gettext("%(advice)s (not valid YAML: %(words)s)", advice=advice, words=words)


def syntax_message(
    exc: yaml.MarkedYAMLError, line: str, hidden_break: str | None, language: Language = ENGLISH
) -> str:
    """What is wrong on `line` and what to do; a hidden line break (U+2028...) is named first."""
    advice, words = _describe(exc, line, language)
    if hidden_break is not None:
        code = format(ord(hidden_break), "04X")
        advice = language.gettext(
            "this line has a hidden line break, U+%(code)s, often pasted "
            "from a web page or a PDF: delete it",
            code=code,
        )
    return _advice_first(advice, words, language)


def control_character(char: str, language: Language = ENGLISH) -> str:
    """A character YAML does not allow (a control character, usually pasted by accident)."""
    if not char:
        return language.gettext(
            "not valid YAML: a character is a control character YAML does not allow; delete it "
            "(it is often invisible: pasted from another program)"
        )
    code = format(ord(char), "04X")
    return language.gettext(
        "not valid YAML: U+%(code)s is a control character YAML does not allow; delete it "
        "(it is often invisible: pasted from another program)",
        code=code,
    )
