"""Safe YAML parsing that keeps the line and column of every key and value.

PyYAML composes the document into nodes (with the C parser when libyaml is present); we build
plain Python values from those nodes ourselves, which lets us refuse what a hand-written entry
never needs and what a hostile one abuses: duplicate keys, Python-object tags, and alias
expansion beyond a fixed budget ("billion laughs").
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, NamedTuple

import yaml

from ..i18n import ENGLISH, Language
from .yaml_messages import control_character, line_at, syntax_message, where

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_NODES = 20_000
"""How many values one document may expand to, aliases included."""
MAX_DEPTH = 50
"""How deeply lists and mappings may nest: an entry needs four levels at most."""

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class Pos(NamedTuple):
    """A 1-based line and column in the entry file (a tuple: one is made for every value)."""

    line: int
    column: int


class YamlProblem(Exception):
    """The text is not YAML we accept; carries where and why."""

    def __init__(self, pos: Pos, message: str) -> None:
        super().__init__(message)
        self.pos = pos
        self.message = message


class Mapping(dict):
    """A YAML mapping that remembers where each key and each value stood."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos: dict[Any, Pos] = {}
        self.value_pos: dict[Any, Pos] = {}


class Sequence(list):
    """A YAML sequence that remembers where each item stood."""

    def __init__(self, pos: Pos) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos: list[Pos] = []


def parse(
    text: str, line_offset: int = 0, positions: bool = True, language: Language = ENGLISH
) -> tuple[Any, Pos]:
    """Parse one YAML document; return its value and position.

    `line_offset` is added to every line (front matter starts below the `---` line).
    With `positions`, mappings and lists are `Mapping`s and `Sequence`s that know where each
    key and value stood; without, they are plain dicts and lists, which is much cheaper: a
    caller that only needs positions to word an error parses again with them when it has one.
    Both ways accept and refuse exactly the same texts, with the same problem and place.
    Raises only `YamlProblem`, whatever the text, its message in `language`.
    """
    _ = language.gettext
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = where(exc)
        places = _Places(text, line_offset)
        pos = places.of(mark) if mark else Pos(line_offset + 1, 1)
        hidden = _hidden_break_before(text, mark.index if mark else len(text))
        if hidden is not None:
            pos = places.at(hidden)
        hidden_break = None if hidden is None else text[hidden]
        message = syntax_message(exc, line_at(text, mark), hidden_break, language)
        raise YamlProblem(pos, message) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(exc, text, line_offset, language) from None
    except yaml.YAMLError as exc:
        # Translators: %(words)s is the YAML reader's own (English) description.
        message = _("not valid YAML: %(words)s", words=str(exc))
        raise YamlProblem(Pos(line_offset + 1, 1), message) from None
    except RecursionError:
        message = _(
            "not valid YAML: lists and mappings are nested far too deeply (is a bracket left open?)"
        )
        raise YamlProblem(Pos(line_offset + 1, 1), message) from None
    except Exception as exc:  # PyYAML raises IndexError and others on some malformed input
        message = _("not valid YAML (%(error)s)", error=type(exc).__name__)
        raise YamlProblem(Pos(line_offset + 1, 1), message) from None
    if node is None:
        return None, Pos(line_offset + 1, 1)
    places = _Places(text, line_offset)
    try:
        if not positions:
            try:
                return _Plain().build(node), places.of(node.start_mark)
            except _NeedPositions:
                pass  # a problem: build again with positions, to say what and where
        return _Builder(places, language).build(node), places.of(node.start_mark)
    except YamlProblem:
        raise
    except Exception as exc:  # a last guard: nothing but YamlProblem leaves this function
        message = _("cannot read this document (%(error)s)", error=type(exc).__name__)
        raise YamlProblem(places.of(node.start_mark), message) from None


def _reader_problem(
    exc: yaml.reader.ReaderError, text: str, line_offset: int, language: Language
) -> YamlProblem:
    """A character YAML does not allow (a control character, usually pasted by accident)."""
    index = exc.position if isinstance(exc.position, int) else 0
    char = text[index] if 0 <= index < len(text) else ""
    return YamlProblem(_Places(text, line_offset).at(index), control_character(char, language))


