"""The labelled e-mail corpus (fixtures/import/corpus/*.yaml) built into real messages.

Each message gets the MIME shape its label names, as mailers send them: plain 8-bit text,
quoted-printable, base64 (UTF-8 or Latin-1), HTML only, multipart/alternative, or a text with
a PDF attached; non-ASCII headers become encoded words.
"""

from __future__ import annotations

import html
import mailbox
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import yaml
from import_log import FIXTURES

CORPUS = FIXTURES / "corpus"


@dataclass(frozen=True)
class Labelled:
    id: str
    kind: str
    shape: str
    sender: str
    subject: str
    date: str
    body: str
    company: str = ""
    role: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def labelled() -> list[Labelled]:
    """Every labelled message, rejections first."""
    found = []
    for name in ("rejections.yaml", "others.yaml"):
        for item in yaml.safe_load((CORPUS / name).read_text(encoding="utf-8")):
            item["sender"] = item.pop("from")
            found.append(Labelled(**item))
    return found


def _html(text: str) -> str:
    paragraphs = "".join(
        f'<p style="margin:0 0 12px">{html.escape(p).replace(chr(10), "<br>")}</p>'
        for p in text.strip().split("\n\n")
    )
    return (
        "<!DOCTYPE html><html><head><style>p{font-family:Arial;color:#333}</style>"
        '<title>Message</title></head><body><table role="presentation"><tr><td>'
        f'{paragraphs}</td></tr></table><img src="https://t.example/open.gif"></body></html>'
    )


def build(item: Labelled, number: int) -> EmailMessage:
    message = EmailMessage(policy=SMTP)
    message["From"] = item.sender
    message["To"] = "Sam Taylor <sam@example.org>"
    message["Subject"] = item.subject
    message["Date"] = item.date
    message["Message-ID"] = f"<corpus-{number}-{item.id}@mail.example>"
    for name, value in item.headers.items():
        message[name] = value
    text = item.body
    shape = item.shape
    if shape == "plain":
        message.set_content(text, cte="8bit")
    elif shape == "qp":
        message.set_content(text, cte="quoted-printable")
    elif shape == "b64":
        message.set_content(text, cte="base64")
    elif shape == "b64-latin1":
        message.set_content(text.encode("latin-1"), "text", "plain", cte="base64")
        message.set_param("charset", "iso-8859-1")
    elif shape == "html":
        message.set_content(_html(text), subtype="html", cte="quoted-printable")
    elif shape == "alt":
        message.set_content(text, cte="quoted-printable")
        message.add_alternative(_html(text), subtype="html", cte="quoted-printable")
    elif shape == "attach":
        message.set_content(text, cte="quoted-printable")
        pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
        message.add_attachment(pdf, "application", "pdf", filename="letter.pdf")
    else:
        raise ValueError(f"{item.id}: unknown shape {shape!r}")
    return message


def write_mbox(path: Path, items: list[Labelled]) -> Path:
    """An mbox of the messages, in order (message N is items[N-1])."""
    box = mailbox.mbox(path)
    try:
        for number, item in enumerate(items, 1):
            box.add(build(item, number).as_bytes())
    finally:
        box.close()
    return path
