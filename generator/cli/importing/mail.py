"""E-mails (.eml, .mbox) -> rejections whose message text stays private; the rest skipped.

Each message is first told apart (`kinds.classify`): only a rejection is ever written. Its
company and role are read only where the e-mail states them plainly (`phrases`, `senders`);
a rejection that lacks one becomes a draft that says what to fill in.

Messages are parsed as bare `mailbox` parses them (the compat32 policy) and only the words
needed to decide are decoded: most of a real mailbox is not rejections, and its size is in
attachments and HTML newsletters.
"""

from __future__ import annotations

import email
import email.utils
import hashlib
import html
import mailbox
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from pathlib import Path

from ...i18n import ENGLISH, Language
from .candidate import Candidate, Skip
from .html_text import html_to_text
from .kinds import Verdict, classify, fresh_text
from .options import ImportOptions
from .phrases import read_body, read_subject
from .senders import company_of_sender, company_of_signature

MAX_TEXT = 20_000
"""Characters of a message kept in the entry; a rejection is a few paragraphs."""
HTML_READ = 200_000
"""Characters of an HTML part read to decide what the message is."""
_REPLY = re.compile(r"^\s*(?:re|aw|antw|sv|rv|réf)\s*:", re.IGNORECASE)
_HIDDEN_HTML = re.compile(r"<(script|style|head|title)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAK_HTML = re.compile(r"<(?:br|/p|/div|/tr|/li|/h\d|/table)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Mail:
    """What import reads of a message: decoded headers and the words of its body."""

    subject: str
    sender: str
    raw_date: str
    text: str
    """Plain text; an HTML-only message's tags are stripped (quickly: enough to decide)."""
    html: str
    """The HTML part when the message has no plain text, else ""."""
    bulk: bool
    key: str


def read_eml(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip]:
    with path.open("rb") as handle:
        message = email.message_from_binary_file(handle)
    origin = options.language.gettext("imported from %(file)s", file=path.name)
    yield read_message(message, str(path), origin, options)


def read_mbox(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip]:
    _ = options.language
    box = mailbox.mbox(path, create=False)
    try:
        for number, message in enumerate(box, 1):
            where = _.gettext("%(file)s: message %(number)s", file=path, number=number)
            origin = _.gettext(
                "imported from %(file)s, message %(number)s", file=path.name, number=number
            )
            yield read_message(message, where, origin, options)
        empty = not len(box)
    finally:
        box.close()
    if empty:
        said = _.gettext("no messages: expected an mbox file of e-mails")
        yield Skip(str(path), said, failed=True)


def read_message(
    message: Message, where: str, origin: str, options: ImportOptions
) -> Candidate | Skip:
    """A rejection (a draft when company or role is unclear), or why it is not written."""
    _, mail = options.language, summarize(message)
    replying = bool(_REPLY.match(mail.subject))
    verdict = classify("" if replying else mail.subject, mail.text, mail.bulk)
    if not verdict.is_rejection:
        return Skip(where, _said(verdict, _), False, verdict.kind, verdict.phrase)
    try:
        sent = email.utils.parsedate_to_datetime(mail.raw_date)
    except (TypeError, ValueError, IndexError):
        return Skip(where, _no_date(mail.raw_date, _), True)
    day = sent.date()
    if day > options.today:
        said = _.gettext(
            "Date header: %(day)s is after today (%(today)s)", day=day, today=options.today
        )
        return Skip(where, said, True)
    text = _readable(mail, _)
    company, role = _company_and_role(mail, text, options)
    missing = tuple(name for name, value in (("company", company), ("role", role)) if not value)
    return Candidate(
        where=where,
        date=day,
        company=company,
        role=role,
        body=private_body(mail.sender, mail.subject, day.isoformat(), text, _),
        origin=_.gettext(
            "%(origin)s; its text is in a private section, never published", origin=origin
        ),
        key=mail.key,
        missing=missing,
        doubt=""
        if verdict.sure
        else _.gettext(
            "only %(words)s says no; it may not be a rejection", words=repr(verdict.phrase)
        ),
        decided_by=verdict.phrase,
    )


def _no_date(raw_date: str, language: Language) -> str:
    if raw_date:
        return language.gettext(
            "Date header: expected a date such as %(example)s, found %(found)s",
            example="'Tue, 3 Nov 2026'",
            found=repr(raw_date),
        )
    return language.gettext(
        "Date header: expected a date such as %(example)s, it has none",
        example="'Tue, 3 Nov 2026'",
    )


def _said(verdict: Verdict, language: Language) -> str:
    kind = language.gettext(verdict.kind_name)
    if verdict.rule == "bulk_headers":
        # Translators: List-Unsubscribe is the name of a header of bulk e-mail.
        return language.gettext(
            "%(kind)s, not a rejection (it has a List-Unsubscribe header)", kind=kind
        )
    if verdict.phrase:
        return language.gettext(
            "%(kind)s, not a rejection (it says %(words)s)", kind=kind, words=repr(verdict.phrase)
        )
    return language.gettext("%(kind)s: it does not read like a rejection", kind=kind)


def _company_and_role(mail: Mail, text: str, options: ImportOptions) -> tuple[str, str]:
    """Where each is plainest: the user's flags, the subject, a sentence, sender, signature."""
    own = fresh_text(text)
    sender = company_of_sender(mail.sender)
    found = read_subject(mail.subject, sender)
    for name, value in read_body(own).items():
        found.setdefault(name, value)
    found.setdefault("company", sender or company_of_signature(own, mail.sender))
    return options.company or found["company"], options.role or found.get("role", "")


def summarize(message: Message) -> Mail:
    """The decoded headers and body words of a message, as `Mail`."""
    text, markup = _body(message)
    return Mail(
        subject=" ".join(header(message, "Subject").split()),
        sender=" ".join(header(message, "From").split()),
        raw_date=header(message, "Date").strip(),
        text=text,
        html=markup,
        bulk=bool(message.get("List-Unsubscribe") or message.get("List-Id"))
        or str(message.get("Precedence", "")).lower() in ("bulk", "list"),
        key=_key(message),
    )


def header(message: Message, name: str) -> str:
    """A header with its encoded words (=?utf-8?q?...?=) decoded; "" when absent."""
    raw = message.get(name)
    if raw is None:
        return ""
    try:
        return str(make_header(decode_header(str(raw))))
    except (HeaderParseError, LookupError, UnicodeError, ValueError):
        return str(raw)


def _body(message: Message) -> tuple[str, str]:
    """(text, html): the first plain-text part; else the first HTML part, stripped, and it."""
    markup: Message | None = None
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            return _decoded(part).replace("\r\n", "\n"), ""
        if kind == "text/html" and markup is None:
            markup = part
    if markup is None:
        return "", ""
    source = _decoded(markup)[:HTML_READ]
    quick = _TAG.sub(" ", _BREAK_HTML.sub("\n", _HIDDEN_HTML.sub(" ", source)))
    return html.unescape(quick), source


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def message_text(message: Message, language: Language = ENGLISH) -> str:
    """A message's words as an entry keeps them: its plain-text part, else its HTML read."""
    return _readable(summarize(message), language)


def _readable(mail: Mail, language: Language = ENGLISH) -> str:
    """The message's words as kept in the entry: HTML read properly, at most MAX_TEXT."""
    content = html_to_text(mail.html) if mail.html else mail.text
    content = content.strip()
    if len(content) <= MAX_TEXT:
        return content
    # Translators: ends an e-mail's text kept in an entry when the rest was left out.
    return content[:MAX_TEXT] + "\n" + language.gettext("[... cut]")


def private_body(
    sender: str, subject: str, day: str, text: str, language: Language = ENGLISH
) -> str:
    """The body: the e-mail (escaped, quoted) inside a private section, room for your words.

    Escaping `<` also means no text in the message can close the private section early.
    """
    quoted = "\n".join(f"> {line}".rstrip() for line in _escape(text).split("\n"))
    return "\n".join(
        [
            "<!-- private -->",
            language.gettext(
                "E-mail from %(sender)s on %(day)s: %(subject)s",
                sender=_escape(sender),
                day=day,
                subject=_escape(subject),
            ),
            "",
            quoted,
            "<!-- /private -->",
        ]
    )


def _escape(text: str) -> str:
    """`<` as `&lt;`: no tag renders, no marker opens or closes a section; the rest reads as is."""
    return text.replace("<", "&lt;")


def _key(message: Message) -> str:
    """The Message-ID, or a digest of date, sender and subject when it has none."""
    found = re.search(r"<[^<>\s]+>", str(message.get("Message-ID", "") or ""))
    if found:
        return f"message {found.group()}"
    parts = (str(message.get(name, "") or "") for name in ("Date", "From", "Subject"))
    digest = hashlib.sha256("\n".join(parts).encode("utf-8", "replace")).hexdigest()[:16]
    return f"message digest {digest}"