_WILDCARD = tuple(_BaseLoader.yaml_implicit_resolvers.get(None, []))
_IMPLICIT = {
    first: tuple(resolvers) + _WILDCARD
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    if first is not None
}
"""The safe loader's implicit tags (bool, int, float, null, date...) by the value's first
character, the wildcard ones appended: as `BaseResolver.resolve` looks them up."""


class _Loader(_BaseLoader):
    """PyYAML's safe loader, with a `resolve` that gives the same tags in fewer steps.

    The composer calls it for every node (half a million times for 10,000 entries).
    """

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if self.yaml_path_resolvers:  # pragma: no cover - the safe loader has none
            return str(super().resolve(kind, value, implicit))
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


_OTHER_BREAKS = ("\u2028", "\u2029", "\x85")


class _Places:
    """Turns PyYAML's marks into lines and columns as an editor counts them.

    PyYAML also counts U+2028, U+2029 and U+0085 as line breaks (text pasted from a web page or
    a PDF has them); editors do not. Only when the text has one do we count from the character
    index, with a binary search over the line starts.
    """

    def __init__(self, text: str, line_offset: int) -> None:
        self.text = text
        self.line_offset = line_offset
        self.other_breaks = any(b in text for b in _OTHER_BREAKS)
        self._starts: list[int] | None = None

    def of(self, mark: yaml.Mark) -> Pos:
        if not self.other_breaks:
            return Pos(mark.line + 1 + self.line_offset, mark.column + 1)
        return self.at(mark.index)

    def at(self, index: int) -> Pos:
        """The place of the character at `index`, counting only newlines as line breaks."""
        if self._starts is None:
            self._starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
        line = bisect.bisect_right(self._starts, index) - 1
        return Pos(line + 1 + self.line_offset, index - self._starts[line] + 1)


def _hidden_break_before(text: str, index: int) -> int | None:
    """The index of the last U+2028/U+2029/U+0085 before `index`, if any."""
    found = max(text.rfind(b, 0, index) for b in _OTHER_BREAKS)
    return found if found >= 0 else None


class _NeedPositions(Exception):
    """Raised by `_plain` where `_Builder` would raise a `YamlProblem`."""


def _scalar_constructors() -> dict[str, Any]:
    """Each scalar tag's constructor, called directly: `construct_object` is costly per value."""
    loader = yaml.SafeLoader("")
    return {tag: getattr(loader, "construct_yaml_" + tag.rsplit(":", 1)[1]) for tag in _SCALAR_TAGS}


_CONSTRUCT = _scalar_constructors()
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_DATE = "tag:yaml.org,2002:timestamp"
_Scalar = yaml.ScalarNode


def _scalar(node: yaml.Node) -> Any:
    """A scalar of an allowed tag, as PyYAML's safe loader constructs it."""
    value = node.value
    if node.tag == _DATE and len(value) == 10 and value[4] == "-" == value[7]:
        digits = value[:4] + value[5:7] + value[8:]
        if digits.isascii() and digits.isdigit():  # YYYY-MM-DD, the usual: skip the regex
            try:
                return dt.date(int(value[:4]), int(value[5:7]), int(value[8:]))
            except ValueError:
                return value
    try:
        return _CONSTRUCT[node.tag](node)
    except Exception:
        # e.g. 2026-02-30 looks like a date but is none, or `!!int ""`: as text, the
        # field's own check says what was expected, which is clearer than PyYAML.
        return value


