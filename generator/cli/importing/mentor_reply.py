"""A mentor's e-mailed answer (.eml, .mbox) -> the `answer` of the question it replies to.

A "Reply by e-mail" link (the `reply_to` option) writes a subject carrying the question's
token ("Answer: ... [q-7fk2ma]", `insights.mentor.question_token`). A message whose subject
carries the token of a question a reflection asks is a reply: its own words, the quoted parts
left out, become that question's `answer`, and the message's day its `answered` date
(`answer_edit`). Every other message is left to the rejection importer.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from pathlib import Path
from typing import Any

import yaml

from ...entries.loader import load_log
from ...i18n import ENGLISH, Language
from ...insights.analysis import reflections
from ...insights.mentor import Question, token_in
from ...model import Reflection
from ...settings import Settings
from .answer_edit import AnswerEditError, with_answer
from .mail import message_text

_ATTRIBUTION = re.compile(r"^\s*(On\b.*|Le\b.*|Am\b.*)?\bwrote:\s*$", re.IGNORECASE)
_OUTLOOK_SEPARATOR = re.compile(r"^\s*(-{2,}\s*Original Message\s*-{2,}|_{10,})\s*$", re.I)
_HEADER = re.compile(r"^\s*\*?(From|Sent|Date|To|Subject|Cc)\s*:\*?\s", re.IGNORECASE)


@dataclass(frozen=True)
class Reply:
    where: str
    """As the rejection importer names the message: the file, or "file: message N"."""
    token: str
    day: dt.date | None
    text: str


@dataclass
class Replies:
    """What the mentor replies among the files came to: report lines, and which messages
    they were (so the rejection importer leaves them alone)."""

    lines: list[str] = field(default_factory=list)
    handled: set[str] = field(default_factory=set)
    failed: bool = False

    def took(self, item: object) -> bool:
        """`item` (of the rejection importer) is one of the replies."""
        return getattr(item, "where", None) in self.handled

    @property
    def ok(self) -> bool:
        return not self.failed


def own_words(text: str) -> str:
    """The reply's own text: quoted lines ("> "), the quoted message after "On ... wrote:" or
    an Outlook header block ("-----Original Message-----", "From: ... Sent: ..."), and a
    signature after "-- " left out."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for number, line in enumerate(lines):
        if _quote_starts(lines, number) or line.rstrip() == "--":
            break
        if not line.lstrip().startswith(">"):
            kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _quote_starts(lines: list[str], number: int) -> bool:
    line = lines[number]
    if _OUTLOOK_SEPARATOR.match(line) or _ATTRIBUTION.match(line):
        return True
    if line.lstrip().startswith("On ") and number + 1 < len(lines):
        return _ATTRIBUTION.match(f"{line} {lines[number + 1]}") is not None
    if _HEADER.match(line) and line.lstrip().lower().startswith(("from", "*from")):
        following = lines[number + 1 : number + 5]
        return sum(1 for other in following if _HEADER.match(other)) >= 2
    return False


def replies_in(path: Path, language: Language = ENGLISH) -> Iterator[Reply]:
    """Each message of an .eml or .mbox file whose subject carries a question token."""
    suffix = path.suffix.lower()
    if suffix not in (".eml", ".mbox") or not path.is_file():
        return
    try:
        if suffix == ".eml":
            with path.open("rb") as handle:
                message = email.message_from_binary_file(handle, policy=email.policy.default)
            yield from _reply(message, str(path), language)
            return
        box = mailbox.mbox(path, factory=_parse, create=False)  # type: ignore[arg-type]
        try:
            for number, boxed in enumerate(box, 1):
                # The same words as the rejection importer's, which skips what this took.
                where = language.gettext("%(file)s: message %(number)s", file=path, number=number)
                yield from _reply(boxed, where, language)
        finally:
            box.close()
    except (OSError, mailbox.Error, UnicodeError, ValueError):
        return  # the rejection importer reports a file it cannot read


def _parse(handle: Any) -> EmailMessage:
    return email.message_from_binary_file(handle, policy=email.policy.default)


def _reply(message: Message, where: str, language: Language) -> Iterator[Reply]:
    token = token_in(" ".join(str(message.get("Subject", "") or "").split()))
    if token is None:
        return
    try:
        day: dt.date | None = email.utils.parsedate_to_datetime(str(message.get("Date"))).date()
    except (TypeError, ValueError, IndexError):
        day = None
    yield Reply(where, token, day, own_words(message_text(message, language)))


def take_mentor_replies(
    files: tuple[Path, ...], folder: Path, settings: Settings, dry_run: bool
) -> Replies:
    """Record every mentor reply among `files` in the reflection that asked (not in a dry
    run); report one line each."""
    result = Replies()
    found = [reply for path in files for reply in replies_in(path, settings.language)]
    if not found:
        return result
    asked = {
        item.token: item
        for reflection in reflections(load_log(folder, settings).entries)
        for item in (Question(q, reflection) for q in reflection.ask_mentor)
    }
    _, recorded = settings.language, False
    for reply in found:
        result.handled.add(reply.where)
        said, failed = _record(reply, asked.get(reply.token), folder, settings, dry_run)
        result.lines.append(f"{_label(failed, dry_run, _):<8} {said}")
        result.failed |= failed
        recorded |= not failed
    if recorded:
        said = _.gettext(
            "an answer is shown on the mentor page, published with the site: "
            "read it in its reflection first"
        )
        label = _.pgettext("import", "note")
        result.lines.append(f"{label:<8} {said}")
    return result


def _label(failed: bool, dry_run: bool, language: Language) -> str:
    """The first word of a reply's line in the report."""
    # Translators: first word of a line of `recovery-log import`, at most 8 letters if you can.
    if failed:
        return language.pgettext("import", "failed")
    if dry_run:
        return language.pgettext("import", "to record")
    return language.pgettext("import", "answered")


def _record(
    reply: Reply, item: Question | None, folder: Path, settings: Settings, dry_run: bool
) -> tuple[str, bool]:
    """One reply recorded (or why not): what to say after the line's label, and whether it
    failed."""
    _ = settings.language
    if item is None:
        said = _.gettext(
            "%(where)s: a reply to question %(token)s, which no reflection asks now "
            "(reworded, or removed?); nothing changed",
            where=reply.where,
            token=reply.token,
        )
        return said, True
    if reply.day is None or reply.day > settings.today:
        return _.gettext(
            "%(where)s: its Date header is missing or after today", where=reply.where
        ), True
    if not reply.text:
        said = _.gettext(
            "%(where)s: the reply has no words of its own to record", where=reply.where
        )
        return said, True
    path = folder / item.reflection.source
    try:
        text = with_answer(
            path.read_text(encoding="utf-8"),
            path.suffix.lower() in (".md", ".markdown"),
            item.question.question,
            reply.day,
            reply.text,
        )
    except (AnswerEditError, OSError, UnicodeError, yaml.YAMLError) as exc:
        said = _.gettext(
            "%(where)s: cannot record it in %(file)s: %(problem)s",
            where=reply.where,
            file=_shown(item.reflection),
            problem=_.gettext(str(exc)) if isinstance(exc, AnswerEditError) else exc,
        )
        return said, True
    if not dry_run:
        path.write_text(text, encoding="utf-8", newline="")
    return f"{_shown(item.reflection)}: {item.question.question}", False


def _shown(reflection: Reflection) -> str:
    return reflection.source
