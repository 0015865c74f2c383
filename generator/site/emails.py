"""The feedback e-mail drafts, worded by templates so `templates_dir` can reword them too.

Which draft a rejection gets is decided in `insights.feedback` (`email_kind` for the site's
drafts, `letter_for` for `recovery-log feedback-email`); the wording is
`feedback_request.txt.j2`, `feedback_follow_up.txt.j2` and `feedback_thanks.txt.j2`. The
site's feedback page and `recovery-log feedback-email` both use these functions, so they
always show the same text.

A letter follows its language's conventions ("Guten Tag …" / "Mit freundlichen Grüßen"), so
each shipped language has its own letters, named for it (`feedback_request.de.txt.j2`); a
language without its own (the pseudo-language, a new catalog) gets the English letters, whose
every sentence goes through the catalog (`drafts_loader`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable

import jinja2

from ..i18n import ENGLISH, Language
from ..insights.feedback import Email, EmailKind, email_kind
from ..model import Rejection
from .template_cache import compiled_templates
from .template_i18n import install_language

TEMPLATES: dict[EmailKind, str] = {
    "request": "feedback_request.txt.j2",
    "follow_up": "feedback_follow_up.txt.j2",
    "thanks": "feedback_thanks.txt.j2",
}


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


ROLE_WORDS = frozenset(
    {
        *("hiring", "manager", "recruiter", "recruiting", "recruitment", "talent", "team"),
        *("hr", "people", "lead", "head", "director", "interviewer", "interviewers", "panel"),
        *("engineer", "engineering", "partner", "acquisition", "the", "their", "a", "an"),
        *("company", "ceo", "cto", "founder", "staff", "department", "office", "human"),
        *("resources", "via", "email", "phone"),
    }
)
"""Words that make `from:` a role ("hiring manager", "the recruiter"), not a person's name."""


def person_name(source: str | None) -> str:
    """`from:` when it reads as a person's name ("Dana Ruiz"), else "" (greet with "Hello").

    A name is one to four words, each starting with a capital letter, none a role word.
    """
    text = _one_line(source)
    words = text.split()
    if not 0 < len(words) <= 4:
        return ""
    for word in words:
        bare = re.sub(r"[^\w'-]", "", word)
        if not bare or not bare[0].isupper() or bare.lower() in ROLE_WORDS:
            return ""
    return text


def _template_folders(templates_dir: str | os.PathLike[str] | None) -> list[jinja2.BaseLoader]:
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir:
        loaders.append(jinja2.FileSystemLoader(os.fspath(templates_dir)))
    loaders.append(jinja2.PackageLoader("generator.site", "templates"))
    return loaders


def template_loader(templates_dir: str | os.PathLike[str] | None) -> jinja2.BaseLoader:
    """The user's `templates_dir` first, then the built-in templates: yours win."""
    return jinja2.ChoiceLoader(_template_folders(templates_dir))


def localized_names(name: str, language: Language) -> list[str]:
    """`name`'s file for `language` first ("x.pt_BR.txt.j2", then "x.pt.txt.j2"), then `name`."""
    stem, dot, suffix = name.partition(".")
    codes = dict.fromkeys([language.code, language.code.split("_")[0]])
    return [f"{stem}.{code}{dot}{suffix}" for code in codes] + [name]


class DraftsLoader(jinja2.BaseLoader):
    """Finds each draft in the language: your `templates_dir` before the built-in templates,
    and in each the language's own letter before the one every language shares.

    So a letter you wrote (`feedback_request.txt.j2`, or `feedback_request.de.txt.j2` for
    German only) always wins over a built-in one.
    """

    def __init__(self, loaders: list[jinja2.BaseLoader], language: Language) -> None:
        self.loaders = loaders
        self.language = language

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        for loader in self.loaders:
            for name in localized_names(template, self.language):
                try:
                    return loader.get_source(environment, name)
                except jinja2.TemplateNotFound:
                    continue
        raise jinja2.TemplateNotFound(template)


def drafts_loader(
    templates_dir: str | os.PathLike[str] | None, language: Language
) -> jinja2.BaseLoader:
    """`template_loader`'s folders, each searched for the language's letter first."""
    return DraftsLoader(_template_folders(templates_dir), language)


def text_environment(
    templates_dir: str | os.PathLike[str] | None = None, language: Language = ENGLISH
) -> jinja2.Environment:
    """Plain-text templates (the e-mail drafts) in `language`, yours first; no escaping."""
    env = jinja2.Environment(
        loader=drafts_loader(templates_dir, language),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["day_month"] = language.day_month
    install_language(env, language, None)
    env.bytecode_cache = compiled_templates(env)
    return env


def draft(
    rejection: Rejection,
    kind: EmailKind,
    env: jinja2.Environment | None = None,
    author: str | None = None,
) -> Email:
    """The `kind` e-mail for `rejection`: the template's first line is the subject.

    It greets `from:` by name when that is a person's name, and signs with `author` (the
    site's `site_author`) when given; without one it has no signature line, never a
    placeholder that could be published.
    """
    feedback = rejection.feedback
    requested = feedback.requested if feedback else None
    text = (
        (env or text_environment())
        .get_template(TEMPLATES[kind])
        .render(
            rejection=rejection,
            role=_one_line(rejection.role),
            company=_one_line(rejection.company),
            contact=person_name(feedback.source if feedback else None),
            author=_one_line(author),
            asked=requested if isinstance(requested, dt.date) else None,
            skills=[_one_line(gap.skill) for gap in rejection.gaps],
        )
    )
    subject, _, body = text.strip().partition("\n")
    return Email(subject=subject.strip(), body=body.strip())


def request_email(
    rejection: Rejection, env: jinja2.Environment | None = None, author: str | None = None
) -> Email:
    """A short, courteous request for feedback: thanks, one question, no pressure."""
    return draft(rejection, "request", env, author)


def follow_up_email(
    rejection: Rejection, env: jinja2.Environment | None = None, author: str | None = None
) -> Email:
    """The one gentle follow-up on a request that has had no reply."""
    return draft(rejection, "follow_up", env, author)


def email_for(
    rejection: Rejection, env: jinja2.Environment | None = None, author: str | None = None
) -> Email:
    """The follow-up when a request is pending, else the request."""
    return draft(rejection, email_kind(rejection), env, author)


class Drafts:
    """`email_for(rejection)` in a page template: the draft, signed by the site's author.

    The draft depends on the rejection, the author and the e-mail templates alone, which is
    what a page that shows it is kept by across `mkdocs serve` rebuilds (`render_memo`).
    """

    __slots__ = ("author", "env")

    def __init__(self, env: jinja2.Environment, author: str | None) -> None:
        self.env = env
        self.author = author

    def __call__(self, rejection: Rejection) -> Email:
        return email_for(rejection, self.env, self.author)

    def memo_key(self) -> object:
        """The author and the templates' sources (each build makes its own environment, always
        set up the same way)."""
        loader = self.env.loader
        language = self.env.globals["language"]
        if loader is None:
            return (self.author, language)
        return (
            self.author,
            language,
            tuple(loader.get_source(self.env, t)[:2] for t in TEMPLATES.values()),
        )
