"""The entry format as data: one declaration that both validates entries and documents them.

Each field is a `Spec` (see `specs.py`): it checks a parsed YAML value, reports what is wrong
(with the field's dotted name, what was expected and what was found) and returns the clean
value, or `INVALID`; the same declaration writes the JSON Schema for editors.
"""

from __future__ import annotations

from typing import Any

from ..i18n import ENGLISH, N_, Language
from ..settings import DEFAULT_STAGES
from .specs import (
    INVALID,
    AnyMapping,
    Boolean,
    Choice,
    Context,
    Date,
    DateOrFalse,
    Field,
    Integer,
    ListOf,
    Record,
    Spec,
    Stage,
    Text,
    TextOr,
    describe,
    did_you_mean,
    words_schema,
)

__all__ = [
    "INVALID",
    "AnyMapping",
    "Boolean",
    "Choice",
    "Context",
    "Date",
    "DateOrFalse",
    "Field",
    "Integer",
    "ListOf",
    "Record",
    "Spec",
    "Stage",
    "Text",
    "TextOr",
    "describe",
    "did_you_mean",
    "words_schema",
]


def _text(doc: str) -> Field:
    return Field(Text(doc=doc))


def _strings(doc: str, one: str = "") -> Field:
    """A list of texts; `one` names an item, for the warning on a lone value with commas."""
    return Field(ListOf(Text(), doc=doc, one=one))


PROCESS_STEP = Record(
    what="process step",
    example="[{stage: screen, format: recruiter call}]",
    doc=N_("One step of the interview process."),
    fields={
        "stage": Field(Stage(doc=N_("The stage of this step.")), required=True),
        "date": Field(Date(doc=N_("The day of this step."))),
        "format": _text(N_("What the step was like: take-home, live coding, panel of 3...")),
        "notes": _text(N_("Anything worth remembering.")),
    },
)

FEEDBACK = Record(
    what="feedback",
    example="{requested: 2026-11-20, via: email}",
    doc=N_("Your request for feedback and their reply. Absent: not requested yet."),
    fields={
        "requested": Field(
            DateOrFalse(doc=N_("The day you asked, or false (decided not to ask)."))
        ),
        "via": Field(Choice(("email", "phone", "in-person", "other"), doc=N_("How you asked."))),
        "followed_up": Field(
            Date(doc=N_("The day you sent your one polite follow-up; not before requested."))
        ),
        "received": Field(Date(doc=N_("The day their reply came; absent while pending."))),
        "declined": Field(Boolean(doc=N_("True when the company said it gives no feedback."))),
        "from": _text(N_("Who gave the feedback.")),
        "summary": _text(N_("What they said, in a sentence or two.")),
    },
)

GAP = TextOr(
    key="skill",
    doc=N_("A skill you lacked; a bare string is short for {skill: ...}."),
    record=Record(
        what="gap",
        fields={
            "skill": Field(Text(doc=N_("The skill.")), required=True),
            "severity": Field(
                Choice(("low", "medium", "high"), doc=N_("How much it mattered (default medium)."))
            ),
            "evidence": _text(N_("What showed the gap.")),
            "plan": _text(N_("What you will do about it.")),
        },
    ),
)

PROGRESS = Record(
    what="progress item",
    example="[{skill: SQL, status: learning}]",
    doc=N_("Work on a gap."),
    fields={
        "skill": Field(Text(doc=N_("The skill.")), required=True),
        "status": Field(
            Choice(("open", "learning", "closed"), doc=N_("Where you are with it.")), required=True
        ),
        "note": _text(N_("What you did.")),
    },
)

QUESTION = TextOr(
    key="question",
    doc=N_("A question for your mentor; a bare string is short for {question: ...}."),
    record=Record(
        what="mentor question",
        fields={
            "question": Field(Text(doc=N_("The question.")), required=True),
            "answered": Field(Date(doc=N_("The day it was answered; it then leaves the agenda."))),
            "answer": _text(N_("What your mentor said.")),
        },
    ),
)

TYPE = Field(Choice(("rejection", "reflection"), doc=N_("rejection (the default) or reflection.")))

