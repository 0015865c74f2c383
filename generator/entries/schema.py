"""The entry format as data: one declaration that both validates entries and documents them.

Each `Spec` checks a parsed YAML value, reports what is wrong (with the field's dotted name,
what was expected and what was found) and returns the clean value, or `INVALID`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from ..settings import DEFAULT_STAGES
from .yamldoc import Mapping, Pos, Sequence

INVALID: Any = object()
"""Returned by a spec when the value was wrong and a problem has been reported."""

@dataclass
class Context:
    """What a check needs to know beyond the value, and where it reports problems."""

    path: str
    today: dt.date
    stages: tuple[str, ...] = DEFAULT_STAGES
    problems: list[Problem] = field(default_factory=list)

    def report(self, pos: Pos, field_name: str, message: str) -> None:
        prefix = f"{field_name}: " if field_name else ""
        self.problems.append(Problem(self.path, pos.line, pos.column, prefix + message, field_name))


def describe(value: Any) -> str:
    """How a found value is named in an error message."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, dt.datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys and values"
    return type(value).__name__


def _literal(char: str) -> str:
    """A character for an ECMA-262 pattern (JSON Schema's regex dialect), escaped only if needed."""
    return "\\" + char if char in ".^$*+?()[]{}|\\/" else char


def words_schema(words: tuple[str, ...], doc: str) -> dict[str, Any]:
    """One of `words`, in any case: the enum lets editors offer them, the pattern accepts case."""
    any_case = "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else _literal(c) for c in word)
        for word in words
    )
    return {
        "anyOf": [{"enum": list(words)}, {"type": "string", "pattern": f"^\\s*({any_case})\\s*$"}],
        "description": doc,
    }


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(str(word).lower(), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class Spec:
    """A kind of value in an entry."""

    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        raise NotImplementedError


@dataclass
class Text(Spec):
    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if isinstance(value, str):
            text = value.strip()
            if text:
                return text
        hint = ""
        if isinstance(value, bool | int | float | dt.date):
            hint = "; put it in quotes if you mean it as text"
        ctx.report(pos, name, f"expected text, found {describe(value)}{hint}")
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S", "description": self.doc}


@dataclass
class Date(Spec):
    """An ISO date, given as a YAML date or a quoted string, never after today."""

    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        day = self.parse(value)
        if day is None:
            ctx.report(pos, name, f"expected a date as YYYY-MM-DD, found {describe(value)}")
            return INVALID
        if isinstance(day, str):
            ctx.report(pos, name, f"expected a real calendar date, found '{day}'")
            return INVALID
        if day > ctx.today:
            ctx.report(
                pos,
                name,
                f"expected a date no later than today ({ctx.today.isoformat()}), "
                f"found {day.isoformat()}; unfinished entries go in a file whose name starts "
                "with '_'",
            )
            return INVALID
        return day

    @staticmethod
    def parse(value: Any) -> dt.date | str | None:
        """A date, the text of an impossible date ('2026-02-30'), or None for anything else."""
        if isinstance(value, dt.datetime):
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            text = value.strip()
            if len(text) == 10 and text[4] == "-" and text[7] == "-":
                try:
                    return dt.date.fromisoformat(text)
                except ValueError:
                    if text.replace("-", "").isdigit():
                        return text
        return None

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {
            "type": "string",
            "format": "date",
            "pattern": r"^\s*\d{4}-\d{2}-\d{2}\s*$",
            "description": self.doc,
        }


@dataclass
class Integer(Spec):
    low: int = 0
    high: int = 0
    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        is_int = isinstance(value, int) and not isinstance(value, bool)
        if is_int and self.low <= value <= self.high:
            return value
        ctx.report(
            pos,
            name,
            f"expected a whole number from {self.low} to {self.high}, found {describe(value)}",
        )
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {
            "type": "integer",
            "minimum": self.low,
            "maximum": self.high,
            "description": self.doc,
        }


@dataclass
class Boolean(Spec):
    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if isinstance(value, bool):
            return value
        ctx.report(pos, name, f"expected true or false, found {describe(value)}")
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {"type": "boolean", "description": self.doc}


@dataclass
class Choice(Spec):
    """One of a fixed set of words, matched without regard to case."""

    choices: tuple[str, ...] = ()
    doc: str = ""

    def options(self, ctx: Context) -> tuple[str, ...]:
        return self.choices

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        options = self.options(ctx)
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        ctx.report(
            pos,
            name,
            f"expected one of {', '.join(options)}, found {describe(value)}"
            + (did_you_mean(value, options) if isinstance(value, str) else ""),
        )
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return words_schema(self.choices, self.doc)


@dataclass
class Stage(Choice):
    """A stage name from the configured stages (the plugin's `stages` option)."""

    choices: tuple[str, ...] = DEFAULT_STAGES

    def options(self, ctx: Context) -> tuple[str, ...]:
        return ctx.stages

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return words_schema(stages, self.doc)


@dataclass
class DateOrFalse(Spec):
    """`feedback.requested`: the day you asked, or false when you decided not to ask."""

    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if value is False:
            return False
        if value is True:
            ctx.report(pos, name, "expected the date you asked (YYYY-MM-DD) or false, found true")
            return INVALID
        return Date().check(value, pos, name, ctx)

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {"anyOf": [Date().json_schema(stages), {"const": False}], "description": self.doc}


@dataclass
class AnyMapping(Spec):
    """`extra:` — kept and shown, never interpreted."""

    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        ctx.report(pos, name, f"expected a mapping of names to values, found {describe(value)}")
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {"type": "object", "description": self.doc}


@dataclass
class ListOf(Spec):
    """A list; a lone value is accepted as a list of one, as people often write it so."""

    item: Spec = field(default_factory=Text)
    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            if isinstance(value, dict | str):
                value, positions = [value], [pos]
            else:
                ctx.report(pos, name, f"expected a list, found {describe(value)}")
                return INVALID
        else:
            positions = value.item_pos if isinstance(value, Sequence) else [pos] * len(value)
        result = []
        ok = True
        for index, (item, item_pos) in enumerate(zip(value, positions, strict=True)):
            checked = self.item.check(item, item_pos, f"{name}[{index + 1}]", ctx)
            if checked is INVALID:
                ok = False
            else:
                result.append(checked)
        return result if ok else INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        item = self.item.json_schema(stages)
        return {
            "anyOf": [{"type": "array", "items": item}, item, {"type": "null"}],
            "description": self.doc,
        }


@dataclass
class Field:
    spec: Spec
    required: bool = False


@dataclass
class Record(Spec):
    """A mapping with known keys; unknown keys are errors with a did-you-mean hint."""

    fields: dict[str, Field] = field(default_factory=dict)
    doc: str = ""
    what: str = "entry"
    siblings: dict[str, Record] = field(default_factory=dict, repr=False, compare=False)
    """Records a misplaced key may belong to, for a better hint (a rejection's `company`)."""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        result, ok = self.check_fields(value, pos, name, ctx)
        return result if ok else INVALID

    def check_fields(
        self, value: Any, pos: Pos, name: str, ctx: Context
    ) -> tuple[dict[str, Any], bool]:
        """The fields that are right, and whether all were: later checks can use the good ones."""
        if not isinstance(value, dict):
            where = f"{name}: " if name else ""
            ctx.problems.append(
                Problem(
                    ctx.path,
                    pos.line,
                    pos.column,
                    f"{where}expected a mapping of fields (key: value), found {describe(value)}",
                    name,
                )
            )
            return {}, False
        key_pos = value.key_pos if isinstance(value, Mapping) else {}
        value_pos = value.value_pos if isinstance(value, Mapping) else {}
        result: dict[str, Any] = {}
        ok = True
        for key, item in value.items():
            full = f"{name}.{key}" if name else str(key)
            spec = self.fields.get(key) if isinstance(key, str) else None
            if spec is None:
                ctx.report(key_pos.get(key, pos), full, self.unknown_field(str(key)))
                ok = False
                continue
            checked = spec.spec.check(item, value_pos.get(key, pos), full, ctx)
            if checked is INVALID:
                ok = False
            else:
                result[key] = checked
        for key, spec in self.fields.items():
            if spec.required and key not in value:
                full = f"{name}.{key}" if name else key
                ctx.report(pos, full, f"required field is missing from this {self.what}")
                ok = False
        return result, ok

    def unknown_field(self, key: str) -> str:
        # An exact field of the other type beats a near miss: `progress` in a file without
        # `type: reflection` is a missing type, not a misspelt `process`.
        for sibling in self.siblings.values():
            if key in sibling.fields:
                return (
                    f"'{key}' is a field of a {sibling.what}, and this file is a {self.what}"
                    f" (type: {self.what})"
                )
        hint = did_you_mean(key, list(self.fields))
        if hint:
            return f"unknown field in {self.what}{hint}"
        extra = "; keep your own fields under 'extra:'" if "extra" in self.fields else ""
        return f"unknown field in {self.what}; expected one of: {', '.join(self.fields)}{extra}"

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {
            "type": "object",
            "description": self.doc,
            "properties": {k: f.spec.json_schema(stages) for k, f in self.fields.items()},
            "required": [k for k, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


@dataclass
class TextOr(Spec):
    """A bare string as shorthand for a record whose `key` field is that string."""

    record: Record = field(default_factory=Record)
    key: str = ""
    doc: str = ""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if isinstance(value, str):
            text = Text().check(value, pos, name, ctx)
            return INVALID if text is INVALID else {self.key: text}
        if isinstance(value, dict):
            return self.record.check(value, pos, name, ctx)
        ctx.report(
            pos,
            name,
            f"expected text or a mapping with '{self.key}:', found {describe(value)}",
        )
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {
            "anyOf": [Text().json_schema(stages), self.record.json_schema(stages)],
            "description": self.doc,
        }


def _text(doc: str) -> Field:
    return Field(Text(doc=doc))


def _strings(doc: str) -> Field:
    return Field(ListOf(Text(), doc=doc))


PROCESS_STEP = Record(
    what="process step",
    doc="One step of the interview process.",
    fields={
        "stage": Field(Stage(doc="The stage of this step."), required=True),
        "date": Field(Date(doc="The day of this step.")),
        "format": _text("What the step was like: take-home, live coding, panel of 3..."),
        "notes": _text("Anything worth remembering."),
    },
)

FEEDBACK = Record(
    what="feedback",
    doc="Your request for feedback and its answer. Absent: not requested yet.",
    fields={
        "requested": Field(DateOrFalse(doc="The day you asked, or false (decided not to ask).")),
        "via": Field(Choice(("email", "phone", "in-person", "other"), doc="How you asked.")),
        "received": Field(Date(doc="The day the answer came; absent while pending.")),
        "declined": Field(Boolean(doc="True when the company said it gives no feedback.")),
        "from": _text("Who gave the feedback."),
        "summary": _text("What they said, in a sentence or two."),
    },
)

GAP = TextOr(
    key="skill",
    doc="A skill you lacked; a bare string is short for {skill: ...}.",
    record=Record(
        what="gap",
        fields={
            "skill": Field(Text(doc="The skill."), required=True),
            "severity": Field(
                Choice(("low", "medium", "high"), doc="How much it mattered (default medium).")
            ),
            "evidence": _text("What showed the gap."),
            "plan": _text("What you will do about it."),
        },
    ),
)

PROGRESS = Record(
    what="progress item",
    doc="Work on a gap.",
    fields={
        "skill": Field(Text(doc="The skill."), required=True),
        "status": Field(
            Choice(("open", "learning", "closed"), doc="Where you are with it."), required=True
        ),
        "note": _text("What you did."),
    },
)

QUESTION = TextOr(
    key="question",
    doc="A question for your mentor; a bare string is short for {question: ...}.",
    record=Record(
        what="mentor question",
        fields={
            "question": Field(Text(doc="The question."), required=True),
            "answered": Field(Date(doc="The day it was answered; it then leaves the agenda.")),
        },
    ),
)

TYPE = Field(Choice(("rejection", "reflection"), doc="rejection (the default) or reflection."))

COMMON: dict[str, Field] = {
    "type": TYPE,
    "strengths": _strings("What went well or was praised."),
    "lessons": _strings("What to do differently next time."),
    "mood": Field(Integer(1, 5, doc="1 (crushed) to 5 (fine).")),
    "tags": _strings("Tags for grouping; shown through Material's tags plugin."),
    "private": Field(Boolean(doc="True: never in a published build.")),
    "extra": Field(AnyMapping(doc="Your own fields: kept and shown, never interpreted.")),
}

REJECTION = Record(
    what="rejection",
    doc="A rejection: one 'no', with what you learnt from it.",
    fields={
        "type": TYPE,
        "date": Field(Date(doc='The day the "no" arrived.'), required=True),
        "company": Field(Text(doc="The company."), required=True),
        "role": Field(Text(doc="The role."), required=True),
        "track": _text("The role family used to group roles; default: the role."),
        "applied": Field(Date(doc="The day you applied.")),
        "stage": Field(Stage(doc="The furthest stage reached; default applied.")),
        "process": Field(ListOf(PROCESS_STEP, doc="What the process involved, in order.")),
        "feedback": Field(FEEDBACK),
        "gaps": Field(ListOf(GAP, doc="What you lacked, per the feedback or your own view.")),
        **{k: v for k, v in COMMON.items() if k != "type"},
        "notes": _text("In a .yml/.yaml entry: the Markdown body."),
    },
)

REFLECTION = Record(
    what="reflection",
    doc="A reflection: looking back over one or more entries.",
    fields={
        "type": TYPE,
        "date": Field(Date(doc="The day you wrote it."), required=True),
        "title": _text('A title; default "Reflection, <date>".'),
        "about": _strings("Ids (file names without extension) of the entries it reflects on."),
        "progress": Field(ListOf(PROGRESS, doc="Work on gaps.")),
        "decision": Field(
            Choice(("persist", "pivot", "undecided"), doc="About a track: persist, pivot...")
        ),
        "track": _text("The track the decision is about."),
        "ask_mentor": Field(ListOf(QUESTION, doc="Questions for your next mentor session.")),
        **{k: v for k, v in COMMON.items() if k != "type"},
        "notes": _text("In a .yml/.yaml entry: the Markdown body."),
    },
)

ENTRY_TYPES: dict[str, Record] = {"rejection": REJECTION, "reflection": REFLECTION}
REJECTION.siblings["reflection"] = REFLECTION
REFLECTION.siblings["rejection"] = REJECTION


SCHEMA_ID = "https://recovery-log.invalid/schema/entry.schema.json"


def entry_json_schema(stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
    """The JSON Schema of an entry file (front matter or .yml), from the same specs as the loader.

    Editors (the YAML language server) use it to check and complete entries as you type.
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Recovery Log entry",
        "description": "One rejection or reflection. See the entry format page of your site.",
        "if": {
            "properties": {
                "type": {"pattern": "^\\s*[rR][eE][fF][lL][eE][cC][tT][iI][oO][nN]\\s*$"}
            },
            "required": ["type"],
        },
        "then": REFLECTION.json_schema(stages),
        "else": REJECTION.json_schema(stages),
    }
