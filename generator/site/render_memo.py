"""Pages' Markdown kept across the builds of one process, keyed on what their templates read.

`mkdocs serve` builds the whole site again on every save, and rendering the entry pages from
their templates took about a third of a rebuild at 1,000 entries, to give the same Markdown for
every page but the saved one. A page's Markdown depends on its templates and on the values of
the context they name, and on nothing else: a Jinja template reads its context by name only.
So the names a template (with the templates it includes and imports) can read are found once
from its source, and a page is rendered again only when the value of one of them differs from
the build before, compared by value (`value_key`).

A value that cannot be compared across builds (a function made for one build, an object of a
kind not known here) makes the page render every time, as without the memo. A template chosen
at run time (`{% include name %}` with a variable) does the same. The memo never serves a page
of a template that Jinja reloaded: the templates themselves, as loaded, are part of the key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import functools
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

import jinja2
from jinja2 import meta


class Unkeyable(Exception):
    """A value that cannot be compared with the one an earlier build had."""


_ATOMS = frozenset(
    {int, float, bool, type(None), complex, bytes, decimal.Decimal, dt.date, dt.datetime,
     dt.time, dt.timedelta}
)
"""Compared by value, and by type: 1, 1.0 and True read differently on a page."""


def value_key(value: object, known: KnownKeys | None = None) -> object:
    """What two builds' values must share for a template to print the same for both.

    Data (text, numbers, dates, containers, dataclasses) is keyed by type and value, all the
    way down. An object may say what decides it with a `memo_key()` method. A module's
    function is the same object in every build of one process, and so is one bound to data by
    `functools.partial`, keyed by that data. Anything else is `Unkeyable`.
    `known` remembers the keys of dataclass instances (the log's entries, never changed in
    place), so an entry kept across builds is keyed once.
    """
    kind = type(value)
    if kind is str:
        return value
    if kind in _ATOMS:
        return (kind, value)
    if isinstance(value, str):  # Markdown or HTML made safe (`Md`, `Markup`): not plain text
        return (kind, str(value))
    if isinstance(value, tuple | list):  # a named tuple too, keyed by its items
        return (kind, tuple([value_key(item, known) for item in value]))
    if isinstance(value, dict):
        items = value.items()
        return (kind, tuple([(value_key(k, known), value_key(v, known)) for k, v in items]))
    if isinstance(value, set | frozenset):
        return (kind, frozenset([value_key(item, known) for item in value]))
    if kind is functools.partial:  # a module's function bound to data, such as the language
        bound = cast(functools.partial[object], value)
        return (kind, value_key(bound.func, known), value_key(bound.args, known),
                value_key(bound.keywords, known))
    memo_key = getattr(kind, "memo_key", None)
    if memo_key is not None:
        return (kind, memo_key(value))
    names = _field_names(kind)
    if names is not None:
        if known is not None:
            found = known.get(value)
            if found is not None:
                return found
        key = (kind, tuple([value_key(getattr(value, name), known) for name in names]))
        if known is not None:
            known.put(value, key)
        return key
    if isinstance(value, enum.Enum) or _stable_function(value):
        return value
    raise Unkeyable(kind.__qualname__)


class KnownKeys:
    """Keys of objects already keyed, by identity, for this build and the one before.

    Each object is held while its key is, so that its `id` cannot be taken by another."""

    def __init__(self) -> None:
        self._now: dict[int, tuple[object, object]] = {}
        self._before: dict[int, tuple[object, object]] = {}

    def get(self, value: object) -> object | None:
        found = self._now.get(id(value)) or self._before.get(id(value))
        if found is None or found[0] is not value:
            return None
        self._now[id(value)] = found
        return found[1]

    def put(self, value: object, key: object) -> None:
        self._now[id(value)] = (value, key)

    def next_build(self) -> None:
        """Forget what the build before this one keyed and this one did not."""
        self._before, self._now = self._now, {}


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's fields (every one, whether or not it takes part in `==`)."""
    if kind not in _FIELDS:
        is_data = dataclasses.is_dataclass(kind)
        _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind)) if is_data else None
    return _FIELDS[kind]