class _Plain:
    """Nodes -> plain dicts, lists and scalars: the cheap way, for the (usual) valid file.

    It makes the same checks as `_Builder` on the same nodes, so it fails exactly when that
    fails; it then raises `_NeedPositions`, and `parse` builds again with `_Builder`, which
    says what is wrong and where.
    """

    def __init__(self) -> None:
        self.budget = MAX_NODES
        self.depth = 0

    def build(self, node: yaml.Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _NeedPositions()
        if node.__class__ is _Scalar:
            if node.tag == _STR:
                return node.value
            if node.tag not in _SCALAR_TAGS:
                raise _NeedPositions()
            return _scalar(node)
        if self.depth >= MAX_DEPTH:
            raise _NeedPositions()
        self.depth += 1
        value = self.mapping(node) if isinstance(node, yaml.MappingNode) else self.sequence(node)
        self.depth -= 1
        if self.budget < 0:  # string keys and values below are counted, not checked, one by one
            raise _NeedPositions()
        return value

    def mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        if node.tag != _MAP:
            raise _NeedPositions()
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is _Scalar and key_node.tag == _STR:
                self.budget -= 1
                key = key_node.value
            else:
                if key_node.tag == _MERGE:
                    raise _NeedPositions()
                key = self.build(key_node)
                if not isinstance(key, str | int | float | bool) and key is not None:
                    raise _NeedPositions()
            if key in result:
                raise _NeedPositions()
            if value_node.__class__ is _Scalar and value_node.tag == _STR:
                self.budget -= 1
                result[key] = value_node.value
            else:
                result[key] = self.build(value_node)
        return result

    def sequence(self, node: yaml.Node) -> list[Any]:
        if node.tag != _SEQ:
            raise _NeedPositions()
        return [self.build(item) for item in node.value]


class _Builder:
    """Nodes -> `Mapping`s and `Sequence`s that remember where each key and value stood."""

    def __init__(self, places: _Places, language: Language = ENGLISH) -> None:
        self.places = places
        self._ = language.gettext
        self.budget = MAX_NODES
        self.depth = 0

    def pos(self, node: yaml.Node) -> Pos:
        places, mark = self.places, node.start_mark
        if places.other_breaks:
            return places.at(mark.index)
        return Pos(mark.line + 1 + places.line_offset, mark.column + 1)

    def build(self, node: yaml.Node) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise YamlProblem(
                self.pos(node),
                self._(
                    "the document expands to more than %(limit)s values "
                    "(too many aliases or too large for an entry)",
                    limit=MAX_NODES,
                ),
            )
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if self.depth >= MAX_DEPTH:
            raise YamlProblem(
                self.pos(node),
                self._(
                    "lists and mappings are nested more than %(limit)s levels deep here; "
                    "an entry needs only a few (is a bracket left open?)",
                    limit=MAX_DEPTH,
                ),
            )
        self.depth += 1
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node)
            assert isinstance(node, yaml.SequenceNode)
            return self.sequence(node)
        finally:
            self.depth -= 1

    def mapping(self, node: yaml.MappingNode) -> Mapping:
        self.check_tag(node, _MAP)
        result = Mapping(self.pos(node))
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                raise YamlProblem(self.pos(key_node), self._("merge keys (<<) are not supported"))
            key = self.build(key_node)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise YamlProblem(self.pos(key_node), self._("a key must be a plain name"))
            key_pos = self.pos(key_node)
            if key in result:
                first = result.key_pos[key]
                message = self._(
                    "duplicate key '%(key)s' (first given on line %(line)s)",
                    key=key,
                    line=first.line,
                )
                raise YamlProblem(key_pos, message)
            result[key] = self.build(value_node)
            result.key_pos[key] = key_pos
            result.value_pos[key] = self.pos(value_node)
        return result

    def sequence(self, node: yaml.Node) -> Sequence:
        self.check_tag(node, _SEQ)
        result = Sequence(self.pos(node))
        for item in node.value:
            result.append(self.build(item))
            result.item_pos.append(self.pos(item))
        return result

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise self.tag_problem(node)
        return _scalar(node)

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            raise self.tag_problem(node)

    def tag_problem(self, node: yaml.Node) -> YamlProblem:
        message = self._("the YAML tag '%(tag)s' is not allowed in an entry", tag=node.tag)
        return YamlProblem(self.pos(node), message)
