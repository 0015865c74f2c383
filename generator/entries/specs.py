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
from ..i18n import ENGLISH, N_, NC_, Language
from ..settings import DEFAULT_STAGES
from .yamldoc import Mapping, Pos, Sequence

INVALID: Any = object()
"""Returned by a spec when the value was wrong and a problem has been reported."""


@dataclass
class Context:
    """What a check needs to know beyond the value, and where it reports problems.

    Messages are written in `language` as they are reported: only a file with a problem has
    any, and the parse cache keys each file's problems by the language (see `ParseCache`).
    """

    path: str
    today: dt.date
    stages: tuple[str, ...] = DEFAULT_STAGES
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """Things that are valid but probably not what was meant; the entry still loads."""
    language: Language = ENGLISH

    def report(self, pos: Pos, field_name: str, message: str, **values: Any) -> None:
        """Report `message` (an English message id, translated here) about `field_name`."""
        text = self.language.gettext(message, **values)
        self.problems.append(self.located(pos, field_name, text))

    def warn(self, pos: Pos, field_name: str, text: str) -> None:
        """Warn with `text`, already in the context's language."""
        self.warnings.append(self.located(pos, field_name, text))

    def located(self, pos: Pos, field_name: str, text: str) -> Problem:
        prefix = f"{field_name}: " if field_name else ""
        return Problem(self.path, pos.line, pos.column, prefix + text, field_name)


