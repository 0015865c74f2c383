"""Validated fields -> entries: the date-order checks and the Rejection and Reflection objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..i18n import N_
from ..model import (
    AnyEntry,
    Feedback,
    Gap,
    MentorQuestion,
    ProcessStep,
    Progress,
    Reflection,
    Rejection,
)
from . import schema
from .files import START
from .yamldoc import Mapping, Pos, YamlProblem, parse


@dataclass
class Loaded:
    """One file's valid entry, with what the checks across files may need of it later."""

    entry: AnyEntry
    about_pos: list[Pos] | None
    """Where each `about` id stands; None until asked for (see `about_positions`)."""
    fields_text: tuple[str, int] = ("", 0)
    """The YAML of the fields and its first line's offset, to find those places again."""
    warnings: list[Problem] = field(default_factory=list)
    """What `Log.warnings` says about this entry, located."""

    def about_positions(self) -> list[Pos]:
        """Where each `about` id stands: parsed again with positions, only when needed.

        Valid files are parsed without positions (the cheap way); only a problem found
        later, such as an `about` id no entry has, needs to say where it stands.
        """
        if self.about_pos is None:
            text, offset = self.fields_text
            try:
                data, pos = parse(text, line_offset=offset)
            except YamlProblem:  # pragma: no cover - the same text parsed before
                data, pos = None, START
            self.about_pos = item_positions(
                data.get("about") if isinstance(data, dict) else None,
                value_pos(data, "about", pos),
            )
        return self.about_pos


def build_entry(
    data: Any, pos: Pos, body: str | None, path: Path, rel: str, ctx: schema.Context
) -> Loaded | None:
    if not isinstance(data, dict):
        schema.REJECTION.check(data, pos, "", ctx)
        return None
    kind = "rejection"
    if "type" in data:
        kind = schema.TYPE.spec.check(data["type"], value_pos(data, "type", pos), "type", ctx)
        if kind is schema.INVALID:
            return None
    record = schema.ENTRY_TYPES[kind]
    if body is not None and "notes" in data:
        ctx.report(
            _key_pos(data, "notes", pos),
            "notes",
            N_(
                "in a Markdown entry your notes go below the closing '---', not in a 'notes:' field"
            ),
        )
    fields, _ = record.check_fields(data, pos, "", ctx)
    _check_dates(fields, data, pos, ctx)
    if ctx.problems:
        return None
    text = body if body is not None else fields.get("notes", "")
    entry_id = entry_id_of(path)
    if kind == "reflection":
        about_pos = None
        if isinstance(data, Mapping):
            about_pos = item_positions(data.get("about"), value_pos(data, "about", pos))
        return Loaded(_reflection(entry_id, rel, fields, text), about_pos)
    return Loaded(_rejection(entry_id, rel, fields, text, ctx.stages[0]), [])


def entry_id_of(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]


def _key_pos(data: Any, key: str, default: Pos) -> Pos:
    return data.key_pos.get(key, default) if isinstance(data, Mapping) else default


def value_pos(data: Any, key: str, default: Pos) -> Pos:
    return data.value_pos.get(key, default) if isinstance(data, Mapping) else default


def item_positions(value: Any, default: Pos) -> list[Pos]:
    if isinstance(value, list) and hasattr(value, "item_pos"):
        return list(value.item_pos)
    return [default]


_NOT_AFTER_REJECTION = N_("expected a day no later than the rejection (%(bound)s), found %(found)s")
_NOT_BEFORE_REJECTION = N_(
    "expected a day no earlier than the rejection (%(bound)s), found %(found)s"
)
_NOT_BEFORE_REQUEST = N_("expected a day no earlier than the request (%(bound)s), found %(found)s")


def _check_dates(fields: dict[str, Any], data: Any, pos: Pos, ctx: schema.Context) -> None:
    """The order rules: applied <= date <= requested <= received (and date <= received);
    requested <= followed_up."""
    day: dt.date | None = fields.get("date")
    if day is None:
        return

    def out_of_order(raw: Any, key: str, found: dt.date, message: str, bound: dt.date) -> None:
        name = key if raw is data else f"feedback.{key}"
        ctx.report(
            value_pos(raw, key, pos),
            name,
            message,
            bound=bound.isoformat(),
            found=found.isoformat(),
        )

    applied = fields.get("applied")
    if applied is not None and applied > day:
        out_of_order(data, "applied", applied, _NOT_AFTER_REJECTION, day)
    feedback = fields.get("feedback")
    raw = data.get("feedback")
    if not feedback or not isinstance(raw, dict):
        return
    requested = feedback.get("requested") or None
    received = feedback.get("received")
    if requested is not None and requested < day:
        out_of_order(raw, "requested", requested, _NOT_BEFORE_REJECTION, day)
    if received is not None and received < day:
        out_of_order(raw, "received", received, _NOT_BEFORE_REJECTION, day)
    elif received is not None and requested is not None and received < requested:
        out_of_order(raw, "received", received, _NOT_BEFORE_REQUEST, requested)
    _check_follow_up(feedback, raw, pos, ctx, requested, out_of_order)


def _check_follow_up(
    feedback: dict[str, Any], raw: Any, pos: Pos, ctx: schema.Context, requested: Any, order: Any
) -> None:
    """`followed_up` needs a request (a date) and is not before it."""
    followed = feedback.get("followed_up")
    if followed is None:
        return
    if requested is None:
        ctx.report(
            value_pos(raw, "followed_up", pos),
            "feedback.followed_up",
            N_(
                "expected `requested:` (the day you asked) with a follow-up, found none: "
                "a follow-up follows a request"
            ),
        )
    elif followed < requested:
        order(raw, "followed_up", followed, _NOT_BEFORE_REQUEST, requested)


def _common(entry_id: str, rel: str, fields: dict[str, Any], body: str) -> dict[str, Any]:
    return {
        "id": entry_id,
        "source": rel,
        "date": fields["date"],
        "strengths": tuple(fields.get("strengths", ())),
        "lessons": tuple(fields.get("lessons", ())),
        "mood": fields.get("mood"),
        "tags": tuple(fields.get("tags", ())),
        "private": fields.get("private", False),
        "extra": fields.get("extra", {}),
        "body": body or "",
    }


def _rejection(
    entry_id: str, rel: str, fields: dict[str, Any], body: str, first_stage: str
) -> Rejection:
    feedback = fields.get("feedback")
    return Rejection(
        **_common(entry_id, rel, fields, body),
        company=fields["company"],
        role=fields["role"],
        track=fields.get("track") or fields["role"],
        applied=fields.get("applied"),
        stage=fields.get("stage", first_stage),
        process=tuple(ProcessStep(**step) for step in fields.get("process", ())),
        feedback=None if feedback is None else _feedback(feedback),
        gaps=tuple(Gap(**gap) for gap in fields.get("gaps", ())),
    )


def _feedback(fields: dict[str, Any]) -> Feedback:
    values = dict(fields)
    values["source"] = values.pop("from", None)
    return Feedback(**values)


def _reflection(entry_id: str, rel: str, fields: dict[str, Any], body: str) -> Reflection:
    return Reflection(
        **_common(entry_id, rel, fields, body),
        heading=fields.get("title", ""),
        about=tuple(fields.get("about", ())),
        progress=tuple(Progress(**item) for item in fields.get("progress", ())),
        decision=fields.get("decision"),
        track=fields.get("track"),
        ask_mentor=tuple(MentorQuestion(**q) for q in fields.get("ask_mentor", ())),
    )
