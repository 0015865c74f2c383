"""The kinds of value an entry field can hold: each checks, reports and documents itself.

Each `Spec` checks a parsed YAML value, reports what is wrong (with the field's dotted name,
what was expected and what was found) and returns the clean value, or `INVALID`. The entry
format itself, built from these, is `schema.py`.
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
    warnings: list[Problem] = field(default_factory=list)
    """Things that are valid but probably not what was meant; the entry still loads."""

    def report(self, pos: Pos, field_name: str, message: str) -> None:
        prefix = f"{field_name}: " if field_name else ""
        self.problems.append(Problem(self.path, pos.line, pos.column, prefix + message, field_name))

    def warn(self, pos: Pos, field_name: str, message: str) -> None:
        prefix = f"{field_name}: " if field_name else ""
        self.warnings.append(Problem(self.path, pos.line, pos.column, prefix + message, field_name))


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
    one: str = ""
    """What one item is ("skill"): a lone value with commas then gets a warning (`comma_hint`)."""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        if value is None:
            return []
        if not isinstance(value, list):
            if isinstance(value, dict | str):
                if self.one and isinstance(value, str) and "," in value:
                    ctx.warn(pos, name, comma_hint(value, name, self.one))
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


def comma_hint(value: str, name: str, one: str) -> str:
    """`gaps: Python, SQL` is one skill named "Python, SQL": say so, and show the list form."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    return (
        f"if you meant {len(parts)} {one}s, write them as a list: {name}: [{', '.join(parts)}] "
        f"(as written, '{value.strip()}' is one {one})"
    )


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
    example: str = ""
    """The record written on one line (`{requested: 2026-11-20, via: email}`), shown when the
    value is not a mapping at all (`feedback: yes`)."""

    def check(self, value: Any, pos: Pos, name: str, ctx: Context) -> Any:
        result, ok = self.check_fields(value, pos, name, ctx)
        return result if ok else INVALID

    def check_fields(
        self, value: Any, pos: Pos, name: str, ctx: Context
    ) -> tuple[dict[str, Any], bool]:
        """The fields that are right, and whether all were: later checks can use the good ones."""
        if not isinstance(value, dict):
            where = f"{name}: " if name else ""
            shape = f"; for example: {name.split('[')[0]}: {self.example}" if self.example else ""
            ctx.problems.append(
                Problem(
                    ctx.path,
                    pos.line,
                    pos.column,
                    f"{where}expected a mapping of fields (key: value), found {describe(value)}"
                    + shape,
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
