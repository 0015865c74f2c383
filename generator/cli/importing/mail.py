"""Rejection e-mails (.eml, .mbox) -> rejections whose message text stays private.

Company and role are read only where the e-mail states them plainly (the subject, a sentence
such as "your application for the Product Analyst role at Fabrikam", or a sender such as
"Fabrikam Careers"); anything less certain becomes a draft that says what to fill in.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import mailbox
import re
from collections.abc import Iterator
from email.message import EmailMessage, Message
from pathlib import Path
from typing import Any

from .candidate import Candidate, Skip
from .html_text import html_to_text
from .options import ImportOptions
from .phrases import is_rejection_text, read_body, read_sender, read_subject

NOT_A_NO = "it does not read like a rejection"
MAX_TEXT = 20_000
"""Characters of a message kept in the entry; a rejection is a few paragraphs."""


def read_eml(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip]:
    with path.open("rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    yield read_message(message, str(path), f"imported from {path.name}", options)


def read_mbox(path: Path, options: ImportOptions) -> Iterator[Candidate | Skip]:
    # The factory parses with the modern policy (get_body, decoded headers), not mboxMessage.
    box = mailbox.mbox(path, factory=_parse, create=False)  # type: ignore[arg-type]
    try:
        for number, message in enumerate(box, 1):
            where = f"{path}: message {number}"
            origin = f"imported from {path.name}, message {number}"
            yield read_message(message, where, origin, options)
    finally:
        box.close()
    if not len(box):
        yield Skip(str(path), "no messages: expected an mbox file of e-mails", failed=True)


def _parse(handle: Any) -> EmailMessage:
    return email.message_from_binary_file(handle, policy=email.policy.default)  # type: ignore[return-value]


def read_message(
    message: Message, where: str, origin: str, options: ImportOptions
) -> Candidate | Skip:
    """One message as a rejection (a draft when company or role is unclear), or why not."""
    raw_date = str(message.get("Date", "") or "").strip()
    try:
        sent = email.utils.parsedate_to_datetime(raw_date)
    except (TypeError, ValueError, IndexError):
        hint = f"found {raw_date!r}" if raw_date else "it has none"
        return Skip(where, f"Date header: expected a date such as 'Tue, 3 Nov 2026', {hint}", True)
    day = sent.date()
    if day > options.today:
        return Skip(where, f"Date header: {day} is after today ({options.today})", True)
    subject = " ".join(str(message.get("Subject", "") or "").split())
    sender = str(message.get("From", "") or "")
    text = message_text(message)
    found = read_subject(subject)
    for source in (read_body(text), read_sender(sender)):
        for name, value in source.items():
            found.setdefault(name, value)
    company = options.company or found.get("company", "")
    role = options.role or found.get("role", "")
    return Candidate(
        where=where,
        date=day,
        company=company,
        role=role,
        body=private_body(sender, subject, day.isoformat(), text),
        origin=f"{origin}; its text is in a private section, never published",
        key=_key(message, raw_date, sender, subject),
        missing=tuple(name for name, value in (("company", company), ("role", role)) if not value),
        doubt="" if is_rejection_text(f"{subject}\n{text}") else NOT_A_NO,
    )


def message_text(message: Message) -> str:
    """The message's words: its plain-text part, else its HTML part turned into text."""
    if not isinstance(message, EmailMessage):
        return ""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = str(part.get_content())
    except (LookupError, UnicodeError, AttributeError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if part.get_content_type() == "text/html":
        content = html_to_text(content)
    content = content.replace("\r\n", "\n").strip()
    return content if len(content) <= MAX_TEXT else content[:MAX_TEXT] + "\n[... cut]"


def private_body(sender: str, subject: str, day: str, text: str) -> str:
    """The body: the e-mail (escaped, quoted) inside a private section, room for your words.

    Escaping `<` also means no text in the message can close the private section early.
    """
    quoted = "\n".join(f"> {line}".rstrip() for line in _escape(text).split("\n"))
    return "\n".join(
        [
            "<!-- private -->",
            f"E-mail from {_escape(sender)} on {day}: {_escape(subject)}",
            "",
            quoted,
            "<!-- /private -->",
        ]
    )


def _escape(text: str) -> str:
    """`<` as `&lt;`: no tag renders, no marker opens or closes a section; the rest reads as is."""
    return text.replace("<", "&lt;")


def _key(message: Message, raw_date: str, sender: str, subject: str) -> str:
    """The Message-ID, or a digest of date, sender and subject when it has none."""
    found = re.search(r"<[^<>\s]+>", str(message.get("Message-ID", "") or ""))
    if found:
        return f"message {found.group()}"
    digest = hashlib.sha256(f"{raw_date}\n{sender}\n{subject}".encode()).hexdigest()[:16]
    return f"message digest {digest}"
