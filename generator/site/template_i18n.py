"""The site's language in its templates: Jinja's i18n extension, bound to one `Language`.

Templates say `{{ _("Timeline") }}`, `{{ ngettext("%(num)s day", "%(num)s days", n) }}`,
`{{ pgettext("stage", "onsite") }}` or `{% trans n=count %}...{% endtrans %}` ("newstyle"
gettext: placeholders are always filled by name, never glued). Each environment is bound to one
language (`render.environment`), so the words of one build never reach another's.

Jinja's own newstyle gettext marks the translated text safe and fills it with values escaped
for HTML only: a value such as `*Acme*` or `[x](y)` would then be read as Markdown. The page
templates' functions here escape each value as `{{ value }}` would (`markdown.finalize`), so a
value in a translated sentence is shown as written; the e-mail drafts (plain text) fill values
as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import jinja2

from ..i18n import Language
from .markdown import Md

Escape = Callable[[object], str]
"""How a value is written into a translated sentence (`markdown.finalize` for pages)."""


def install_language(env: jinja2.Environment, language: Language, escape: Escape | None) -> None:
    """Adds Jinja's i18n extension to `env`, its messages from `language`, and `language` and
    `dir` ("ltr"/"rtl") for every template, imported macros included."""
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True  # a `{% trans %}` block's line breaks are not words
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    words = _MarkdownWords(language, escape) if escape else _TextWords(language)
    env.globals.update(
        gettext=words.gettext,
        ngettext=words.ngettext,
        pgettext=words.pgettext,
        npgettext=words.npgettext,
        language=language,
        dir=language.direction,
    )


class _TextWords:
    """The messages of plain-text templates: values filled in as they are."""

    def __init__(self, language: Language) -> None:
        self.language = language

    def fill(self, text: str, variables: Mapping[str, Any]) -> str:
        return text % variables if variables or "%" in text else text

    def gettext(self, message: str, **variables: Any) -> str:
        return self.fill(self.language.translations.gettext(message), variables)

    def ngettext(self, singular: str, plural: str, num: int, **variables: Any) -> str:
        text = self.language.translations.ngettext(singular, plural, num)
        return self.fill(text, {**variables, "num": self.language.integer(num)})

    def pgettext(self, context: str, message: str, **variables: Any) -> str:
        return self.fill(self.language.translations.pgettext(context, message), variables)

    def npgettext(
        self, context: str, singular: str, plural: str, num: int, **variables: Any
    ) -> str:
        text = self.language.translations.npgettext(context, singular, plural, num)
        return self.fill(text, {**variables, "num": self.language.integer(num)})


class _MarkdownWords(_TextWords):
    """The messages of page templates: safe Markdown, each value escaped as `{{ value }}` is."""

    def __init__(self, language: Language, escape: Escape) -> None:
        super().__init__(language)
        self.escape = escape

    def fill(self, text: str, variables: Mapping[str, Any]) -> Md:
        if not variables and "%" not in text:
            return Md(text)
        return Md(text % {name: self.escape(value) for name, value in variables.items()})