COMMON: dict[str, Field] = {
    "type": TYPE,
    "strengths": _strings(N_("What went well or was praised."), one="strength"),
    "lessons": _strings(N_("What to do differently next time.")),
    "mood": Field(Integer(1, 5, doc=N_("1 (crushed) to 5 (fine)."))),
    "tags": _strings(N_("Tags for grouping; shown through Material's tags plugin."), one="tag"),
    "private": Field(Boolean(doc=N_("True: never in a published build."))),
    "extra": Field(AnyMapping(doc=N_("Your own fields: kept and shown, never interpreted."))),
}

REJECTION = Record(
    what="rejection",
    doc=N_("A rejection: one 'no', with what you learnt from it."),
    fields={
        "type": TYPE,
        "date": Field(Date(doc=N_('The day the "no" arrived.')), required=True),
        "company": Field(Text(doc=N_("The company.")), required=True),
        "role": Field(Text(doc=N_("The role.")), required=True),
        "track": _text(N_("The role family used to group roles; default: the role.")),
        "applied": Field(Date(doc=N_("The day you applied."))),
        "stage": Field(Stage(doc=N_("The furthest stage reached; default applied."))),
        "process": Field(ListOf(PROCESS_STEP, doc=N_("What the process involved, in order."))),
        "feedback": Field(FEEDBACK),
        "gaps": Field(
            ListOf(GAP, doc=N_("What you lacked, per the feedback or your own view."), one="skill")
        ),
        **{k: v for k, v in COMMON.items() if k != "type"},
        "notes": _text(N_("In a .yml/.yaml entry: the Markdown body.")),
    },
)

REFLECTION = Record(
    what="reflection",
    doc=N_("A reflection: looking back over one or more entries."),
    fields={
        "type": TYPE,
        "date": Field(Date(doc=N_("The day you wrote it.")), required=True),
        "title": _text(N_('A title; default "Reflection, <date>".')),
        "about": _strings(N_("Ids (file names without extension) of the entries it reflects on.")),
        "progress": Field(ListOf(PROGRESS, doc=N_("Work on gaps."))),
        "decision": Field(
            Choice(("persist", "pivot", "undecided"), doc=N_("About a track: persist, pivot..."))
        ),
        "track": _text(N_("The track the decision is about.")),
        "ask_mentor": Field(ListOf(QUESTION, doc=N_("Questions for your next mentor session."))),
        **{k: v for k, v in COMMON.items() if k != "type"},
        "notes": _text(N_("In a .yml/.yaml entry: the Markdown body.")),
    },
)

ENTRY_TYPES: dict[str, Record] = {"rejection": REJECTION, "reflection": REFLECTION}
REJECTION.siblings["reflection"] = REFLECTION
REFLECTION.siblings["rejection"] = REJECTION


SCHEMA_ID = "https://recovery-log.invalid/schema/entry.schema.json"


def entry_json_schema(
    stages: tuple[str, ...] = DEFAULT_STAGES, language: Language = ENGLISH
) -> dict[str, Any]:
    """The JSON Schema of an entry file (front matter or .yml), from the same specs as the loader.

    Editors (the YAML language server) use it to check and complete entries as you type, and
    show its descriptions as hints: those are in `language` (the keys and values stay the
    entry format's English).
    """
    return _described_in(language, _entry_json_schema(stages))


def _described_in(language: Language, schema: Any) -> Any:
    """`schema` with each title and description (catalog messages) in `language`; an empty
    one stays empty (gettext would give the catalog's header for it)."""
    if isinstance(schema, dict):
        return {
            key: language.gettext(value)
            if key in ("title", "description") and isinstance(value, str) and value
            else _described_in(language, value)
            for key, value in schema.items()
        }
    if isinstance(schema, list):
        return [_described_in(language, item) for item in schema]
    return schema


def _entry_json_schema(stages: tuple[str, ...]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": N_("Recovery Log entry"),
        "description": N_(
            "One rejection or reflection. See the Writing entries page of your site "
            "(/entry-format/)."
        ),
        "if": {
            "properties": {
                "type": {"pattern": "^\\s*[rR][eE][fF][lL][eE][cC][tT][iI][oO][nN]\\s*$"}
            },
            "required": ["type"],
        },
        "then": REFLECTION.json_schema(stages),
        "else": REJECTION.json_schema(stages),
    }
