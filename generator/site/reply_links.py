"""The mentor's "Reply by e-mail" links: one `mailto:` link per open question.

The link's subject carries the question's token (`insights.mentor.question_token`), so
`recovery-log import` can tell which question a reply answers; its body quotes the question.
The wording is `mentor_reply.txt.j2` (first line the subject, then the body), so a
`templates_dir` can reword it as it rewords the feedback drafts.
"""

from __future__ import annotations

import html
from urllib.parse import quote

import jinja2

from ..insights.mentor import Question
from .markdown import Md

TEMPLATE = "mentor_reply.txt.j2"


def mailto(address: str, subject: str, body: str) -> str:
    """A `mailto:` URL (RFC 6068): every character of subject and body percent-encoded as
    UTF-8, line breaks as CRLF."""
    crlf = "\r\n".join(body.splitlines())
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"
    )


def reply_message(item: Question, env: jinja2.Environment) -> tuple[str, str]:
    """The subject and body of the mentor's reply to one question."""
    text = env.get_template(TEMPLATE).render(
        question=" ".join(item.question.question.split()),
        token=item.token,
        reflection=item.reflection,
    )
    subject, _, body = text.strip().partition("\n")
    return subject.strip(), body.strip("\n") + "\n\n"


class ReplyLinks:
    """`reply_link(item)` in a page template: the question's `mailto:` URL, ready for an
    `href` attribute; empty when the log sets no `reply_to` (then there is no link)."""

    __slots__ = ("address", "env")

    def __init__(self, env: jinja2.Environment, address: str | None) -> None:
        self.env = env
        self.address = address

    def __call__(self, item: Question) -> Md:
        if not self.address:
            return Md("")
        subject, body = reply_message(item, self.env)
        return Md(html.escape(mailto(self.address, subject, body), quote=True))

    def memo_key(self) -> object:
        """The address and the template's source: what the links depend on besides the
        question."""
        loader = self.env.loader
        source = loader.get_source(self.env, TEMPLATE)[:2] if loader else None
        return (self.address, source)