def _stable_function(value: object) -> bool:
    """A class, a built-in, or a function defined at a module's top level: one object for the
    life of the process, whose result depends on its arguments (not on a closure)."""
    if isinstance(value, type | types.BuiltinFunctionType):
        return True
    return (
        isinstance(value, types.FunctionType)
        and value.__closure__ is None
        and "<" not in value.__qualname__  # not a lambda, not made inside another function
    )


@dataclasses.dataclass(frozen=True)
class TemplateReads:
    """What one template can read: names of its context, and itself and every template it
    includes or imports, as loaded now (a template Jinja reloads is a new object)."""

    names: frozenset[str]
    templates: tuple[jinja2.Template, ...]
    missing: frozenset[str] = frozenset()
    """Templates it includes `ignore missing` that do not exist: one added later is read."""


class RenderMemo:
    """Rendered pages' Markdown, kept for the life of one process (a `mkdocs serve`)."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[object, str]] = {}
        self._parsed: dict[str, tuple[jinja2.Template, frozenset[str], tuple[str | None, ...]]] = {}
        self._shared: list[object] = []
        self._shared_before: list[object] = []
        self.known = KnownKeys()
        self.rendered = 0
        """Pages rendered in the current build (the others were kept)."""

    def start_build(self, uris: Iterable[str]) -> None:
        """A build of these pages begins: pages gone from the site are forgotten."""
        current = set(uris)
        for gone in self._pages.keys() - current:
            del self._pages[gone]
        self.known.next_build()
        self._shared_before, self._shared = self._shared, []
        self.rendered = 0

    def shared(self, key: object) -> object:
        """`key`, or the equal key of the build before: the part of many pages' keys that is
        worked out once a build is then compared once, not once a page (an equal object is
        compared by identity)."""
        for before in self._shared_before:
            if before == key:
                key = before
                break
        self._shared.append(key)
        return key

    def reads(self, env: jinja2.Environment, name: str) -> TemplateReads | None:
        """What `name` can read, or None when it includes or imports a template by a name only
        known at run time."""
        names: set[str] = set()
        loaded: dict[str, jinja2.Template] = {}
        missing: set[str] = set()
        waiting = [name]
        while waiting:
            current = waiting.pop()
            if current in loaded or current in missing:
                continue
            try:
                template = env.get_template(current)
            except jinja2.TemplateNotFound:
                if current == name:
                    raise
                # `{% include ... ignore missing %}`, or an error rendering will report as
                # a build without the memo does
                missing.add(current)
                continue
            loaded[current] = template
            own, referenced = self._parse(env, current, template)
            if None in referenced:
                return None
            names |= own
            waiting.extend(ref for ref in referenced if ref is not None)
        templates = tuple(loaded[key] for key in sorted(loaded))
        return TemplateReads(frozenset(names), templates, frozenset(missing))

    def _parse(
        self, env: jinja2.Environment, name: str, template: jinja2.Template
    ) -> tuple[frozenset[str], tuple[str | None, ...]]:
        kept = self._parsed.get(name)
        if kept is not None and kept[0] is template:
            return kept[1], kept[2]
        source = env.loader.get_source(env, name)[0] if env.loader else ""
        tree = env.parse(source)
        found = frozenset(meta.find_undeclared_variables(tree))
        referenced = tuple(meta.find_referenced_templates(tree))
        self._parsed[name] = (template, found, referenced)
        return found, referenced

    def markdown(self, uri: str, key: object | None, render: Callable[[], str]) -> str:
        """The page's Markdown: kept when `key` equals the last build's, else rendered (always,
        for a page without a key)."""
        kept = self._pages.get(uri)
        if key is not None and kept is not None and kept[0] == key:
            return kept[1]
        self.rendered += 1
        markdown = render()
        if key is None:
            self._pages.pop(uri, None)
        else:
            self._pages[uri] = (key, markdown)
        return markdown


def shared_key(
    reads: TemplateReads, context: Mapping[str, Any], own: frozenset[str]
) -> object:
    """The part of a page's key that its template's pages share: the templates, and the value
    of each name it reads from `context` (the names in `own` are each page's own, keyed apart).
    Raises `Unkeyable`."""
    values = tuple(
        (name, value_key(context[name])) if name in context else (name,)
        for name in sorted(reads.names - own)
    )
    return (reads.templates, reads.missing, values)
