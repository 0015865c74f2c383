"""One entry to be written by `import`, and the text of its file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import yaml

from ...i18n import ENGLISH, Language
from ..scaffold import NewEntry


@dataclass
class Candidate:
    """A rejection read from a row or a message, not yet written."""

    where: str
    """Where it came from, as reported: `applications.csv:4`, `inbox.mbox: message 2`."""
    date: dt.date
    company: str
    role: str
    track: str = ""
    applied: dt.date | None = None
    stage: str = ""
    gaps: tuple[str, ...] = ()
    strengths: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    body: str = ""
    origin: str = ""
    """One line for the file's header comment: what it was imported from."""
    key: str = ""
    """A mark that identifies the source across renames (an e-mail's Message-ID)."""
    missing: tuple[str, ...] = ()
    """What could not be read with confidence: the entry is written as a draft to finish."""
    entry_id: str = ""
    """The id to keep (an export's `id` column), instead of one made from date, company, role."""
    doubt: str = ""
    """Why it may not be a rejection at all: the entry is written as a draft to check."""
    notes: list[str] = field(default_factory=list)
    """Things the user should know about this entry (shown in the report)."""
    decided_by: str = ""
    """The words that made an e-mail a rejection (shown with --verbose)."""
    private: str = ""
    """Free text of the source (contacts, notes, other cells): kept in a private section."""

    @property
    def is_draft(self) -> bool:
        return bool(self.missing or self.doubt)

    def file_name(self) -> str:
        """As `recovery-log new` names it; drafts get a leading `_` so builds ignore them."""
        name = NewEntry("rejection", self.date, self.company, self.role).file_name()
        if self.entry_id:
            name = f"{self.entry_id}.md"
        return f"_{name}" if self.is_draft else name


@dataclass(frozen=True)
class Skip:
    """A row or message that is not written, and why."""

    where: str
    reason: str
    failed: bool
    """True when it could not be imported (an error); False when it is not a rejection."""
    kind: str = ""
    """What an e-mail is instead (`kinds.KIND_NAMES`): such skips are counted by kind and
    listed only with --verbose. "" for a spreadsheet row."""
    phrase: str = ""
    """The words that decided the kind."""


@dataclass(frozen=True)
class Notice:
    """Something worth knowing about a whole file (how it was read); not a row."""

    where: str
    message: str


KEY_PREFIX = "# import key: "
DRAFT_MARK = "# DRAFT: "


def entry_text(candidate: Candidate, schema_ref: str | None, language: Language = ENGLISH) -> str:
    """The entry file: header comments, the fields as YAML front matter, then the body."""
    lines = ["---"]
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    if candidate.origin:
        lines.append(f"# {_one_line(candidate.origin)}")
    if candidate.key:
        lines.append(f"{KEY_PREFIX}{_one_line(candidate.key)}")
    if candidate.is_draft:
        # DRAFT_MARK stays as it is in every language: a later import finds its drafts by it.
        header = language.gettext(
            "%(advice)s, then rename this file\nwithout its leading _ so that the site shows it.",
            advice=draft_advice(candidate, language),
        ).split("\n")
        lines += [DRAFT_MARK + header[0], *(f"# {line}" for line in header[1:])]
    fields = yaml.safe_dump(
        _fields(candidate), sort_keys=False, allow_unicode=True, width=1000
    ).rstrip("\n")
    lines += [fields, "---"]
    parts = [candidate.body.strip("\n")]
    if candidate.private.strip():
        parts.append(private_section(candidate.private))
    body = "\n\n".join(part for part in parts if part)
    return "\n".join(lines) + "\n" + (body + "\n" if body else "")


def private_section(text: str) -> str:
    """`text` inside a private section; `<` escaped so that nothing in it closes the section."""
    escaped = text.strip("\n").replace("<", "&lt;")
    return "\n".join(["<!-- private -->", escaped, "<!-- /private -->"])


def draft_advice(candidate: Candidate, language: Language = ENGLISH) -> str:
    """What the user has to do before a draft can join the log: what is missing, what to check.

    The missing fields are named as the entry format names them (`company`, `role`)."""
    _ = language
    advice = []
    missing = candidate.missing
    if len(missing) == 1:
        advice.append(_.gettext("fill in %(field)s (not found in it)", field=missing[0]))
    elif missing:
        advice.append(
            _.gettext(
                "fill in %(first)s and %(second)s (not found in it)",
                first=", ".join(missing[:-1]),
                second=missing[-1],
            )
        )
    if candidate.doubt:
        advice.append(_.gettext("check it: %(doubt)s", doubt=candidate.doubt))
    return "; ".join(advice)


def _fields(candidate: Candidate) -> dict[str, object]:
    fields: dict[str, object] = {
        "date": candidate.date,
        "company": candidate.company,
        "role": candidate.role,
    }
    optional: dict[str, object] = {
        "track": candidate.track,
        "applied": candidate.applied,
        "stage": candidate.stage,
        "gaps": list(candidate.gaps),
        "strengths": list(candidate.strengths),
        "lessons": list(candidate.lessons),
        "tags": list(candidate.tags),
        "extra": dict(candidate.extra),
    }
    fields.update({name: value for name, value in optional.items() if value})
    return fields


def _one_line(text: str) -> str:
    return " ".join(text.split())