def describe(value: Any, language: Language = ENGLISH) -> str:
    """How a found value is named in an error message."""
    _ = language.gettext
    if value is None:
        return _("nothing (an empty value)")
    if isinstance(value, bool):
        # Translators: %(value)s is true or false, as written in the entry file.
        return _("%(value)s (a yes/no value)", value="true" if value else "false")
    if isinstance(value, dt.datetime):
        return _("a date and time (%(value)s)", value=value.isoformat())
    if isinstance(value, dt.date):
        return _("the date %(date)s", date=value.isoformat())
    if isinstance(value, int | float):
        return _("the number %(number)s", number=value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping of keys and values")
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


def did_you_mean(
    word: str, choices: list[str] | tuple[str, ...], language: Language = ENGLISH
) -> str:
    """ " (did you mean 'onsite'?)", to follow a message, or "" when no choice is close."""
    close = difflib.get_close_matches(str(word).lower(), list(choices), n=1, cutoff=0.6)
    if not close:
        return ""
    # Translators: follows a message about a misspelt word; %(word)s is the likely one.
    return language.gettext(" (did you mean '%(word)s'?)", word=close[0])


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
        found = describe(value, ctx.language)
        if isinstance(value, bool | int | float | dt.date):
            ctx.report(
                pos,
                name,
                N_("expected text, found %(found)s; put it in quotes if you mean it as text"),
                found=found,
            )
        else:
            ctx.report(pos, name, N_("expected text, found %(found)s"), found=found)
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
            found = describe(value, ctx.language)
            ctx.report(pos, name, N_("expected a date as YYYY-MM-DD, found %(found)s"), found=found)
            return INVALID
        if isinstance(day, str):
            ctx.report(pos, name, N_("expected a real calendar date, found '%(found)s'"), found=day)
            return INVALID
        if day > ctx.today:
            ctx.report(
                pos,
                name,
                N_(
                    "expected a date no later than today (%(today)s), found %(found)s; "
                    "unfinished entries go in a file whose name starts with '_'"
                ),
                today=ctx.today.isoformat(),
                found=day.isoformat(),
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
            N_("expected a whole number from %(low)s to %(high)s, found %(found)s"),
            low=self.low,
            high=self.high,
            found=describe(value, ctx.language),
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
        found = describe(value, ctx.language)
        ctx.report(pos, name, N_("expected true or false, found %(found)s"), found=found)
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
            # Translators: %(choices)s lists the words allowed (as typed in the entry file);
            # %(hint)s is empty or a "did you mean" that follows the sentence.
            N_("expected one of %(choices)s, found %(found)s%(hint)s"),
            choices=", ".join(options),
            found=describe(value, ctx.language),
            hint=did_you_mean(value, options, ctx.language) if isinstance(value, str) else "",
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
            ctx.report(
                pos, name, N_("expected the date you asked (YYYY-MM-DD) or false, found true")
            )
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
        found = describe(value, ctx.language)
        ctx.report(
            pos, name, N_("expected a mapping of names to values, found %(found)s"), found=found
        )
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
                    comma_hint(value, pos, name, self.one, ctx)
                value, positions = [value], [pos]
            else:
                found = describe(value, ctx.language)
                ctx.report(pos, name, N_("expected a list, found %(found)s"), found=found)
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


def comma_hint(value: str, pos: Pos, name: str, one: str, ctx: Context) -> None:
    """`gaps: Python, SQL` is one skill named "Python, SQL": say so, and show the list form."""
    parts = [part.strip() for part in value.split(",") if part.strip()]
    ngettext = ctx.language.ngettext
    # Translators: %(list)s is the list as it should be written in the entry file
    # ("gaps: [Python, SQL]"); %(value)s is the text as the user wrote it.
    values = {"list": f"{name}: [{', '.join(parts)}]", "value": value.strip()}
    if one == "skill":
        text = ngettext(
            "if you meant %(num)s skill, write it as a list: %(list)s "
            "(as written, '%(value)s' is one skill)",
            "if you meant %(num)s skills, write them as a list: %(list)s "
            "(as written, '%(value)s' is one skill)",
            len(parts),
            **values,
        )
    elif one == "tag":
        text = ngettext(
            "if you meant %(num)s tag, write it as a list: %(list)s "
            "(as written, '%(value)s' is one tag)",
            "if you meant %(num)s tags, write them as a list: %(list)s "
            "(as written, '%(value)s' is one tag)",
            len(parts),
            **values,
        )
    else:
        text = ngettext(
            "if you meant %(num)s strength, write it as a list: %(list)s "
            "(as written, '%(value)s' is one strength)",
            "if you meant %(num)s strengths, write them as a list: %(list)s "
            "(as written, '%(value)s' is one strength)",
            len(parts),
            **values,
        )
    ctx.warn(pos, name, text)


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
            found = describe(value, ctx.language)
            if self.example:
                ctx.report(
                    pos,
                    name,
                    N_(
                        "expected a mapping of fields (key: value), found %(found)s; "
                        "for example: %(example)s"
                    ),
                    found=found,
                    example=f"{name.split('[')[0]}: {self.example}",
                )
            else:
                ctx.report(
                    pos,
                    name,
                    N_("expected a mapping of fields (key: value), found %(found)s"),
                    found=found,
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
                ctx.problems.append(
                    ctx.located(key_pos.get(key, pos), full, self.unknown_field(str(key), ctx))
                )
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
                ctx.report(pos, full, _MISSING[self.what])
                ok = False
        return result, ok

    def unknown_field(self, key: str, ctx: Context) -> str:
        """Why `key` is not a field here, in the context's language, with the likeliest fix."""
        _ = ctx.language.gettext
        # An exact field of the other type beats a near miss: `progress` in a file without
        # `type: reflection` is a missing type, not a misspelt `process`.
        for sibling in self.siblings.values():
            if key in sibling.fields:
                return _(_OTHER_TYPE[sibling.what], key=key, type=self.what)
        hint = did_you_mean(key, list(self.fields), ctx.language)
        what = ctx.language.pgettext(*_WHAT[self.what])
        if hint:
            # Translators: %(what)s is a kind of record ("rejection", "feedback", "gap"...);
            # %(hint)s is " (did you mean '...'?)".
            return _("unknown field in %(what)s%(hint)s", what=what, hint=hint)
        fields = ", ".join(self.fields)
        if "extra" in self.fields:
            return _(
                "unknown field in %(what)s; expected one of: %(fields)s; "
                "keep your own fields under 'extra:'",
                what=what,
                fields=fields,
            )
        return _("unknown field in %(what)s; expected one of: %(fields)s", what=what, fields=fields)

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
            N_("expected text or a mapping with '%(key)s:', found %(found)s"),
            key=self.key,
            found=describe(value, ctx.language),
        )
        return INVALID

    def json_schema(self, stages: tuple[str, ...] = DEFAULT_STAGES) -> dict[str, Any]:
        return {
            "anyOf": [Text().json_schema(stages), self.record.json_schema(stages)],
            "description": self.doc,
        }


_WHAT = {
    "entry": NC_("record", "entry"),
    "rejection": NC_("record", "rejection"),
    "reflection": NC_("record", "reflection"),
    "process step": NC_("record", "process step"),
    "feedback": NC_("record", "feedback"),
    "gap": NC_("record", "gap"),
    "progress item": NC_("record", "progress item"),
    "mentor question": NC_("record", "mentor question"),
}
"""Each kind of record, as an unknown-field message names it (a field name stays English)."""
_MISSING = {
    "entry": N_("required field is missing from this entry"),
    "rejection": N_("required field is missing from this rejection"),
    "reflection": N_("required field is missing from this reflection"),
    "process step": N_("required field is missing from this process step"),
    "feedback": N_("required field is missing from this feedback"),
    "gap": N_("required field is missing from this gap"),
    "progress item": N_("required field is missing from this progress item"),
    "mentor question": N_("required field is missing from this mentor question"),
}
_OTHER_TYPE = {
    "rejection": N_(
        "'%(key)s' is a field of a rejection, and this file is a reflection (type: %(type)s)"
    ),
    "reflection": N_(
        "'%(key)s' is a field of a reflection, and this file is a rejection (type: %(type)s)"
    ),
}
"""A field of the other type of entry: the likeliest fix is the `type:` line."""
